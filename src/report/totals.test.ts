// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { APPEAL_KIND_IDS, APPEAL_OUTCOME_IDS, APPLICANT_COLUMN_IDS, COMPUTED_CELLS, ENTERED_CELLS } from './format.ts';
import { emptyReport, setCell, type Report } from './document.ts';
import { cellValue, computeTotals, sumOf } from './totals.ts';
import { seed } from '../../tests/unit/helpers.ts';

// The result rows of 三 as the format lists them, written out here (not read from the model) so
// that the test checks the model's sums against the format rather than against itself.
const RESULT_ROW_IDS = [
  'granted',
  'partiallyGranted',
  ...['stateSecret', 'lawProhibited', 'securityStability', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'enforcementFiles', 'administrativeQuery'].map((r) => `withheld.${r}`),
  ...['notHeld', 'needsCreation', 'unclear'].map((r) => `unavailable.${r}`),
  ...['complaint', 'repeated', 'publication', 'excessive', 'confirmation'].map((r) => `notProcessed.${r}`),
  ...['noCorrection', 'unpaidFee', 'other'].map((r) => `otherHandling.${r}`),
];
const ENTERED_ROW_IDS = ['newReceived', 'carriedOver', ...RESULT_ROW_IDS, 'carriedForward'];

/** A report in which every entered cell holds a distinct value (1, 2, 3, … in reading order). */
function numbered(): { report: Report; value: (id: string) => number } {
  let report = emptyReport({ agency: '测试', year: 2022 });
  const values = new Map<string, number>();
  ENTERED_CELLS.forEach((cell, i) => {
    values.set(cell.id, i + 1);
    report = setCell(report, cell.id, i + 1);
  });
  return { report, value: (id) => values.get(id)! };
}

/** What the format says each computed cell is. */
function expectedTotals(value: (id: string) => number): Record<string, number> {
  const expected: Record<string, number> = {};
  const add = (ids: string[]) => ids.reduce((s, id) => s + value(id), 0);
  for (const row of ENTERED_ROW_IDS) expected[`applications.${row}.total`] = add(APPLICANT_COLUMN_IDS.map((c) => `applications.${row}.${c}`));
  for (const c of APPLICANT_COLUMN_IDS) expected[`applications.resultsTotal.${c}`] = add(RESULT_ROW_IDS.map((r) => `applications.${r}.${c}`));
  expected['applications.resultsTotal.total'] = add(RESULT_ROW_IDS.flatMap((r) => APPLICANT_COLUMN_IDS.map((c) => `applications.${r}.${c}`)));
  for (const k of APPEAL_KIND_IDS) expected[`appeals.${k}.total`] = add(APPEAL_OUTCOME_IDS.map((o) => `appeals.${k}.${o}`));
  return expected;
}

describe('computed cells', () => {
  const { report, value } = numbered();
  const expected = expectedTotals(value);

  test('computeTotals gives every computed cell, and only those', () => {
    expect(Object.keys(computeTotals(report)).sort()).toEqual(COMPUTED_CELLS.map((c) => c.id).sort());
    expect(Object.keys(expected).sort()).toEqual(COMPUTED_CELLS.map((c) => c.id).sort());
  });

  test.each(COMPUTED_CELLS.map((c) => c.id))('%s', (id) => {
    expect(computeTotals(report)[id]).toBe(expected[id]);
    expect(cellValue(report, id)).toBe(expected[id]);
  });

  test('the seed: 24 received, 24 handled, nothing carried', () => {
    const totals = computeTotals(seed());
    expect(totals['applications.newReceived.total']).toBe(24);
    expect(totals['applications.resultsTotal.naturalPerson']).toBe(24);
    expect(totals['applications.resultsTotal.total']).toBe(24);
    expect(totals['applications.unavailable.notHeld.total']).toBe(19);
    expect(totals['appeals.review.total']).toBe(0);
  });
});

describe('null cells (not filled)', () => {
  test('count as 0 in totals', () => {
    const totals = computeTotals(emptyReport());
    expect(Object.values(totals).every((v) => v === 0)).toBe(true);
    const one = setCell(emptyReport(), 'applications.granted.research', 7);
    expect(cellValue(one, 'applications.granted.total')).toBe(7);
    expect(cellValue(one, 'applications.resultsTotal.research')).toBe(7);
    expect(cellValue(one, 'applications.resultsTotal.total')).toBe(7);
    expect(cellValue(one, 'applications.newReceived.total')).toBe(0);
  });

  test('stay "not filled" themselves', () => {
    const one = setCell(emptyReport(), 'applications.granted.research', 7);
    expect(cellValue(one, 'applications.granted.naturalPerson')).toBeNull();
    expect(cellValue(one, 'applications.granted.research')).toBe(7);
    expect(cellValue(one, 'proactive.fees')).toBeNull();
  });

  test('sumOf skips null, undefined and non-finite values', () => {
    expect(sumOf([1, null, 2, undefined, Number.NaN, 3])).toBe(6);
    expect(sumOf([])).toBe(0);
  });
});

describe('setCell', () => {
  test('changes one cell and shares the rest', () => {
    const before = seed();
    const after = setCell(before, 'applications.withheld.stateSecret.research', 2);
    expect(after.applications.withheld.stateSecret.research).toBe(2);
    expect(before.applications.withheld.stateSecret.research).toBe(0);
    expect(after.appeals).toBe(before.appeals);
    expect(after.applications.granted).toBe(before.applications.granted);
  });
});
