// @vitest-environment jsdom
/**
 * The Word file's structure, read back from the package (the XML Word and WPS read): page set-up,
 * fonts and their fallbacks, the styles of title, body and headings, odd/even page numbers, the
 * draft's marks, and the three tables with the template's merges, repeated header rows and every
 * value as the layout shows it.
 */
import { describe, expect, test } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { convertMillimetersToTwip } from 'docx';
import { REPORT_LAYOUT, shownValue, type TableLayout } from '../layout.ts';
import { decodeText, setCell, type Report } from '../index.ts';
import { BODY_LINE_PT, DOCX_FONTS, DOCX_SIZES, renderReportDocx } from './docx.ts';
import fixtureText from '../../../tests/fixtures/pingluo-2022.json?raw';

function seed(): Report {
  const decoded = decodeText(fixtureText);
  if (!decoded.ok) throw new Error('the seed fixture does not decode');
  return decoded.report;
}
function edited(report: Report, change: (draft: Report) => void): Report {
  const copy = structuredClone(report);
  change(copy);
  return copy;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const SEED = seed();

interface Package {
  files: Record<string, string>;
  xml: (path: string) => Document;
}

async function pack(report: Report, options: { paperCopyBlock?: boolean } = {}): Promise<Package> {
  const bytes = await renderReportDocx(report, options);
  // A .docx is a zip (PK…) that holds the parts Word needs.
  expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
  const files = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
  return {
    files,
    xml: (path) => {
      const doc = new DOMParser().parseFromString(files[path]!, 'application/xml');
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
      return doc;
    },
  };
}

const all = (node: Document | Element, name: string) => Array.from(node.getElementsByTagNameNS(W, name));
const first = (node: Document | Element, name: string) => all(node, name)[0];
const attr = (el: Element | undefined, name: string) => el?.getAttributeNS(W, name) ?? el?.getAttribute(`w:${name}`) ?? null;
const textOf = (el: Element) => all(el, 't').map((t) => t.textContent).join('');
const style = (doc: Document, id: string) => all(doc, 'style').find((s) => attr(s, 'styleId') === id);

describe('the Word file of the seed', async () => {
  const docx = await pack(SEED);
  const document = docx.xml('word/document.xml');
  const styles = docx.xml('word/styles.xml');

  test('A4 portrait, margins 37 / 35 / 28 / 26 mm (GB/T 9704)', () => {
    const size = first(document, 'pgSz')!;
    expect([attr(size, 'w'), attr(size, 'h')]).toEqual([String(convertMillimetersToTwip(210)), String(convertMillimetersToTwip(297))]);
    const margin = first(document, 'pgMar')!;
    expect(['top', 'bottom', 'left', 'right'].map((side) => attr(margin, side))).toEqual([37, 35, 28, 26].map((mm) => String(convertMillimetersToTwip(mm))));
  });

  test('the fonts carry their Windows alternates and the GB2312 character set', () => {
    const fonts = all(docx.xml('word/fontTable.xml'), 'font').map((f) => [attr(f, 'name'), attr(first(f, 'altName'), 'val'), attr(first(f, 'charset'), 'val')]);
    expect(fonts).toEqual(Object.values(DOCX_FONTS).map((f) => [f.name, f.alt, '86']));
    expect(fonts.map((f) => f[0])).toEqual(['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312', '宋体']);
  });

  test('body 仿宋_GB2312 三号 at exactly 28 pt with a two-character indent; headings 黑体 and 楷体_GB2312; title 方正小标宋简体 二号 centred', () => {
    const defaults = first(styles, 'docDefaults')!;
    expect(attr(first(defaults, 'rFonts'), 'eastAsia')).toBe('仿宋_GB2312');
    expect(attr(first(defaults, 'sz'), 'val')).toBe(String(DOCX_SIZES.body * 2));
    expect([attr(first(defaults, 'spacing'), 'line'), attr(first(defaults, 'spacing'), 'lineRule')]).toEqual([String(BODY_LINE_PT * 20), 'exact']);
    expect(attr(first(defaults, 'ind'), 'firstLine')).toBe(String(2 * 16 * 20));
    expect(attr(first(style(styles, 'Heading1')!, 'rFonts'), 'eastAsia')).toBe('黑体');
    expect(attr(first(style(styles, 'Heading2')!, 'rFonts'), 'eastAsia')).toBe('楷体_GB2312');
    const title = style(styles, 'ReportTitle')!;
    expect(attr(first(title, 'rFonts'), 'eastAsia')).toBe('方正小标宋简体');
    expect(attr(first(title, 'sz'), 'val')).toBe('44');
    expect(attr(first(title, 'jc'), 'val')).toBe('center');
  });

  test('title, the six headings as Heading 1, the parts as Heading 2, in order', () => {
    const paragraphs = all(document, 'p').filter((p) => !p.closest('tbl'));
    const byStyle = (id: string) => paragraphs.filter((p) => attr(first(p, 'pStyle'), 'val') === id).map(textOf);
    expect(byStyle('ReportTitle')).toEqual(['平罗县人民政府办公室2022年政府信息公开工作年度报告']);
    // Broken between the agency and “2022年…年度报告” (title.ts), not where Word's line is full.
    const title = paragraphs.find((p) => attr(first(p, 'pStyle'), 'val') === 'ReportTitle')!;
    const lines = all(title, 'r').map((r) => ({ text: textOf(r), breaks: all(r, 'br').length }));
    expect(lines).toEqual([
      { text: '平罗县人民政府办公室', breaks: 0 },
      { text: '2022年政府信息公开工作年度报告', breaks: 1 },
    ]);
    expect(byStyle('Heading1')).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(byStyle('Heading2').slice(0, 2)).toEqual(['（一）主动公开情况', '（二）依申请公开情况']);
    // The narrative is all there, a paragraph per line of the clerk's text.
    const body = paragraphs.filter((p) => !attr(first(p, 'pStyle'), 'val')).map(textOf);
    for (const line of SEED.narrative.overview[1]!.text.split('\n').filter((l) => l.trim())) expect(body).toContain(line.trim());
  });

  test('page numbers “— n —” in 4号 宋体: odd pages right, even pages left, one character in', () => {
    expect(docx.files['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    const footers = Object.keys(docx.files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers).toHaveLength(2);
    const sides = footers.map((f) => {
      const footer = docx.xml(f);
      expect(docx.files[f]).toMatch(/PAGE/);
      expect(textOf(footer.documentElement).replace(/\s/g, '')).toBe('——');
      expect(attr(first(footer, 'sz'), 'val')).toBe('28');
      expect(attr(first(footer, 'rFonts'), 'eastAsia')).toBe('宋体');
      const ind = first(footer, 'ind');
      return `${attr(first(footer, 'jc'), 'val')}:${attr(ind, 'right') ?? attr(ind, 'left')}`;
    });
    expect(sides.sort()).toEqual(['left:280', 'right:280']);
    // default = odd pages, even = even pages.
    const refs = all(document, 'footerReference').map((r) => attr(r, 'type')).sort();
    expect(refs).toEqual(['default', 'even']);
  });

  test('a report that is 定稿 has no draft mark', () => {
    expect(Object.keys(docx.files).filter((f) => /header\d+\.xml$/.test(f))).toEqual([]);
    expect(JSON.stringify(docx.files)).not.toContain('草稿');
  });

  const tables = all(document, 'tbl');
  const layouts: TableLayout[] = [REPORT_LAYOUT.proactive, REPORT_LAYOUT.applications, REPORT_LAYOUT.appeals];

  test('three real tables, full width, fixed, bordered', () => {
    expect(tables).toHaveLength(3);
    for (const table of tables) {
      expect(attr(first(table, 'tblLayout'), 'type')).toBe('fixed');
      const borders = first(table, 'tblBorders')!;
      for (const side of ['top', 'bottom', 'left', 'right', 'insideH', 'insideV']) expect(attr(first(borders, side), 'val'), side).toBe('single');
    }
  });

  test.each(layouts.map((l, i) => [l.table, i] as const))('%s: the layout’s merges as gridSpan / vMerge, header rows repeated, no row split', (_name, i) => {
    const layout = layouts[i]!;
    const table = tables[i]!;
    const rows = all(table, 'tr');
    const layoutRows = [...layout.head, ...layout.bodies.flatMap((b) => b.rows)];
    expect(rows).toHaveLength(layoutRows.length);
    expect(all(table, 'gridCol')).toHaveLength(layout.width);
    rows.forEach((row, r) => {
      expect(first(row, 'cantSplit'), `row ${r}`).toBeDefined();
      const header = first(row, 'tblHeader');
      expect(header !== undefined && attr(header, 'val') !== 'off', `row ${r} repeated`).toBe(r < layout.head.length);
      // Each row covers the whole grid: its cells' spans, a merged-down cell counted once per row.
      const cells = all(row, 'tc').filter((tc) => tc.parentElement === row);
      const width = cells.reduce((a, tc) => a + Number(attr(first(tc, 'gridSpan'), 'val') ?? 1), 0);
      expect(width, `row ${r}`).toBe(layout.width);
    });
    // Every label merged down starts a vMerge, and the rows under it continue it.
    const spanned = layoutRows.flatMap((row) => row.cells.filter((c) => c.rowSpan > 1));
    const merges = all(table, 'vMerge').map((m) => attr(m, 'val') ?? 'continue');
    expect(merges.every((v) => v === 'restart' || v === 'continue')).toBe(true);
    expect(merges.filter((v) => v === 'restart')).toHaveLength(spanned.length);
    expect(merges.filter((v) => v === 'continue')).toHaveLength(spanned.reduce((a, c) => a + c.rowSpan - 1, 0));
    const gridSpans = layoutRows.flatMap((row) => row.cells.filter((c) => c.colSpan > 1).map((c) => c.colSpan));
    expect(all(table, 'gridSpan').map((g) => Number(attr(g, 'val')))).toEqual(expect.arrayContaining(gridSpans));
  });

  test('every label and value of 三 in the table, in reading order, computed totals filled', () => {
    const layout = REPORT_LAYOUT.applications;
    const expected = [...layout.head, ...layout.bodies.flatMap((b) => b.rows)].flatMap((row) =>
      row.cells.map((c) => (c.kind === 'label' ? c.label.zh : shownValue(SEED, c))),
    );
    // A cell merged down is written once (vMerge restart); the rows under it hold continuations.
    const cells = all(tables[1]!, 'tc').filter((tc) => (attr(first(tc, 'vMerge'), 'val') ?? 'restart') === 'restart').map(textOf);
    expect(cells).toEqual(expected);
    expect(expected).toContain('24');
  });
});

describe('other reports', () => {
  test('a draft: 草稿 watermark and header on every page (odd and even), the note first', async () => {
    const docx = await pack({ ...SEED, status: 'draft' });
    const headers = Object.keys(docx.files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    expect(headers).toHaveLength(2);
    for (const h of headers) {
      expect(docx.files[h]).toMatch(/<v:textpath[^>]*string="草稿"/);
      expect(textOf(docx.xml(h).documentElement)).toBe('草稿');
    }
    expect(all(docx.xml('word/document.xml'), 'headerReference').map((r) => attr(r, 'type')).sort()).toEqual(['default', 'even']);
    const firstParagraph = first(docx.xml('word/document.xml'), 'p')!;
    expect(textOf(firstParagraph)).toBe('草稿：本报告尚未定稿，仅供审核，不得印发或公开。');
  });

  test('a 汇总 says what it sums, as the first paragraph under the title', async () => {
    const aggregate = { units: [{ agency: '甲局', status: 'approved' as const }, { agency: '乙镇', status: 'approved' as const }], missing: [], notApproved: [] };
    const paragraphs = all((await pack({ ...SEED, aggregate })).xml('word/document.xml'), 'p').map((p) => textOf(p)).filter(Boolean);
    expect(paragraphs[1]).toBe('（汇总说明：本报告为 2 个单位政府信息公开工作年度报告的汇总，表中数字为以下单位逐项相加之和：甲局、乙镇。）');
    expect(paragraphs[0]).toContain('平罗县人民政府办公室2022年');
  });

  test('the paper-copy block when asked for', async () => {
    const text = textOf((await pack(SEED, { paperCopyBlock: true })).xml('word/document.xml').documentElement);
    expect(text).toContain('单位负责人签字：');
    expect(text).toContain('平罗县人民政府办公室（盖章）');
    expect(text).toContain('年　　月　　日');
    expect(textOf((await pack(SEED)).xml('word/document.xml').documentElement)).not.toContain('单位负责人签字');
  });

  test('user text is text: markup in the agency or the narrative stays characters', async () => {
    const hostile = '</w:t><w:r>&amp;<script>"\'';
    const report = edited(SEED, (r) => {
      r.meta.agency = `某局${hostile}`;
      r.narrative.problems = [{ title: hostile, text: hostile }];
    });
    const docx = await pack(report);
    const text = textOf(docx.xml('word/document.xml').documentElement);
    expect(text).toContain(`某局${hostile}2022年政府信息公开工作年度报告`);
    expect(text.split(hostile).length - 1).toBeGreaterThanOrEqual(3);
  });

  test('blank cells stay blank, and a total of blank cells is blank', async () => {
    let report = SEED;
    for (const col of ['naturalPerson', 'commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg']) report = setCell(report, `applications.carriedOver.${col}`, null);
    report = setCell(report, 'applications.granted.commercial', null);
    const table = all((await pack(report)).xml('word/document.xml'), 'tbl')[1]!;
    const row = (label: string) => all(table, 'tr').find((tr) => all(tr, 'tc').some((tc) => textOf(tc) === label))!;
    expect(all(row('二、上年结转政府信息公开申请数量'), 'tc').map(textOf)).toEqual(['二、上年结转政府信息公开申请数量', '', '', '', '', '', '', '']);
    const granted = all(row('（一）予以公开'), 'tc').map(textOf);
    expect(granted.slice(-7)).toEqual(['3', '', '0', '0', '0', '0', '3']);
  });
});
