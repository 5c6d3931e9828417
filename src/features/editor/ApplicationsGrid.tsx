/**
 * 三、收到和处理政府信息公开申请情况 in the official layout. TanStack Table builds the column
 * headers (申请人情况 › 自然人 | 法人或其他组织 › five | 总计, merged vertically by header.rowSpan)
 * and renders the value cells; the row headers with their spanning groups (三、本年度办理结果,
 * （三）不予公开 …) come from the model, since a data table has no notion of row groups.
 * Columns, features and data live at module scope so the table is built once.
 */
import { memo } from 'react';
import { createColumnHelper, tableFeatures, useTable, type Row } from '@tanstack/react-table';
import {
  APPLICANT_COLUMNS,
  APPLICATIONS_HEADER,
  APPLICATIONS_ROWS,
  APPLICATIONS_TOTAL_COLUMN,
  applicationsGroup,
  type ApplicationsRowDef,
  type Label,
} from '../../report/index.ts';
import { useGridEnv } from './context.ts';
import { CellInput, Probe, TotalCell } from './GridCells.tsx';
import { GridFrame } from './GridFrame.tsx';
import { APPLICATIONS_LABEL_COLUMNS, applicationsRowHeaders } from './gridModel.ts';
import { OfficialLabel } from './marks.tsx';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, ApplicationsRowDef>();

function headerOf(label: Label) {
  return function Header() {
    const { lang } = useGridEnv();
    return <OfficialLabel label={label} lang={lang} />;
  };
}

function valueColumn(column: string, label: Label) {
  return helper.display({
    id: column,
    header: headerOf(label),
    cell: function ApplicationsCell({ row }) {
      const id = `applications.${row.original.id}.${column}`;
      return row.original.computed || column === 'total' ? <TotalCell id={id} /> : <CellInput id={id} />;
    },
  });
}

const [naturalPerson, ...organisations] = APPLICANT_COLUMNS;

const columns = [
  // The top-left block of the official form: it carries the 勾稽 note over the row labels.
  helper.display({ id: 'label', header: headerOf(APPLICATIONS_HEADER.note) }),
  helper.group({
    id: 'applicants',
    header: headerOf(APPLICATIONS_HEADER.applicants),
    columns: [
      valueColumn(naturalPerson.id, naturalPerson.label),
      helper.group({
        id: 'organisations',
        header: headerOf(APPLICATIONS_HEADER.organisations),
        columns: organisations.map((c) => valueColumn(c.id, c.label)),
      }),
      valueColumn(APPLICATIONS_TOTAL_COLUMN.id, APPLICATIONS_TOTAL_COLUMN.label),
    ],
  }),
];

const data = APPLICATIONS_ROWS as ApplicationsRowDef[];
const getRowId = (row: ApplicationsRowDef) => row.id;
const ROW_HEADERS = applicationsRowHeaders();

type ApplicationsTable = ReturnType<typeof useTable<typeof features, ApplicationsRowDef>>;

const ApplicationsRow = memo(function ApplicationsRow({ row, table }: { row: Row<typeof features, ApplicationsRowDef>; table: ApplicationsTable }) {
  const { lang } = useGridEnv();
  const def = row.original;
  return (
    <Probe id={def.id}>
      <tr className={`row-${def.role}${def.computed ? ' row-computed' : ''}`}>
        {ROW_HEADERS.get(def.id)!.map((h) =>
          h.kind === 'group' ? (
            <th key={h.group} scope="rowgroup" rowSpan={h.rowSpan} className="row-group">
              <OfficialLabel label={applicationsGroup(h.group).label} lang={lang} />
            </th>
          ) : (
            <th key="row" scope="row" colSpan={h.colSpan} className="row-label">
              <OfficialLabel label={def.label} lang={lang} />
            </th>
          ),
        )}
        {row
          .getAllCells()
          .filter((cell) => cell.column.id !== 'label')
          .map((cell) => (
            <table.FlexRender key={cell.id} cell={cell} />
          ))}
      </tr>
    </Probe>
  );
});

export const ApplicationsGrid = memo(function ApplicationsGrid({ label }: { label: string }) {
  const table = useTable({ features, columns, data, getRowId });
  return (
    <GridFrame label={label}>
      <table className="grid grid-applications">
        <colgroup>
          <col className="col-group" />
          <col className="col-subgroup" />
          <col className="col-label" />
          {APPLICANT_COLUMNS.map((c) => (
            <col key={c.id} className="col-value" />
          ))}
          <col className="col-value col-total" />
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers
                .filter((h) => h.rowSpan !== 0)
                .map((h) => (
                  <th
                    key={h.id}
                    scope={h.subHeaders.length > 0 ? 'colgroup' : 'col'}
                    colSpan={h.column.id === 'label' ? APPLICATIONS_LABEL_COLUMNS : h.colSpan}
                    rowSpan={h.rowSpan}
                    className={h.column.id === 'label' ? 'note' : h.column.id === 'total' ? 'col-total' : undefined}
                  >
                    <table.FlexRender header={h} />
                  </th>
                ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <ApplicationsRow key={row.id} row={row} table={table} />
          ))}
        </tbody>
      </table>
    </GridFrame>
  );
});
