import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decode } from '../decode.ts';
import type { Report } from '../document.ts';
import { reportSchema } from '../schema.ts';
import { ReviewActionError, addComment, approveReport, reopenComment, resolveComment, returnReport, submit, type ActionContext } from './actions.ts';
import { currentTarget, isCommentTarget, lastReviewEventAt, openComments, resolvedSinceReturn, returnReason } from './targets.ts';

const seedResult = decode(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')));
if (!seedResult.ok) throw new Error('seed does not decode');
const seed: Report = seedResult.report;

/** A clock that ticks one minute per call, and numbered ids, so that results are exact. */
function context(actor = '县政务公开办 王审'): ActionContext & { ticks: () => number } {
  let minute = 0;
  let id = 0;
  return {
    actor,
    now: () => new Date(Date.UTC(2023, 0, 10, 2, minute++)),
    newId: () => `c${++id}`,
    ticks: () => minute,
  };
}

const valid = (r: Report) => expect(reportSchema.safeParse(r).success).toBe(true);

describe('comments', () => {
  test('a comment on a cell is added with author, time and a history line; the input is not changed', () => {
    const ctx = context();
    const before = structuredClone(seed);
    const after = addComment(seed, { target: 'applications.granted.naturalPerson', text: '  予以公开数与正文不符 ' }, ctx);
    expect(seed).toEqual(before);
    expect(after.review.comments).toEqual([
      {
        id: 'c1',
        target: 'applications.granted.naturalPerson',
        text: '予以公开数与正文不符',
        author: '县政务公开办 王审',
        at: '2023-01-10T02:00:00.000Z',
        resolved: false,
      },
    ]);
    expect(after.review.history).toEqual([
      { action: 'commented', at: '2023-01-10T02:00:00.000Z', by: '县政务公开办 王审', note: 'applications.granted.naturalPerson' },
    ]);
    valid(after);
  });

  test('a comment on a narrative part keeps the part title; one on the whole report has target ""', () => {
    const ctx = context();
    let r = addComment(seed, { target: 'narrative.overview.2', text: '请补充办结时限' }, ctx);
    r = addComment(r, { target: '', text: '整体较好' }, ctx);
    expect(r.review.comments[0]).toMatchObject({ target: 'narrative.overview.2', partTitle: '依申请公开情况' });
    expect(r.review.comments[1]).toMatchObject({ target: '', text: '整体较好' });
    expect(r.review.comments[1]).not.toHaveProperty('partTitle');
    expect(r.review.history.map((e) => e.note)).toEqual(['narrative.overview.2', undefined]);
    valid(r);
  });

  test('without crypto ids given, ids are UUIDs and distinct', () => {
    const ctx = { actor: 'a' };
    const r = addComment(addComment(seed, { target: '', text: 'x' }, ctx), { target: '', text: 'y' }, ctx);
    const [a, b] = r.review.comments.map((c) => c.id);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  test.each([
    ['', true],
    ['applications.granted.naturalPerson', true],
    ['applications.resultsTotal.total', true],
    ['proactive.fees', true],
    ['meta.agency', true],
    ['narrative.preamble', true],
    ['narrative.overview.0', true],
    ['narrative.overview.99', false],
    ['narrative.elsewhere.0', false],
    ['meta.secret', false],
    ['applications.granted.nobody', false],
    ['review.status', false],
  ])('isCommentTarget(%j) = %s', (target, expected) => {
    expect(isCommentTarget(seed, target)).toBe(expected);
  });

  test('empty text and unknown targets are refused', () => {
    const ctx = context();
    expect(() => addComment(seed, { target: '', text: '   ' }, ctx)).toThrow(new ReviewActionError('emptyText'));
    expect(() => addComment(seed, { target: 'narrative.other.42', text: 'x' }, ctx)).toThrow(new ReviewActionError('badTarget'));
  });

  test('resolve and reopen: flag, time, history; repeating is a no-op; unknown id refused', () => {
    const ctx = context('平罗县政府办 李文');
    const commented = addComment(seed, { target: 'proactive.fees', text: '请核实' }, ctx);
    const resolved = resolveComment(commented, 'c1', ctx);
    expect(resolved.review.comments[0]).toMatchObject({ resolved: true, resolvedAt: '2023-01-10T02:01:00.000Z' });
    expect(resolved.review.history.at(-1)).toEqual({ action: 'resolved', at: '2023-01-10T02:01:00.000Z', by: '平罗县政府办 李文', note: 'c1' });
    expect(resolveComment(resolved, 'c1', ctx)).toBe(resolved);
    expect(openComments(resolved.review)).toEqual([]);
    valid(resolved);

    const reopened = reopenComment(resolved, 'c1', ctx);
    expect(reopened.review.comments[0]!.resolved).toBe(false);
    expect(reopened.review.comments[0]).not.toHaveProperty('resolvedAt');
    expect(reopened.review.history.map((e) => e.action)).toEqual(['commented', 'resolved', 'reopened']);
    expect(reopenComment(reopened, 'c1', ctx)).toBe(reopened);
    expect(openComments(reopened.review)).toHaveLength(1);
    valid(reopened);

    expect(() => resolveComment(seed, 'nope', ctx)).toThrow(new ReviewActionError('commentNotFound'));
    expect(() => reopenComment(seed, 'nope', ctx)).toThrow(new ReviewActionError('commentNotFound'));
  });

  test('currentTarget follows a part by its title when the clerk reorders parts', () => {
    const r = addComment(seed, { target: 'narrative.overview.2', text: 'x' }, context());
    const comment = r.review.comments[0]!;
    expect(currentTarget(r, comment)).toBe('narrative.overview.2');
    const reordered = structuredClone(r);
    reordered.narrative.overview.reverse();
    const n = reordered.narrative.overview.length;
    expect(currentTarget(reordered, comment)).toBe(`narrative.overview.${n - 1 - 2}`);
    // Title changed and index gone: the comment is about the whole report.
    const shrunk = structuredClone(r);
    shrunk.narrative.overview = [{ title: '新标题', text: '' }];
    expect(currentTarget(shrunk, comment)).toBe('');
    // Cells are not moved.
    expect(currentTarget(r, { target: 'proactive.fees' })).toBe('proactive.fees');
  });
});

describe('status', () => {
  test('submit → return (reason required) → submit → approve, each in the history', () => {
    const ctx = context();
    const submitted = submit(seed, { ...ctx, actor: '平罗县政府办' }, '  ');
    expect(submitted.review.status).toBe('submitted');
    expect(submitted.review.history).toEqual([{ action: 'submitted', at: '2023-01-10T02:00:00.000Z', by: '平罗县政府办' }]);

    expect(() => returnReport(submitted, ' ', ctx)).toThrow(new ReviewActionError('emptyText'));
    const returned = returnReport(submitted, '三表不平衡，请更正', ctx);
    expect(returned.review.status).toBe('returned');
    expect(returned.review.history.at(-1)).toEqual({ action: 'returned', at: '2023-01-10T02:01:00.000Z', by: '县政务公开办 王审', note: '三表不平衡，请更正' });
    expect(returnReason(returned.review)).toBe('三表不平衡，请更正');
    expect(() => returnReport(returned, 'again', ctx)).toThrow(new ReviewActionError('sameStatus'));

    const again = submit(returned, ctx, '已更正');
    expect(returnReason(again.review)).toBeNull();
    const approved = approveReport(again, ctx);
    expect(approved.review.status).toBe('approved');
    expect(approved.review.history.map((e) => e.action)).toEqual(['submitted', 'returned', 'submitted', 'approved']);
    expect(approved.review.history[2]!.note).toBe('已更正');
    expect(approved.review.history[3]).not.toHaveProperty('note');
    expect(() => approveReport(approved, ctx)).toThrow(new ReviewActionError('sameStatus'));
    expect(lastReviewEventAt(approved.review)).toBe('2023-01-10T02:03:00.000Z');
    expect(lastReviewEventAt(seed.review)).toBeNull();
    valid(approved);
  });

  test('resolvedSinceReturn: only a comment resolved after the latest return counts', () => {
    const ctx = context();
    const commented = addComment(submit(seed, { ...ctx, actor: '平罗县政府办' }), { target: '', text: '请核对' }, ctx);
    const returned = returnReport(commented, '请修改', ctx);
    const clerk = { ...ctx, actor: '平罗县政府办' };
    const resolved = resolveComment(returned, 'c1', clerk);
    const cases: [string, Report, boolean][] = [
      ['never returned', seed, false],
      ['returned, nothing done', returned, false],
      ['returned, then a comment resolved', resolved, true],
      ['resolved, then reopened: still worked on', reopenComment(resolved, 'c1', clerk), true],
      // Resolved in the round before: this return is not worked on yet.
      ['resolved before a second return', returnReport(submit(resolved, clerk), '仍有问题', ctx), false],
    ];
    for (const [name, report, expected] of cases) expect(resolvedSinceReturn(report.review), name).toBe(expected);
  });

  test('an approved report can still be returned (approval withdrawn, with a reason)', () => {
    const ctx = context();
    const approved = approveReport(seed, ctx, '同意发布');
    expect(approved.review.history[0]!.note).toBe('同意发布');
    const returned = returnReport(approved, '发现差错', ctx);
    expect(returned.review.status).toBe('returned');
  });

  test('actions keep other parts of the document as they were', () => {
    const ctx = context();
    const after = approveReport(addComment(seed, { target: '', text: 'ok' }, ctx), ctx);
    const { review: _a, ...rest } = after;
    const { review: _b, ...seedRest } = seed;
    expect(rest).toEqual(seedRest);
  });
});
