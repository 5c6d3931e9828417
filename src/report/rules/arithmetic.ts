/** Rules of the numbers of one report: balance, counts, fees, stated totals. */
import {
  APPLICANT_COLUMNS,
  APPLICATIONS_TOTAL_COLUMN,
  CELL_BY_ID,
  ENTERED_CELLS,
  SECTIONS,
  type Label,
  type TableSectionId,
} from '../format.ts';
import { decimalPlaces, getAt, pathKeys, type Report } from '../document.ts';
import { cellValue } from '../totals.ts';
import type { FindingDraft, RuleDef } from './types.ts';

const BALANCE_ROWS = ['newReceived', 'carriedOver', 'resultsTotal', 'carriedForward'] as const;

/** The four cells of a column's balance, by column id: built once, not per evaluation. */
const BALANCE_CELLS = new Map<string, readonly string[]>(
  [...APPLICANT_COLUMNS, APPLICATIONS_TOTAL_COLUMN].map((c) => [c.id, BALANCE_ROWS.map((row) => `applications.${row}.${c.id}`)]),
);

function balanceOf(report: Report, column: string, stated?: Readonly<Record<string, number | null>>) {
  const cells = BALANCE_CELLS.get(column)!;
  const value = (id: string) => {
    const printed = stated?.[id];
    return typeof printed === 'number' ? printed : (cellValue(report, id) ?? 0);
  };
  const left = value(cells[0]!) + value(cells[1]!);
  const right = value(cells[2]!) + value(cells[3]!);
  return { left, right, cells: [...cells] };
}

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

export const balanceRule: RuleDef = {
  id: 'balance',
  severity: 'error',
  family: 'arithmetic',
  reads: ['applications'],
  messageKey: 'rule.balance',
  check(report, context) {
    const drafts: FindingDraft[] = [];
    const columns: { id: string; label: Label }[] = [...APPLICANT_COLUMNS];
    for (const column of columns) {
      if (!anyFilled(report, column.id)) continue;
      const { left, right, cells } = balanceOf(report, column.id);
      if (left !== right) {
        drafts.push({
          subject: column.id,
          cells,
          messageKey: 'rule.balance',
          params: { column: column.label.zh, columnEn: column.label.en, left, right, delta: left - right },
          left,
          right,
          delta: left - right,
        });
      }
    }
    // The 总计 column balances whenever the six do (its cells are their sums), so it is only
    // reported on its own when it fails alone: with totals stated by an imported document.
    if (drafts.length === 0 && APPLICANT_COLUMNS.some((c) => anyFilled(report, c.id))) {
      const total = APPLICATIONS_TOTAL_COLUMN;
      const { left, right, cells } = balanceOf(report, total.id, context.stated?.totals);
      if (left !== right) {
        drafts.push({
          subject: total.id,
          cells,
          messageKey: 'rule.balance',
          params: { column: total.label.zh, columnEn: total.label.en, left, right, delta: left - right },
          left,
          right,
          delta: left - right,
        });
      }
    }
    return drafts;
  },
};

const ENTERED_KEYS = ENTERED_CELLS.map((cell) => pathKeys(cell.id));

export const countRule: RuleDef = {
  id: 'count',
  severity: 'error',
  family: 'arithmetic',
  reads: ['proactive', 'applications', 'appeals'],
  messageKey: 'rule.count.blank',
  check(report, context) {
    const drafts: FindingDraft[] = [];
    const blanks = new Map<TableSectionId, string[]>();
    for (let i = 0; i < ENTERED_CELLS.length; i++) {
      const cell = ENTERED_CELLS[i]!;
      const stored = getAt(report, ENTERED_KEYS[i]!);
      const value = typeof stored === 'number' ? stored : null;
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
