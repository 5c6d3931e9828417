/**
 * The rules of the store, as pure functions shared by the IndexedDB store and its in-memory twin:
 * what a created, saved or restored draft looks like, which versions are kept, how ids are made.
 */
import { clerkFindings, readReport, summarise, type Finding, type Problem, type Report } from '../report/index.ts';
import type { decode as fullDecode } from '../report/decode.ts';
import { changedParts } from './diff.ts';
import {
  AUTOSAVE_VERSION_INTERVAL_MS,
  type CreateDraftInput,
  type DraftRecord,
  type DraftSummary,
  type JournalEntry,
  type Milestone,
  type StoreError,
  type VersionInfo,
  type VersionRecord,
} from './types.ts';

function randomChars(n: number): string {
  const bytes = new Uint8Array(n);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

export function newDraftId(): string {
  return randomChars(12);
}

/**
 * Version ids sort by draft, then time, then order, so a key range over the primary key lists a
 * draft's versions in order without an index. `after` (the draft's newest version) keeps them in
 * order within one millisecond and when another tab's clock is behind.
 */
export function versionId(draftId: string, now: number, after: VersionRecord | undefined, offset = 0): string {
  let time = now;
  let order = offset;
  const last = after ? parseVersionId(after.id) : undefined;
  if (last && last.time >= now) {
    time = last.time;
    order = last.order + 1 + offset;
  }
  return `${draftId}:${String(time).padStart(15, '0')}:${String(order).padStart(4, '0')}${randomChars(4)}`;
}

function parseVersionId(id: string): { time: number; order: number } | undefined {
  const match = /:(\d{15}):(\d{4})[0-9a-z]{4}$/.exec(id);
  return match ? { time: Number(match[1]), order: Number(match[2]) } : undefined;
}

export function versionRange(draftId: string): [string, string] {
  return [`${draftId}:`, `${draftId}:\uffff`];
}

// ---------------------------------------------------------------------------------------------
// Decoding: the core's readReport first, its full decode (zod) only when that refuses
// ---------------------------------------------------------------------------------------------

let decode: typeof fullDecode | undefined;

/**
 * Thrown where a document is not a valid one of this schemaVersion and the full decode is not
 * loaded yet: the store loads it (loadFullDecode) and runs the operation again. Nothing is
 * written before a document is checked, so the first run leaves nothing behind.
 */
export class FullDecodeNeeded extends Error {
  constructor() {
    super('the full decode is needed');
  }
}

/**
 * Loads the core's full decode, with zod: to migrate an older document or to name what is wrong
 * with a bad one. A valid current document never needs it, so the editor's first load does
 * without those 10 kB.
 */
export async function loadFullDecode(): Promise<void> {
  decode ??= (await import('../report/decode.ts')).decode;
}

/** Whether the full decode has been loaded (for tests). */
export function fullDecodeLoaded(): boolean {
  return decode !== undefined;
}

/** Runs an operation; when it needed the full decode, loads that and runs it once more. */
export async function withFullDecode<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (e) {
    if (!(e instanceof FullDecodeNeeded)) throw e;
    await loadFullDecode();
    return operation();
  }
}

/** The draft's document checked by the core's decode: the clean copy, or the problems. */
export function checkDocument(document: unknown): { ok: true; report: Report } | { ok: false; error: StoreError } {
  const valid = readReport(document);
  if (valid) return { ok: true, report: valid };
  if (!decode) throw new FullDecodeNeeded();
  const decoded = decode(document);
  return decoded.ok ? { ok: true, report: decoded.report } : { ok: false, error: { kind: 'invalid', problems: decoded.problems } };
}

/** Reads a stored draft back through decode (migrating older schemaVersions). */
export function readDraft(stored: DraftRecord): { ok: true; draft: DraftRecord } | { ok: false; error: StoreError } {
  const document = checkDocument(stored.document);
  if (!document.ok) return document;
  let lastYear: Report | undefined;
  if (stored.lastYear !== undefined) {
    const decoded = checkDocument(stored.lastYear);
    if (!decoded.ok) return decoded;
    lastYear = decoded.report;
  }
  return { ok: true, draft: { ...stored, document: document.report, lastYear } };
}

export function readVersion(stored: VersionRecord): { ok: true; version: VersionRecord } | { ok: false; error: StoreError } {
  const document = checkDocument(stored.document);
  return document.ok ? { ok: true, version: { ...stored, document: document.report } } : document;
}

/**
 * The findings of a stored draft as the editor counts them: a draft in progress has blanks
 * everywhere, so blanks and unfilled required parts only count as errors once marked ready.
 */
export function draftFindings(document: Report, lastYear: Report | undefined): Finding[] {
  // The editor counts with the same function (the core's clerkFindings): the list and the editor agree.
  return clerkFindings(document, { lastYear, strict: document.status === 'ready' });
}

/** The list fields: agency, year, status and the counts of errors and warnings still to explain. */
export function summaryFields(document: Report, lastYear: Report | undefined) {
  const counts = summarise(draftFindings(document, lastYear));
  return {
    agency: document.meta.agency,
    agencyKind: document.meta.agencyKind,
    year: document.meta.year,
    status: document.status,
    reviewStatus: document.review.status,
    errors: counts.errors,
    warnings: counts.unexplainedWarnings,
    hasLastYear: lastYear !== undefined,
  };
}

export function toSummary(draft: DraftRecord): DraftSummary {
  const { document: _document, lastYear: _lastYear, ...summary } = draft;
  return summary;
}

export function toInfo(version: VersionRecord): VersionInfo {
  const { document: _document, ...info } = version;
  return info;
}

export function planCreate(
  input: CreateDraftInput,
  now: number,
): { ok: true; draft: DraftRecord; version: VersionRecord } | { ok: false; error: StoreError } {
  const document = checkDocument(input.document);
  if (!document.ok) return document;
  let lastYear: Report | undefined;
  if (input.lastYear) {
    const decoded = checkDocument(input.lastYear);
    if (!decoded.ok) return decoded;
    lastYear = decoded.report;
  }
  const id = newDraftId();
  const draft: DraftRecord = {
    id,
    title: (input.title ?? '').trim(),
    ...summaryFields(document.report, lastYear),
    revision: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    document: document.report,
    lastYear,
  };
  const version: VersionRecord = {
    id: versionId(id, now, undefined),
    draftId: id,
    time: now,
    milestone: input.milestone ?? 'created',
    changed: [],
    document: document.report,
  };
  return { ok: true, draft, version };
}

/** The milestones that replace the document from elsewhere: the current one is kept first. */
const REPLACING: ReadonlySet<Milestone> = new Set(['imported', 'restored']);

/**
 * A save: the revision check, the new record, and the versions to keep. `latest` is the newest
 * version of the draft (for the autosave interval and for what changed).
 */
export function planSave(
  current: DraftRecord,
  latest: VersionRecord | undefined,
  document: unknown,
  options: { expectedRevision: number; milestone?: Milestone | undefined; writer?: string | undefined },
  now: number,
): { ok: true; draft: DraftRecord; versions: VersionRecord[] } | { ok: false; error: StoreError } {
  if (current.revision !== options.expectedRevision) return { ok: false, error: { kind: 'conflict', revision: current.revision } };
  const checked = checkDocument(document);
  if (!checked.ok) return checked;
  const report = checked.report;
  const draft: DraftRecord = {
    ...current,
    ...summaryFields(report, current.lastYear),
    document: report,
    revision: current.revision + 1,
    updatedAt: Math.max(now, current.updatedAt),
    writer: options.writer,
  };
  const versions: VersionRecord[] = [];
  const milestone = options.milestone;
  const keep = (doc: Report, m: Milestone, previous: Report | undefined) => {
    versions.push({ id: versionId(current.id, now, latest, versions.length), draftId: current.id, time: now, milestone: m, changed: changedParts(previous, doc), document: doc });
  };
  if (milestone === 'autosave') {
    const due = !latest || now - latest.time >= AUTOSAVE_VERSION_INTERVAL_MS;
    if (due && (!latest || changedParts(latest.document, report).length > 0)) keep(report, 'autosave', latest?.document);
  } else if (milestone && REPLACING.has(milestone)) {
    let previous = latest?.document;
    if (!latest || changedParts(latest.document, current.document).length > 0) {
      keep(current.document, 'autosave', previous);
      previous = current.document;
    }
    keep(report, milestone, previous);
  } else if (milestone) {
    keep(report, milestone, latest?.document);
  }
  return { ok: true, draft, versions };
}

export function planVersion(draftId: string, document: Report, milestone: Milestone, latest: VersionRecord | undefined, now: number): VersionRecord {
  return { id: versionId(draftId, now, latest), draftId, time: now, milestone, changed: changedParts(latest?.document, document), document };
}

/** What to do with a journal entry, given the draft as stored now. */
export function journalOutcome(entry: JournalEntry, stored: DraftRecord | undefined): 'apply' | 'keep' | 'drop' | 'orphan' {
  if (!stored) return 'orphan';
  if (JSON.stringify(entry.document) === JSON.stringify(stored.document)) return 'drop';
  if (stored.revision === entry.baseRevision) return 'apply';
  // The session's own save landed after the entry was written: the entry continues from it.
  if (entry.inflight && stored.writer === entry.writer && stored.revision === entry.baseRevision + 1) return 'apply';
  return 'keep';
}

export function journalKey(draftId: string, writer: string): [string, string] {
  return [draftId, writer];
}

/** The clerk's own name of a draft; the document and its revision stay as they are. */
export const renamed = (title: string) => (stored: DraftRecord): DraftRecord => ({ ...stored, title: title.trim() });

/** Deleting and restoring move the revision, so that an editor open on the draft in another tab learns of it. */
export const softDeleted = (now: number) => (stored: DraftRecord): DraftRecord => ({ ...stored, deletedAt: now, revision: stored.revision + 1 });
export const undeleted = (stored: DraftRecord): DraftRecord => ({ ...stored, deletedAt: null, revision: stored.revision + 1 });

export function byUpdatedDesc(a: DraftSummary, b: DraftSummary): number {
  return b.updatedAt - a.updatedAt;
}

export function byDeletedDesc(a: DraftSummary, b: DraftSummary): number {
  return (b.deletedAt ?? 0) - (a.deletedAt ?? 0);
}

export type { Problem };
