/**
 * For the views' contract tests (issue 19): a table as a view rendered it, read back as the
 * rows of (text, rowSpan, colSpan, cell id) that layout.ts's `layoutMatrix` gives, and a
 * test-only copy of the format with one row more in 三 and one column less (in 三 and in 四),
 * whose layout every view must follow with no other edit. Used by tests only.
 */
import { TABLES_MODEL, type ApplicationsRowDef, type TablesModel } from '../format.ts';
import { buildLayout, type MatrixCell, type ReportLayout } from '../layout.ts';

/**
 * The rows of an HTML table (or of several, concatenated: the editor shows 二's four small
 * tables apart) as a matrix. A cell's id is the `data-cell` of the cell or of the element
 * inside it; its text is `textOf(cell)` (its text content by default, trimmed). A table's
 * `<caption>` (the editor's for 二's 第二十条第（一）项…) reads as the caption row it stands for:
 * one cell over the table's width.
 */
export function readTableMatrix(
  tables: Iterable<HTMLTableElement>,
  textOf: (cell: HTMLTableCellElement) => string = (cell) => cell.textContent ?? '',
): MatrixCell[][] {
  const out: MatrixCell[][] = [];
  for (const table of tables) {
    if (table.caption) {
      const width = Array.from(table.rows[0]?.cells ?? []).reduce((sum, c) => sum + c.colSpan, 0);
      out.push([{ text: (table.caption.textContent ?? '').trim(), rowSpan: 1, colSpan: width, cellId: null }]);
    }
    for (const row of Array.from(table.rows)) {
      out.push(
        Array.from(row.cells).map((cell) => ({
          text: textOf(cell).trim(),
          rowSpan: cell.rowSpan,
          colSpan: cell.colSpan,
          cellId: cell.getAttribute('data-cell') ?? cell.querySelector('[data-cell]')?.getAttribute('data-cell') ?? null,
        })),
      );
    }
  }
  return out;
}

/** The extra row of the test-only format: a ninth item of （三）不予公开. */
export const EXTRA_ROW: ApplicationsRowDef = {
  id: 'withheld.extra' as ApplicationsRowDef['id'],
  role: 'result',
  group: 'withheld',
  label: { zh: '9.测试用的新增事项', en: '9. An item added for the test' },
};

/** The format with EXTRA_ROW after 8.属于行政查询事项, without 科研机构 in 三 and 其他结果 in 四. */
export function changedTablesModel(): TablesModel {
  const rows = [...TABLES_MODEL.applications.rows];
  rows.splice(rows.findIndex((r) => r.id === 'withheld.administrativeQuery') + 1, 0, EXTRA_ROW);
  return {
    ...TABLES_MODEL,
    applications: { ...TABLES_MODEL.applications, rows, columns: TABLES_MODEL.applications.columns.filter((c) => c.id !== 'research') },
    appeals: { ...TABLES_MODEL.appeals, outcomes: TABLES_MODEL.appeals.outcomes.filter((o) => o.id !== 'other') },
  };
}

export function changedLayout(): ReportLayout {
  return buildLayout(changedTablesModel());
}
