/**
 * What a unit's database holds, as nianbao writes it. Every kind carries the report exactly as
 * 导出 JSON writes it, and every report read from a database goes through the same door as a
 * file (`decode`): a document that does not decode is refused with its problems, never used.
 *  - `report:<year>:<unit>` — written by the unit (its clerk's draft, 报送 or not);
 *  - `review:<year>:<unit>` — written by the supervisor (the report with the review: comments,
 *    status, history), as 导出审核后的文件 would write it;
 *  - `working:<year>:<unit>` — written by the unit while its clerk fills the draft (connected,
 *    after each local save): the working copy that tells the supervisor 填报中. It is never a
 *    submission: the supervisor's workspace, review and 汇总 take `report:` documents only.
 * `<unit>` is the unit's user name in the roster. It makes every id unique in the area: the
 * server replicates each unit's database into the area's one database (the supervisor's single
 * feed), where `report:2024` of two units would be one document.
 * The server's validate_doc_update (src/server/roster.ts) enforces who writes which, and that a
 * unit's database holds only documents named after that unit.
 */
import { decode, type Problem, type Report } from '../report/index.ts';
import type { PouchDoc } from './pouch.ts';

export type SharedKind = 'report' | 'review' | 'working';

export interface SharedDoc extends PouchDoc {
  type: SharedKind;
  year: number;
  agency: string;
  report: unknown;
  /** When it was written (ms since epoch), by whom (the CouchDB user). */
  at: number;
  by: string;
  /** The clerk's draft it came from (report documents), so a review comes back to it. */
  draftId?: string;
}

/** The kinds, and the start of their ids: the server's rule and the area's copy read this too. */
export const SHARED_KINDS: readonly SharedKind[] = ['report', 'review', 'working'];
export const SHARED_ID_START = `^(${SHARED_KINDS.join('|')}):`;
const SHARED_ID = new RegExp(`${SHARED_ID_START}(\\d{4}):([a-z][a-z0-9_-]*)$`);

export const docId = (kind: SharedKind, year: number, unit: string) => `${kind}:${year}:${unit}`;

/** What an id says: its kind, year and unit (undefined for any other document). */
export function parseDocId(id: string): { kind: SharedKind; year: number; unit: string } | undefined {
  const match = SHARED_ID.exec(id);
  return match ? { kind: match[1] as SharedKind, year: Number(match[2]), unit: match[3]! } : undefined;
}

/** The document for a report, after checking that what is written will read back. */
export function sharedDoc(
  kind: SharedKind,
  report: Report,
  /** The unit whose database it goes into (its user), and the user who writes it. */
  { unit, by, draftId }: { unit: string; by: string; draftId?: string },
): { ok: true; doc: SharedDoc } | { ok: false; reason: 'invalid' | 'noYear'; problems: readonly Problem[] } {
  const json = JSON.parse(JSON.stringify(report)) as unknown;
  const check = decode(json);
  if (!check.ok) return { ok: false, reason: 'invalid', problems: check.problems };
  const year = check.report.meta.year;
  if (year === null) return { ok: false, reason: 'noYear', problems: [] };
  return { ok: true, doc: { _id: docId(kind, year, unit), type: kind, year, agency: check.report.meta.agency, report: json, at: Date.now(), by, ...(draftId ? { draftId } : {}) } };
}

export type ReadShared = { ok: true; kind: SharedKind; unit: string; report: Report; doc: SharedDoc } | { ok: false; id: string; unit: string; problems: readonly Problem[] };

/** A document from a database, decoded as any file is; other documents (design docs) are none. */
export function readShared(doc: PouchDoc): ReadShared | undefined {
  const named = parseDocId(doc._id);
  if (!named || doc._deleted) return undefined;
  const decoded = decode((doc as Partial<SharedDoc>).report);
  if (!decoded.ok) return { ok: false, id: doc._id, unit: named.unit, problems: decoded.problems };
  return { ok: true, kind: named.kind, unit: named.unit, report: decoded.report, doc: doc as SharedDoc };
}

/** What says where a report stands: its review's status and history (a report is one). */
export interface Reviewed {
  readonly review: Pick<Report['review'], 'status' | 'history'>;
}

/** The time of the last event of a review history (ISO), '' when none. */
export const lastEventAt = (report: Reviewed) => report.review.history.at(-1)?.at ?? '';

/** Only what unitProgress reads of a report: kept for thousands of units without the reports. */
export const reviewedOf = (report: Reviewed): Reviewed => ({ review: { status: report.review.status, history: report.review.history.slice(-1) } });

export type UnitProgress = 'notStarted' | 'filling' | 'submitted' | 'returned' | 'approved';

/**
 * Where a unit stands for a year, from its report and review documents, and whether its clerk
 * has a working copy there (filling before the first 报送; after it, the report says).
 */
export function unitProgress(report: Reviewed | undefined, review: Reviewed | undefined, working = false): UnitProgress {
  if (!report && !review) return working ? 'filling' : 'notStarted';
  // The later of the two says it: a review of an older submission does not hide a new one.
  const latest = !review ? report! : !report ? review : lastEventAt(review) >= lastEventAt(report) ? review : report;
  switch (latest.review.status) {
    case 'notSubmitted':
      return 'filling';
    case 'submitted':
      return 'submitted';
    case 'returned':
      return 'returned';
    case 'approved':
      return 'approved';
  }
}
