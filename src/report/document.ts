/**
 * The report document: its shape, derived from the format model (schema.ts makes the zod
 * schema of it), its types and an empty report. A cell id is the dotted path of its value in the
 * document; computed cells are never stored.
 */
import { NOT_VALID, readShape, type Shape } from './shape.ts';
import {
  AGENCY_KINDS,
  APPEAL_KIND_IDS,
  APPEAL_OUTCOME_IDS,
  APPLICANT_COLUMN_IDS,
  DOCUMENT_KIND,
  ENTERED_APPLICATIONS_ROWS,
  FORMAT_VERSION,
  NARRATIVE_SECTION_IDS,
  PROACTIVE_DOCUMENT_COLUMNS,
  PROACTIVE_ROWS,
  SECTIONS,
  standardPreamble,
  type AgencyKind,
  type AppealKind,
  type AppealOutcome,
  type ApplicantColumn,
  type ApplicationsRowId,
  type NarrativeSectionId,
  type ProactiveDocumentColumn,
} from './format.ts';

/**
 * 1: the first published document. 2: adds `review` (the supervisor's status, comments and
 * actions) and `aggregate` (the units an aggregate report sums up). See MIGRATIONS in decode.ts.
 */
export const SCHEMA_VERSION = 2 as const;

/** Largest narrative text we accept in one part; a published report's longest part is ~5,000. */
export const MAX_TEXT_LENGTH = 100_000;

export { decimalPlaces } from './shape.ts';

// ---------------------------------------------------------------------------------------------
// Types (spelled out from the model's id unions so that every cell is typed)
// ---------------------------------------------------------------------------------------------

/** A count: a whole number ≥ 0, or null while not filled. */
export type Count = number | null;
/** An amount in 万元: a decimal ≥ 0 with at most 4 places, or null while not filled. */
export type Amount = number | null;

export interface NarrativePart {
  title: string;
  text: string;
}

type TopKey<K extends string> = K extends `${infer H}.${string}` ? H : K;
type SubKey<K extends string, H extends string> = K extends `${H}.${infer R}` ? R : never;
/** Turns dotted ids ('withheld.stateSecret') into nested objects with `Leaf` at the ends. */
type Nest<Ids extends string, Leaf> = {
  [H in TopKey<Ids>]: H extends Ids ? Leaf : Nest<SubKey<Ids, H>, Leaf>;
};

export type ApplicantCounts = Record<ApplicantColumn, Count>;
export type Applications = Nest<Exclude<ApplicationsRowId, 'resultsTotal'>, ApplicantCounts>;
export type AppealCounts = Record<AppealOutcome, Count>;
export type Appeals = Record<AppealKind, AppealCounts>;
export type DocumentCounts = Record<ProactiveDocumentColumn, Count>;

export interface Proactive {
  regulations: DocumentCounts;
  normativeDocuments: DocumentCounts;
  licensing: Count;
  punishment: Count;
  enforcement: Count;
  fees: Amount;
}

export interface ReportMeta {
  agency: string;
  agencyKind: AgencyKind;
  year: number | null;
  contact: string;
  publishedOn: string | null;
}

export interface Narrative {
  preamble: string;
  overview: NarrativePart[];
  problems: NarrativePart[];
  other: NarrativePart[];
}

export type ReportStatus = 'draft' | 'ready';

export interface Report {
  kind: typeof DOCUMENT_KIND;
  formatVersion: typeof FORMAT_VERSION;
  schemaVersion: typeof SCHEMA_VERSION;
  status: ReportStatus;
  meta: ReportMeta;
  narrative: Narrative;
  proactive: Proactive;
  applications: Applications;
  appeals: Appeals;
  /** The clerk's written reason for each explained warning, keyed by the finding's key. */
  explanations: Record<string, string>;
  /** The supervisor's review: travels with the file between clerk and 政务公开办. */
  review: Review;
  /** For an aggregate (汇总) report: the units it sums up; null for a unit's own report. */
  aggregate: AggregateInfo | null;
}

export const REVIEW_STATUSES = ['notSubmitted', 'submitted', 'returned', 'approved'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_ACTIONS = ['submitted', 'returned', 'approved', 'commented', 'resolved', 'reopened'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface ReviewComment {
  id: string;
  /**
   * What the comment is about: a cell id (`applications.granted.naturalPerson`), a narrative
   * path (`narrative.preamble`, `narrative.overview.2`, `meta.agency`), or '' for the whole report.
   */
  target: string;
  /** The part's title when the comment was made, to find the part again after reordering. */
  partTitle?: string;
  text: string;
  author: string;
  /** ISO 8601 time. */
  at: string;
  resolved: boolean;
  resolvedAt?: string;
}

export interface ReviewEvent {
  action: ReviewAction;
  at: string;
  by: string;
  note?: string;
}

export interface Review {
  status: ReviewStatus;
  comments: ReviewComment[];
  history: ReviewEvent[];
}

export interface AggregateInfo {
  /** Units summed into this report. */
  units: { agency: string; status: ReviewStatus }[];
  /** Expected units with no report for the year. */
  missing: string[];
  /** Units whose report was not approved (left out unless stated otherwise in `units`). */
  notApproved: string[];
}

export function emptyReview(): Review {
  return { status: 'notSubmitted', comments: [], history: [] };
}

// ---------------------------------------------------------------------------------------------
// The document's shape, built from the model
// ---------------------------------------------------------------------------------------------

/** A count's bounds. */
const MAX_COUNT = 100_000_000;

const string = (maxLength: number): Shape => ({ kind: 'string', maxLength });
const nullable = (of: Shape): Shape => ({ kind: 'nullable', of });
const optional = (of: Shape): Shape => ({ kind: 'optional', of });
const object = (keys: Record<string, Shape>): Shape => ({ kind: 'object', keys });
const listOf = (of: Shape, maxLength: number): Shape => ({ kind: 'array', of, maxLength });
const oneOf = (values: readonly string[]): Shape => ({ kind: 'enum', values });

/** A count: not filled, or a whole number 0…100,000,000. */
const COUNT: Shape = nullable({ kind: 'int', min: 0, max: MAX_COUNT });
/** An amount in 万元: not filled, or 0…100,000,000 with at most 4 decimals. */
const AMOUNT: Shape = nullable({ kind: 'number', min: 0, max: 100_000_000, maxDecimals: 4 });

function countsOf(keys: readonly string[]): Shape {
  return object(Object.fromEntries(keys.map((k) => [k, COUNT])));
}

function applicationsShape(): Shape {
  // Rows with dotted ids ('withheld.stateSecret') become nested objects.
  const applicantCounts = countsOf(APPLICANT_COLUMN_IDS);
  const tree: Record<string, unknown> = {};
  for (const row of ENTERED_APPLICATIONS_ROWS) {
    const path = row.id.split('.');
    let node = tree;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] = applicantCounts;
  }
  const toShape = (node: Record<string, unknown>): Shape =>
    object(Object.fromEntries(Object.entries(node).map(([k, v]) => [k, v === applicantCounts ? applicantCounts : toShape(v as Record<string, unknown>)])));
  return toShape(tree);
}

function proactiveShape(): Shape {
  const keys: Record<string, Shape> = {};
  for (const row of PROACTIVE_ROWS) {
    keys[row.id] = row.shape === 'documents' ? countsOf(PROACTIVE_DOCUMENT_COLUMNS.map((c) => c.id)) : row.shape === 'amount' ? AMOUNT : COUNT;
  }
  return object(keys);
}

function reportShape(): Shape {
  const text = string(MAX_TEXT_LENGTH);
  const part = object({ title: string(500), text });
  const time: Shape = { kind: 'datetime' };
  return object({
    kind: { kind: 'literal', value: DOCUMENT_KIND },
    formatVersion: { kind: 'literal', value: FORMAT_VERSION },
    schemaVersion: { kind: 'literal', value: SCHEMA_VERSION },
    status: oneOf(['draft', 'ready']),
    meta: object({
      agency: string(200),
      agencyKind: oneOf(AGENCY_KINDS),
      year: nullable({ kind: 'int', min: 1990, max: 2200 }),
      contact: string(1000),
      publishedOn: nullable({ kind: 'date' }),
    }),
    narrative: object({ preamble: text, ...Object.fromEntries(NARRATIVE_SECTION_IDS.map((id) => [id, listOf(part, 200)])) }),
    proactive: proactiveShape(),
    applications: applicationsShape(),
    appeals: object(Object.fromEntries(APPEAL_KIND_IDS.map((k) => [k, countsOf(APPEAL_OUTCOME_IDS)]))),
    explanations: { kind: 'record', key: string(200), value: string(10_000) },
    review: object({
      status: oneOf(REVIEW_STATUSES),
      comments: listOf(
        object({
          id: { kind: 'string', minLength: 1, maxLength: 100 },
          target: string(200),
          partTitle: optional(string(500)),
          text: string(10_000),
          author: string(200),
          at: time,
          resolved: { kind: 'boolean' },
          resolvedAt: optional(time),
        }),
        5000,
      ),
      history: listOf(object({ action: oneOf(REVIEW_ACTIONS), at: time, by: string(200), note: optional(string(10_000)) }), 5000),
    }),
    aggregate: nullable(
      object({
        units: listOf(object({ agency: string(200), status: oneOf(REVIEW_STATUSES) }), 10_000),
        missing: listOf(string(200), 10_000),
        notApproved: listOf(string(200), 10_000),
      }),
    ),
  });
}

/**
 * The document as data, from the model: what a report of this schemaVersion is. schema.ts makes
 * the zod schema of it; readReport reads it directly.
 */
export const REPORT_SHAPE: Shape = /* @__PURE__ */ reportShape();

/**
 * The value as a report when it is a whole, valid one of this schemaVersion (a fresh copy), or
 * undefined: then decode() says why, or migrates an older version. The check decode makes
 * first, without zod: what the editor's first load needs for a stored draft.
 */
export function readReport(value: unknown): Report | undefined {
  const read = readShape(REPORT_SHAPE, value);
  return read === NOT_VALID ? undefined : (read as Report);
}

// ---------------------------------------------------------------------------------------------
// Cell access by id
// ---------------------------------------------------------------------------------------------

/**
 * Dotted paths split once: the rules read ~200 cells per evaluation, on every keystroke, and
 * splitting the id each time was most of their cost. Bounded so that arbitrary paths (review
 * targets, form fields) cannot grow it without end; the cell ids come first and stay.
 */
const SPLIT_PATHS = new Map<string, readonly string[]>();
const MAX_SPLIT_PATHS = 4096;

/** The keys of a dotted path ('applications.granted.total' → ['applications', 'granted', 'total']). */
export function pathKeys(path: string): readonly string[] {
  let keys = SPLIT_PATHS.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    if (SPLIT_PATHS.size < MAX_SPLIT_PATHS) SPLIT_PATHS.set(path, keys);
  }
  return keys;
}

/** Reads a stored value by its keys; undefined when the path does not exist. */
export function getAt(doc: unknown, keys: readonly string[]): unknown {
  let node: unknown = doc;
  for (let i = 0; i < keys.length; i++) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[keys[i]!];
  }
  return node;
}

/** Reads a stored value by its dotted path; undefined when the path does not exist. */
export function getPath(doc: unknown, path: string): unknown {
  return getAt(doc, pathKeys(path));
}

/** The value of an entered cell (count or amount); null when not filled. */
export function getCell(report: Report, cellId: string): number | null {
  const value = getAt(report, pathKeys(cellId));
  return typeof value === 'number' ? value : null;
}

/**
 * A reader of many cells at once, for the rules that read every cell on every keystroke. Cells
 * that share a parent object (a row's columns) and come one after another, as the model lists
 * them, find the parent once instead of walking from the root for each cell.
 */
export function cellsReader(cellIds: readonly string[]): (report: Report) => (number | null)[] {
  const parents: (readonly string[])[] = [];
  const leaves: string[] = [];
  let previous: readonly string[] | undefined;
  for (const id of cellIds) {
    const keys = pathKeys(id);
    const parent = keys.slice(0, -1);
    const same = previous !== undefined && previous.length === parent.length && previous.every((k, i) => k === parent[i]);
    if (!same) previous = parent;
    parents.push(previous!);
    leaves.push(keys[keys.length - 1]!);
  }
  return (report) => {
    const values: (number | null)[] = new Array(leaves.length);
    let parentKeys: readonly string[] | undefined;
    let parent: unknown;
    for (let i = 0; i < leaves.length; i++) {
      if (parents[i] !== parentKeys) {
        parentKeys = parents[i]!;
        parent = getAt(report, parentKeys);
      }
      // As getAt would: a leaf of something that is not an object is not there.
      const value = parent !== null && typeof parent === 'object' ? (parent as Record<string, unknown>)[leaves[i]!] : undefined;
      values[i] = typeof value === 'number' ? value : null;
    }
    return values;
  };
}

/** A copy of the report with one entered cell set (structural sharing along the path). */
export function setCell(report: Report, cellId: string, value: number | null): Report {
  const keys = cellId.split('.');
  const set = (node: Record<string, unknown>, i: number): Record<string, unknown> => {
    const key = keys[i]!;
    if (i === keys.length - 1) return { ...node, [key]: value };
    return { ...node, [key]: set((node[key] ?? {}) as Record<string, unknown>, i + 1) };
  };
  return set(report as unknown as Record<string, unknown>, 0) as unknown as Report;
}

// ---------------------------------------------------------------------------------------------
// A new report
// ---------------------------------------------------------------------------------------------

function nullsOf<K extends string>(keys: readonly K[]): Record<K, null> {
  return Object.fromEntries(keys.map((k) => [k, null])) as Record<K, null>;
}

function emptyApplications(): Applications {
  const tree: Record<string, unknown> = {};
  for (const row of ENTERED_APPLICATIONS_ROWS) {
    const path = row.id.split('.');
    let node = tree;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] = nullsOf(APPLICANT_COLUMN_IDS);
  }
  return tree as unknown as Applications;
}

export interface NewReportOptions {
  agency?: string;
  agencyKind?: AgencyKind;
  year?: number | null;
  contact?: string;
}

/** An empty report: every count not filled, the standard part titles, a generated preamble. */
export function emptyReport(options: NewReportOptions = {}): Report {
  const agency = options.agency ?? '';
  const year = options.year ?? null;
  const contact = options.contact ?? '';
  const parts = (id: NarrativeSectionId): NarrativePart[] =>
    (SECTIONS.find((s) => s.id === id)?.suggestedParts ?? []).map((p) => ({ title: p.zh, text: '' }));
  return {
    kind: DOCUMENT_KIND,
    formatVersion: FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    status: 'draft',
    meta: { agency, agencyKind: options.agencyKind ?? 'department', year, contact, publishedOn: null },
    narrative: {
      preamble: standardPreamble(agency, year, contact),
      overview: parts('overview'),
      problems: [{ title: '', text: '' }],
      other: parts('other'),
    },
    proactive: {
      regulations: nullsOf(PROACTIVE_DOCUMENT_COLUMNS.map((c) => c.id)),
      normativeDocuments: nullsOf(PROACTIVE_DOCUMENT_COLUMNS.map((c) => c.id)),
      licensing: null,
      punishment: null,
      enforcement: null,
      fees: null,
    },
    applications: emptyApplications(),
    appeals: Object.fromEntries(APPEAL_KIND_IDS.map((k) => [k, nullsOf(APPEAL_OUTCOME_IDS)])) as Appeals,
    explanations: {},
    review: emptyReview(),
    aggregate: null,
  };
}
