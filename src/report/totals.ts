/**
 * Computed cells (the 总计 column and （七）总计 of 三, the three 总计 of 四) from entered ones.
 * A cell not filled (null) counts as 0 in a total, but stays "not filled" itself.
 */
import { CELL_BY_ID, COMPUTED_CELLS } from './format.ts';
import { getCell, type Report } from './document.ts';

/** Sum of values with null counted as 0. */
export function sumOf(values: readonly (number | null | undefined)[]): number {
  let sum = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) sum += v;
  return sum;
}

/** The value of any cell: entered cells as stored (null when not filled), computed cells summed. */
export function cellValue(report: Report, cellId: string): number | null {
  const def = CELL_BY_ID.get(cellId);
  if (def?.sumOf) return sumOf(def.sumOf.map((id) => getCell(report, id)));
  return getCell(report, cellId);
}

/** Every computed cell of the report, by id. */
export function computeTotals(report: Report): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const cell of COMPUTED_CELLS) totals[cell.id] = sumOf(cell.sumOf!.map((id) => getCell(report, id)));
  return totals;
}
