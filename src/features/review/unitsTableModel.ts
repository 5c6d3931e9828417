/**
 * The units table's sort and filter as pure functions over its rows (no React, no DOM), so that
 * they are tested on their own and measured at a province's size (5,000 units: ≤ 100 ms each,
 * bench/sharing.ts). The table renders what these return, a window of it at a time.
 */
import { PROGRESSES, UNIT_STATUSES, type Progress, type UnitRow, type UnitStatus } from './model.ts';

export const FINDINGS_FILTERS = ['all', 'errors', 'unexplained', 'clean'] as const;
export type FindingsFilter = (typeof FINDINGS_FILTERS)[number];

export const SORT_KEYS = ['agency', 'kind', 'year', 'status', 'progress', 'errors', 'unexplainedWarnings', 'explainedWarnings', 'openComments', 'lastChange'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface RowSort {
  readonly by: SortKey;
  readonly desc: boolean;
}

export interface RowFilter {
  /** Part of the agency's name (case does not matter). */
  readonly text: string;
  readonly status: UnitStatus | 'all';
  /** Where the unit stands in the round (未开始…已通过). */
  readonly progress: Progress | 'all';
  readonly year: number | 'all';
  readonly findings: FindingsFilter;
}

export const NO_FILTER: RowFilter = { text: '', status: 'all', progress: 'all', year: 'all', findings: 'all' };

/**
 * What the supervisor chose in the units table and where they were in it. The table is
 * remounted more often than the supervisor changes their mind: when the server's store replaces
 * the files' one (the sync connects or reconnects) and on every visit to a unit's page. So the
 * review page keeps one of these for as long as it is open and the table reads it when it mounts
 * and writes it as it changes (a plain object, not React state: a keystroke in the search box
 * re-renders the table only, never the page and the sharing panel around it).
 */
export interface UnitsTableView {
  filter: RowFilter;
  sort: RowSort | null;
  /** The rows ticked for a batch action, by unit key. */
  selection: Readonly<Record<string, true>>;
  /** The table's own scroll (its rows scroll inside the page). */
  scrollTop: number;
  /** The control or row cell that had the focus when the table went away, found again when it comes back. */
  focus: TableFocus | null;
}

/** A control of the table's toolbar or header by name, or a row's cell by unit key and column. */
export type TableFocus = { readonly control: string; readonly caret?: number } | { readonly row: string; readonly nav: string };

export function createUnitsTableView(): UnitsTableView {
  return { filter: NO_FILTER, sort: null, selection: {}, scrollTop: 0, focus: null };
}

/** Counts sort most first on the first press; names, kinds, years and status from the start. */
export const DESC_FIRST: ReadonlySet<SortKey> = new Set(['errors', 'unexplainedWarnings', 'explainedWarnings', 'openComments', 'lastChange']);

function matchesFindings(row: UnitRow, findings: FindingsFilter): boolean {
  if (findings === 'errors') return row.errors > 0;
  if (findings === 'unexplained') return row.unexplainedWarnings > 0;
  if (findings === 'clean') return row.errors === 0 && row.unexplainedWarnings === 0;
  return true;
}

export function filterRows(rows: readonly UnitRow[], filter: RowFilter): readonly UnitRow[] {
  const text = filter.text.trim().toLocaleLowerCase();
  if (!text && filter.status === 'all' && filter.progress === 'all' && filter.year === 'all' && filter.findings === 'all') return rows;
  return rows.filter(
    (row) =>
      (filter.status === 'all' || row.status === filter.status) &&
      (filter.progress === 'all' || row.progress === filter.progress) &&
      (filter.year === 'all' || row.year === filter.year) &&
      matchesFindings(row, filter.findings) &&
      (!text || row.agency.toLocaleLowerCase().includes(text)),
  );
}

/** Names sort as Chinese readers expect (pinyin order): one collator, not one per comparison. */
const collator = new Intl.Collator('zh-CN');

/**
 * Each row's place in name order, computed once per rows array: comparing two numbers is what
 * makes a sort of 5,000 fast, and every sort falls back to it so that ties keep name order.
 */
const nameRanks = new WeakMap<readonly UnitRow[], Map<string, number>>();
function nameRank(rows: readonly UnitRow[]): Map<string, number> {
  let ranks = nameRanks.get(rows);
  if (!ranks) {
    const byName = [...rows].sort((a, b) => collator.compare(a.agency, b.agency) || (b.year ?? 0) - (a.year ?? 0));
    ranks = new Map(byName.map((row, i) => [row.key, i]));
    nameRanks.set(rows, ranks);
  }
  return ranks;
}

const STATUS_ORDER = new Map(UNIT_STATUSES.map((s, i) => [s, i]));
const PROGRESS_ORDER = new Map(PROGRESSES.map((p, i) => [p, i]));

function value(row: UnitRow, by: SortKey): number | string {
  switch (by) {
    case 'status':
      return STATUS_ORDER.get(row.status) ?? 0;
    case 'progress':
      return PROGRESS_ORDER.get(row.progress) ?? 0;
    case 'kind':
      return row.kind ?? '';
    case 'year':
      return row.year ?? 0;
    case 'agency':
      return 0; // by name rank, below
    default:
      return row[by];
  }
}

/**
 * The rows in the order asked, a new array (the given one is left as it is). `all` is the whole
 * table (name ranks are kept per array, so pass the same one each time); without a sort, the
 * rows' own order.
 */
export function sortRows(rows: readonly UnitRow[], sort: RowSort | null, all: readonly UnitRow[] = rows): readonly UnitRow[] {
  if (!sort) return rows;
  const ranks = nameRank(all);
  const rank = (row: UnitRow) => ranks.get(row.key) ?? 0;
  const sign = sort.desc ? -1 : 1;
  const keyed = rows.map((row) => ({ row, key: value(row, sort.by), rank: rank(row) }));
  keyed.sort((a, b) => {
    const primary = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return sign * (primary || (sort.by === 'agency' ? a.rank - b.rank : 0)) || a.rank - b.rank;
  });
  return keyed.map((k) => k.row);
}

/** What a header press does: first press per the column's habit, second the other way, third off. */
export function nextSort(current: RowSort | null, by: SortKey): RowSort | null {
  const first = DESC_FIRST.has(by);
  if (!current || current.by !== by) return { by, desc: first };
  if (current.desc === first) return { by, desc: !first };
  return null;
}

export type WindowSlot = { readonly kind: 'row'; readonly index: number } | { readonly kind: 'gap'; readonly from: number; readonly rows: number };

/**
 * What the table renders of `total` rows of `rowHeight` px scrolled by `scrollTop` in a view of
 * `viewHeight` px: the rows in view with `overscan` more on each side, the row `keep` (the focused
 * one) wherever it is, and gaps (counted in rows) for what is left out, so the scroll height is
 * the whole table's.
 */
export function rowWindow(total: number, scrollTop: number, viewHeight: number, rowHeight: number, overscan: number, keep?: number): WindowSlot[] {
  if (total <= 0) return [];
  const first = Math.max(0, Math.min(total - 1, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(total - 1, Math.ceil((scrollTop + viewHeight) / rowHeight) + overscan);
  const indices: number[] = [];
  if (keep !== undefined && keep >= 0 && keep < first) indices.push(keep);
  for (let i = first; i <= last; i++) indices.push(i);
  if (keep !== undefined && keep > last && keep < total) indices.push(keep);
  const slots: WindowSlot[] = [];
  let next = 0;
  for (const index of indices) {
    if (index > next) slots.push({ kind: 'gap', from: next, rows: index - next });
    slots.push({ kind: 'row', index });
    next = index + 1;
  }
  if (next < total) slots.push({ kind: 'gap', from: next, rows: total - next });
  return slots;
}
