import { describe, expect, it } from 'vitest';
import { mergeVersions } from './useReviewWorkspace.ts';
import { unitReport, version } from './testUtils.tsx';

describe('mergeVersions (a shared store’s batch taken into the workspace)', () => {
  it('replaces a version by id, adds the new ones, and keeps the oldest received first', () => {
    const a = version(unitReport('甲局'), { receivedAt: 10 });
    const b = version(unitReport('乙镇'), { receivedAt: 30 });
    const aReviewed = { ...a, updatedAt: 99, fileName: 'reviewed' };
    const c = version(unitReport('丙局'), { receivedAt: 20 });
    const merged = mergeVersions([a, b], [c, aReviewed]);
    expect(merged.map((v) => [v.id, v.fileName])).toEqual([
      [a.id, 'reviewed'],
      [c.id, c.fileName],
      [b.id, b.fileName],
    ]);
    // Nothing new: the same order, the list not sorted again.
    expect(mergeVersions(merged, [{ ...b, updatedAt: 100 }]).map((v) => v.id)).toEqual([a.id, c.id, b.id]);
  });
});
