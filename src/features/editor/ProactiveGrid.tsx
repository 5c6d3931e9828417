/**
 * 二、主动公开政府信息情况: the four small tables of 第二十条 (一)(五)(六)(八), each with its
 * caption and 信息内容 header, as printed. Plain tables: they have one header row each.
 */
import { memo } from 'react';
import { PROACTIVE_CONTENT_HEADER, PROACTIVE_DOCUMENT_COLUMNS, PROACTIVE_TABLES, type ProactiveRowDef } from '../../report/index.ts';
import { CellInput, Probe } from './GridCells.tsx';
import { GridFrame } from './GridFrame.tsx';
import { OfficialLabel } from './marks.tsx';

function cellIdsOf(row: ProactiveRowDef): string[] {
  return row.shape === 'documents' ? PROACTIVE_DOCUMENT_COLUMNS.map((c) => `proactive.${row.id}.${c.id}`) : [`proactive.${row.id}`];
}

const ProactiveRow = memo(function ProactiveRow({ row }: { row: ProactiveRowDef }) {
  return (
    <Probe id={row.id}>
      <tr>
        <th scope="row" className="row-label">
          <OfficialLabel label={row.label} />
        </th>
        {cellIdsOf(row).map((id) => (
          <CellInput key={id} id={id} />
        ))}
      </tr>
    </Probe>
  );
});

export const ProactiveGrid = memo(function ProactiveGrid({ label }: { label: string }) {
  return (
    <GridFrame label={label}>
      {PROACTIVE_TABLES.map((table) => (
        <table key={table.id} className={`grid grid-proactive grid-proactive-${table.columns.length}`}>
          <caption>
            <OfficialLabel label={table.caption} />
          </caption>
          <thead>
            <tr>
              <th scope="col" className="row-label">
                <OfficialLabel label={PROACTIVE_CONTENT_HEADER} />
              </th>
              {table.columns.map((c) => (
                <th key={c.zh} scope="col">
                  <OfficialLabel label={c} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <ProactiveRow key={row.id} row={row} />
            ))}
          </tbody>
        </table>
      ))}
    </GridFrame>
  );
});
