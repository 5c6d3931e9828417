/**
 * What a unit's database holds, as nianbao writes it. Both kinds carry the report exactly as
 * 导出 JSON writes it, and every report read from a database goes through the same door as a
 * file (`decode`): a document that does not decode is refused with its problems, never used.
 *  - `report:<year>` — written by the unit (its clerk's draft, 报送 or not);
 *  - `review:<year>` — written by the supervisor (the report with the review: comments,
 *    status, history), as 导出审核后的文件 would write it;
 *  - `working:<year>` — written by the unit while its clerk fills the draft (connected, after
 *    each local save): the working copy that tells the supervisor 填报中. It is never a
 *    submission: the supervisor's workspace, review and 汇总 take `report:` documents only.
 * The server's validate_doc_update (src/server/roster.ts) enforces who writes which.
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

const KINDS: readonly SharedKind[] = ['report', 'review', 'working'];

export const docId = (kind: SharedKind, year: number) => `${kind}:${year}`;

/** The document for a report, after checking that what is written will read back. */
export function sharedDoc(
  kind: SharedKind,
  report: Report,
  by: string,
  extra: { draftId?: string } = {},
): { ok: true; doc: SharedDoc } | { ok: false; reason: 'invalid' | 'noYear'; problems: readonly Problem[] } {
  const json = JSON.parse(JSON.stringify(report)) as unknown;
  const check = decode(json);
  if (!check.ok) return { ok: false, reason: 'invalid', problems: check.problems };
  const year = check.report.meta.year;
  if (year === null) return { ok: false, reason: 'noYear', problems: [] };
  return { ok: true, doc: { _id: docId(kind, year), type: kind, year, agency: check.report.meta.agency, report: json, at: Date.now(), by, ...extra } };
}

export type ReadShared = { ok: true; kind: SharedKind; report: Report; doc: SharedDoc } | { ok: false; id: string; problems: readonly Problem[] };

/** A document from a database, decoded as any file is; other documents (design docs) are none. */
export function readShared(doc: PouchDoc): ReadShared | undefined {
  const kind = KINDS.find((k) => doc._id.startsWith(`${k}:`));
  if (!kind || doc._deleted) return undefined;
  const decoded = decode((doc as Partial<SharedDoc>).report);
  if (!decoded.ok) return { ok: false, id: doc._id, problems: decoded.problems };
  return { ok: true, kind, report: decoded.report, doc: doc as SharedDoc };
}

/** The time of the last event of a review history (ISO), '' when none. */
export const lastEventAt = (report: Report) => report.review.history.at(-1)?.at ?? '';

export type UnitProgress = 'notStarted' | 'filling' | 'submitted' | 'returned' | 'approved';

/**
 * Where a unit stands for a year, from its report and review documents, and whether its clerk
 * has a working copy there (filling before the first 报送; after it, the report says).
 */
export function unitProgress(report: Report | undefined, review: Report | undefined, working = false): UnitProgress {
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
