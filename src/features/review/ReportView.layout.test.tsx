/**
 * The review view is a projection of the layout (issue 19): each table it shows, read back from
 * the DOM as (text, rowSpan, colSpan, cell id), equals layout.ts's matrix — for the seed report
 * and an empty one, and for a layout of a changed copy of the format.
 */
import { describe, expect, test } from 'vitest';
import { REPORT_LAYOUT, emptyReport, layoutMatrix, setCell, type Report, type ReportLayout, type TableSectionId } from '../../report/index.ts';
import { changedLayout, EXTRA_ROW, readTableMatrix } from '../../report/testing/layoutContract.ts';
import { ReportView } from './ReportView.tsx';
import { renderUi, seed } from './testUtils.tsx';

const TABLES: TableSectionId[] = ['proactive', 'applications', 'appeals'];

function shownTables(report: Report, layout?: ReportLayout) {
  const { container, unmount } = renderUi(<ReportView report={report} onPickTarget={() => {}} {...(layout ? { layout } : {})} />);
  const tables = Object.fromEntries(
    TABLES.map((t) => [t, readTableMatrix(container.querySelectorAll<HTMLTableElement>(`section[aria-labelledby="rv-h-${t}"] table`))]),
  );
  unmount();
  return tables;
}

describe('the review view follows the layout', () => {
  test.each([
    ['seed', seed],
    ['empty', emptyReport({ agency: '某局', year: 2023 })],
  ] as const)('%s report: 二, 三 and 四', (name, report) => {
    const shown = shownTables(report);
    for (const t of TABLES) expect(shown[t], t).toEqual(layoutMatrix(REPORT_LAYOUT[t], report));
    expect(Object.values(shown).flat(2).some((c) => c.cellId && c.text !== '')).toBe(name === 'seed');
  });

  test('a layout with a row more in 三 and a column less in 三 and 四', () => {
    const layout = changedLayout();
    const report = setCell(emptyReport(), `applications.${EXTRA_ROW.id}.commercial`, 4);
    const shown = shownTables(report, layout);
    for (const t of TABLES) expect(shown[t], t).toEqual(layoutMatrix(layout[t], report, 'zh', layout));
    expect(shown.applications).toHaveLength(3 + 26);
    expect(shown.appeals![3]).toHaveLength(12);
  });
});
