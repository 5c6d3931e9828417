import { describe, expect, test } from 'vitest';
import { reportingYear } from './year.ts';

describe('the year being reported (新建年报’s default, the sharing entry’s year; issue 16.10)', () => {
  test.each<[string, number]>([
    ['2027-01-10T09:00:00', 2026], // January: last year's report is due
    ['2027-01-31T23:59:00', 2026],
    ['2026-10-31T23:00:00', 2025],
    ['2026-11-01T08:00:00', 2026], // from November on, this year's report is prepared
    ['2026-12-05T00:30:00', 2026],
  ])('on %s: %i', (now, year) => {
    expect(reportingYear(new Date(now))).toBe(year);
  });
});
