/**
 * The editor's grids are a projection of the layout (issue 19): each table, read back from the
 * DOM as (text, rowSpan, colSpan, cell id) — an input's value, a total's number, a header's
 * label — equals layout.ts's matrix, for the seed report and an empty one, and for a layout of
 * a changed copy of the format (a row more in 三, a column less in 三 and 四).
 */
import { screen } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { REPORT_LAYOUT, layoutMatrix, setCell, type Report, type ReportLayout, type TableSectionId } from '../../report/index.ts';
import { changedLayout, EXTRA_ROW, readTableMatrix } from '../../report/testing/layoutContract.ts';
import { newReport, pingluo, renderEditor } from './test-utils.tsx';

vi.setConfig({ testTimeout: 60_000 });

/** What a cell of the grid shows: an input's value, a total's number, a label's text. */
function shown(cell: HTMLTableCellElement): string {
  const input = cell.querySelector('input');
  if (input) return input.value;
  const total = cell.querySelector('.cell-total');
  return (total ?? cell).textContent ?? '';
}

async function gridOf(report: Report, table: TableSectionId, layout?: ReportLayout) {
  await renderEditor({ report, section: table, ...(layout ? { layout } : {}) });
  const frame = screen.getByRole('group', { name: /./ });
  return { matrix: readTableMatrix(frame.querySelectorAll('table'), shown) };
}

const TABLES: TableSectionId[] = ['proactive', 'applications', 'appeals'];

describe('the editor follows the layout', () => {
  test.each(TABLES.flatMap((t) => [[t, 'seed'] as const, [t, 'empty'] as const]))('%s, %s report', async (table, which) => {
    const report = which === 'seed' ? pingluo() : newReport();
    const { matrix } = await gridOf(report, table);
    expect(matrix).toEqual(layoutMatrix(REPORT_LAYOUT[table], report));
    expect(matrix.flat().some((c) => c.cellId && c.text !== '')).toBe(which === 'seed');
  });

  test.each(TABLES)('%s in a layout with a row more in 三 and a column less in 三 and 四', async (table) => {
    const layout = changedLayout();
    const report = setCell(newReport(), `applications.${EXTRA_ROW.id}.commercial`, 4);
    const { matrix } = await gridOf(report, table, layout);
    expect(matrix).toEqual(layoutMatrix(layout[table], report, 'zh', layout));
    if (table === 'applications') {
      expect(matrix).toHaveLength(3 + 26);
      // The new row is a row like the others: its inputs named by its labels, its totals summed
      // (the document itself stays the format's: the store takes only the format's cells).
      expect(screen.getByRole('textbox', { name: '（三）不予公开 9.测试用的新增事项 自然人' })).toHaveValue('');
      expect(screen.getByRole('textbox', { name: '（三）不予公开 9.测试用的新增事项 商业企业' })).toHaveValue('4');
      expect(document.querySelector(`[data-cell="applications.${EXTRA_ROW.id}.total"]`)).toHaveTextContent('4');
      expect(document.querySelector('[data-cell="applications.resultsTotal.total"]')).toHaveTextContent('4');
    }
    if (table === 'appeals') expect(matrix[3]).toHaveLength(12);
  });
});
