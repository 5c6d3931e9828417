// @vitest-environment node
import { describe, expect, test } from 'vitest';
import {
  APPEAL_KINDS,
  APPLICATIONS_GROUPS,
  APPLICATIONS_HEADER,
  APPLICATIONS_ROWS,
  CELLS,
  TABLES_MODEL,
} from './format.ts';
import {
  REPORT_LAYOUT,
  buildLayout,
  cellNameLabels,
  cellPosition,
  formatNumber,
  layoutMatrix,
  shownValue,
  type LabelCell,
  type LayoutCell,
  type TableLayout,
} from './layout.ts';
import { emptyReport, setCell, type Report } from './document.ts';
import { changedTablesModel } from './testing/layoutContract.ts';

const allRows = (t: TableLayout) => [...t.head, ...t.bodies.flatMap((b) => b.rows)];
const allCells = (t: TableLayout): LayoutCell[] => allRows(t).flatMap((r) => r.cells);
const labelCell = (t: TableLayout, zh: string): LabelCell => {
  const found = allCells(t).filter((c): c is LabelCell => c.kind === 'label' && c.label.zh === zh);
  expect(found, zh).toHaveLength(1);
  return found[0]!;
};

/** Every grid position covered exactly once, every row exactly `width` wide. */
function coverage(t: TableLayout): string[] {
  const problems: string[] = [];
  const taken = new Map<string, number>();
  allRows(t).forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (taken.has(`${r},${c}`)) c++;
      for (let i = 0; i < cell.rowSpan; i++)
        for (let j = 0; j < cell.colSpan; j++) {
          const key = `${r + i},${c + j}`;
          if (taken.has(key)) problems.push(`overlap at ${key}`);
          taken.set(key, 1);
        }
      c += cell.colSpan;
    }
  });
  const height = allRows(t).length;
  for (let r = 0; r < height; r++) for (let c = 0; c < t.width; c++) if (!taken.has(`${r},${c}`)) problems.push(`hole at ${r},${c}`);
  if (taken.size !== height * t.width) problems.push(`covers ${taken.size}, not ${height * t.width}`);
  return problems;
}

describe('the layout of the 2021 template', () => {
  test.each(REPORT_LAYOUT.tables.map((t) => [t.table, t] as const))('%s: a full grid, no hole, no overlap', (_, t) => {
    expect(coverage(t)).toEqual([]);
  });

  test('every cell of the format sits in the layout exactly once, entered or computed as the format says', () => {
    const ids = REPORT_LAYOUT.tables.flatMap((t) => allCells(t).flatMap((c) => (c.kind === 'label' ? [] : [`${c.cellId}:${c.kind}`])));
    expect(ids).toEqual(CELLS.map((c) => `${c.id}:${c.computed ? 'computed' : 'entered'}`));
  });

  test('labels are the format’s own objects, never typed again', () => {
    const formatLabels = new Set<unknown>([
      ...Object.values(APPLICATIONS_HEADER),
      ...APPLICATIONS_GROUPS.map((g) => g.label),
      ...APPLICATIONS_ROWS.map((r) => r.label),
      ...TABLES_MODEL.applications.columns.map((c) => c.label),
      TABLES_MODEL.applications.total.label,
      ...APPEAL_KINDS.map((k) => k.label),
      ...Object.values(TABLES_MODEL.appeals.parents),
      ...TABLES_MODEL.appeals.outcomes.map((o) => o.label),
      TABLES_MODEL.appeals.total.label,
      TABLES_MODEL.proactive.contentHeader,
      ...TABLES_MODEL.proactive.tables.flatMap((t) => [t.caption, ...t.columns, ...t.rows.map((r) => r.label)]),
    ]);
    for (const t of REPORT_LAYOUT.tables) for (const c of allCells(t)) if (c.kind === 'label') expect(formatLabels.has(c.label), c.label.zh).toBe(true);
  });

  // The merges of the template, as 国办公开办函〔2021〕30号 prints them.
  test.each([
    ['applications', APPLICATIONS_HEADER.note.zh, 3, 3],
    ['applications', '申请人情况', 1, 7],
    ['applications', '自然人', 2, 1],
    ['applications', '法人或其他组织', 1, 5],
    ['applications', '总计', 2, 1],
    ['applications', '商业企业', 1, 1],
    // 三、本年度办理结果 spans its 21 result rows and （七）总计.
    ['applications', '三、本年度办理结果', 22, 1],
    ['applications', '（三）不予公开', 8, 1],
    ['applications', '（四）无法提供', 3, 1],
    ['applications', '（五）不予处理', 5, 1],
    ['applications', '（六）其他处理', 3, 1],
    ['applications', '一、本年新收政府信息公开申请数量', 1, 3],
    ['applications', '（一）予以公开', 1, 2],
    ['applications', '（七）总计', 1, 2],
    ['applications', '1.属于国家秘密', 1, 1],
    ['appeals', '行政复议', 1, 5],
    ['appeals', '行政诉讼', 1, 10],
    ['appeals', '未经复议直接起诉', 1, 5],
    ['appeals', '复议后起诉', 1, 5],
    ['proactive', '第二十条第（一）项', 1, 4],
    ['proactive', '本年处理决定数量', 1, 3],
    ['proactive', '本年收费金额（单位：万元）', 1, 3],
    ['proactive', '本年制发件数', 1, 1],
  ] as const)('%s: %s spans %i rows and %i columns', (table, zh, rowSpan, colSpan) => {
    const t = REPORT_LAYOUT[table];
    const found = allCells(t).filter((c): c is LabelCell => c.kind === 'label' && c.label.zh === zh);
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) expect([c.rowSpan, c.colSpan]).toEqual([rowSpan, colSpan]);
  });

  test('sizes: 三 is 10 columns and 3 + 25 rows; 四 15 columns, 3 + 1; 二 4 columns, four bodies', () => {
    const { applications, appeals, proactive } = REPORT_LAYOUT;
    expect([applications.width, applications.labelColumns, applications.head.length, applications.bodies[0]!.rows.length]).toEqual([10, 3, 3, 25]);
    expect([appeals.width, appeals.labelColumns, appeals.head.length, appeals.bodies[0]!.rows.length]).toEqual([15, 0, 3, 1]);
    expect([proactive.width, proactive.labelColumns, proactive.head.length]).toEqual([4, 1, 0]);
    expect(proactive.bodies.map((b) => [b.key, b.rows.map((r) => r.kind).join(' ')])).toEqual([
      ['article20_1', 'caption header values values'],
      ['article20_5', 'caption header values'],
      ['article20_6', 'caption header values values'],
      ['article20_8', 'caption header values'],
    ]);
    expect(cellPosition('proactive.fees')).toMatchObject({ valueRow: 5, valueCol: 0 });
    expect(REPORT_LAYOUT.cells.get('proactive.fees')).toMatchObject({ colSpan: 3, cellKind: 'amount', kind: 'entered' });
  });

  test('the labels that head a column of totals are marked', () => {
    const totals = REPORT_LAYOUT.tables.flatMap((t) => allCells(t).filter((c): c is LabelCell => c.kind === 'label' && c.total).map((c) => `${t.table}:${c.key}`));
    expect(totals).toEqual(['applications:total', 'appeals:review.total', 'appeals:litigationDirect.total', 'appeals:litigationAfterReview.total']);
  });

  test('value rows and entered rows (keyboard moves, paste targets)', () => {
    const { applications, appeals, proactive } = REPORT_LAYOUT;
    expect(applications.valueRows).toHaveLength(25);
    expect(applications.valueRows.every((r) => r.length === 7)).toBe(true);
    expect(applications.enteredRows).toHaveLength(24);
    expect(applications.enteredRows.every((r) => r.length === 6)).toBe(true);
    expect(appeals.valueRows).toEqual([APPEAL_KINDS.flatMap((k) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => `appeals.${k.id}.${o}`))]);
    expect(appeals.enteredRows[0]).toHaveLength(12);
    expect(proactive.enteredRows.map((r) => r.length)).toEqual([3, 3, 1, 1, 1, 1]);
    expect(cellPosition('applications.carriedForward.otherOrg')).toMatchObject({ valueRow: 24, valueCol: 5, entered: { row: 23, col: 5 }, row: 27, col: 8 });
    expect(cellPosition('applications.resultsTotal.total')).toMatchObject({ valueRow: 23, valueCol: 6, row: 26, col: 9 });
    expect(cellPosition('applications.resultsTotal.total')!.entered).toBeUndefined();
    expect(cellPosition('appeals.litigationAfterReview.total')).toMatchObject({ row: 3, col: 14, valueCol: 14 });
    expect(cellPosition('no.such.cell')).toBeUndefined();
  });

  test.each([
    ['applications.withheld.stateSecret.commercial', ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'], ['申请人情况', '法人或其他组织', '商业企业'], '（三）不予公开 1.属于国家秘密 商业企业'],
    ['applications.granted.naturalPerson', ['三、本年度办理结果', '（一）予以公开'], ['申请人情况', '自然人'], '（一）予以公开 自然人'],
    ['applications.resultsTotal.total', ['三、本年度办理结果', '（七）总计'], ['申请人情况', '总计'], '（七）总计'],
    ['applications.newReceived.otherOrg', ['一、本年新收政府信息公开申请数量'], ['申请人情况', '法人或其他组织', '其他'], '一、本年新收政府信息公开申请数量 其他'],
    ['appeals.litigationDirect.upheld', [], ['行政诉讼', '未经复议直接起诉', '结果维持'], '行政诉讼 未经复议直接起诉 结果维持'],
    ['appeals.review.total', [], ['行政复议', '总计'], '行政复议 总计'],
    ['proactive.regulations.inForce', ['规章'], ['信息内容', '现行有效件数'].slice(1), '规章 现行有效件数'],
    ['proactive.fees', ['行政事业性收费'], ['本年收费金额（单位：万元）'], '行政事业性收费 本年收费金额（单位：万元）'],
  ])('%s: row labels, column labels, name', (id, rowLabels, columnLabels, name) => {
    const at = cellPosition(id)!;
    expect(at.rowLabels.map((l) => l.label.zh)).toEqual(rowLabels);
    expect(at.columnLabels.map((l) => l.label.zh)).toEqual(columnLabels);
    expect(cellNameLabels(id).map((l) => l.zh).join(' ')).toBe(name);
  });
});

describe('how a value is shown (one rule for every view)', () => {
  test.each([
    [null, ''],
    [0, '0'],
    [7, '7'],
    [1234567, '1234567'],
    [1.5, '1.5'],
    [0.1 + 0.2, '0.3'],
    [12.3456, '12.3456'],
    [Number.NaN, ''],
  ])('formatNumber(%s) = %j', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  const base = emptyReport({ agency: '某局', year: 2023 });
  const set = (pairs: [string, number | null][]): Report => pairs.reduce((r, [id, v]) => setCell(r, id, v), base);
  test.each<[string, [string, number | null][], string, string]>([
    ['an entered cell not filled is empty', [], 'applications.granted.naturalPerson', ''],
    ['an entered 0 is 0', [['applications.granted.naturalPerson', 0]], 'applications.granted.naturalPerson', '0'],
    ['a total of blank cells is empty, not 0', [], 'applications.granted.total', ''],
    ['（七）总计 of blank cells is empty', [], 'applications.resultsTotal.total', ''],
    ['a total with one 0 entered is 0', [['applications.granted.commercial', 0]], 'applications.granted.total', '0'],
    ['a total sums its filled parts, blanks as 0', [['applications.granted.commercial', 3], ['applications.granted.research', 4]], 'applications.granted.total', '7'],
    ['（七）总计 sums the result rows', [['applications.granted.commercial', 3], ['applications.withheld.stateSecret.commercial', 2]], 'applications.resultsTotal.commercial', '5'],
    ['四 总计', [['appeals.review.pending', 2]], 'appeals.review.total', '2'],
    ['an amount with decimals', [['proactive.fees', 0.125]], 'proactive.fees', '0.125'],
    ['an id that is no cell', [], 'applications.nothing', ''],
  ])('%s', (_, pairs, id, text) => {
    expect(shownValue(set(pairs), id)).toBe(text);
  });
});

describe('a layout follows the format model', () => {
  const layout = buildLayout(changedTablesModel());

  test('spans, sizes and positions move with it', () => {
    const t = layout.applications;
    expect(coverage(t)).toEqual([]);
    expect(coverage(layout.appeals)).toEqual([]);
    expect(t.width).toBe(9);
    expect(labelCell(t, '（三）不予公开').rowSpan).toBe(9);
    expect(labelCell(t, '三、本年度办理结果').rowSpan).toBe(23);
    expect(labelCell(t, '法人或其他组织').colSpan).toBe(4);
    expect(labelCell(t, '申请人情况').colSpan).toBe(6);
    expect(t.enteredRows).toHaveLength(25);
    expect(layout.appeals.width).toBe(12);
    expect(labelCell(layout.appeals, '行政诉讼').colSpan).toBe(8);
    expect(cellNameLabels('applications.withheld.extra.commercial', layout).map((l) => l.zh)).toEqual(['（三）不予公开', '9.测试用的新增事项', '商业企业']);
    expect(layout.cells.get('applications.resultsTotal.naturalPerson')!.sumOf).toContain('applications.withheld.extra.naturalPerson');
    expect(layout.cells.get('applications.granted.total')!.sumOf).not.toContain('applications.granted.research');
    const report = setCell(emptyReport(), 'applications.granted.commercial', 2);
    expect(layoutMatrix(t, report, 'zh', layout)[5]!.map((c) => c.text)).toEqual(['三、本年度办理结果', '（一）予以公开', '', '2', '', '', '', '2']);
  });
});
