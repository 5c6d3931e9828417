/**
 * The review's actions on a report document: comments (add, resolve, reopen) and the status
 * moves (submit, return, approve). Pure: each takes a report and gives a new one with the change
 * and a line in `review.history` saying what happened, when and by whom. Nothing here decides
 * whether an action is wise (e.g. approving a report with errors): the workspace does that.
 */
import type { Report, Review, ReviewAction, ReviewComment, ReviewEvent } from '../document.ts';
import { isCommentTarget, parseNarrativeTarget } from './targets.ts';

export type ReviewActionErrorCode =
  /** A comment without text, or a return without a reason. */
  | 'emptyText'
  /** A comment target that is not a cell, a narrative part, a meta field or the whole report. */
  | 'badTarget'
  | 'commentNotFound'
  /** The report is already in the status the action would set (approve twice, return twice). */
  | 'sameStatus';

export class ReviewActionError extends Error {
  constructor(readonly code: ReviewActionErrorCode) {
    super(`review action refused: ${code}`);
    this.name = 'ReviewActionError';
  }
}

export interface ActionContext {
  /** Who acts: the reviewer's (or clerk's) name as it should appear in the history. */
  readonly actor: string;
  /** The time of the action; defaults to now. */
  readonly now?: () => Date;
  /** Comment ids; defaults to crypto.randomUUID. */
  readonly newId?: () => string;
}

const timeOf = (ctx: ActionContext) => (ctx.now ? ctx.now() : new Date()).toISOString();

function withReview(report: Report, review: Review, event: ReviewEvent): Report {
  return { ...report, review: { ...review, history: [...review.history, event] } };
}

function event(action: ReviewAction, ctx: ActionContext, at: string, note?: string): ReviewEvent {
  return note === undefined ? { action, at, by: ctx.actor } : { action, at, by: ctx.actor, note };
}

// ---------------------------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------------------------

export interface NewComment {
  /** See `ReviewComment.target`; '' for the whole report. */
  readonly target: string;
  readonly text: string;
}

/** Adds a comment (and a `commented` line in the history, noting the target). */
export function addComment(report: Report, comment: NewComment, ctx: ActionContext): Report {
  const text = comment.text.trim();
  if (!text) throw new ReviewActionError('emptyText');
  if (!isCommentTarget(report, comment.target)) throw new ReviewActionError('badTarget');
  const at = timeOf(ctx);
  const narrative = parseNarrativeTarget(comment.target);
  const partTitle =
    narrative && narrative.section !== 'preamble' ? report.narrative[narrative.section][narrative.index]?.title : undefined;
  const added: ReviewComment = {
    id: (ctx.newId ?? (() => crypto.randomUUID()))(),
    target: comment.target,
    ...(partTitle ? { partTitle } : {}),
    text,
    author: ctx.actor,
    at,
    resolved: false,
  };
  const review = { ...report.review, comments: [...report.review.comments, added] };
  return withReview(report, review, event('commented', ctx, at, comment.target || undefined));
}

function updateComment(
  report: Report,
  id: string,
  ctx: ActionContext,
  action: 'resolved' | 'reopened',
  change: (c: ReviewComment, at: string) => ReviewComment,
): Report {
  const index = report.review.comments.findIndex((c) => c.id === id);
  if (index < 0) throw new ReviewActionError('commentNotFound');
  const at = timeOf(ctx);
  const comments = report.review.comments.map((c, i) => (i === index ? change(c, at) : c));
  return withReview(report, { ...report.review, comments }, event(action, ctx, at, id));
}

/** Marks a comment resolved (by the clerk who fixed it, or the reviewer). Already resolved: unchanged. */
export function resolveComment(report: Report, id: string, ctx: ActionContext): Report {
  const found = report.review.comments.find((c) => c.id === id);
  if (found?.resolved) return report;
  return updateComment(report, id, ctx, 'resolved', (c, at) => ({ ...c, resolved: true, resolvedAt: at }));
}

/** Opens a resolved comment again (the fix was not enough). Not resolved: unchanged. */
export function reopenComment(report: Report, id: string, ctx: ActionContext): Report {
  const found = report.review.comments.find((c) => c.id === id);
  if (found && !found.resolved) return report;
  return updateComment(report, id, ctx, 'reopened', (c) => {
    const { resolvedAt: _resolvedAt, ...rest } = c;
    return { ...rest, resolved: false };
  });
}


// ---------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------

/** The unit hands the report in (again): status submitted. */
export function submit(report: Report, ctx: ActionContext, note?: string): Report {
  const at = timeOf(ctx);
  const trimmed = note?.trim();
  return withReview(report, { ...report.review, status: 'submitted' }, event('submitted', ctx, at, trimmed || undefined));
}

/**
 * Sends the report back to the unit. The reason is required: the clerk must know what to fix.
 * The report stays as the unit sent it (定稿): the clerk's import opens it for the changes (openReturned).
 */
export function returnReport(report: Report, reason: string, ctx: ActionContext): Report {
  const text = reason.trim();
  if (!text) throw new ReviewActionError('emptyText');
  if (report.review.status === 'returned') throw new ReviewActionError('sameStatus');
  return withReview(report, { ...report.review, status: 'returned' }, event('returned', ctx, timeOf(ctx), text));
}

/** Approves the report (it may be published and summed up). */
export function approveReport(report: Report, ctx: ActionContext, note?: string): Report {
  if (report.review.status === 'approved') throw new ReviewActionError('sameStatus');
  const trimmed = note?.trim();
  return withReview(report, { ...report.review, status: 'approved' }, event('approved', ctx, timeOf(ctx), trimmed || undefined));
}
