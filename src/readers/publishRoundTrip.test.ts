/**
 * What nianbao publishes comes back through its own importer, cell by cell (issue 15's round
 * trip): the Word file (docx writer → mammoth reader) and the website fragment (inline-styled
 * HTML → the HTML reader). Every entered figure returns to its cell, every blank stays blank,
 * every printed total comes back as a stated total equal to what the layout's one rule prints, and agency and
 * year are found in the title.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CELLS, cellValue, decodeText, setCell, shownValue, type PublishedImport, type Report } from '../report/index.ts';
import { renderReportDocx } from '../report/publish/docx.ts';
import { renderReportFragment } from '../report/publish/fragment.ts';
import { NODE_READ_OPTIONS } from './node.ts';
import { readPasted, readPublished } from './read.ts';

function seed(): Report {
  const decoded = decodeText(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8'));
  if (!decoded.ok) throw new Error('the seed fixture does not decode');
  return decoded.report;
}

/** The seed with a few blanks, so that "blank stays blank" is held too. */
function withBlanks(report: Report): Report {
  let r = report;
  const blanks = ['applications.carriedOver.research', 'appeals.review.pending', 'proactive.fees'];
  for (const id of blanks) {
    if (!CELLS.some((c) => c.id === id && !c.computed)) throw new Error(`${id} is not an entered cell`);
    r = setCell(r, id, null);
  }
  for (const col of ['naturalPerson', 'commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg']) r = setCell(r, `applications.carriedOver.${col}`, null);
  return r;
}

const CASES: [string, Report][] = [
  ['the seed', seed()],
  ['the seed with blank cells', withBlanks(seed())],
  // A title of three lines (render/title.ts): the agency's two lines are one name again.
  ['the seed of an agency whose name takes two lines', { ...seed(), meta: { ...seed().meta, agency: '宁夏回族自治区石嘴山市平罗县市场监督管理局' } }],
];

function expectEveryCellBack(source: Report, read: PublishedImport) {
  const wrong: string[] = [];
  for (const cell of CELLS) {
    if (cell.computed) {
      // A total is printed by the layout's one rule (a total of blank cells is blank), and read back as a stated total.
      const shown = shownValue(source, cell.id);
      const expected = shown === '' ? null : Number(shown);
      const stated = read.stated.totals?.[cell.id] ?? null;
      if (stated !== expected) wrong.push(`${cell.id}: total ${expected}, read ${stated}`);
    } else {
      const expected = cellValue(source, cell.id);
      const got = cellValue(read.report, cell.id);
      if (got !== expected) wrong.push(`${cell.id}: ${expected}, read ${got}`);
    }
  }
  expect(wrong).toEqual([]);
  expect(read.report.meta.agency).toBe(source.meta.agency);
  expect(read.report.meta.year).toBe(source.meta.year);
}

describe.each(CASES)('%s, published and read back', (_name, report) => {
  test('the Word file: every cell back', async () => {
    const bytes = await renderReportDocx(report);
    expectEveryCellBack(report, await readPublished(bytes, NODE_READ_OPTIONS));
  });

  test('the website fragment (复制网页版, text/html): every cell back', async () => {
    const { html, text } = renderReportFragment(report);
    expectEveryCellBack(report, await readPasted(html, text));
  });
});
