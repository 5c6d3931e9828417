/**
 * The units table: one row per unit and year, sortable by every column, filtered by status, year
 * and findings, searched by agency; rows selected for batch actions. A province has thousands of
 * units, so the rows are windowed: only those in view (and a few around, and the row that has
 * the focus) are in the DOM, gaps above and below keep the scroll height. It stays a table to
 * assistive technology (aria-rowcount, aria-rowindex), and the arrow keys, Page Up/Down and
 * Home/End move the focus from row to row across the window.
 *
 * Sort and filter are the pure functions of unitsTableModel.ts; TanStack Table v9 renders the
 * columns and keeps the selection. Columns and features live at module scope (stable).
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createColumnHelper, rowSelectionFeature, tableFeatures, useTable, type RowSelectionState } from '@tanstack/react-table';
import { AGENCY_KIND_LABELS } from '../../report/index.ts';
import { useLabel } from '../../i18n/index.ts';
import { routeHref } from '../../ui/router.ts';
import { PROGRESSES, UNIT_STATUSES, type Progress, type UnitRow, type UnitStatus } from './model.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { useFormatDateTime } from '../../ui/format.ts';
import {
  FINDINGS_FILTERS,
  createUnitsTableView,
  filterRows,
  nextSort,
  rowWindow,
  sortRows,
  type FindingsFilter,
  type RowFilter,
  type RowSort,
  type SortKey,
  type TableFocus,
  type UnitsTableView,
} from './unitsTableModel.ts';

export { FINDINGS_FILTERS, type FindingsFilter };

const features = tableFeatures({ rowSelectionFeature });

/** Every body row is this tall (CSS keeps it so: one line, ellipsis): the window is counted in rows. */
export const ROW_HEIGHT = 36;
/** Rows rendered beyond the view on each side, so that a quick scroll does not show blank rows. */
const OVERSCAN = 8;
/** The view's height before it is measured (and in a test DOM, which has no layout). */
const FALLBACK_VIEW = 640;

function HeaderText({ name }: { name: SortKey }) {
  const { t } = useTranslation();
  return <>{t(`review.columns.${name}`)}</>;
}

function KindCell({ kind }: { kind: UnitRow['kind'] }) {
  const label = useLabel();
  return <>{kind === null ? '—' : label(AGENCY_KIND_LABELS[kind])}</>;
}

/** A symbol beside the word (never colour alone), as StatusBadge does. */
export const PROGRESS_MARKS: Record<Progress, string> = { notStarted: '–', filling: '✎', submitted: '●', returned: '↩', approved: '✓' };

function ProgressCell({ row }: { row: UnitRow }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`rv-progress rv-progress-${row.progress}`}>
        <span aria-hidden="true">{PROGRESS_MARKS[row.progress]} </span>
        {t(`review.progress.${row.progress}`)}
      </span>
      {row.conflict ? (
        <>
          {' '}
          <strong className="rv-conflict-mark">
            <span aria-hidden="true">⚠ </span>
            {t('review.table.conflict')}
          </strong>
        </>
      ) : null}
    </>
  );
}

function TimeCell({ ms }: { ms: number }) {
  const format = useFormatDateTime('short');
  return <time dateTime={new Date(ms).toISOString()}>{format(ms)}</time>;
}

function AgencyCell({ row }: { row: UnitRow }) {
  const { t } = useTranslation();
  // A roster unit with nothing received: no page to open yet (the arrow keys still stop here).
  if (!row.received)
    return (
      <span data-nav="agency" tabIndex={-1}>
        {row.agency}
      </span>
    );
  return (
    <>
      <a href={routeHref({ name: 'review', unit: row.key })} data-nav="agency">
        {row.agency || t('review.unnamedAgency')}
      </a>
      {row.versions > 1 ? <span className="rv-muted"> {t('review.table.versions', { count: row.versions })}</span> : null}
    </>
  );
}

function CountCell({ value, mark, received = true }: { value: number; mark?: string; received?: boolean }) {
  if (!received) return <span className="rv-muted">—</span>;
  return value > 0 ? (
    <strong>
      {mark ? <span aria-hidden="true">{mark} </span> : null}
      {value}
    </strong>
  ) : (
    <span className="rv-muted">0</span>
  );
}

const helper = createColumnHelper<typeof features, UnitRow>();
const columns = helper.columns([
  helper.accessor('agency', { header: () => <HeaderText name="agency" />, cell: (c) => <AgencyCell row={c.row.original} /> }),
  helper.accessor('kind', { header: () => <HeaderText name="kind" />, cell: (c) => <KindCell kind={c.getValue()} /> }),
  helper.accessor((r) => r.year ?? 0, { id: 'year', header: () => <HeaderText name="year" />, cell: (c) => c.row.original.year ?? '—' }),
  helper.accessor('status', { header: () => <HeaderText name="status" />, cell: (c) => (c.row.original.received ? <StatusBadge status={c.getValue()} /> : <span className="rv-muted">—</span>) }),
  helper.accessor('progress', { header: () => <HeaderText name="progress" />, cell: (c) => <ProgressCell row={c.row.original} /> }),
  helper.accessor('errors', { header: () => <HeaderText name="errors" />, cell: (c) => <CountCell value={c.getValue()} mark="✕" received={c.row.original.received} /> }),
  helper.accessor('unexplainedWarnings', { header: () => <HeaderText name="unexplainedWarnings" />, cell: (c) => <CountCell value={c.getValue()} mark="!" received={c.row.original.received} /> }),
  helper.accessor('explainedWarnings', { header: () => <HeaderText name="explainedWarnings" />, cell: (c) => <CountCell value={c.getValue()} received={c.row.original.received} /> }),
  helper.accessor('openComments', { header: () => <HeaderText name="openComments" />, cell: (c) => <CountCell value={c.getValue()} received={c.row.original.received} /> }),
  helper.accessor('lastChange', { header: () => <HeaderText name="lastChange" />, cell: (c) => (c.row.original.received ? <TimeCell ms={c.getValue()} /> : <span className="rv-muted">—</span>) }),
]);

const getRowId = (row: UnitRow) => row.key;
const TEXT_COLUMNS = new Set(['kind', 'status', 'progress', 'lastChange']);
/** A roster unit with nothing received is in the table and its counts, never in a batch. */
const canSelect = (row: { original: UnitRow }) => row.original.received;

export interface UnitsTableProps {
  readonly rows: readonly UnitRow[];
  readonly rowSelection: RowSelectionState;
  readonly onRowSelectionChange: (next: RowSelectionState) => void;
  /** Batch actions for the selected rows that are shown (a filter hides the others from them). */
  readonly renderBatchActions?: (selectedKeys: readonly string[]) => ReactNode;
  /**
   * Where the filters, sort, scroll and focus are kept when the table goes away, to be found
   * again when it is mounted anew (the review page keeps one; without it they last as long as
   * the table).
   */
  readonly view?: UnitsTableView;
}

/** The focused element of the table, as something found again in a new table. */
function focusOf(element: Element): TableFocus | null {
  if (!(element instanceof HTMLElement)) return null;
  const control = element.dataset.view;
  if (control) return { control, caret: element instanceof HTMLInputElement && element.type === 'search' ? (element.selectionStart ?? undefined) : undefined };
  const row = element.closest<HTMLElement>('tr[data-key]')?.dataset.key;
  return row !== undefined && element.dataset.nav ? { row, nav: element.dataset.nav } : null;
}

export function UnitsTable({ rows, rowSelection, onRowSelectionChange, renderBatchActions, view }: UnitsTableProps) {
  const { t } = useTranslation();
  const keysId = useId();
  const [kept] = useState(() => view ?? createUnitsTableView());
  const [sort, setSort] = useState<RowSort | null>(kept.sort);
  const [filter, setFilter] = useState<RowFilter>(kept.filter);
  useEffect(() => {
    kept.sort = sort;
    kept.filter = filter;
  }, [kept, sort, filter]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort, rows), [rows, filter, sort]);


  const years = useMemo(() => [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a), [rows]);

  // Per state, over every row (the filters aside): each count is also the state's filter.
  const counts = useMemo(() => {
    const n = Object.fromEntries(PROGRESSES.map((p) => [p, 0])) as Record<Progress, number>;
    for (const r of rows) n[r.progress]++;
    return n;
  }, [rows]);
  const conflicts = useMemo(() => rows.filter((r) => r.conflict).length, [rows]);

  const selectedShown = useMemo(() => shown.filter((r) => rowSelection[r.key]).map((r) => r.key), [shown, rowSelection]);
  const selectableCount = useMemo(() => shown.filter((r) => r.received).length, [shown]);
  const allShownSelected = selectableCount > 0 && selectedShown.length === selectableCount;
  const toggleAllShown = () => {
    const next = { ...rowSelection };
    for (const r of shown) {
      if (allShownSelected) delete next[r.key];
      else if (r.received) next[r.key] = true;
    }
    onRowSelectionChange(next);
  };

  // --- The window -------------------------------------------------------------------------
  const root = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTopState] = useState(kept.scrollTop);
  const setScrollTop = (top: number) => {
    kept.scrollTop = top;
    setScrollTopState(top);
  };
  const [viewHeight, setViewHeight] = useState(FALLBACK_VIEW);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setViewHeight(element.clientHeight || FALLBACK_VIEW);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The row that has (or last had) the focus stays rendered wherever the window is, so the
  // keyboard user's place is never dropped from the DOM by a scroll.
  const [focused, setFocused] = useState<{ key: string; nav: string } | null>(() => (kept.focus && 'row' in kept.focus ? { key: kept.focus.row, nav: kept.focus.nav } : null));
  const [focusWanted, setFocusWanted] = useState(0);
  const indexOf = useMemo(() => new Map(shown.map((r, i) => [r.key, i])), [shown]);
  const focusedIndex = focused ? indexOf.get(focused.key) : undefined;
  const slots = rowWindow(shown.length, scrollTop, viewHeight, ROW_HEIGHT, OVERSCAN, focusedIndex);
  // TanStack Table gets the rendered rows only: its rows and cells are made for what is on
  // screen, not for all 5,000 on every sort, filter or scroll.
  const windowKey = slots.map((slot) => (slot.kind === 'row' ? slot.index : '-')).join(',');
  const windowRows = useMemo(
    () => slots.flatMap((slot) => (slot.kind === 'row' ? [shown[slot.index]!] : [])),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the window's indices say it all
    [shown, windowKey],
  );
  const table = useTable({
    features,
    columns,
    data: windowRows,
    getRowId,
    state: { rowSelection },
    enableRowSelection: canSelect,
    onRowSelectionChange: (updater) => onRowSelectionChange(typeof updater === 'function' ? updater(rowSelection) : updater),
  });
  const tableRows = table.getRowModel().rows;
  let nextRow = 0;

  /** A new sort or filter is read from its first row. */
  const toTop = () => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  };
  const patchFilter = (patch: Partial<RowFilter>) => {
    setFilter((old) => ({ ...old, ...patch }));
    toTop();
  };
  const headerHeight = () => scroller.current?.querySelector('thead')?.getBoundingClientRect().height ?? 0;
  /** Scrolls just enough for row `index` to be in view under the sticky header. */
  const reveal = (index: number) => {
    const element = scroller.current;
    if (!element) return;
    const top = index * ROW_HEIGHT;
    const view = (element.clientHeight || FALLBACK_VIEW) - headerHeight();
    let next = element.scrollTop;
    if (top < next) next = top;
    else if (top + ROW_HEIGHT > next + view) next = top + ROW_HEIGHT - view;
    if (next !== element.scrollTop) element.scrollTop = next;
    setScrollTop(next);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = e.target as HTMLElement;
    const nav = target.dataset.nav;
    const key = target.closest<HTMLElement>('tr[data-key]')?.dataset.key;
    const index = key === undefined ? undefined : indexOf.get(key);
    if (!nav || index === undefined || e.altKey || e.metaKey) return;
    const page = Math.max(1, Math.floor(((scroller.current?.clientHeight || FALLBACK_VIEW) - headerHeight()) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: shown.length - 1 };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = Math.min(shown.length - 1, Math.max(0, to));
    setFocused({ key: shown[next]!.key, nav });
    setFocusWanted((n) => n + 1);
    reveal(next);
  };

  // A table mounted anew (the server's store came in, or back from a unit's page) opens where the
  // last one was: its scroll, and the focus if it was in the table and has gone nowhere else since.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && kept.scrollTop > 0) element.scrollTop = kept.scrollTop;
    const focus = kept.focus;
    kept.focus = null;
    const active = document.activeElement;
    if (focus && (active === null || active === document.body) && root.current) {
      const target =
        'control' in focus
          ? root.current.querySelector<HTMLElement>(`[data-view="${CSS.escape(focus.control)}"]`)
          : root.current.querySelector<HTMLElement>(`tr[data-key="${CSS.escape(focus.row)}"] [data-nav="${CSS.escape(focus.nav)}"]`);
      target?.focus({ preventScroll: true });
      if ('control' in focus && focus.caret !== undefined && target instanceof HTMLInputElement) target.setSelectionRange(focus.caret, focus.caret);
    }
    const table = root.current;
    return () => {
      const active = document.activeElement;
      kept.focus = active && table?.contains(active) ? focusOf(active) : null;
    };
  }, [kept]);

  // Focus moves once the target row is rendered (it is: the focused row always is).
  useLayoutEffect(() => {
    if (!focusWanted || !focused) return;
    const row = scroller.current?.querySelector<HTMLElement>(`tr[data-key="${CSS.escape(focused.key)}"]`);
    row?.querySelector<HTMLElement>(`[data-nav="${focused.nav}"]`)?.focus({ preventScroll: true });
    // Only on a keyboard move: a re-render must never pull the focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusWanted]);

  const onFocus = useCallback((e: FocusEvent<HTMLTableSectionElement>) => {
    const target = e.target as HTMLElement;
    const key = target.closest<HTMLElement>('tr[data-key]')?.dataset.key;
    if (key !== undefined && target.dataset.nav) setFocused((old) => (old?.key === key && old.nav === target.dataset.nav ? old : { key, nav: target.dataset.nav! }));
  }, []);

  const columnCount = columns.length + 1;
  const headers = table.getHeaderGroups()[0]!.headers;

  return (
    <div className="rv-units" ref={root}>
      <div className="rv-progress-counts" role="group" aria-label={t('review.table.progressCounts')}>
        {PROGRESSES.map((p) => (
          <button key={p} type="button" data-view={`count-${p}`} aria-pressed={filter.progress === p} onClick={() => patchFilter({ progress: filter.progress === p ? 'all' : p })}>
            <span aria-hidden="true">{PROGRESS_MARKS[p]} </span>
            {t(`review.progress.${p}`)} <strong>{counts[p]}</strong>
          </button>
        ))}
        {conflicts > 0 ? (
          <strong className="rv-conflict-mark">
            <span aria-hidden="true">⚠ </span>
            {t('review.table.conflicts', { count: conflicts })}
          </strong>
        ) : null}
      </div>
      <div className="rv-toolbar" role="search" aria-label={t('review.table.filters')}>
        <label>
          {t('review.table.search')}{' '}
          <input type="search" data-view="search" value={filter.text} onChange={(e) => patchFilter({ text: e.target.value })} placeholder={t('review.table.searchPlaceholder')} />
        </label>
        <label>
          {t('review.columns.status')}{' '}
          <select data-view="status" value={filter.status === 'all' ? '' : filter.status} onChange={(e) => patchFilter({ status: (e.target.value || 'all') as UnitStatus | 'all' })}>
            <option value="">{t('review.table.any')}</option>
            {UNIT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`review.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('review.columns.progress')}{' '}
          <select data-view="progress" value={filter.progress === 'all' ? '' : filter.progress} onChange={(e) => patchFilter({ progress: (e.target.value || 'all') as Progress | 'all' })}>
            <option value="">{t('review.table.any')}</option>
            {PROGRESSES.map((p) => (
              <option key={p} value={p}>
                {t(`review.progress.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('review.columns.year')}{' '}
          <select data-view="year" value={filter.year === 'all' ? '' : String(filter.year)} onChange={(e) => patchFilter({ year: e.target.value ? Number(e.target.value) : 'all' })}>
            <option value="">{t('review.table.any')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('review.table.findings')}{' '}
          <select data-view="findings" value={filter.findings} onChange={(e) => patchFilter({ findings: e.target.value as FindingsFilter })}>
            {FINDINGS_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`review.table.findingsFilter.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="rv-batch" aria-live="polite">
        <span>{t('review.table.shown', { shown: shown.length, total: rows.length, selected: selectedShown.length })}</span>
        {renderBatchActions?.(selectedShown)}
      </div>

      <div className="rv-table-scroll" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <table className="rv-table rv-windowed" aria-rowcount={shown.length + 1} aria-describedby={keysId}>
          <caption className="visually-hidden">{t('review.table.caption')}</caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="rv-select">
                <input type="checkbox" data-view="select-all" checked={allShownSelected} onChange={toggleAllShown} aria-label={t('review.table.selectAllShown')} disabled={selectableCount === 0} />
              </th>
              {headers.map((header) => {
                const id = header.column.id as SortKey;
                const sorted = sort?.by === id ? (sort.desc ? 'desc' : 'asc') : false;
                return (
                  <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                    <button type="button" className="rv-sort" data-view={`sort-${id}`} onClick={() => {
                        setSort((old) => nextSort(old, id));
                        toTop();
                      }}>
                      <table.FlexRender header={header} />
                      <span aria-hidden="true" className="rv-sort-mark">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown} onFocus={onFocus}>
            {slots.map((slot) => {
              if (slot.kind === 'gap') {
                return (
                  <tr key={`gap-${slot.from}`} aria-hidden="true" className="rv-gap" style={{ height: slot.rows * ROW_HEIGHT }}>
                    <td colSpan={columnCount} />
                  </tr>
                );
              }
              const row = tableRows[nextRow++]!;
              const selected = Boolean(rowSelection[row.id]);
              return (
                <tr key={row.id} data-key={row.id} aria-rowindex={slot.index + 2} aria-selected={selected}>
                  <td className="rv-select">
                    <input
                      type="checkbox"
                      data-nav="select"
                      disabled={!row.original.received}
                      checked={selected}
                      onChange={row.getToggleSelectedHandler()}
                      aria-label={t('review.table.selectRow', { agency: row.original.agency, year: row.original.year ?? '' })}
                    />
                  </td>
                  {row.getAllCells().map((cell) =>
                    cell.column.id === 'agency' ? (
                      <th key={cell.id} scope="row">
                        <table.FlexRender cell={cell} />
                      </th>
                    ) : (
                      <td key={cell.id} className={TEXT_COLUMNS.has(cell.column.id) ? undefined : 'rv-num'}>
                        <table.FlexRender cell={cell} />
                      </td>
                    ),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p id={keysId} className="rv-muted rv-keys">
        {t('review.table.keys')}
      </p>
      {shown.length === 0 ? <p className="rv-empty">{rows.length === 0 ? t('review.table.emptyWorkspace') : t('review.table.noMatch')}</p> : null}
    </div>
  );
}
