/**
 * Reading a report's review: where a comment points now, which comments are open, why the
 * report was returned. Apart from the actions (actions.ts) because the editor reads these for
 * every report it opens, and changes a review only when it has one.
 */
import { CELL_BY_ID, META_FIELDS, NARRATIVE_SECTION_IDS, type NarrativeSectionId } from '../format.ts';
import type { Report, Review, ReviewComment, ReviewStatus } from '../document.ts';

/** A narrative target: `narrative.preamble`, or a part `narrative.<section>.<index>`. */
export type NarrativeTarget = { section: 'preamble' } | { section: NarrativeSectionId; index: number };

export function parseNarrativeTarget(target: string): NarrativeTarget | null {
  if (target === 'narrative.preamble') return { section: 'preamble' };
  const m = /^narrative\.(\w+)\.(\d+)$/.exec(target);
  if (!m || !NARRATIVE_SECTION_IDS.includes(m[1] as NarrativeSectionId)) return null;
  return { section: m[1] as NarrativeSectionId, index: Number(m[2]) };
}

/**
 * Whether `target` names something a comment can be about: '' (the whole report), a cell id of
 * 二/三/四 (computed cells too: a wrong total is worth a comment), `meta.<field>`,
 * `narrative.preamble` or an existing narrative part of this report.
 */
export function isCommentTarget(report: Report, target: string): boolean {
  if (target === '') return true;
  if (CELL_BY_ID.has(target)) return true;
  if (target.startsWith('meta.')) return Object.hasOwn(META_FIELDS, target.slice(5));
  const narrative = parseNarrativeTarget(target);
  if (!narrative) return false;
  return narrative.section === 'preamble' || narrative.index < report.narrative[narrative.section].length;
}

/**
 * Where a comment points in this version of the report. A part's comment keeps the part's title,
 * so that it follows the part when the clerk reorders or inserts parts; when no part has that
 * title any more, the stored index is used if it still exists, else the comment is about the
 * whole report ('').
 */
export function currentTarget(report: Report, comment: Pick<ReviewComment, 'target' | 'partTitle'>): string {
  const narrative = parseNarrativeTarget(comment.target);
  if (!narrative || narrative.section === 'preamble') return comment.target;
  const parts = report.narrative[narrative.section];
  if (comment.partTitle) {
    const byTitle = parts.findIndex((p) => p.title === comment.partTitle);
    if (byTitle >= 0) return `narrative.${narrative.section}.${byTitle}`;
  }
  return narrative.index < parts.length ? comment.target : '';
}

/** The comments not yet resolved. */
export function openComments(review: Review): ReviewComment[] {
  return review.comments.filter((c) => !c.resolved);
}

/** The reason of the latest return, while the report stands returned (for the clerk's banner). */
export function returnReason(review: Review): string | null {
  if (review.status !== 'returned') return null;
  for (let i = review.history.length - 1; i >= 0; i--) {
    const e = review.history[i]!;
    if (e.action === 'returned') return e.note ?? '';
  }
  return null;
}

/**
 * Whether the clerk resolved a comment after the latest return: the clerk worked on this return
 * (resolving is refused while the report is 定稿, so a report that is 定稿 now was marked so
 * again after it). A return that arrives by replication keeps the draft's 定稿 of the
 * submission, and a return may bring no comment at all: neither says the clerk revised anything.
 */
export function resolvedSinceReturn(review: Review): boolean {
  for (let i = review.history.length - 1; i >= 0; i--) {
    const e = review.history[i]!;
    if (e.action === 'returned') return false;
    if (e.action === 'resolved') return true;
  }
  return false;
}

/** Time of the latest review event, or null when nothing happened yet. */
export function lastReviewEventAt(review: Review): string | null {
  let latest: string | null = null;
  for (const e of review.history) if (latest === null || Date.parse(e.at) > Date.parse(latest)) latest = e.at;
  return latest;
}

/** What the clerk is told of a report: 已定稿, 已退回 (returned and open for the changes), or 草稿. */
export type ClerkStatus = 'draft' | 'ready' | 'returned';

/** One answer for 我的年报, the editor's header and its banner. */
export function clerkStatus(status: Report['status'], reviewStatus: ReviewStatus | undefined): ClerkStatus {
  if (status === 'ready') return 'ready';
  return reviewStatus === 'returned' ? 'returned' : 'draft';
}

/**
 * A returned report is open for the clerk's changes: the file the 政务公开办 sends back (made
 * before 退回 reopened it, or by another tool) may still say 定稿.
 */
export function openReturned(report: Report): Report {
  return report.review.status === 'returned' && report.status === 'ready' ? { ...report, status: 'draft' } : report;
}
