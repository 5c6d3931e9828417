/**
 * 四、政府信息公开行政复议、行政诉讼情况: one printed row of fifteen cells under three levels of
 * headers (行政复议 | 行政诉讼 › 未经复议直接起诉 | 复议后起诉, each › 结果维持 … 总计). TanStack
 * Table's column groups give exactly that header; header.rowSpan merges 行政复议's outcomes down.
 */
import { memo } from 'react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import {
  APPEAL_KINDS,
  APPEAL_OUTCOMES,
  APPEALS_LITIGATION,
  APPEALS_TOTAL_COLUMN,
  type AppealKind,
  type Label,
} from '../../report/index.ts';
import { useGridEnv } from './context.ts';
import { CellInput, Probe, TotalCell } from './GridCells.tsx';
import { GridFrame } from './GridFrame.tsx';
import { OfficialLabel } from './marks.tsx';

/** 四 has a single row: the report's appeals. */
interface AppealsRow {
  readonly id: 'appeals';
}

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, AppealsRow>();

function headerOf(label: Label) {
  return function Header() {
    const { lang } = useGridEnv();
    return <OfficialLabel label={label} lang={lang} />;
  };
}

function kindColumns(kind: AppealKind) {
  return [...APPEAL_OUTCOMES, APPEALS_TOTAL_COLUMN].map((outcome) =>
    helper.display({
      id: `${kind}.${outcome.id}`,
      header: headerOf(outcome.label),
      cell: function AppealsCell() {
        const id = `appeals.${kind}.${outcome.id}`;
        return outcome.id === 'total' ? <TotalCell id={id} /> : <CellInput id={id} />;
      },
    }),
  );
}

const [review, direct, afterReview] = APPEAL_KINDS;

const columns = [
  helper.group({ id: review.id, header: headerOf(review.label), columns: kindColumns(review.id) }),
  helper.group({
    id: 'litigation',
    header: headerOf(APPEALS_LITIGATION),
    columns: [
      helper.group({ id: direct.id, header: headerOf(direct.label), columns: kindColumns(direct.id) }),
      helper.group({ id: afterReview.id, header: headerOf(afterReview.label), columns: kindColumns(afterReview.id) }),
    ],
  }),
];

const data: AppealsRow[] = [{ id: 'appeals' }];
const getRowId = (row: AppealsRow) => row.id;

export const AppealsGrid = memo(function AppealsGrid({ label }: { label: string }) {
  const table = useTable({ features, columns, data, getRowId });
  return (
    <GridFrame label={label}>
      <table className="grid grid-appeals">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers
                .filter((h) => h.rowSpan !== 0)
                .map((h) => (
                  <th
                    key={h.id}
                    scope={h.subHeaders.length > 0 ? 'colgroup' : 'col'}
                    colSpan={h.colSpan}
                    rowSpan={h.rowSpan}
                    className={h.column.id.endsWith('.total') ? 'col-total' : undefined}
                  >
                    <table.FlexRender header={h} />
                  </th>
                ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <Probe key={row.id} id={row.id}>
              <tr>
                {row.getAllCells().map((cell) => (
                  <table.FlexRender key={cell.id} cell={cell} />
                ))}
              </tr>
            </Probe>
          ))}
        </tbody>
      </table>
    </GridFrame>
  );
});
