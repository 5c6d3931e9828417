import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decode } from '../decode.ts';
import { setCell, type Report } from '../document.ts';
import { cellValue } from '../totals.ts';
import { cellName, shownValue } from '../layout.ts';
import { CELLS, ENTERED_CELLS, cellLabel } from '../format.ts';
import { evaluate, publicationDeadline } from '../rules/index.ts';
import { aggregateReports } from './aggregate.ts';
import { compareReports, diffSentences, splitSentences } from './compare.ts';

const seedResult = decode(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')));
if (!seedResult.ok) throw new Error('seed does not decode');
const seed: Report = seedResult.report;

describe('compareReports', () => {
  test('identical reports have no change', () => {
    expect(compareReports(seed, structuredClone(seed))).toEqual({ cells: [], parts: [] });
  });

  test('a changed cell is listed with old, new and difference, and the totals that follow', () => {
    const after = setCell(seed, 'applications.granted.naturalPerson', 5);
    const { cells } = compareReports(seed, after);
    expect(cells).toEqual([
      { cell: 'applications.granted.naturalPerson', before: 3, after: 5, delta: 2 },
      { cell: 'applications.granted.total', before: 3, after: 5, delta: 2 },
      { cell: 'applications.resultsTotal.naturalPerson', before: 24, after: 26, delta: 2 },
      { cell: 'applications.resultsTotal.total', before: 24, after: 26, delta: 2 },
    ]);
  });

  test('a cell emptied has no difference number', () => {
    const after = setCell(seed, 'proactive.licensing', null);
    expect(compareReports(seed, after).cells).toEqual([{ cell: 'proactive.licensing', before: 0, after: null, delta: null }]);
  });

  test('narrative: changed sentences, added and removed parts, matched by title across reordering', () => {
    const after = structuredClone(seed);
    const overview = after.narrative.overview;
    overview[2] = { ...overview[2]!, text: overview[2]!.text.replace('全年共受理24件', '全年共受理25件') };
    overview.reverse();
    after.narrative.other.push({ title: '创新情况', text: '开展了新工作。' });
    after.narrative.other.splice(0, 1);
    const { parts } = compareReports(seed, after);
    const changed = parts.find((p) => p.change === 'changed')!;
    expect(changed.title).toBe('依申请公开情况');
    expect(changed.sentences.filter((s) => s.mark !== 'same')).toEqual([
      { mark: 'removed', text: expect.stringContaining('全年共受理24件') },
      { mark: 'added', text: expect.stringContaining('全年共受理25件') },
    ]);
    expect(parts.filter((p) => p.change === 'added').map((p) => p.title)).toEqual(['创新情况']);
    expect(parts.filter((p) => p.change === 'removed').map((p) => p.title)).toEqual(['2022 年政务公开工作要点落实情况']);
  });

  test.each([
    ['一。二。', ['一。', '二。']],
    ['一；二', ['一；', '二']],
    ['', []],
  ])('splitSentences(%j)', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  test('diffSentences keeps common sentences in order', () => {
    expect(diffSentences(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual([
      { mark: 'same', text: 'a' },
      { mark: 'removed', text: 'b' },
      { mark: 'added', text: 'x' },
      { mark: 'same', text: 'c' },
    ]);
  });
});

describe('aggregateReports', () => {
  const unit = (agency: string, n: number, fees: number): Report => {
    let r = structuredClone(seed);
    r.meta.agency = agency;
    r = setCell(r, 'applications.newReceived.commercial', n);
    r = setCell(r, 'applications.granted.commercial', n);
    r = setCell(r, 'proactive.fees', fees);
    return r;
  };

  test('sums every entered cell of approved units; totals follow; balance holds', () => {
    const result = aggregateReports(
      [
        { name: 'a.json', report: unit('甲局', 1, 0.1), approved: true },
        { name: 'b.json', report: unit('乙局', 2, 0.2), approved: true },
      ],
      { agency: '平罗县人民政府', year: 2022 },
    );
    expect(result.included).toEqual(['甲局', '乙局']);
    expect(result.report.meta.agencyKind).toBe('government');
    expect(result.report.applications.newReceived.naturalPerson).toBe(48);
    expect(result.report.applications.newReceived.commercial).toBe(3);
    expect(result.report.proactive.normativeDocuments.inForce).toBe(8);
    expect(result.report.proactive.fees).toBe(0.3);
    expect(cellValue(result.report, 'applications.resultsTotal.total')).toBe(51);
    expect(evaluate(result.report).filter((f) => f.rule === 'balance')).toEqual([]);
  });

  test('names missing, unapproved and other-year units instead of leaving them out silently', () => {
    const old = structuredClone(seed);
    old.meta.year = 2021;
    old.meta.agency = '丙局';
    const result = aggregateReports(
      [
        { name: 'a.json', report: unit('甲局', 1, 0), approved: true },
        { name: 'b.json', report: unit('乙局', 2, 0), approved: false },
        { name: 'c.json', report: old, approved: true },
      ],
      { agency: '县政府', year: 2022, expectedAgencies: ['甲局', '乙局', '丙局', '丁镇'] },
    );
    expect(result.included).toEqual(['甲局']);
    expect(result.notApproved).toEqual(['乙局']);
    expect(result.otherYear).toEqual([{ agency: '丙局', year: 2021 }]);
    expect(result.missing).toEqual(['丙局', '丁镇']);
    expect(result.report.applications.newReceived.commercial).toBe(1);
  });

  test('blank is not zero: units with blank cells are named; a cell (or total) whose inputs are all blank stays blank', () => {
    let blank = seed;
    for (const cell of ENTERED_CELLS) if (cell.section !== 'proactive') blank = setCell(blank, cell.id, null);
    blank = { ...blank, meta: { ...blank.meta, agency: '乙局' } };
    const partly = { ...setCell(seed, 'proactive.licensing', null), meta: { ...seed.meta, agency: '甲局' } };
    const result = aggregateReports(
      [
        { name: 'a', report: partly, approved: true },
        { name: 'b', report: blank, approved: true },
      ],
      { agency: '县政府', year: 2022 },
    );
    const blanksOf = ENTERED_CELLS.filter((c) => c.section !== 'proactive').length;
    expect(result.withBlanks).toEqual([
      { agency: '甲局', blank: 1 },
      { agency: '乙局', blank: blanksOf },
    ]);
    // 甲局 alone filled 三: the sum is its figures, not "+ 0" for 乙局 (the same numbers, and named above).
    expect(result.report.applications.newReceived.naturalPerson).toBe(seed.applications.newReceived.naturalPerson);
    expect(result.report.proactive.licensing).toBe(seed.proactive.licensing);

    const empty = aggregateReports([], { agency: '县政府', year: 2022 });
    expect(empty.included).toEqual([]);
    for (const cell of CELLS) expect(shownValue(empty.report, cell.id), cell.id).toBe('');
    // cellValue (the rules' sum) counts blank as 0; shownValue (what every view shows) does not.
    expect(cellValue(empty.report, 'applications.resultsTotal.total')).toBe(0);
    expect(shownValue(result.report, 'applications.resultsTotal.total')).toBe(String(cellValue(result.report, 'applications.resultsTotal.total')));
  });

  test('the aggregate is the area government\'s report: its deadline is 31 March, whatever its units are', () => {
    const department = { ...seed, meta: { ...seed.meta, agencyKind: 'department' as const } };
    expect(publicationDeadline(department)).toBe('2023-01-31');
    const result = aggregateReports([{ name: 'a', report: department, approved: true }], { agency: '县政府', year: 2022 });
    expect(result.report.meta).toMatchObject({ agencyKind: 'government', publishedOn: null, contact: '' });
    expect(publicationDeadline(result.report)).toBe('2023-03-31');
  });

  test('the grand total is named "（七）总计", not "（七）总计 总计"', () => {
    expect(cellLabel('applications.resultsTotal.total')).toBe('（七）总计');
    expect(cellLabel('applications.resultsTotal.total', 'en')).toBe('(7) Total');
    expect(cellLabel('applications.resultsTotal.naturalPerson')).toBe('（七）总计 自然人');
    expect(cellLabel('applications.newReceived.total')).toBe('一、本年新收政府信息公开申请数量 总计');
    // …and so in the layout's names, which the review's views use.
    expect(cellName('applications.resultsTotal.total', 'zh')).toBe('（七）总计');
    expect(cellName('applications.resultsTotal.total', 'en')).toBe('(7) Total');
    expect(cellName('appeals.review.total', 'zh')).toBe('行政复议 总计');
  });

  test('cells no unit filled stay not filled', () => {
    const blank = setCell(seed, 'proactive.licensing', null);
    const result = aggregateReports([{ name: 'x', report: blank, approved: true }], { agency: '县政府', year: 2022 });
    expect(result.report.proactive.licensing).toBeNull();
  });
});

describe('aggregate info in the document', () => {
  test('the aggregate report lists its units, the missing and the unapproved, and decodes', () => {
    const other = structuredClone(seed);
    other.meta.agency = '乙局';
    const result = aggregateReports(
      [
        { name: 'a', report: seed, approved: true },
        { name: 'b', report: other, approved: false },
      ],
      { agency: '县政府', year: 2022, expectedAgencies: ['平罗县人民政府办公室', '丁镇'] },
    );
    expect(result.report.aggregate).toEqual({
      units: [{ agency: '平罗县人民政府办公室', status: 'approved' }],
      missing: ['丁镇'],
      notApproved: ['乙局'],
    });
    expect(decode(JSON.parse(JSON.stringify(result.report))).ok).toBe(true);
  });
});
