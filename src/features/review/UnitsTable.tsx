/**
 * The units table (TanStack Table v9): one row per unit and year, sortable by every column,
 * filtered by status, year and findings, searched by agency; rows selected for batch actions.
 * Columns and features live at module scope (stable), labels are small components (i18n hooks).
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_equals,
  filterFn_includesString,
  globalFilteringFeature,
  rowSelectionFeature,
  rowSortingFeature,
  sortFn_basic,
  tableFeatures,
  useTable,
  type ColumnFiltersState,
  type Row,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { AGENCY_KIND_LABELS } from '../../report/index.ts';
import { useLabel } from '../../i18n/index.ts';
import { routeHref } from '../../ui/router.ts';
import { PROGRESSES, UNIT_STATUSES, type Progress, type UnitRow } from './model.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { useFormatDateTime } from '../../ui/format.ts';

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  rowSelectionFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { basic: sortFn_basic },
  filterFns: { equals: filterFn_equals, includesString: filterFn_includesString },
});
type Features = typeof features;

export const FINDINGS_FILTERS = ['all', 'errors', 'unexplained', 'clean'] as const;
export type FindingsFilter = (typeof FINDINGS_FILTERS)[number];

const byText = (a: Row<Features, UnitRow>, b: Row<Features, UnitRow>, id: string) =>
  String(a.getValue(id)).localeCompare(String(b.getValue(id)), 'zh-CN');

function HeaderText({ name }: { name: 'agency' | 'kind' | 'year' | 'status' | 'progress' | 'errors' | 'unexplainedWarnings' | 'explainedWarnings' | 'openComments' | 'lastChange' }) {
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
  // A roster unit with nothing received: no page to open yet.
  if (!row.received) return <>{row.agency}</>;
  return (
    <>
      <a href={routeHref({ name: 'review', unit: row.key })}>{row.agency || t('review.unnamedAgency')}</a>
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

const helper = createColumnHelper<Features, UnitRow>();
const columns = helper.columns([
  helper.accessor('agency', { header: () => <HeaderText name="agency" />, cell: (c) => <AgencyCell row={c.row.original} />, sortFn: byText, filterFn: 'includesString' }),
  helper.accessor('kind', { header: () => <HeaderText name="kind" />, cell: (c) => <KindCell kind={c.getValue()} />, enableGlobalFilter: false }),
  helper.accessor((r) => r.year ?? 0, { id: 'year', header: () => <HeaderText name="year" />, cell: (c) => c.row.original.year ?? '—', filterFn: 'equals', sortFn: 'basic' }),
  helper.accessor('status', {
    header: () => <HeaderText name="status" />,
    cell: (c) => (c.row.original.received ? <StatusBadge status={c.getValue()} /> : <span className="rv-muted">—</span>),
    filterFn: 'equals',
    // Sort by the workflow: not submitted, submitted, returned, approved.
    sortFn: (a, b, id) => UNIT_STATUSES.indexOf(a.getValue(id)) - UNIT_STATUSES.indexOf(b.getValue(id)),
  }),
  helper.accessor('progress', {
    header: () => <HeaderText name="progress" />,
    cell: (c) => <ProgressCell row={c.row.original} />,
    filterFn: 'equals',
    sortFn: (a, b, id) => PROGRESSES.indexOf(a.getValue(id)) - PROGRESSES.indexOf(b.getValue(id)),
  }),
  helper.accessor('errors', {
    header: () => <HeaderText name="errors" />,
    cell: (c) => <CountCell value={c.getValue()} mark="✕" received={c.row.original.received} />,
    sortFn: 'basic',
    sortDescFirst: true,
    filterFn: (row, _id, value: FindingsFilter) => {
      const r = row.original;
      if (value === 'errors') return r.errors > 0;
      if (value === 'unexplained') return r.unexplainedWarnings > 0;
      if (value === 'clean') return r.errors === 0 && r.unexplainedWarnings === 0;
      return true;
    },
  }),
  helper.accessor('unexplainedWarnings', { header: () => <HeaderText name="unexplainedWarnings" />, cell: (c) => <CountCell value={c.getValue()} mark="!" received={c.row.original.received} />, sortFn: 'basic', sortDescFirst: true }),
  helper.accessor('explainedWarnings', { header: () => <HeaderText name="explainedWarnings" />, cell: (c) => <CountCell value={c.getValue()} received={c.row.original.received} />, sortFn: 'basic', sortDescFirst: true }),
  helper.accessor('openComments', { header: () => <HeaderText name="openComments" />, cell: (c) => <CountCell value={c.getValue()} received={c.row.original.received} />, sortFn: 'basic', sortDescFirst: true }),
  helper.accessor('lastChange', { header: () => <HeaderText name="lastChange" />, cell: (c) => (c.row.original.received ? <TimeCell ms={c.getValue()} /> : <span className="rv-muted">—</span>), sortFn: 'basic', sortDescFirst: true }),
]);

const getRowId = (row: UnitRow) => row.key;
/** A roster unit with nothing received is in the table and its counts, never in a batch. */
const canSelect = (row: Row<Features, UnitRow>) => row.original.received;
const onlyAgency = (column: { id: string }) => column.id === 'agency';

export interface UnitsTableProps {
  readonly rows: readonly UnitRow[];
  readonly rowSelection: RowSelectionState;
  readonly onRowSelectionChange: (next: RowSelectionState) => void;
  /** Batch actions for the selected rows that are shown (a filter hides the others from them). */
  readonly renderBatchActions?: (selectedKeys: readonly string[]) => ReactNode;
}

export function UnitsTable({ rows, rowSelection, onRowSelectionChange, renderBatchActions }: UnitsTableProps) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  const data = rows as UnitRow[];

  const table = useTable({
    features,
    columns,
    data,
    getRowId,
    state: { sorting, columnFilters, globalFilter, rowSelection },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onGlobalFilterChange: setGlobalFilter,
    onRowSelectionChange: (updater) => onRowSelectionChange(typeof updater === 'function' ? updater(rowSelection) : updater),
    globalFilterFn: 'includesString',
    getColumnCanGlobalFilter: onlyAgency,
    enableRowSelection: canSelect,
    enableSortingRemoval: true,
  });

  const years = useMemo(() => [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a), [rows]);
  const filterValue = (id: string) => columnFilters.find((f) => f.id === id)?.value;
  const setFilter = (id: string, value: unknown) =>
    setColumnFilters((old) => [...old.filter((f) => f.id !== id), ...(value === undefined || value === '' || value === 'all' ? [] : [{ id, value }])]);

  // Per state, over every row (the filters aside): each count is also the state's filter.
  const counts = useMemo(() => {
    const n = Object.fromEntries(PROGRESSES.map((p) => [p, 0])) as Record<Progress, number>;
    for (const r of rows) n[r.progress]++;
    return n;
  }, [rows]);
  const conflicts = useMemo(() => rows.filter((r) => r.conflict).length, [rows]);
  const progressFilter = filterValue('progress');

  const shown = table.getRowModel().rows;
  const selectedShown = shown.filter((r) => r.getIsSelected()).map((r) => r.id);
  const selectable = shown.filter((r) => r.getCanSelect());
  const allShownSelected = selectable.length > 0 && selectedShown.length === selectable.length;
  const toggleAllShown = () => {
    const next = { ...rowSelection };
    for (const r of shown) {
      if (allShownSelected) delete next[r.id];
      else if (r.getCanSelect()) next[r.id] = true;
    }
    onRowSelectionChange(next);
  };

  return (
    <div className="rv-units">
      <div className="rv-progress-counts" role="group" aria-label={t('review.table.progressCounts')}>
        {PROGRESSES.map((p) => (
          <button key={p} type="button" aria-pressed={progressFilter === p} onClick={() => setFilter('progress', progressFilter === p ? undefined : p)}>
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
          <input type="search" value={globalFilter} onChange={(e) => setGlobalFilter(e.target.value)} placeholder={t('review.table.searchPlaceholder')} />
        </label>
        <label>
          {t('review.columns.status')}{' '}
          <select value={String(filterValue('status') ?? '')} onChange={(e) => setFilter('status', e.target.value)}>
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
          <select value={String(progressFilter ?? '')} onChange={(e) => setFilter('progress', e.target.value)}>
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
          <select value={String(filterValue('year') ?? '')} onChange={(e) => setFilter('year', e.target.value ? Number(e.target.value) : undefined)}>
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
          <select value={String(filterValue('errors') ?? 'all')} onChange={(e) => setFilter('errors', e.target.value)}>
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

      <div className="rv-table-scroll">
        <table className="rv-table">
          <caption className="visually-hidden">{t('review.table.caption')}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                <th scope="col" className="rv-select">
                  <input type="checkbox" checked={allShownSelected} onChange={toggleAllShown} aria-label={t('review.table.selectAllShown')} disabled={selectable.length === 0} />
                </th>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                      <button type="button" className="rv-sort" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="rv-sort-mark">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} aria-selected={row.getIsSelected()}>
                <td className="rv-select">
                  <input
                    type="checkbox"
                    disabled={!row.getCanSelect()}
                    checked={row.getIsSelected()}
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
                    <td key={cell.id} className={cell.column.id === 'kind' || cell.column.id === 'status' || cell.column.id === 'progress' || cell.column.id === 'lastChange' ? undefined : 'rv-num'}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 ? <p className="rv-empty">{rows.length === 0 ? t('review.table.emptyWorkspace') : t('review.table.noMatch')}</p> : null}
    </div>
  );
}
