/**
 * Computed cells (the 总计 column and （七）总计 of 三, the three 总计 of 四) from entered ones.
 * A cell not filled (null) counts as 0 in a total, but stays "not filled" itself.
 */
import { COMPUTED_CELLS } from './format.ts';
import { getAt, getCell, pathKeys, type Report } from './document.ts';

/** Sum of values with null counted as 0. */
export function sumOf(values: readonly (number | null | undefined)[]): number {
  let sum = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) sum += v;
  return sum;
}

/** The keys of the entered cells each computed cell sums, split once. */
const SUMMED_KEYS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map(
  COMPUTED_CELLS.map((cell) => [cell.id, cell.sumOf!.map(pathKeys)]),
);

/** sumOf over stored values, without an array of them (this runs many times per keystroke). */
function sumAt(report: Report, summed: readonly (readonly string[])[]): number {
  let sum = 0;
  for (let i = 0; i < summed.length; i++) {
    const v = getAt(report, summed[i]!);
    if (typeof v === 'number' && Number.isFinite(v)) sum += v;
  }
  return sum;
}

/** The value of any cell: entered cells as stored (null when not filled), computed cells summed. */
export function cellValue(report: Report, cellId: string): number | null {
  const summed = SUMMED_KEYS.get(cellId);
  if (summed) return sumAt(report, summed);
  return getCell(report, cellId);
}

/** Every computed cell of the report, by id. */
export function computeTotals(report: Report): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const cell of COMPUTED_CELLS) totals[cell.id] = sumAt(report, SUMMED_KEYS.get(cell.id)!);
  return totals;
}
