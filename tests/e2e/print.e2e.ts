/**
 * The printable HTML printed by Chromium to A4 PDF: page count, page numbers, draft mark, no
 * table row split over two pages, no request to anywhere, hostile text inert. The pages are kept
 * as PNG in test-results/print/ to be compared with the official template by eye (`npm run
 * screenshots` copies them to docs/print/).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PrintView } from '../../src/features/print/index.ts';
import { initI18n } from '../../src/i18n/index.ts';
import { APPLICANT_COLUMN_IDS, APPLICATIONS_ROWS, PROACTIVE_ROWS, decodeText, setCell, type Report } from '../../src/report/index.ts';
import { REPORT_CSS, renderReportHtml } from '../../src/report/render/index.ts';
import { launch, screenshotPath, watch } from './browser.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pagesDir = join(root, 'test-results/print');
const work = mkdtempSync(join(tmpdir(), 'nianbao-print-'));

function seed(): Report {
  const decoded = decodeText(readFileSync(join(root, 'tests/fixtures/pingluo-2022.json'), 'utf8'));
  if (!decoded.ok) throw new Error('seed fixture does not decode');
  return decoded.report;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Printed {
  pdf: string;
  pages: number;
  /** Text of each page in content-stream order (a table cell's lines stay together). */
  pageTexts: string[];
  /** Every URL the page asked for while loading and printing. */
  requests: string[];
  errors: string[];
}

/** Loads HTML as the printable file would be opened, prints it to A4 PDF, reads it back. */
async function print(html: string, name: string, setUp?: (page: Page) => Promise<void>): Promise<Printed> {
  const page = await browser.newPage();
  const watched = watch(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await setUp?.(page);
  await page.setContent(html, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  const pdf = join(work, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  await page.close();
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const pageTexts = Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }),
  );
  return { pdf, pages, pageTexts, requests, errors: watched.errors };
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Labels that do not appear whole on any single page: their row was split by a page break. */
function splitLabels(printed: Printed, labels: readonly string[]): string[] {
  const pages = printed.pageTexts.map(squash);
  return labels.filter((label) => !pages.some((page) => page.includes(squash(label))));
}

describe('the seed report printed to A4', () => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await print(renderReportHtml(seed()), 'seed');
  });

  test('prints on A4 pages without asking for anything from anywhere', () => {
    const info = execFileSync('pdfinfo', [printed.pdf], { encoding: 'utf8' });
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    // A4 is 595.28 × 841.89 pt.
    expect(Math.abs(Number(w) - 595.28)).toBeLessThan(1);
    expect(Math.abs(Number(h) - 841.89)).toBeLessThan(1);
    expect(printed.requests.filter((u) => !/^(about:|data:)/.test(u))).toEqual([]);
    expect(printed.errors).toEqual([]);
  });

  test('has the expected number of pages, each numbered “— n —” in the foot, odd pages right, even pages left', () => {
    // Measured with the Noto CJK fonts of this machine: the narrative takes pages 1–3, 二 and the
    // start of 三 page 4, the rest of 三, 四 and the start of 五 page 5, the rest pages 6–7.
    expect(printed.pages).toBe(7);
    printed.pageTexts.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`));
    });
    // GB/T 9704 §7.5: 单页码居右、双页码居左. The number's word box, in the foot (below the text block).
    const bbox = execFileSync('pdftotext', ['-bbox', printed.pdf, '-'], { encoding: 'utf8' });
    const pages = bbox.split('<page ').slice(1);
    expect(pages).toHaveLength(printed.pages);
    pages.forEach((page, i) => {
      const words = Array.from(page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g));
      const number = words.find((w) => w[4] === String(i + 1) && Number(w[2]) > 745)!;
      expect(number, `page ${i + 1}`).toBeDefined();
      const centre = (Number(number[1]) + Number(number[3])) / 2;
      // A4 is 595 pt wide; the text block runs from 28 mm (79 pt) to 184 mm (522 pt).
      if ((i + 1) % 2 === 1) expect(centre, `page ${i + 1}`).toBeGreaterThan(460);
      else expect(centre, `page ${i + 1}`).toBeLessThan(135);
    });
  });

  test('splits no table row over two pages; 三 starts under its heading and repeats its header rows', () => {
    const labels = [...APPLICATIONS_ROWS.map((r) => r.label.zh), ...PROACTIVE_ROWS.map((r) => r.label.zh)];
    expect(splitLabels(printed, labels)).toEqual([]);
    // 三 does not fit in what is left of page 4: it starts there (no page left two-thirds blank)
    // and goes on on page 5 with its header rows again.
    const withTable = printed.pageTexts.map(squash).filter((t) => t.includes('申请人情况'));
    expect(withTable).toHaveLength(2);
    expect(withTable[0]).toContain('二、主动公开政府信息情况');
    expect(withTable[0]).toContain('三、收到和处理政府信息公开申请情况');
    expect(withTable[0]).toContain('一、本年新收政府信息公开申请数量');
    expect(withTable[1]).toContain('法人或其他组织');
    expect(withTable[1]).toContain('四、结转下年度继续办理');
  });

  test('finds the title font (小标宋 or its bold serif stand-in) among the local fonts', async () => {
    // Chromium embeds CJK fonts nameless (Type 3), so ask the page: the title's alias is made of
    // local() sources only, and loads only if one of them is installed.
    const page = await browser.newPage();
    await page.setContent(renderReportHtml(seed()), { waitUntil: 'load' });
    const status = await page.evaluate(async () => {
      await document.fonts.load("22pt 'nianbao 小标宋'", '年');
      return Array.from(document.fonts).map((f) => `${f.family}:${f.status}`);
    });
    expect(status).toEqual(['nianbao 小标宋:loaded']);
    await page.close();
  });

  test('keeps the pages as PNG in test-results/print/', () => {
    mkdirSync(pagesDir, { recursive: true });
    for (const f of readdirSync(pagesDir)) if (/^pingluo-2022-.*\.png$/.test(f)) rmSync(join(pagesDir, f));
    execFileSync('pdftoppm', ['-r', '80', '-png', printed.pdf, join(pagesDir, 'pingluo-2022')]);
    const pngs = readdirSync(pagesDir).filter((f) => /^pingluo-2022-\d+\.png$/.test(f));
    expect(pngs).toHaveLength(printed.pages);
  });
});

describe('large figures', () => {
  test('a five-digit count stays on one line in its cell of 三', async () => {
    let report = seed();
    for (const row of APPLICATIONS_ROWS.filter((r) => !r.computed)) {
      for (const col of APPLICANT_COLUMN_IDS) report = setCell(report, `applications.${row.id}.${col}`, 99999);
    }
    const printed = await print(renderReportHtml(report), 'large');
    // Word boxes, not text lines: full cells sit so close that a text line runs them together.
    const bbox = execFileSync('pdftotext', ['-bbox', printed.pdf, '-'], { encoding: 'utf8' });
    const tokens = Array.from(bbox.matchAll(/<word [^>]*>([^<]*)<\/word>/g), (m) => m[1]);
    expect(tokens.filter((t) => t === '99999')).toHaveLength((APPLICATIONS_ROWS.length - 1) * APPLICANT_COLUMN_IDS.length);
  });
});

describe('a draft', () => {
  test('carries the 草稿 mark on every page, and the paper-copy block at the end', async () => {
    const printed = await print(renderReportHtml({ ...seed(), status: 'draft' }, { paperCopyBlock: true }), 'draft');
    printed.pageTexts.forEach((text, i) => expect(text, `page ${i + 1}`).toContain('草稿'));
    const last = squash(printed.pageTexts.at(-1)!);
    expect(last).toContain('单位负责人签字');
    expect(last).toContain('平罗县人民政府办公室（盖章）');
    mkdirSync(pagesDir, { recursive: true });
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', printed.pdf, join(pagesDir, 'pingluo-2022-draft-first')]);
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', String(printed.pages), '-l', String(printed.pages), '-singlefile', printed.pdf, join(pagesDir, 'pingluo-2022-draft-last')]);
  });

  test('a ready report has no draft mark', async () => {
    const printed = await print(renderReportHtml(seed()), 'ready');
    expect(printed.pageTexts.join('')).not.toContain('草稿');
  });
});

describe('the row check itself', () => {
  // A table of tall rows of uneven height (long labels in a narrow column) is bound to cross page
  // breaks: with rows allowed to split, the check must see splits; with the report's CSS, none.
  const labels = Array.from({ length: 36 }, (_, i) => `第${i + 1}行${'甲乙丙丁戊己庚辛壬癸'.repeat(2 + (i % 5))}`);
  const table = (extraCss: string) =>
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title><style>${REPORT_CSS}${extraCss}</style></head>` +
    `<body><article class="nb-report"><table class="nb-applications"><colgroup><col style="width:30%"><col></colgroup><tbody>` +
    labels.map((l, i) => `<tr><th scope="row">${l}</th><td>${i}</td></tr>`).join('') +
    '</tbody></table></article></body></html>';

  test('finds split rows when rows may split, and none with the report CSS', async () => {
    const loose = await print(table('.nb-report tr, .nb-report tr > * { break-inside: auto !important; page-break-inside: auto !important; }'), 'loose');
    expect(loose.pages).toBeGreaterThan(2);
    expect(splitLabels(loose, labels).length).toBeGreaterThan(0);
    const kept = await print(table(''), 'kept');
    expect(kept.pages).toBeGreaterThan(2);
    expect(splitLabels(kept, labels)).toEqual([]);
  });
});

describe('hostile text', () => {
  test('shows as text; no script runs, no image loads, the tables stay whole', async () => {
    const hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"></table></td></tr>';
    const report = seed();
    report.meta.agency = `某局${hostile}`;
    report.narrative.preamble = `前言${hostile}`;
    report.narrative.overview[1] = { title: `标题${hostile}`, text: `正文${hostile}` };
    report.narrative.problems = [{ title: '', text: hostile }];
    const page = await browser.newPage();
    const watched = watch(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(renderReportHtml(report), { waitUntil: 'load' });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script, img').count()).toBe(0);
    expect(await page.locator('table').count()).toBe(3);
    expect(await page.locator('section[data-section="applications"] tbody tr').count()).toBe(APPLICATIONS_ROWS.length);
    expect(await page.locator('section[data-section="appeals"] tbody td').count()).toBe(15);
    await expect.poll(() => page.locator('section[data-section="problems"] p').first().textContent()).toBe(hostile);
    expect(await page.locator('h1').textContent()).toContain('<script>window.__pwned = 1</script>');
    expect(requests.filter((u) => !/^(about:|data:)/.test(u))).toEqual([]);
    expect(watched.errors).toEqual([]);
    await page.close();
  });
});

describe('the title as printed: broken where the meaning allows (GB/T 9704 §7.3.1)', () => {
  // Chromium left alone fills the line: “平罗县人民政府办公室2022年政府信息公开 / 工作年度报告”,
  // “平罗县人民政府2022年政府信息公开工作年 / 度报告”. The printed lines are titleLines' lines.
  test.each([
    ['the seed (a 县 office)', '平罗县人民政府办公室', ['平罗县人民政府办公室', '2022年政府信息公开工作年度报告']],
    ['a 汇总 of the county', '平罗县人民政府', ['平罗县人民政府', '2022年政府信息公开工作年度报告']],
    ['a name longer than a line', '宁夏回族自治区石嘴山市平罗县市场监督管理局', ['宁夏回族自治区石嘴山市', '平罗县市场监督管理局', '2022年政府信息公开工作年度报告']],
    ['a name of one full line', '海西蒙古族藏族自治州人力资源和社会保障局', ['海西蒙古族藏族自治州人力资源和社会保障局', '2022年政府信息公开工作年度报告']],
  ])('%s', async (_, agency, lines) => {
    const report = seed();
    report.meta.agency = agency;
    const name = `title-${lines.length}-${agency.length}`;
    const printed = await print(renderReportHtml(report), name);
    // Page 1's lines in content order, its page number (drawn first) left out.
    const pageLines = printed.pageTexts[0]!.split('\n').filter((line) => !/^—\s*\d+\s*—$/.test(line));
    expect(pageLines.slice(0, lines.length)).toEqual(lines);
    mkdirSync(pagesDir, { recursive: true });
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', printed.pdf, join(pagesDir, name)]);
  });
});

describe('the print view inside the app', () => {
  // The app's print is the print view under the app's own CSS (ui/base.css hides the header and
  // the toolbar in print): it must give the same pages as the printable file.
  const appPage = (report: Report) => {
    initI18n('zh-CN');
    const css = ['src/ui/base.css', 'src/features/print/print.css'].map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
    const view = renderToStaticMarkup(createElement(PrintView, { report }));
    return (
      `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>年报</title><style>${css}</style></head><body>` +
      '<div id="root"><a class="skip-link" href="#main">跳到正文</a>' +
      '<header class="app-header"><a class="brand" href="#/">年报<small>政府信息公开工作年度报告</small></a><nav><a href="#/">我的年报</a></nav></header>' +
      `<main id="main" class="app-main" tabindex="-1">${view}</main></div></body></html>`
    );
  };

  test('prints the same pages as the printable file, without the app around it', async () => {
    const report = { ...seed(), status: 'draft' as const };
    const inApp = await print(appPage(report), 'in-app');
    const file = await print(renderReportHtml(report), 'file');
    expect(inApp.errors).toEqual([]);
    expect(inApp.pages).toBe(file.pages);
    expect(inApp.pageTexts.map(squash)).toEqual(file.pageTexts.map(squash));
    expect(inApp.pageTexts.join('')).not.toContain('下载可打印的');
  });

  test('shows A4 sheets on a grey desk on screen (screenshot in test-results/screenshots/)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(appPage({ ...seed(), status: 'draft' }), { waitUntil: 'load' });
    const sheet = await page.locator('article.nb-report').boundingBox();
    // 210 mm at 96 px per inch.
    expect(Math.round(sheet!.width)).toBe(Math.round((210 / 25.4) * 96));
    await page.screenshot({ path: screenshotPath('print-view.png') });
    await page.close();
  });
});
