/**
 * The single file (issue 21, point 3): dist/nianbao.html (`npm run build` writes it beside the
 * served app; `npm run build:single` alone into dist-single/) opened from file:// in Chromium, as
 * a clerk double-clicks it on a computer without network: create a draft, type, reload, the value
 * is there; export JSON and import it back into a new draft; the print view; Word; a PDF read
 * (pdf.js's worker inside the file); the sharing door replaced by its sentence; and no request
 * for anything but the file itself (data: and blob: URLs are the file's own parts).
 * Screenshots in zh-CN and en go to test-results/screenshots/.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchPersistent, screenshotPath, storedDraft, watch, type Watched } from './browser.ts';
import { cell, typeInto } from './clerk.ts';

const SINGLE = resolve('dist/nianbao.html');
const FILE_URL = pathToFileURL(SINGLE).href;
const CELL = 'applications.newReceived.naturalPerson';

let context: BrowserContext;
const watched: Watched[] = [];
/** Every URL the pages of a test asked for. */
let requested: string[] = [];

beforeEach(async () => {
  if (!existsSync(SINGLE)) throw new Error('dist/nianbao.html is missing: run `npm run build` before the e2e tests');
  context = await launchPersistent();
  requested = [];
  context.on('request', (request) => requested.push(request.url()));
});

afterEach(async () => {
  await context?.close();
  for (const w of watched.splice(0)) expect(w.errors).toEqual([]);
});

/** The file itself (any route of it) and its own inlined parts were asked for; nothing else, on any origin. */
function expectOnlyTheFile() {
  expect(requested.filter((url) => url.split('#')[0] === FILE_URL).length).toBeGreaterThan(0);
  expect(requested.filter((url) => url.split('#')[0] !== FILE_URL && !/^(data|blob):/.test(url))).toEqual([]);
}

async function open(hash = '#/'): Promise<Page> {
  const page = await context.newPage();
  watched.push(watch(page));
  await page.goto(FILE_URL + hash);
  return page;
}

async function createDraft(page: Page, agency: string): Promise<string> {
  await page.getByRole('button', { name: '新建年报' }).click();
  await page.getByLabel('机关名称').fill(agency);
  await page.getByLabel('报告年度').fill('2023');
  await page.getByRole('button', { name: '创建' }).click();
  await page.waitForURL(/#\/drafts\/\w+$/);
  return new URL(page.url()).hash.replace('#/drafts/', '');
}

async function allDraftIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((done, fail) => {
        const request = indexedDB.open('nianbao');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const keys = request.result.transaction('drafts').objectStore('drafts').getAllKeys();
          keys.onsuccess = () => done(keys.result as string[]);
          keys.onerror = () => fail(keys.error);
        };
      }),
  );
}

test('from file://: create, type, reload and find the value; export JSON and import it back; print; Word', async () => {
  // No service worker in the file (a file:// page cannot have one): neither the registration nor the manifest.
  expect(readFileSync(SINGLE, 'utf8')).not.toMatch(/serviceWorker|rel="manifest"/);
  const page = await open();
  expect(new URL(page.url()).protocol).toBe('file:');
  // The home says what the file is, in place of the download link the served app shows.
  await page.getByText('这是离线版（单个文件 nianbao.html）').waitFor();
  expect(await page.getByRole('link', { name: /下载离线版/ }).count()).toBe(0);

  const id = await createDraft(page, '某某县档案馆');
  // The sharing door is a sentence: no server to connect to from a file.
  const toolbarNote = page.getByRole('note').filter({ hasText: '不能连接政务公开办的服务器' });
  await toolbarNote.waitFor();
  expect(await page.getByRole('button', { name: '连接到政务公开办' }).count()).toBe(0);
  await page.screenshot({ path: screenshotPath('single-file-editor-zh-CN.png') });

  await page.evaluate((draft) => (location.hash = `#/drafts/${draft}/applications`), id);
  await typeInto(page, CELL, '17');
  await expect.poll(async () => JSON.stringify((await storedDraft(page, id))?.document ?? {}).includes('"naturalPerson":17')).toBe(true);
  await page.reload();
  await expect.poll(() => cell(page, CELL).inputValue(), { timeout: 15_000 }).toBe('17');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 JSON', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('某某县档案馆-2023-政府信息公开年报.json');
  // Saved under its own name, as the clerk's browser would (the import notice names the file).
  const saved = join(mkdtempSync(join(tmpdir(), 'nianbao-single-')), download.suggestedFilename());
  await download.saveAs(saved);
  const exported = JSON.parse(readFileSync(saved, 'utf8')) as Record<string, unknown>;
  expect(exported).toEqual((await storedDraft(page, id))?.document);

  // Word, written in the page by the inlined docx library.
  const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word 文件' }).click()]);
  expect(word.suggestedFilename()).toMatch(/\.docx$/);
  expect(readFileSync((await word.path())!).subarray(0, 2).toString()).toBe('PK');

  // Back home, the import button opens the file chooser; the same agency and year: a new draft.
  await page.getByRole('navigation').getByRole('link').first().click();
  await page.waitForURL(/#\/$/);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入 JSON 文件' }).click()]);
  await chooser.setFiles(saved);
  const dialog = page.getByRole('dialog', { name: '导入年报' });
  await dialog.getByRole('radio', { name: '新的草稿' }).check();
  await dialog.getByRole('button', { name: '导入' }).click();
  await page.getByText(/已导入/).waitFor();
  const ids = await allDraftIds(page);
  expect(ids).toHaveLength(2);
  const importedId = ids.find((d) => d !== id)!;
  expect((await storedDraft(page, importedId))?.document).toEqual(exported);
  await page.screenshot({ path: screenshotPath('single-file-home-zh-CN.png'), fullPage: true });

  await page.evaluate((draft) => (location.hash = `#/drafts/${draft}/print`), importedId);
  const sheet = page.getByRole('region', { name: /预览/ });
  await sheet.locator('table').nth(2).waitFor();
  expect(await sheet.locator('h1').first().textContent()).toContain('某某县档案馆2023年政府信息公开工作年度报告');
  expect(await sheet.locator(`td[data-cell="${CELL}"]`).textContent()).toBe('17');
  expectOnlyTheFile();
});

test('from file://: a published PDF and Word file are read (pdf.js and its worker, mammoth inside the file); English; the review has no sharing door', async () => {
  const page = await open('#/import');
  for (const [name, source] of [
    ['zhanjiang-dfz-2023.pdf', 'PDF'],
    ['zhanjiang-dfz-2023.docx', 'Word 文档'],
  ] as const) {
    if (!page.url().endsWith('#/import')) await page.evaluate(() => (location.hash = '#/import'));
    await page.getByLabel('或选择文件').setInputFiles(`tests/fixtures/import/${name}`);
    await expect.poll(() => page.getByRole('heading', { name: '检查读到的内容' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByText(`（${source}）`).count()).toBeGreaterThan(0);
    expect(await page.getByLabel('机关名称').inputValue()).toBe('湛江市人民政府地方志办公室');
    await page.getByRole('button', { name: '取消' }).click();
    await page.waitForURL(/#\/$/);
  }

  await page.getByLabel('语言').selectOption('en');
  await page.getByText('This is the offline version (the single file nianbao.html)').waitFor();
  await page.getByText('No drafts yet.', { exact: false }).waitFor();
  await page.screenshot({ path: screenshotPath('single-file-home-en.png'), fullPage: true });
  await page.getByRole('button', { name: 'New report' }).click();
  await page.getByRole('dialog').getByRole('textbox').first().fill('Test county archives');
  await page.getByRole('dialog').getByRole('button', { name: /create/i }).click();
  await page.waitForURL(/#\/drafts\/\w+$/);
  await page.getByRole('note').filter({ hasText: "cannot connect to the 政务公开办's server" }).waitFor();
  await page.screenshot({ path: screenshotPath('single-file-editor-en.png') });

  await page.evaluate(() => (location.hash = '#/review'));
  await page.getByText("cannot connect to the 政务公开办's server").waitFor();
  expect(await page.getByRole('button', { name: 'Connect to the sharing server' }).count()).toBe(0);
  await page.screenshot({ path: screenshotPath('single-file-review-en.png') });
  expectOnlyTheFile();
});

test('the served app offers the single file: 离线版 on the drafts home is a same-origin download of nianbao.html', async () => {
  const page = await context.newPage();
  watched.push(watch(page));
  await page.goto(baseUrl());
  await page.getByRole('navigation').getByRole('link').first().click();
  await page.waitForURL(/#\/$/);
  const link = page.getByRole('link', { name: '下载离线版（nianbao.html）' });
  await link.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('single-file-offered-zh-CN.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('nianbao.html');
  expect(download.url()).toBe(new URL('nianbao.html', baseUrl()).href);
  const p = (await download.path())!;
  // Byte for byte (Buffer.equals: a deep toEqual over 3 MB takes seconds).
  expect(readFileSync(p).equals(readFileSync(SINGLE))).toBe(true);
  expect(await page.getByText('这是离线版', { exact: false }).count()).toBe(0);
});
