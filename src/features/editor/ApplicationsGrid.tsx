/**
 * 三、收到和处理政府信息公开申请情况 in the official layout. The column headers (申请人情况 ›
 * 自然人 | 法人或其他组织 › five | 总计, a column that ends higher up merged down) and the row
 * headers with their spanning groups (三、本年度办理结果, （三）不予公开 …) both come from the
 * model through gridModel.ts; headers and rows are built once at module scope.
 */
import { memo } from 'react';
import { APPLICANT_COLUMNS, APPLICATIONS_ROWS, applicationsGroup, type ApplicationsRowDef } from '../../report/index.ts';
import { CellInput, Probe, TotalCell } from './GridCells.tsx';
import { GridFrame } from './GridFrame.tsx';
import { HeaderRows } from './GridHeader.tsx';
import { APPLICATIONS_HEADER_COLUMNS, applicationsRowHeaders, headerRows, valueColumns } from './gridModel.ts';
import { OfficialLabel } from './marks.tsx';

const HEADER_ROWS = headerRows(APPLICATIONS_HEADER_COLUMNS);
const VALUE_COLUMNS = valueColumns(APPLICATIONS_HEADER_COLUMNS)
  .filter((c) => c.id !== 'label')
  .map((c) => c.id);
const ROW_HEADERS = applicationsRowHeaders();

const ApplicationsRow = memo(function ApplicationsRow({ def }: { def: ApplicationsRowDef }) {
  return (
    <Probe id={def.id}>
      <tr className={`row-${def.role}${def.computed ? ' row-computed' : ''}`}>
        {ROW_HEADERS.get(def.id)!.map((h) =>
          h.kind === 'group' ? (
            <th key={h.group} scope="rowgroup" rowSpan={h.rowSpan} className="row-group">
              <OfficialLabel label={applicationsGroup(h.group).label} />
            </th>
          ) : (
            <th key="row" scope="row" colSpan={h.colSpan} className="row-label">
              <OfficialLabel label={def.label} />
            </th>
          ),
        )}
        {VALUE_COLUMNS.map((column) => {
          const id = `applications.${def.id}.${column}`;
          return def.computed || column === 'total' ? <TotalCell key={id} id={id} /> : <CellInput key={id} id={id} />;
        })}
      </tr>
    </Probe>
  );
});

export const ApplicationsGrid = memo(function ApplicationsGrid({ label }: { label: string }) {
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
          <HeaderRows rows={HEADER_ROWS} />
        </thead>
        <tbody>
          {APPLICATIONS_ROWS.map((def) => (
            <ApplicationsRow key={def.id} def={def} />
          ))}
        </tbody>
      </table>
    </GridFrame>
  );
});
