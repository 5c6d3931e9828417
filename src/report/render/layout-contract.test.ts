// @vitest-environment jsdom
/**
 * The print HTML is a projection of the layout (issue 19): each table, read back from the HTML
 * as (text, rowSpan, colSpan, cell id), equals layout.ts's matrix — for the seed report and an
 * empty one, and for a layout of a changed copy of the format.
 */
import { describe, expect, test } from 'vitest';
import { REPORT_LAYOUT, decodeText, emptyReport, layoutMatrix, setCell, type ReportLayout, type Report, type TableSectionId } from '../index.ts';
import { changedLayout, EXTRA_ROW, readTableMatrix } from '../testing/layoutContract.ts';
import fixtureText from '../../../tests/fixtures/pingluo-2022.json?raw';
import { renderReportHtml } from './index.ts';

function seed(): Report {
  const decoded = decodeText(fixtureText);
  if (!decoded.ok) throw new Error('seed fixture does not decode');
  return decoded.report;
}

function printedTable(report: Report, table: TableSectionId, layout?: ReportLayout) {
  const doc = new DOMParser().parseFromString(renderReportHtml(report, layout ? { layout } : {}), 'text/html');
  return readTableMatrix(doc.querySelectorAll<HTMLTableElement>(`section[data-section="${table}"] table`));
}

const TABLES: TableSectionId[] = ['proactive', 'applications', 'appeals'];

describe('the print HTML follows the layout', () => {
  test.each(TABLES.flatMap((t) => [[t, 'seed', seed()] as const, [t, 'empty', emptyReport({ agency: '某局', year: 2023 })] as const]))(
    '%s, %s report',
    (table, _, report) => {
      const printed = printedTable(report, table);
      expect(printed).toEqual(layoutMatrix(REPORT_LAYOUT[table], report));
      // Not a vacuous match: the seed prints its numbers, the empty report none.
      expect(printed.flat().some((c) => c.cellId && c.text !== '')).toBe(_ === 'seed');
    },
  );

  test('a layout with a row more in 三 and a column less in 三 and 四', () => {
    const layout = changedLayout();
    const report = setCell(emptyReport(), `applications.${EXTRA_ROW.id}.commercial`, 4);
    for (const table of TABLES) expect(printedTable(report, table, layout)).toEqual(layoutMatrix(layout[table], report, 'zh', layout));
    const applications = printedTable(report, 'applications', layout);
    expect(applications).toHaveLength(3 + 26);
    expect(applications[0]![1]).toMatchObject({ text: '申请人情况', colSpan: 6 });
    expect(applications.flat().find((c) => c.cellId === `applications.${EXTRA_ROW.id}.total`)?.text).toBe('4');
    expect(applications.flat().some((c) => c.cellId?.endsWith('.research'))).toBe(false);
    expect(printedTable(report, 'appeals', layout)[3]).toHaveLength(12);
  });
});
