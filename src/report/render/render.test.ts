// @vitest-environment jsdom
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import {
  APPEAL_OUTCOMES,
  APPLICANT_COLUMNS,
  APPLICATIONS_HEADER,
  APPLICATIONS_ROWS,
  CELLS,
  PROACTIVE_TABLES,
  SECTIONS,
  decodeText,
  emptyReport,
  getPath,
  reportTitle,
  setCell,
  type Report,
} from '../index.ts';
import fixtureText from '../../../tests/fixtures/pingluo-2022.json?raw';
import { PAGE, PRINT_TEXT, aggregateNote, renderReport, renderReportHtml } from './index.ts';

const fixtureJson = JSON.parse(fixtureText) as Record<string, unknown>;
function seed(): Report {
  const decoded = decodeText(fixtureText);
  if (!decoded.ok) throw new Error('seed fixture does not decode');
  return decoded.report;
}

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const text = (el: Element | null | undefined) => (el?.textContent ?? '').trim();

/**
 * The table as the grid a reader sees: every slot filled with the cell covering it, following
 * rowspan and colspan as a browser does.
 */
function grid(rows: Iterable<HTMLTableRowElement>): HTMLTableCellElement[][] {
  const out: HTMLTableCellElement[][] = [];
  let r = 0;
  for (const row of rows) {
    out[r] ??= [];
    let c = 0;
    for (const cell of Array.from(row.cells)) {
      while (out[r]![c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        out[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) out[r + dr]![c + dc] = cell;
      }
      c += cell.colSpan;
    }
    r++;
  }
  return out;
}
const texts = (g: HTMLTableCellElement[][]) => g.map((row) => row.map((cell) => text(cell)));

describe('the printable HTML document', () => {
  const html = renderReportHtml(seed());
  const doc = parseHtml(html);

  it('is a complete zh-CN document with the report title', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(doc.title).toBe('平罗县人民政府办公室2022年政府信息公开工作年度报告');
    expect(text(doc.querySelector('h1'))).toBe(reportTitle('平罗县人民政府办公室', 2022));
    // Broken between the agency and “2022年…年度报告” (title.ts), each line a block of its own.
    expect(Array.from(doc.querySelectorAll('h1 > .nb-title-line')).map(text)).toEqual(['平罗县人民政府办公室', '2022年政府信息公开工作年度报告']);
    expect(html).toMatch(/@media print \{[^]*\.nb-report \.nb-title-line \{ white-space: nowrap; \}/);
    expect(renderReportHtml(seed(), { title: '<b>x</b>' })).toContain('<title>&lt;b&gt;x&lt;/b&gt;</title>');
  });

  it('parses without a single HTML parse error', () => {
    const errors: string[] = [];
    parse(html, { onParseError: (e) => errors.push(`${e.code} at line ${e.startLine}:${e.startCol}`) });
    expect(errors).toEqual([]);
  });

  it('is self-contained: inline CSS only, no script, no URL of any kind', () => {
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed, base, form')).toHaveLength(0);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/\/\/[a-z0-9]/i);
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name).not.toMatch(/^on|^src$|^href$|^srcset$|^action$/i);
      }
    }
  });

  it('sets A4 pages with the GB/T 9704 margins and page numbers in the foot', () => {
    const css = doc.querySelector('style')!.textContent!;
    expect(PAGE.rightMm).toBe(26);
    expect(PAGE.bottomMm).toBe(35);
    expect(css).toContain('size: A4 portrait;');
    expect(css).toContain('margin: 37mm 26mm 35mm 28mm;');
    // Odd pages right, even pages left (GB/T 9704 §7.5).
    expect(css).toMatch(/@page :right {\s*@bottom-right {\s*content: '— ' counter\(page\) ' —';[^}]*text-align: right;/);
    expect(css).toMatch(/@page :left {\s*@bottom-left {\s*content: '— ' counter\(page\) ' —';[^}]*text-align: left;/);
    expect(css).not.toContain('@bottom-center');
    // Rows are not split (their cells are kept whole); a long table is not kept whole.
    expect(css).toMatch(/tr > td, \.nb-report tr > th:not\(\[rowspan\]\) { break-inside: avoid;/);
    expect(css).not.toMatch(/\.nb-table-wrap {[^}]*break-inside: avoid/);
    expect(css).toContain("font-size: 16pt;");
    expect(css).toContain("font-size: 22pt;");
    expect(css).toContain("'Noto Serif CJK SC'");
    expect(css).toContain("'Noto Sans CJK SC'");
  });
});

describe('the report body', () => {
  const doc = parseHtml(renderReportHtml(seed()));

  it('has the preamble and the six sections with their official headings, in order', () => {
    expect(text(doc.querySelector('.nb-preamble p'))).toBe(fixtureJson.narrative && (fixtureJson.narrative as { preamble: string }).preamble);
    const headings = Array.from(doc.querySelectorAll('section > h2')).map(text);
    expect(headings).toEqual(SECTIONS.map((s) => s.heading.zh));
    expect(headings[0]).toBe('一、总体情况');
    // The seed's preamble states its contact, so it is not printed twice.
    expect(doc.querySelector('.nb-contact')).toBeNull();
  });

  it('numbers the titled parts （一）（二）… from their order; an untitled part is a plain paragraph', () => {
    const overview = doc.querySelector('section[data-section="overview"]')!;
    expect(Array.from(overview.querySelectorAll('h3')).map(text)).toEqual([
      '（一）主动公开情况',
      '（二）依申请公开情况',
      '（三）政府信息管理情况',
      '（四）政府信息公开平台建设情况',
      '（五）监督保障情况',
    ]);
    // The untitled opening paragraph comes first, before （一）.
    expect(overview.children[1]!.tagName).toBe('P');
    expect(text(overview.children[1])).toMatch(/^2022年，我办在自治区政务公开办/);

    const problems = doc.querySelector('section[data-section="problems"]')!;
    expect(problems.querySelectorAll('h3')).toHaveLength(0);
    // One part of two lines prints as two paragraphs.
    const paras = Array.from(problems.querySelectorAll('p')).map(text);
    expect(paras).toHaveLength(2);
    expect(paras[1]).toMatch(/^2023年将着重从以下几方面加以改进/);

    const other = doc.querySelector('section[data-section="other"]')!;
    expect(Array.from(other.querySelectorAll('h3')).map(text)).toEqual([
      '（一）2022 年政务公开工作要点落实情况',
      '（二）信息处理费收取情况',
    ]);
  });

  it('does not double a number the clerk typed into a part title', () => {
    const report = seed();
    report.narrative.other = [
      { title: '（一）信息处理费收取情况', text: 'a' },
      { title: '(二) 创新情况', text: 'b' },
    ];
    const other = parseHtml(renderReport(report).body).querySelector('section[data-section="other"]')!;
    expect(Array.from(other.querySelectorAll('h3')).map(text)).toEqual(['（一）信息处理费收取情况', '（二）创新情况']);
  });
});

describe('section 二: the four small tables', () => {
  const doc = parseHtml(renderReportHtml(seed()));
  const groups = Array.from(doc.querySelectorAll<HTMLTableSectionElement>('section[data-section="proactive"] table tbody'));

  it('has one block per table of the format, each with its caption, header and rows', () => {
    expect(groups.map((g) => g.dataset.table)).toEqual(PROACTIVE_TABLES.map((t) => t.id));
    expect(texts(grid(groups[0]!.rows))).toEqual([
      ['第二十条第（一）项', '第二十条第（一）项', '第二十条第（一）项', '第二十条第（一）项'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '0', '0', '4'],
    ]);
    expect(texts(grid(groups[1]!.rows))).toEqual([
      ['第二十条第（五）项', '第二十条第（五）项', '第二十条第（五）项', '第二十条第（五）项'],
      ['信息内容', '本年处理决定数量', '本年处理决定数量', '本年处理决定数量'],
      ['行政许可', '0', '0', '0'],
    ]);
    expect(texts(grid(groups[2]!.rows)).slice(1)).toEqual([
      ['信息内容', '本年处理决定数量', '本年处理决定数量', '本年处理决定数量'],
      ['行政处罚', '0', '0', '0'],
      ['行政强制', '0', '0', '0'],
    ]);
    expect(texts(grid(groups[3]!.rows)).slice(1)).toEqual([
      ['信息内容', '本年收费金额（单位：万元）', '本年收费金额（单位：万元）', '本年收费金额（单位：万元）'],
      ['行政事业性收费', '0', '0', '0'],
    ]);
  });

  it('puts each number in its own cell; amounts keep their decimals', () => {
    let report = setCell(seed(), 'proactive.regulations.issued', 3);
    report = setCell(report, 'proactive.punishment', 12);
    report = setCell(report, 'proactive.fees', 1.2345);
    const d = parseHtml(renderReport(report).body);
    const cell = (id: string) => text(d.querySelector(`td[data-cell="${id}"]`));
    expect(cell('proactive.regulations.issued')).toBe('3');
    expect(cell('proactive.regulations.repealed')).toBe('0');
    expect(cell('proactive.punishment')).toBe('12');
    expect(cell('proactive.enforcement')).toBe('0');
    expect(cell('proactive.fees')).toBe('1.2345');
  });
});

describe('section 三: the big table', () => {
  const doc = parseHtml(renderReportHtml(seed()));
  const table = doc.querySelector<HTMLTableElement>('section[data-section="applications"] table')!;
  const note = APPLICATIONS_HEADER.note.zh;

  it('has the three-row header of the template', () => {
    const head = texts(grid(table.tHead!.rows));
    expect(head).toEqual([
      [note, note, note, '申请人情况', '申请人情况', '申请人情况', '申请人情况', '申请人情况', '申请人情况', '申请人情况'],
      [note, note, note, '自然人', '法人或其他组织', '法人或其他组织', '法人或其他组织', '法人或其他组织', '法人或其他组织', '总计'],
      [note, note, note, '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
    ]);
    const noteCell = table.tHead!.rows[0]!.cells[0]!;
    expect([noteCell.rowSpan, noteCell.colSpan]).toEqual([3, 3]);
    const [natural, organisations, total] = Array.from(table.tHead!.rows[1]!.cells);
    expect([natural!.rowSpan, organisations!.colSpan, total!.rowSpan]).toEqual([2, 5, 2]);
    expect(APPLICANT_COLUMNS.map((c) => c.label.zh).slice(1)).toEqual(head[2]!.slice(4, 9));
  });

  it('has the rows of the template with their groups spanning their rows', () => {
    const body = grid(table.tBodies[0]!.rows);
    expect(body).toHaveLength(APPLICATIONS_ROWS.length);
    const labels = texts(body).map((row) => row.slice(0, 3));
    const results = '三、本年度办理结果';
    expect(labels[0]).toEqual(Array(3).fill('一、本年新收政府信息公开申请数量'));
    expect(labels[1]).toEqual(Array(3).fill('二、上年结转政府信息公开申请数量'));
    expect(labels[2]).toEqual([results, '（一）予以公开', '（一）予以公开']);
    expect(labels[3]).toEqual([results, APPLICATIONS_ROWS[3]!.label.zh, APPLICATIONS_ROWS[3]!.label.zh]);
    expect(labels[4]).toEqual([results, '（三）不予公开', '1.属于国家秘密']);
    expect(labels[11]).toEqual([results, '（三）不予公开', '8.属于行政查询事项']);
    expect(labels[12]).toEqual([results, '（四）无法提供', '1.本机关不掌握相关政府信息']);
    expect(labels[15]).toEqual([results, '（五）不予处理', '1.信访举报投诉类申请']);
    expect(labels[20]).toEqual([results, '（六）其他处理', APPLICATIONS_ROWS[20]!.label.zh]);
    expect(labels[22]).toEqual([results, '（六）其他处理', '3.其他']);
    expect(labels[23]).toEqual([results, '（七）总计', '（七）总计']);
    expect(labels[24]).toEqual(Array(3).fill('四、结转下年度继续办理'));
    // The last label column holds each row's own label, exactly as in the format.
    expect(labels.map((l) => l[2])).toEqual(APPLICATIONS_ROWS.map((r) => r.label.zh));

    const spans = Array.from(table.tBodies[0]!.querySelectorAll('th[rowspan]')).map((c) => [text(c), c.getAttribute('rowspan')]);
    expect(spans).toEqual([
      [results, '22'],
      ['（三）不予公开', '8'],
      ['（四）无法提供', '3'],
      ['（五）不予处理', '5'],
      ['（六）其他处理', '3'],
    ]);
  });

  it('prints every number of the seed in its cell, and the computed totals', () => {
    const body = texts(grid(table.tBodies[0]!.rows));
    const columns = APPLICANT_COLUMNS.map((c) => c.id);
    const stored = (rowId: string, col: string) => getPath(fixtureJson, `applications.${rowId}.${col}`) as number;
    APPLICATIONS_ROWS.forEach((row, r) => {
      const values = body[r]!.slice(3);
      if (row.id === 'resultsTotal') return;
      const entered = columns.map((c) => stored(row.id, c));
      expect(values, row.id).toEqual([...entered, entered.reduce((a, b) => a + b, 0)].map(String));
    });
    // The seed's published figures: 24 received, 3 + 2 + 19 results, 24 in （七）总计.
    expect(body[0]!.slice(3)).toEqual(['24', '0', '0', '0', '0', '0', '24']);
    expect(body[12]!.slice(3)).toEqual(['19', '0', '0', '0', '0', '0', '19']);
    expect(body[23]!.slice(3)).toEqual(['24', '0', '0', '0', '0', '0', '24']);
    expect(table.querySelector('td[data-cell="applications.resultsTotal.total"]')!.classList.contains('nb-computed')).toBe(true);
  });

  it('recomputes totals from the entered cells', () => {
    let report = setCell(seed(), 'applications.granted.commercial', 5);
    report = setCell(report, 'applications.otherHandling.other.legalService', 2);
    const d = parseHtml(renderReport(report).body);
    const cell = (id: string) => text(d.querySelector(`td[data-cell="${id}"]`));
    expect(cell('applications.granted.total')).toBe('8');
    expect(cell('applications.resultsTotal.commercial')).toBe('5');
    expect(cell('applications.resultsTotal.legalService')).toBe('2');
    expect(cell('applications.resultsTotal.total')).toBe('31');
  });

  it('prints a cell not filled as empty, never as 0', () => {
    const empty = parseHtml(renderReport(emptyReport({ agency: '某局', year: 2024 })).body);
    const values = Array.from(empty.querySelectorAll('td[data-cell]')).map(text);
    expect(values).toHaveLength(CELLS.length);
    expect(values.every((v) => v === '')).toBe(true);

    const one = parseHtml(renderReport(setCell(emptyReport(), 'applications.newReceived.research', 0)).body);
    const cell = (id: string) => text(one.querySelector(`td[data-cell="${id}"]`));
    expect(cell('applications.newReceived.research')).toBe('0');
    expect(cell('applications.newReceived.naturalPerson')).toBe('');
    expect(cell('applications.newReceived.total')).toBe('0');
    expect(cell('applications.carriedOver.total')).toBe('');
  });
});

describe('section 四', () => {
  it('has 行政复议 over its five and 行政诉讼 over 未经复议直接起诉 and 复议后起诉', () => {
    let report = setCell(seed(), 'appeals.review.upheld', 2);
    report = setCell(report, 'appeals.review.corrected', 1);
    report = setCell(report, 'appeals.litigationAfterReview.pending', 4);
    const doc = parseHtml(renderReport(report).body);
    const table = doc.querySelector<HTMLTableElement>('section[data-section="appeals"] table')!;
    const outcomes = [...APPEAL_OUTCOMES.map((o) => o.label.zh), '总计'];
    expect(texts(grid(table.tHead!.rows))).toEqual([
      [...Array(5).fill('行政复议'), ...Array(10).fill('行政诉讼')],
      [...outcomes, ...Array(5).fill('未经复议直接起诉'), ...Array(5).fill('复议后起诉')],
      [...outcomes, ...outcomes, ...outcomes],
    ]);
    expect(texts(grid(table.tBodies[0]!.rows))).toEqual([
      ['2', '1', '0', '0', '3', '0', '0', '0', '0', '0', '0', '0', '0', '4', '4'],
    ]);
  });
});

describe('escaping', () => {
  const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"></table></td>&amp;"\'';
  const report = seed();
  report.meta.agency = `某局${hostile}`;
  report.meta.contact = `电话${hostile}`;
  report.narrative.preamble = `前言${hostile}`;
  report.narrative.overview[1] = { title: `标题${hostile}`, text: `正文${hostile}\n第二段</p></section>` };
  report.narrative.other.push({ title: '', text: hostile });
  const html = renderReportHtml(report, { paperCopyBlock: true });
  const doc = parseHtml(html);

  it('shows user text as text and breaks nothing', () => {
    expect(doc.querySelectorAll('script, img')).toHaveLength(0);
    expect(html).not.toMatch(/<script|<img|onerror="/i);
    expect(doc.querySelectorAll('table')).toHaveLength(3);
    expect(doc.querySelectorAll('section.nb-section')).toHaveLength(6);
    expect(text(doc.querySelector('h1'))).toBe(`某局${hostile}2022年政府信息公开工作年度报告`);
    expect(doc.title).toBe(`某局${hostile}2022年政府信息公开工作年度报告`);
    expect(text(doc.querySelector('.nb-preamble p'))).toBe(`前言${hostile}`);
    expect(text(doc.querySelector('.nb-contact'))).toBe(`联系方式：电话${hostile}`);
    const overview = doc.querySelector('section[data-section="overview"]')!;
    expect(text(overview.querySelector('h3'))).toBe(`（一）标题${hostile}`);
    expect(Array.from(overview.querySelectorAll('p')).map(text)).toContain('第二段</p></section>');
    expect(text(doc.querySelector('.nb-seal'))).toContain(`某局${hostile}`);
    // The tables after the hostile narrative are whole.
    expect(doc.querySelectorAll('section[data-section="applications"] tbody tr')).toHaveLength(APPLICATIONS_ROWS.length);
    expect(doc.querySelectorAll('td[data-cell]')).toHaveLength(CELLS.length);
  });
});

describe('draft mark and paper copy', () => {
  it('marks a report that is not ready as a draft, and only then', () => {
    const ready = seed();
    expect(ready.status).toBe('ready');
    const readyHtml = renderReportHtml(ready);
    expect(readyHtml).not.toContain(PRINT_TEXT.draftMark);
    expect(parseHtml(readyHtml).querySelector('.nb-draft-mark, .nb-draft-note')).toBeNull();

    const draft = parseHtml(renderReportHtml({ ...ready, status: 'draft' }));
    // Drawn from data-mark by CSS (decoration: no text node for a contrast check to read).
    expect(draft.querySelector('.nb-draft-mark')?.getAttribute('data-mark')).toBe('草稿');
    expect(text(draft.querySelector('.nb-draft-mark'))).toBe('');
    expect(text(draft.querySelector('.nb-draft-note'))).toContain('草稿');
    expect(draft.querySelector('article')!.dataset.status).toBe('draft');
  });

  it('adds the paper-copy block only when asked', () => {
    expect(parseHtml(renderReportHtml(seed())).querySelector('.nb-paper-copy')).toBeNull();
    const block = parseHtml(renderReportHtml(seed(), { paperCopyBlock: true })).querySelector('.nb-paper-copy');
    expect(text(block)).toContain('单位负责人签字');
    expect(text(block)).toContain('平罗县人民政府办公室（盖章）');
    expect(text(block)).toMatch(/年\s*月\s*日$/);
  });
});

describe('the 汇总 note', () => {
  type Info = NonNullable<Report['aggregate']>;
  const approved = (agency: string) => ({ agency, status: 'approved' as const });
  it.each<[string, Info | null, string | null]>([
    ['a unit’s own report', null, null],
    [
      'two approved units',
      { units: [approved('甲局'), approved('乙镇')], missing: [], notApproved: [] },
      '（汇总说明：本报告为 2 个单位政府信息公开工作年度报告的汇总，表中数字为以下单位逐项相加之和：甲局、乙镇。）',
    ],
    [
      'one summed though not approved, one not approved left out, one missing',
      { units: [approved('甲局'), { agency: '乙镇', status: 'submitted' }], missing: ['丁乡'], notApproved: ['乙镇', '丙街道'] },
      '（汇总说明：本报告为 2 个单位政府信息公开工作年度报告的汇总，表中数字为以下单位逐项相加之和：甲局、乙镇；其中尚未审核通过的 1 个：乙镇；未审核通过、未计入的 1 个：丙街道；未报送本年度报告、未计入的 1 个：丁乡。）',
    ],
    ['no unit summed', { units: [], missing: ['丁乡'], notApproved: [] }, '（汇总说明：本报告为汇总报告，未计入任何单位的年度报告；未报送本年度报告、未计入的 1 个：丁乡。）'],
  ])('%s', (_, aggregate, said) => {
    const report: Report = { ...seed(), aggregate };
    expect(aggregateNote(report)).toBe(said);
    const note = parseHtml(renderReportHtml(report)).querySelector('.nb-aggregate-note');
    expect(note ? text(note) : null).toBe(said);
    // Under the title, before the preamble.
    if (note) expect(note.previousElementSibling?.className).toBe('nb-title');
  });

  it('prints the units’ names as text', () => {
    const report: Report = { ...seed(), aggregate: { units: [approved('<img src=x onerror=alert(1)>局')], missing: [], notApproved: [] } };
    const doc = parseHtml(renderReportHtml(report));
    expect(doc.querySelector('img')).toBeNull();
    expect(text(doc.querySelector('.nb-aggregate-note'))).toContain('<img src=x onerror=alert(1)>局');
  });
});

describe('renderReport', () => {
  it('gives the body fragment and its CSS apart, for the app', () => {
    const { title, css, body } = renderReport(seed());
    expect(title).toBe('平罗县人民政府办公室2022年政府信息公开工作年度报告');
    expect(body.startsWith('<article class="nb-report"')).toBe(true);
    expect(body.endsWith('</article>')).toBe(true);
    expect(body).not.toContain('<html');
    expect(css).toContain('@page');
    // Everything but @page and the local font alias is scoped to the report.
    const selectors = css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@page[^{]*{(?:[^{}]*{[^}]*})*[^{}]*}/g, '')
      .replace(/@font-face\s*{[^}]*}/, '')
      .replace(/@media [^{]+{/g, '')
      .match(/(^|})\s*([^{}@]+){/g)!
      .map((s) => s.replace(/^}?\s*/, '').replace(/{$/, '').trim());
    for (const selector of selectors) {
      for (const part of selector.split(',')) expect(part.trim(), selector).toMatch(/^\.nb-report/);
    }
  });
});
