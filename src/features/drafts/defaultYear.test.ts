import { describe, expect, test } from 'vitest';
import { defaultYear } from './CreateDialogs.tsx';

describe('新建年报 defaults to the year being reported (issue 16.10)', () => {
  test.each<[string, number]>([
    ['2027-01-10T09:00:00', 2026], // January: last year's report is due
    ['2026-10-31T23:00:00', 2025],
    ['2026-11-01T08:00:00', 2026], // from November on, this year's report is prepared
    ['2026-12-05T00:30:00', 2026],
  ])('on %s: %i', (now, year) => {
    expect(defaultYear(new Date(now))).toBe(year);
  });
});
