/**
 * The tables of 二, 三 and 四 in the editor, as the core's layout (src/report/layout.ts) lays
 * them out: the same merged headers, rows and cells as the print view and the review view. An
 * entered cell is an input, a computed one a total that writes its own number (GridCells.tsx);
 * rows and headers are built from the layout once and never re-render while the clerk types.
 * A table with column headers (三, 四) is one `<table>`; 二's small tables are one each, their
 * caption row a `<caption>` and their header row a `<thead>`.
 */
import { memo } from 'react';
import type { LabelCell, LayoutBody, LayoutCell, LayoutRow, TableLayout, TableSectionId } from '../../report/index.ts';
import { useGridEnv } from './context.ts';
import { CellInput, Probe, TotalCell } from './GridCells.tsx';
import { GridFrame } from './GridFrame.tsx';
import { OfficialLabel } from './marks.tsx';

/**
 * The editor's classes of a label (editor.css): the note, a row group, a row's label — and the
 * first header of 二's small tables, over the row labels, which sizes that column.
 */
function labelClass(cell: LabelCell, overRowLabels: boolean): string | undefined {
  const role = cell.role === 'note' ? 'note' : cell.role === 'rowGroup' ? 'row-group' : cell.role === 'row' || overRowLabels ? 'row-label' : '';
  const classes = [role, cell.total ? 'col-total' : ''].filter(Boolean).join(' ');
  return classes || undefined;
}

function cellView(cell: LayoutCell, overRowLabels: boolean) {
  if (cell.kind === 'label') {
    return (
      <th key={cell.key} scope={cell.scope} colSpan={cell.colSpan} rowSpan={cell.rowSpan} className={labelClass(cell, overRowLabels)}>
        <OfficialLabel label={cell.label} />
      </th>
    );
  }
  return cell.kind === 'entered' ? <CellInput key={cell.cellId} cell={cell} /> : <TotalCell key={cell.cellId} cell={cell} />;
}

const GridRow = memo(function GridRow({ row, firstOverRowLabels = false }: { row: LayoutRow; firstOverRowLabels?: boolean }) {
  const def = row.applicationsRow;
  const tr = (
    <tr className={def ? `row-${def.role}${def.computed ? ' row-computed' : ''}` : undefined}>
      {row.cells.map((c, i) => cellView(c, firstOverRowLabels && i === 0))}
    </tr>
  );
  return row.kind === 'values' ? <Probe id={row.key}>{tr}</Probe> : tr;
});

/** 三's label columns: the outer group, the subgroup, the item (editor.css sizes them). */
function ColumnGroup({ table }: { table: TableLayout }) {
  const labelClasses = Array.from({ length: table.labelColumns }, (_, i) =>
    i === table.labelColumns - 1 ? 'col-label' : i === 0 ? 'col-group' : 'col-subgroup',
  );
  const values = table.width - table.labelColumns;
  return (
    <colgroup>
      {labelClasses.map((c, i) => (
        <col key={`l${i}`} className={c} />
      ))}
      {Array.from({ length: values }, (_, i) => (
        <col key={`v${i}`} className={i === values - 1 ? 'col-value col-total' : 'col-value'} />
      ))}
    </colgroup>
  );
}

/** One of 二's small tables: its caption row as the caption, its header row as the head. */
const SmallTable = memo(function SmallTable({ table, body }: { table: TableSectionId; body: LayoutBody }) {
  const caption = body.rows.find((r) => r.kind === 'caption')?.cells[0];
  const head = body.rows.filter((r) => r.kind === 'header');
  const columns = head[0] ? head[0].cells.length - 1 : 1;
  return (
    <table className={`grid grid-${table} grid-${table}-${columns}`}>
      {caption?.kind === 'label' ? (
        <caption>
          <OfficialLabel label={caption.label} />
        </caption>
      ) : null}
      <thead>
        {head.map((r) => (
          <GridRow key={r.key} row={r} firstOverRowLabels />
        ))}
      </thead>
      <tbody>
        {body.rows
          .filter((r) => r.kind === 'values')
          .map((r) => (
            <GridRow key={r.key} row={r} />
          ))}
      </tbody>
    </table>
  );
});

export const LayoutGrid = memo(function LayoutGrid({ table: id, label }: { table: TableSectionId; label: string }) {
  const { layout } = useGridEnv();
  const table = layout[id];
  return (
    // A frame per table: a notice (a paste's outcome, a refusal) belongs to the table it was about,
    // not to the next section's table that the same frame would otherwise show it above.
    <GridFrame key={id} label={label}>
      {table.head.length === 0 ? (
        table.bodies.map((body) => <SmallTable key={body.key} table={id} body={body} />)
      ) : (
        <table className={`grid grid-${id}`}>
          {table.labelColumns > 1 ? <ColumnGroup table={table} /> : null}
          <thead>
            {table.head.map((r) => (
              <GridRow key={r.key} row={r} />
            ))}
          </thead>
          {table.bodies.map((body) => (
            <tbody key={body.key}>
              {body.rows.map((r) => (
                <GridRow key={r.key} row={r} />
              ))}
            </tbody>
          ))}
        </table>
      )}
    </GridFrame>
  );
});
