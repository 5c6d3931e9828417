// @vitest-environment node
/** A review arriving by replication becomes the draft's review, as an imported returned file does. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approveReport, decode, returnReport, submit, type Report } from '../report/index.ts';
import { holdsReview, withReviewOf } from './clerk.ts';

const decoded = decode(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')));
if (!decoded.ok) throw new Error('seed does not decode');
const at = (minute: number) => ({ actor: '审核', now: () => new Date(Date.UTC(2023, 0, 20, 1, minute)) });
const submitted = submit({ ...decoded.report, status: 'ready' }, at(0));

describe('withReviewOf', () => {
  const cases: [string, Report, Report['status']][] = [
    ['a return opens the 定稿 draft for the changes', returnReport(submitted, '请修改', at(1)), 'draft'],
    ['an approval leaves it 定稿', approveReport(submitted, at(1)), 'ready'],
  ];
  it.each(cases)('%s', (_name, reviewed, status) => {
    const applied = withReviewOf(submitted, reviewed);
    expect(applied.status).toBe(status);
    expect(applied.review.status).toBe(reviewed.review.status);
    expect(holdsReview(applied, reviewed)).toBe(true);
    // The clerk's own text is the draft's.
    expect(applied.narrative).toEqual(submitted.narrative);
  });
});
