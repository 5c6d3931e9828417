/** The column header rows of a grid (三, 四), as gridModel.ts lays them out from the model. */
import { memo } from 'react';
import type { HeaderCell } from './gridModel.ts';
import { OfficialLabel } from './marks.tsx';

export const HeaderRows = memo(function HeaderRows({ rows }: { rows: readonly (readonly HeaderCell[])[] }) {
  return rows.map((row, i) => (
    <tr key={i}>
      {row.map((h) => (
        <th key={h.id} scope={h.scope} colSpan={h.colSpan} rowSpan={h.rowSpan} className={h.className}>
          <OfficialLabel label={h.label} />
        </th>
      ))}
    </tr>
  ));
});
