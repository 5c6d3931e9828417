/** Rules of the numbers of one report: balance, counts, fees, stated totals. */
import {
  APPLICANT_COLUMN_IDS,
  APPLICANT_COLUMNS,
  APPLICATIONS_TOTAL_COLUMN,
  CELL_BY_ID,
  ENTERED_CELLS,
  RESULT_ROWS,
  SECTIONS,
  type Label,
  type TableSectionId,
} from '../format.ts';
import { cellsReader, decimalPlaces, getAt, pathKeys, type Report } from '../document.ts';
import { cellValue } from '../totals.ts';
import type { FindingDraft, RuleDef } from './types.ts';

const BALANCE_ROWS = ['newReceived', 'carriedOver', 'resultsTotal', 'carriedForward'] as const;

/** The four cells of a column's balance, by column id: built once, not per evaluation. */
const BALANCE_CELLS = new Map<string, readonly string[]>(
  [...APPLICANT_COLUMNS, APPLICATIONS_TOTAL_COLUMN].map((c) => [c.id, BALANCE_ROWS.map((row) => `applications.${row}.${c.id}`)]),
);

/** The keys of the entered cells of 三 in each applicant column. */
const columnCellKeys = new Map(
  APPLICANT_COLUMNS.map((c) => [
    c.id as string,
    ENTERED_CELLS.filter((cell) => cell.section === 'applications' && cell.id.endsWith(`.${c.id}`)).map((cell) => pathKeys(cell.id)),
  ]),
);
const anyFilled = (report: Report, column: string) => {
  for (const keys of columnCellKeys.get(column) ?? []) if (typeof getAt(report, keys) === 'number') return true;
  return false;
};

/** A stored count as the balance reads it: not filled is 0 (as `cellValue(…) ?? 0`). */
const countAt = (report: Report, id: string) => {
  const value = getAt(report, pathKeys(id));
  return typeof value === 'number' ? value : 0;
};

const RESULT_ROW_KEYS = RESULT_ROWS.map((row) => pathKeys(`applications.${row.id}`));

/**
 * （七）总计 of each applicant column and of the 总计 column, in one pass over the result rows
 * (each row object found once, not once per cell); added in the order cellValue adds them, so
 * even a fractional count an editor holds sums to the same number.
 */
function resultsTotals(report: Report): { byColumn: number[]; total: number } {
  const byColumn = APPLICANT_COLUMN_IDS.map(() => 0);
  let total = 0;
  for (const keys of RESULT_ROW_KEYS) {
    const row = getAt(report, keys);
    if (row === null || typeof row !== 'object') continue;
    for (let c = 0; c < APPLICANT_COLUMN_IDS.length; c++) {
      const value = (row as Record<string, unknown>)[APPLICANT_COLUMN_IDS[c]!];
      if (typeof value === 'number' && Number.isFinite(value)) {
        byColumn[c]! += value;
        total += value;
      }
    }
  }
  return { byColumn, total };
}

function balanceDraft(column: { id: string; label: Label }, left: number, right: number): FindingDraft {
  return {
    subject: column.id,
    cells: [...BALANCE_CELLS.get(column.id)!],
    messageKey: 'rule.balance',
    params: { column: column.label.zh, columnEn: column.label.en, left, right, delta: left - right },
    left,
    right,
    delta: left - right,
  };
}

/** A total as an imported document prints it, else as the cells sum. */
function statedOrSum(report: Report, stated: Readonly<Record<string, number | null>> | undefined, id: string): number {
  const printed = stated?.[id];
  return typeof printed === 'number' ? printed : (cellValue(report, id) ?? 0);
}

export const balanceRule: RuleDef = {
  id: 'balance',
  severity: 'error',
  family: 'arithmetic',
  reads: ['applications'],
  messageKey: 'rule.balance',
  check(report, context) {
    const filled = APPLICANT_COLUMNS.map((c) => anyFilled(report, c.id));
    if (!filled.includes(true)) return [];
    const drafts: FindingDraft[] = [];
    const results = resultsTotals(report);
    APPLICANT_COLUMNS.forEach((column, c) => {
      if (!filled[c]) return;
      const cells = BALANCE_CELLS.get(column.id)!;
      const left = countAt(report, cells[0]!) + countAt(report, cells[1]!);
      const right = results.byColumn[c]! + countAt(report, cells[3]!);
      if (left !== right) drafts.push(balanceDraft(column, left, right));
    });
    // The 总计 column balances whenever the six do (its cells are their sums), so it is only
    // reported on its own when it fails alone: with totals stated by an imported document.
    if (drafts.length === 0) {
      const stated = context.stated?.totals;
      const cells = BALANCE_CELLS.get(APPLICATIONS_TOTAL_COLUMN.id)!;
      const left = statedOrSum(report, stated, cells[0]!) + statedOrSum(report, stated, cells[1]!);
      const printed = stated?.[cells[2]!];
      const right = (typeof printed === 'number' ? printed : results.total) + statedOrSum(report, stated, cells[3]!);
      if (left !== right) drafts.push(balanceDraft(APPLICATIONS_TOTAL_COLUMN, left, right));
    }
    return drafts;
  },
};

const readEntered = cellsReader(ENTERED_CELLS.map((cell) => cell.id));

export const countRule: RuleDef = {
  id: 'count',
  severity: 'error',
  family: 'arithmetic',
  reads: ['proactive', 'applications', 'appeals'],
  messageKey: 'rule.count.blank',
  check(report, context) {
    const drafts: FindingDraft[] = [];
    const blanks = new Map<TableSectionId, string[]>();
    const values = readEntered(report);
    for (let i = 0; i < ENTERED_CELLS.length; i++) {
      const cell = ENTERED_CELLS[i]!;
      const value = values[i] ?? null;
      if (value === null) {
        if (context.blanksAreErrors !== false) {
          const list = blanks.get(cell.section) ?? [];
          list.push(cell.id);
          blanks.set(cell.section, list);
        }
      } else if (cell.kind === 'count' && (!Number.isInteger(value) || value < 0)) {
        drafts.push({
          subject: cell.id,
          cells: [cell.id],
          messageKey: 'rule.count.invalid',
          params: { cell: `${cell.row.zh}“${cell.column.zh}”`, cellEn: `${cell.row.en} / ${cell.column.en}`, value },
        });
      }
    }
    for (const [section, cells] of blanks) {
      const heading = SECTIONS.find((s) => s.id === section)!.heading;
      drafts.push({
        subject: `blank.${section}`,
        cells,
        messageKey: 'rule.count.blank',
        params: { section: heading.zh, sectionEn: heading.en, n: cells.length },
      });
    }
    return drafts;
  },
};

export const feeRule: RuleDef = {
  id: 'fee',
  severity: 'error',
  family: 'arithmetic',
  reads: ['proactive.fees'],
  messageKey: 'rule.fee',
  check(report) {
    const value = report.proactive.fees;
    if (value === null) return [];
    if (Number.isFinite(value) && value >= 0 && decimalPlaces(value) <= 4) return [];
    return [{ subject: 'proactive.fees', cells: ['proactive.fees'], messageKey: 'rule.fee', params: { value } }];
  },
};

export const statedTotalRule: RuleDef = {
  id: 'statedTotal',
  severity: 'error',
  family: 'arithmetic',
  reads: ['applications', 'appeals'],
  messageKey: 'rule.statedTotal',
  check(report, context) {
    const stated = context.stated?.totals;
    if (!stated) return [];
    const drafts: FindingDraft[] = [];
    for (const [id, printed] of Object.entries(stated)) {
      const cell = CELL_BY_ID.get(id);
      if (!cell?.computed || typeof printed !== 'number') continue;
      const sum = cellValue(report, id) ?? 0;
      if (printed !== sum) {
        drafts.push({
          subject: id,
          cells: [id, ...cell.sumOf!],
          messageKey: 'rule.statedTotal',
          params: { cell: `${cell.row.zh}“${cell.column.zh}”`, cellEn: `${cell.row.en} / ${cell.column.en}`, left: printed, right: sum, delta: printed - sum },
          left: printed,
          right: sum,
          delta: printed - sum,
        });
      }
    }
    return drafts;
  },
};
