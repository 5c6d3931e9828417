/**
 * The supervisor prints the area's 汇总 as a clerk prints a report: two unit files collected,
 * approved, 汇总所选, 打印汇总 opens the print view (the same A4 sheets, GB/T 9704 typography)
 * with the summed figures and the note saying what it sums; printed to PDF, only the report is
 * on the pages, and the PDF reads back through the importer as the sum (the note is not taken
 * for the report's text). Pictures in zh-CN and en go to test-results/screenshots/, the PDF to
 * test-results/print/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { ENTERED_CELLS, cellValue, decodeText, setCell, type Report } from '../../src/report/index.ts';
import { NODE_READ_OPTIONS } from '../../src/readers/node.ts';
import { readPublished } from '../../src/readers/read.ts';
import { baseUrl, launch, screenshotPath, watch } from './browser.ts';

const seedResult = decodeText(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8'));
if (!seedResult.ok) throw new Error('seed does not decode');
const seed = seedResult.report;

/** Two units of the county, with figures of their own (balanced: the extra applications were granted). */
function unit(agency: string, extra: number): Report {
  let r: Report = { ...seed, meta: { ...seed.meta, agency, agencyKind: 'department' }, review: { status: 'submitted', comments: [], history: [] } };
  r = setCell(r, 'applications.newReceived.naturalPerson', 24 + extra);
  r = setCell(r, 'applications.granted.naturalPerson', 3 + extra);
  r = setCell(r, 'proactive.licensing', 100 + extra);
  return r;
}
const units = [unit('平罗县教育局', 5), unit('平罗县水务局', 11)];
const sum = (id: string) => units.reduce((s, r) => s + (cellValue(r, id) ?? 0), 0);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('汇总所选 → 打印汇总: the print view of the sum, printed to PDF with only the report on its pages', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(`${baseUrl()}#/review`);
  await page.getByRole('heading', { level: 1, name: '审核工作台' }).waitFor();
  await page.getByRole('textbox', { name: '审核人' }).fill('县政务公开办 王审');
  await page.getByLabel('选择年报文件（可多选）').setInputFiles(
    units.map((r, i) => ({ name: `${r.meta.agency}-2022-政府信息公开年报.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(r)), lastModified: 1_700_000_000_000 + i })) as never,
  );
  await page.getByText('共 2 个文件：新增单位 2 个', { exact: false }).waitFor();
  await page.getByRole('checkbox', { name: '选择显示的全部单位' }).check();
  await page.getByRole('button', { name: '通过所选' }).click();
  await page.getByText('已通过 2 个。', { exact: false }).waitFor();
  await page.getByRole('checkbox', { name: '选择显示的全部单位' }).check();
  await page.getByRole('button', { name: '汇总所选' }).click();
  const panel = page.getByRole('region', { name: '汇总', exact: true });
  await panel.getByRole('textbox', { name: '汇总机关名称' }).fill('平罗县人民政府');
  await panel.getByRole('button', { name: '生成汇总' }).click();
  await panel.getByText('已计入 2 个单位：').waitFor();

  await panel.getByRole('button', { name: '打印汇总' }).click();
  const back = page.getByRole('button', { name: '← 返回汇总' });
  await back.waitFor();
  expect(await back.evaluate((el) => el === document.activeElement)).toBe(true);
  // The print view alone: the workspace is not on the page (nor on paper).
  expect(await page.getByRole('heading', { level: 1, name: '审核工作台' }).count()).toBe(0);
  const sheet = page.getByRole('region', { name: '打印预览' });
  expect(await sheet.count()).toBe(1);
  expect(await sheet.locator('h1').textContent()).toBe('平罗县人民政府2022年政府信息公开工作年度报告');
  const note = await sheet.locator('.nb-aggregate-note').textContent();
  expect(note).toContain('本报告为 2 个单位政府信息公开工作年度报告的汇总');
  expect(note).toContain('平罗县教育局、平罗县水务局');
  // The summed figures, cell by cell (not one unit's).
  for (const id of ['applications.newReceived.naturalPerson', 'applications.newReceived.total', 'applications.granted.naturalPerson', 'proactive.licensing']) {
    expect(sum(id)).not.toBe(cellValue(units[0]!, id));
    expect(await sheet.locator(`td[data-cell="${id}"]`).textContent(), id).toBe(String(sum(id)));
  }
  // The same page layout as a clerk's print: A4 sheet, 小标宋 title, 3号 body.
  const font = (selector: string) => sheet.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await font('h1.nb-title')).toBeCloseTo((22 * 96) / 72, 1);
  expect(await font('.nb-aggregate-note')).toBeCloseTo((16 * 96) / 72, 1);
  expect(await sheet.locator('article.nb-report').evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBe(Math.round((210 * 96) / 25.4));
  expect(await page.getByRole('group', { name: '打印与发布' }).getByRole('button', { name: '打印', exact: true }).isVisible()).toBe(true);
  await page.screenshot({ path: screenshotPath('review-aggregate-print-zh-CN.png') });
  await sheet.locator('td[data-cell="applications.newReceived.total"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('review-aggregate-print-table-zh-CN.png') });
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('button', { name: '← Back to the aggregate' }).waitFor();
  // The report stays Chinese; the controls around it are in English.
  const sheetEn = page.getByRole('region', { name: 'Print preview' });
  expect(await sheetEn.locator('h1').textContent()).toBe('平罗县人民政府2022年政府信息公开工作年度报告');
  expect(await sheetEn.locator('.nb-aggregate-note').textContent()).toBe(note);
  await page.screenshot({ path: screenshotPath('review-aggregate-print-en.png') });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');

  // Printed: A4 pages with the report alone; read back, the figures are the sum.
  await page.emulateMedia({ media: 'print' });
  mkdirSync('test-results/print', { recursive: true });
  const pdf = join('test-results/print', 'review-aggregate.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('平罗县人民政府2022年政府信息公开工作年度报告');
  // (The 草稿 watermark's characters fall between the note's lines in the PDF's text.)
  expect(text).toContain('（汇总说明：本报告为2个单位政府信息公开工作年度报');
  expect(text).toContain('逐项相加之和：平罗县教育局、平罗县水务局。）');
  for (const chrome of ['审核工作台', '汇总所选', '返回汇总', '打印与发布']) expect(text).not.toContain(chrome);
  // Page 1 is used as a clerk's is: it once ended after the preamble, two-fifths blank, because
  // the 汇总's unwritten parts' titles were each kept with the next heading, in one chain down to
  // 二's table, too high for the page. Now 一 and its titles are on page 1, and its text runs into
  // the last quarter of the text block (37 mm to 262 mm from the top: 104.9 to 742.7 pt).
  const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const heading of ['一、总体情况', '（一）主动公开', '（五）监督保障']) expect(page1, heading).toContain(heading);
  const page1Words = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', pdf, '-'], { encoding: 'utf8' });
  // The page number (below the text block) aside; the 草稿 mark sits mid-page.
  const lowest = Math.max(...Array.from(page1Words.matchAll(/<word [^>]*yMax="([\d.]+)"/g), (m) => Number(m[1])).filter((y) => y < 742.7));
  expect((lowest - 104.9) / (742.7 - 104.9)).toBeGreaterThan(0.75);
  // The pages as pictures, to be looked at.
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join('test-results/print', 'review-aggregate-page')]);
  const read = await readPublished(new Uint8Array(readFileSync(pdf)), NODE_READ_OPTIONS);
  expect(read.report.meta).toMatchObject({ agency: '平罗县人民政府', year: 2022 });
  const wrong = ENTERED_CELLS.filter((c) => cellValue(read.report, c.id) !== (units.every((r) => cellValue(r, c.id) === null) ? null : sum(c.id))).map((c) => c.id);
  expect(wrong).toEqual([]);
  expect(JSON.stringify(read.report.narrative)).not.toMatch(/汇总说明|逐项相加|平罗县水务局/);

  // Back: the workspace as it was, the focus on 打印汇总.
  await back.click();
  await page.getByRole('heading', { level: 1, name: '审核工作台' }).waitFor();
  await expect.poll(() => panel.getByRole('button', { name: '打印汇总' }).evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await panel.getByText('已计入 2 个单位：').isVisible()).toBe(true);
  expect(watched.errors).toEqual([]);
  await context.close();
});
