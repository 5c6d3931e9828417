/**
 * 四、政府信息公开行政复议、行政诉讼情况: one printed row of fifteen cells under three levels of
 * headers (行政复议 | 行政诉讼 › 未经复议直接起诉 | 复议后起诉, each › 结果维持 … 总计), built from
 * the model by gridModel.ts; 行政复议's outcomes are merged down to the last header row.
 */
import { memo } from 'react';
import { CellInput, Probe, TotalCell } from './GridCells.tsx';
import { GridFrame } from './GridFrame.tsx';
import { HeaderRows } from './GridHeader.tsx';
import { APPEALS_HEADER_COLUMNS, headerRows, valueColumns } from './gridModel.ts';

const HEADER_ROWS = headerRows(APPEALS_HEADER_COLUMNS);
/** 四 has a single row: the report's appeals, one cell per value column (`review.upheld` …). */
const CELL_IDS = valueColumns(APPEALS_HEADER_COLUMNS).map((c) => `appeals.${c.id}`);

export const AppealsGrid = memo(function AppealsGrid({ label }: { label: string }) {
  return (
    <GridFrame label={label}>
      <table className="grid grid-appeals">
        <thead>
          <HeaderRows rows={HEADER_ROWS} />
        </thead>
        <tbody>
          <Probe id="appeals">
            <tr>
              {CELL_IDS.map((id) => (id.endsWith('.total') ? <TotalCell key={id} id={id} /> : <CellInput key={id} id={id} />))}
            </tr>
          </Probe>
        </tbody>
      </table>
    </GridFrame>
  );
});
