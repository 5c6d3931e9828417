/**
 * Last year's report as many offices keep it: the PDF their browser printed from nianbao's print
 * view (Chromium's PDF, with the 草稿 watermark drawn aslant and fonts that pdf.js reads as
 * radicals, 人⺠). Imported back, every entered figure of the seed is at its cell, the agency is
 * spelled right, the watermark's characters are in no cell, and the text holds neither the 草稿
 * marks nor the paper-copy block.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { CELLS, cellValue, decodeText } from '../../src/report/index.ts';
import { NODE_READ_OPTIONS } from '../../src/readers/node.ts';
import { readPublished } from '../../src/readers/read.ts';
import { baseUrl, launchPersistent, watch } from './browser.ts';

let context: BrowserContext;
beforeAll(async () => {
  context = await launchPersistent();
});
afterAll(async () => {
  await context?.close();
});

test('a PDF printed from the print view (a draft, watermarked) reads back cell by cell', async () => {
  const seedText = readFileSync('tests/fixtures/pingluo-2022.json', 'utf8');
  const decoded = decodeText(seedText);
  if (!decoded.ok) throw new Error('seed does not decode');
  const draft = { ...JSON.parse(seedText), status: 'draft' };
  const page = await context.newPage();
  const watched = watch(page);
  await page.addInitScript(() => {
    localStorage.removeItem('nianbao.lastRoute');
    localStorage.setItem('nianbao.language', 'zh-CN');
  });
  await page.goto(`${baseUrl()}#/`);
  await page.getByLabel('选择要导入的 JSON 文件').setInputFiles({ name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
  await page.getByRole('link', { name: '平罗县人民政府办公室' }).first().click();
  await page.getByRole('link', { name: '打印预览' }).click();
  await page.getByRole('region', { name: /预览/ }).locator('table').nth(2).waitFor();
  await page.getByRole('checkbox', { name: /纸质版签章栏/ }).check();
  await page.emulateMedia({ media: 'print' });
  const pdf = join(mkdtempSync(join(tmpdir(), 'nianbao-printed-')), 'printed.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });

  const result = await readPublished(new Uint8Array(readFileSync(pdf)), NODE_READ_OPTIONS);
  expect(result.source).toBe('pdf');
  expect(result.report.meta).toMatchObject({ agency: '平罗县人民政府办公室', year: 2022 });
  const wrong = CELLS.filter((c) => !c.computed && cellValue(result.report, c.id) !== cellValue(decoded.report, c.id)).map((c) => c.id);
  expect(wrong).toEqual([]);
  expect(result.notes.filter((n) => n.kind === 'unreadable')).toEqual([]);
  // The text is the report's: no 草稿 mark, no title, no signature block, no spread-out spaces.
  expect(result.report.narrative.preamble).toMatch(/^根据《中华人民共和国政府信息公开条例》规定和《国务院办公厅/);
  expect(result.report.narrative.preamble).toContain('（国办公开办函〔2021〕30号）要求，现发布');
  const other = result.report.narrative.other.map((p) => p.text).join('\n');
  expect(other).toMatch(/未收取信息处理费。$/);
  expect(JSON.stringify(result.report.narrative)).not.toMatch(/草稿|单位负责人签字|盖章/);
  expect(watched.errors).toEqual([]);
  await page.close();
});
