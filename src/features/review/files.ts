/**
 * Report files in and out of the review workspace: collecting many files through the core's
 * decode, and exporting reviewed reports under the clerk's file name.
 */
import { FILE_NAME_SUFFIX, reportFileName, reportJson, type Problem, type Report } from '../../report/index.ts';
import { submit } from '../../report/review/actions.ts';
import { fingerprintOf, unitKeyOf, type ReviewStore, type StoreError } from '../../storage/review/index.ts';

import { downloadText, readReportFile } from '../../ui/files.ts';

export { downloadReport, readReportFile } from '../../ui/files.ts';

/**
 * Several reports in one download: a .zip of their files, each under the clerk's own file name
 * (browsers drop or ask about a burst of separate downloads). fflate is fetched only now, when
 * a supervisor exports more than one. Returns the zip's name.
 */
export async function downloadReportsZip(reports: readonly Report[], now = new Date()): Promise<string> {
  const { zipSync, strToU8 } = await import('fflate');
  const entries: Record<string, Uint8Array> = {};
  for (const report of reports) {
    const name = reportFileName(report, 'json');
    let unique = name;
    // Two reports under one name (the same agency and year twice): both kept, the second numbered.
    for (let n = 2; unique in entries; n++) unique = name.replace(/\.json$/, `（${n}）.json`);
    entries[unique] = strToU8(reportJson(report));
  }
  const zip = zipSync(entries, { level: 6, mtime: now });
  const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
  const zipName = `${FILE_NAME_SUFFIX}-${reports.length}份-${day}.zip`;
  downloadText(zipName, zip, 'application/zip');
  return zipName;
}

/** What became of one collected file. */
export type CollectOutcome =
  | { readonly file: string; readonly kind: 'newUnit' | 'newVersion'; readonly unitKey: string; readonly agency: string; readonly year: number | null }
  | { readonly file: string; readonly kind: 'duplicate'; readonly agency: string; readonly year: number | null }
  | { readonly file: string; readonly kind: 'failed'; readonly problems: readonly Problem[] }
  | { readonly file: string; readonly kind: 'storeError'; readonly error: StoreError };

export interface CollectOptions {
  /** Unit keys already in the workspace (to tell a new unit from a new version). */
  readonly knownUnits: ReadonlySet<string>;
  /** The latest document of each unit in the workspace, whose review a new version carries on. */
  readonly latestReports?: ReadonlyMap<string, Report>;
  readonly now?: () => number;
}

const eventKey = (e: Report['review']['history'][number]) => `${e.action}|${e.at}|${e.by}|${e.note ?? ''}`;

/**
 * A new version keeps the review of the one before: comments and history lines the file lacks
 * (the clerk edited their own draft instead of the reviewed file) are carried over, so that no
 * comment disappears; what the file has (e.g. comments the clerk resolved) wins.
 */
export function carryReview(previous: Report, received: Report): Report {
  const ids = new Set(received.review.comments.map((c) => c.id));
  const comments = [...received.review.comments, ...previous.review.comments.filter((c) => !ids.has(c.id))];
  const seen = new Set(received.review.history.map(eventKey));
  const history = [...received.review.history, ...previous.review.history.filter((e) => !seen.has(eventKey(e)))].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at),
  );
  if (comments.length === received.review.comments.length && history.length === received.review.history.length) return received;
  return { ...received, review: { ...received.review, comments, history } };
}

/**
 * Collects files into the workspace, oldest file first (so that the newest file of a unit is its
 * latest version). A file that does not decode changes nothing. A report arriving in any status
 * but `submitted` is recorded as submitted by its unit on receipt: a file sent in is a
 * submission, and a status claimed by a file (e.g. approved) is for this workspace to decide.
 */
export async function collectFiles(files: readonly File[], store: ReviewStore, options: CollectOptions): Promise<CollectOutcome[]> {
  const known = new Set(options.knownUnits);
  const latest = new Map(options.latestReports ?? []);
  const ordered = [...files].sort((a, b) => a.lastModified - b.lastModified);
  const outcomes: CollectOutcome[] = [];
  for (const file of ordered) {
    const decoded = await readReportFile(file);
    if (!decoded.ok) {
      outcomes.push({ file: file.name, kind: 'failed', problems: decoded.problems });
      continue;
    }
    const received = decoded.report;
    const time = options.now?.() ?? Date.now();
    const previous = latest.get(unitKeyOf(received));
    const carried = previous ? carryReview(previous, received) : received;
    const document =
      carried.review.status === 'submitted'
        ? carried
        : submit(carried, { actor: received.meta.agency || file.name, now: () => new Date(time) }, file.name);
    const stored = await store.receive({ document, fileName: file.name, receivedAt: time, fingerprint: fingerprintOf(received) });
    const agency = received.meta.agency.trim();
    const year = received.meta.year;
    if (stored.ok) {
      const kind = known.has(stored.value.unitKey) ? 'newVersion' : 'newUnit';
      known.add(stored.value.unitKey);
      latest.set(stored.value.unitKey, stored.value.document);
      outcomes.push({ file: file.name, kind, unitKey: stored.value.unitKey, agency, year });
    } else if (stored.error.kind === 'duplicate') {
      outcomes.push({ file: file.name, kind: 'duplicate', agency, year });
    } else if (stored.error.kind === 'invalid') {
      outcomes.push({ file: file.name, kind: 'failed', problems: stored.error.problems });
    } else {
      outcomes.push({ file: file.name, kind: 'storeError', error: stored.error });
    }
  }
  return outcomes;
}
