/**
 * What gets published, as a clerk reaches it in the built app: 插入表格数据说明 in 一、总体情况
 * (the preview, then the text in its part, and the findings reading it); 下载 Word 文件 from the
 * print view and the editor's toolbar, the file opened by LibreOffice (every figure of 三 on its
 * pages); 复制网页版 pasted into a contenteditable keeps its borders and merged cells.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPLICATIONS_ROWS, APPLICANT_COLUMN_IDS, decodeText, setCell, type Report } from '../../src/report/index.ts';
import { shownValue } from '../../src/report/layout.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchPersistent, screenshotPath, watch } from './browser.ts';

const work = mkdtempSync(join(tmpdir(), 'nianbao-publish-'));

const seed = readFileSync('tests/fixtures/pingluo-2022.json');
let context: BrowserContext;

beforeAll(async () => {
  context = await launchPersistent();
});
afterAll(async () => {
  await context?.close();
});

/** The drafts home in zh-CN (not the last draft, where a fresh start would go back to). */
async function goHome(page: Page) {
  // Before the app's script: a fresh start would otherwise go back to the last draft.
  await page.addInitScript(() => {
    localStorage.removeItem('nianbao.lastRoute');
    localStorage.setItem('nianbao.language', 'zh-CN');
  });
  await page.goto(`${baseUrl()}#/`);
}

/** Imports the seed on the drafts home (once per profile) and opens it in the editor. */
async function openSeed(page: Page) {
  await goHome(page);
  const link = page.getByRole('link', { name: '平罗县人民政府办公室' });
  // The list loads from IndexedDB after the page: wait for the draft before deciding to import it.
  const listed = await link
    .first()
    .waitFor({ timeout: 3_000 })
    .then(() => true)
    .catch(() => false);
  if (!listed) {
    await page.getByLabel('选择要导入的 JSON 文件').setInputFiles({ name: 'pingluo-2022.json', mimeType: 'application/json', buffer: seed });
  }
  await link.first().click({ timeout: 10_000 }).catch(async (e: unknown) => {
    await page.screenshot({ path: screenshotPath('publish-open-failed.png') });
    throw e;
  });
  await page.locator('[data-cell="applications.newReceived.naturalPerson"], textarea').first().waitFor();
}

const nav = (page: Page, name: RegExp) => page.getByRole('navigation', { name: /年报各部分|Sections of the report/ }).getByRole('button', { name });

test('插入表格数据说明: preview in zh-CN and en, insert into （二）依申请公开情况, no finding', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 1000 });
  const watched = watch(page);
  await openSeed(page);
  await nav(page, /一、总体情况/).click();
  // The seed is 定稿 (read-only): reopen it to write.
  await page.getByRole('button', { name: '重新打开编辑' }).click();

  await page.getByRole('button', { name: '插入表格数据说明' }).click();
  const preview = page.getByRole('group', { name: '插入表格数据说明（预览）' });
  await preview.waitFor();
  const texts = await preview.locator('.sentence-text').allTextContents();
  expect(texts).toHaveLength(3);
  expect(texts[1]).toContain('本机关共收到政府信息公开申请24件，均为自然人申请');
  await preview.scrollIntoViewIfNeeded();
  await preview.screenshot({ path: screenshotPath('insert-sentences-zh-CN.png') });

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  const previewEn = page.getByRole('group', { name: 'Insert sentences from the tables (preview)' });
  await previewEn.waitFor();
  expect(await previewEn.locator('.sentence-text').nth(1).textContent()).toBe(texts[1]);
  await previewEn.screenshot({ path: screenshotPath('insert-sentences-en.png') });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');

  const before = await page.locator('[data-path="narrative.overview.2.text"]').inputValue();
  await preview.getByRole('button', { name: '插入所选（3段）' }).click();
  const applications = page.locator('[data-path="narrative.overview.2.text"]');
  await expect.poll(() => applications.inputValue()).toBe(`${before}\n${texts[1]}\n${texts[2]}`);
  expect(await page.locator('[data-path="narrative.overview.1.text"]').inputValue()).toMatch(new RegExp(`\\n${texts[0]!.replace(/[()（）]/g, '.')}$`));
  // The findings read the new text as the tables say: nothing about numbers in the text.
  await page.waitForTimeout(800);
  expect(await page.locator('.findings-panel').textContent()).not.toMatch(/正文中的数字|与表格不一致/);
  expect(watched.errors).toEqual([]);
  await page.close();
});

/** The seed under another name, each entered cell of 三 a different figure (so each can be found). */
function numbered(): Report {
  const decoded = decodeText(seed.toString('utf8'));
  if (!decoded.ok) throw new Error('seed does not decode');
  let report: Report = { ...decoded.report, meta: { ...decoded.report.meta, agency: '测试县数据局' } };
  let n = 100;
  for (const row of APPLICATIONS_ROWS.filter((r) => !r.computed)) {
    for (const col of APPLICANT_COLUMN_IDS) report = setCell(report, `applications.${row.id}.${col}`, n++);
  }
  return report;
}

/** LibreOffice (headless) turns a .docx into PDF: the file opens, and its pages can be read. */
function libreOfficePdf(docx: string): string {
  execFileSync('soffice', [`-env:UserInstallation=file://${work}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'pipe', timeout: 120_000 });
  return docx.replace(/\.docx$/, '.pdf');
}

test('下载 Word 文件 from the print view: LibreOffice opens it and every figure of 三 is on its pages', async () => {
  const report = numbered();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  const watched = watch(page);
  await goHome(page);
  await page.getByLabel('选择要导入的 JSON 文件').setInputFiles({ name: 'numbered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) });
  await page.getByRole('link', { name: '测试县数据局' }).click();
  await page.getByRole('link', { name: '打印预览' }).click();
  await page.getByRole('region', { name: /预览/ }).locator('table').nth(2).waitFor();
  await page.getByRole('checkbox', { name: /纸质版签章栏/ }).check();
  await page.screenshot({ path: screenshotPath('print-publish-zh-CN.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word 文件' }).click()]);
  expect(download.suggestedFilename()).toBe('测试县数据局-2022-政府信息公开年报.docx');
  const docx = join(work, 'numbered.docx');
  await download.saveAs(docx);
  expect(readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');
  await expect.poll(() => page.getByRole('status').filter({ hasText: '已下载' }).count()).toBe(1);

  const pdf = libreOfficePdf(docx);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  expect(pages).toBeGreaterThanOrEqual(6);
  // Word boxes: every value of 三 (entered and computed) is a word of its own on some page.
  const words = new Set(Array.from(execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).matchAll(/<word [^>]*>([^<]*)<\/word>/g), (m) => m[1]));
  const figures = APPLICATIONS_ROWS.flatMap((row) => [...APPLICANT_COLUMN_IDS, 'total'].map((col) => shownValue(report, `applications.${row.id}.${col}`)));
  expect(figures).toHaveLength(APPLICATIONS_ROWS.length * 7);
  expect(figures.filter((f) => !words.has(f))).toEqual([]);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('测试县数据局2022年政府信息公开工作年度报告');
  expect(text).toContain('单位负责人签字');
  for (let i = 1; i <= pages; i++) expect(text).toContain(`—${i}—`);
  // The pages as images, to look at beside the print view.
  const shots = screenshotPath('docx');
  mkdirSync(shots, { recursive: true });
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, join(shots, 'numbered')]);
  expect(readdirSync(shots).filter((f) => f.startsWith('numbered-'))).toHaveLength(pages);

  // In English the UI speaks English; the file is the same report.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('button', { name: 'Download Word file' }).waitFor();
  await page.screenshot({ path: screenshotPath('print-publish-en.png') });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  expect(watched.errors).toEqual([]);
  await page.close();
});

test('下载 Word 文件 from the editor’s toolbar holds the edits not yet saved', async () => {
  const page = await context.newPage();
  const watched = watch(page);
  await openSeed(page);
  await nav(page, /五、存在的主要问题/).click();
  const reopen = page.getByRole('button', { name: '重新打开编辑' });
  if (await reopen.count()) await reopen.click();
  const text = page.locator('[data-path="narrative.problems.0.text"]');
  await text.fill('刚刚写下的一句话，尚未保存。');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word 文件' }).click()]);
  expect(download.suggestedFilename()).toBe('平罗县人民政府办公室-2022-政府信息公开年报.docx');
  const file = join(work, 'editor.docx');
  await download.saveAs(file);
  const pdf = libreOfficePdf(file);
  expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('刚刚写下的一句话，尚未保存。');
  expect(watched.errors).toEqual([]);
  await page.close();
});

test('复制网页版 pasted into a content editor keeps borders and merged cells', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin });
  const page = await context.newPage();
  const watched = watch(page);
  await openSeed(page);
  await page.getByRole('link', { name: '打印预览' }).click();
  await page.getByRole('region', { name: /预览/ }).locator('table').nth(2).waitFor();
  await page.getByRole('button', { name: '复制网页版' }).click();
  await page.getByText('已复制网页版，可粘贴到网站编辑器。').waitFor();

  // A site's editor: a contenteditable on another page, pasted into with Ctrl+V.
  const editorPage = await context.newPage();
  await editorPage.goto(`${baseUrl()}favicon-missing-is-fine`).catch(() => undefined);
  await editorPage.setContent('<!DOCTYPE html><html><head><link rel="icon" href="data:,"></head><body><div id="cms" contenteditable="true" style="min-height:200px"></div></body></html>');
  await editorPage.locator('#cms').click();
  await editorPage.keyboard.press('Control+V');
  const cms = editorPage.locator('#cms');
  await cms.locator('table').nth(2).waitFor();
  const pasted = await cms.evaluate((root) => {
    const tables = Array.from(root.querySelectorAll('table'));
    const cells = tables.flatMap((t) => Array.from(t.querySelectorAll('td, th')));
    return {
      tables: tables.length,
      bordered: cells.filter((c) => getComputedStyle(c).borderTopStyle === 'solid' && getComputedStyle(c).borderLeftWidth !== '0px').length,
      cells: cells.length,
      rowSpans: Array.from(tables[1]!.querySelectorAll('[rowspan]')).map((c) => Number(c.getAttribute('rowspan'))).sort((a, b) => b - a),
      colSpans: Array.from(tables[1]!.querySelectorAll('[colspan]')).map((c) => Number(c.getAttribute('colspan'))).sort((a, b) => b - a),
      styleTags: root.querySelectorAll('style, script').length,
      classes: root.querySelectorAll('[class]').length,
      text: root.textContent ?? '',
    };
  });
  expect(pasted.tables).toBe(3);
  expect(pasted.bordered).toBe(pasted.cells);
  expect(pasted.rowSpans.slice(0, 3)).toEqual([22, 8, 5]);
  expect(pasted.colSpans[0]).toBe(7);
  expect(pasted.styleTags).toBe(0);
  expect(pasted.classes).toBe(0);
  expect(pasted.text).toContain('平罗县人民政府办公室2022年政府信息公开工作年度报告');
  await cms.screenshot({ path: screenshotPath('fragment-pasted.png') });
  expect(watched.errors).toEqual([]);
  await editorPage.close();
  await page.close();
});
