/**
 * The report document: its zod schema, derived from the format model, its types and an empty
 * report. A cell id is the dotted path of its value in the document; computed cells are never
 * stored.
 */
import * as z from 'zod/mini';
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
// Schema, built from the model
// ---------------------------------------------------------------------------------------------

export function decimalPlaces(value: number): number {
  if (!Number.isFinite(value)) return Infinity;
  const text = String(value);
  const exp = text.match(/e-(\d+)$/);
  if (exp) {
    const mantissa = text.split('e')[0]!;
    const frac = mantissa.split('.')[1] ?? '';
    return frac.length + Number(exp[1]);
  }
  return (text.split('.')[1] ?? '').length;
}

/** A count's bounds; the schema and its fast path read them from here. */
const MAX_COUNT = 100_000_000;

/**
 * The fast path of a group of counts (a row of 三, a row of 二's first table, a row of 四):
 * three quarters of a document's values. zod's runtime parse puts every count through three
 * checks of its generic machinery; this reads a group in one loop. It accepts only what the
 * schema accepts (an object of exactly these keys, each null or a whole number 0…MAX_COUNT) and
 * builds the same output; on anything else it answers INVALID and zod runs the plain parse, so
 * the issues of a bad document, and hence its decode problems, are those of the plain schema.
 * (z.compile does this for a whole schema, but adds 7 kB gzip to what the editor loads first.)
 */
function countsFastPath(keys: readonly string[]) {
  return (input: unknown): Record<string, number | null> | typeof z.INVALID => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return z.INVALID;
    const group = input as Record<string, unknown>;
    const out: Record<string, number | null> = {};
    for (const key of keys) {
      const value = group[key];
      if (value === null) out[key] = null;
      else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_COUNT) out[key] = value;
      else return z.INVALID;
    }
    for (const key in group) if (!keys.includes(key)) return z.INVALID;
    return out;
  };
}

/**
 * Built inside a function marked pure: a bundle that never decodes leaves zod out entirely;
 * decode.ts pulls it in. `fastPaths: false` is the plain schema, for the tests that hold the
 * fast paths to it. Written with zod/mini (functions, not methods): the editor decodes the
 * stored draft before its first paint, and classic zod's method-laden classes cost that load
 * 23 kB gzip where mini's tree-shaken functions cost about 10.
 */
function buildReportSchema({ fastPaths }: { fastPaths: boolean }): z.ZodMiniType<Report> {
  const maxLength = (n: number) => z.string().check(z.maxLength(n));
  const countSchema = z.nullable(z.int().check(z.minimum(0), z.maximum(MAX_COUNT)));
  const amountSchema = z.nullable(
    z.number().check(
      z.minimum(0),
      z.maximum(100_000_000),
      z.refine((v: number) => decimalPlaces(v) <= 4, { params: { reason: 'decimals' } }),
    ),
  );

  function objectOf<S extends z.ZodMiniType>(keys: readonly string[], schema: S) {
    return z.strictObject(Object.fromEntries(keys.map((k) => [k, schema])) as Record<string, S>);
  }

  function countsOf(keys: readonly string[]) {
    const group = objectOf(keys, countSchema);
    return fastPaths ? z.withParser(group, countsFastPath(keys) as (input: unknown) => z.output<typeof group> | typeof z.INVALID) : group;
  }

  const applicantCountsSchema = countsOf(APPLICANT_COLUMN_IDS);

  function applicationsSchema() {
    // Rows with dotted ids ('withheld.stateSecret') become nested objects.
    const tree: Record<string, unknown> = {};
    for (const row of ENTERED_APPLICATIONS_ROWS) {
      const path = row.id.split('.');
      let node = tree;
      for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      node[path[path.length - 1]!] = applicantCountsSchema;
    }
    const toSchema = (node: Record<string, unknown>): z.ZodMiniType =>
      z.strictObject(
        Object.fromEntries(
          Object.entries(node).map(([k, v]) => [k, v === applicantCountsSchema ? v : toSchema(v as Record<string, unknown>)]),
        ) as Record<string, z.ZodMiniType>,
      );
    return toSchema(tree);
  }

  function proactiveSchema() {
    const shape: Record<string, z.ZodMiniType> = {};
    for (const row of PROACTIVE_ROWS) {
      shape[row.id] =
        row.shape === 'documents'
          ? countsOf(PROACTIVE_DOCUMENT_COLUMNS.map((c) => c.id))
          : row.shape === 'amount'
            ? amountSchema
            : countSchema;
    }
    return z.strictObject(shape);
  }

  const textSchema = maxLength(MAX_TEXT_LENGTH);
  const partSchema = z.strictObject({ title: maxLength(500), text: textSchema });
  const dateSchema = z.iso.date();
  const timeSchema = () => z.iso.datetime({ offset: true });
  const listOf = <S extends z.ZodMiniType>(item: S, max: number) => z.array(item).check(z.maxLength(max));

  return z.strictObject({
    kind: z.literal(DOCUMENT_KIND),
    formatVersion: z.literal(FORMAT_VERSION),
    schemaVersion: z.literal(SCHEMA_VERSION),
    status: z.enum(['draft', 'ready']),
    meta: z.strictObject({
      agency: maxLength(200),
      agencyKind: z.enum(AGENCY_KINDS),
      year: z.nullable(z.int().check(z.minimum(1990), z.maximum(2200))),
      contact: maxLength(1000),
      publishedOn: z.nullable(dateSchema),
    }),
    narrative: z.strictObject({
      preamble: textSchema,
      ...(Object.fromEntries(NARRATIVE_SECTION_IDS.map((id) => [id, listOf(partSchema, 200)])) as Record<
        NarrativeSectionId,
        z.ZodMiniArray<typeof partSchema>
      >),
    }),
    proactive: proactiveSchema(),
    applications: applicationsSchema(),
    appeals: z.strictObject(Object.fromEntries(APPEAL_KIND_IDS.map((k) => [k, countsOf(APPEAL_OUTCOME_IDS)]))),
    explanations: z.record(maxLength(200), maxLength(10_000)),
    review: z.strictObject({
      status: z.enum(REVIEW_STATUSES),
      comments: listOf(
        z.strictObject({
          id: z.string().check(z.minLength(1), z.maxLength(100)),
          target: maxLength(200),
          partTitle: z.optional(maxLength(500)),
          text: maxLength(10_000),
          author: maxLength(200),
          at: timeSchema(),
          resolved: z.boolean(),
          resolvedAt: z.optional(timeSchema()),
        }),
        5000,
      ),
      history: listOf(
        z.strictObject({
          action: z.enum(REVIEW_ACTIONS),
          at: timeSchema(),
          by: maxLength(200),
          note: z.optional(maxLength(10_000)),
        }),
        5000,
      ),
    }),
    aggregate: z.nullable(
      z.strictObject({
        units: listOf(z.strictObject({ agency: maxLength(200), status: z.enum(REVIEW_STATUSES) }), 10_000),
        missing: listOf(maxLength(200), 10_000),
        notApproved: listOf(maxLength(200), 10_000),
      }),
    ),
  }) as unknown as z.ZodMiniType<Report>;
}

export const reportSchema: z.ZodMiniType<Report> = /* @__PURE__ */ buildReportSchema({ fastPaths: true });

/** The schema without fast paths: what `reportSchema` must equal, issue for issue (for tests). */
export function plainReportSchema(): z.ZodMiniType<Report> {
  return buildReportSchema({ fastPaths: false });
}

/** The JSON Schema of the document, for other tools (`nianbao schema`). */
export function reportJsonSchema(): unknown {
  return z.toJSONSchema(reportSchema, { unrepresentable: 'any' });
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
