/**
 * Start from last year's published report (issue 14), in Chromium: paste the report's HTML into
 * the import step, see the review (marks at the cells, the header found), keep it as last year's
 * report and start next year's from it, and find the carry-over in 二、上年结转. Screenshots of the
 * review in zh-CN and en go to test-results/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { decode, setCell } from '../../src/report/index.ts';
import { renderReportHtml } from '../../src/report/render/index.ts';
import { baseUrl, launchPersistent, screenshotPath, storedDraft, watch, type Watched } from './browser.ts';

let context: BrowserContext;
const watched: Watched[] = [];

beforeEach(async () => {
  context = await launchPersistent();
});

afterEach(async () => {
  await context?.close();
  for (const w of watched.splice(0)) expect(w.errors).toEqual([]);
});

/** The Pingluo report as its site would print it, with 3 applications left to carry forward. */
function publishedHtml(): string {
  const decoded = decode(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')));
  if (!decoded.ok) throw new Error('fixture');
  let report = setCell(decoded.report, 'applications.carriedForward.naturalPerson', 3);
  report = setCell(report, 'applications.unavailable.notHeld.naturalPerson', 16);
  return `<div class="crumb">当前位置：首页 &gt; 政务公开</div>${renderReportHtml(report)}<p>版权所有：平罗县人民政府</p>`;
}

async function openImport(page: Page) {
  await page.goto(baseUrl());
  await page.getByRole('navigation').getByRole('link').first().click();
  await page.waitForURL(/#\/$/);
  await page.getByRole('link', { name: '导入已发布的年报' }).click();
  await page.waitForURL(/#\/import$/);
}

async function pasteHtml(page: Page, html: string) {
  const box = page.getByLabel(/粘贴报告内容|Paste the report/);
  await box.focus();
  await box.evaluate((el, content) => {
    const data = new DataTransfer();
    data.setData('text/html', content);
    data.setData('text/plain', 'plain');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

test('paste a published report, review it, start next year from it: the carry-over is in 二、上年结转', async () => {
  const page = await context.newPage();
  watched.push(watch(page));
  await openImport(page);
  await pasteHtml(page, publishedHtml());

  await expect.poll(() => page.getByRole('heading', { name: '检查读到的内容' }).count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => page.getByLabel('机关名称').inputValue()).toBe('平罗县人民政府办公室');
  expect(await page.getByLabel('报告年度').inputValue()).toBe('2022');
  expect(await page.getByLabel('机关类别').inputValue()).toBe('governmentOffice');
  // 四、结转下年度 read (3), the printed （七）总计 (21) agrees with its parts, 六 split into its parts.
  expect(await page.locator('td[data-cell="applications.carriedForward.naturalPerson"]').textContent()).toBe('3');
  expect(await page.locator('td[data-cell="applications.resultsTotal.naturalPerson"]').textContent()).toBe('21');
  expect(await page.locator('td.import-cell-disagree').count()).toBe(0);
  expect(await page.getByRole('region', { name: '文字部分' }).getByText('信息处理费收取情况').count()).toBe(1);
  await page.screenshot({ path: screenshotPath('import-review-zh-CN.png'), fullPage: true });

  await page.getByRole('button', { name: '作为上年年报，新建 2023 年度年报' }).click();
  await page.waitForURL(/#\/drafts\/\w+/);
  // To section 三 of the new draft, where 二、上年结转 is.
  await page.evaluate(() => (location.hash = location.hash.replace(/^(#\/drafts\/[^/]+).*$/, '$1/applications')));
  await page.locator('.section-applications').waitFor();
  const carriedOver = page.locator('input[data-cell="applications.carriedOver.naturalPerson"]');
  await expect.poll(() => carriedOver.inputValue(), { timeout: 15_000 }).toBe('3');
  await carriedOver.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('import-next-year-carryover-zh-CN.png') });
  const id = new URL(page.url()).hash.split('/')[2]!;
  const stored = (await storedDraft(page, id)) as unknown as { document: { meta: { year: number; agency: string } }; lastYear?: { meta: { year: number } } };
  expect(stored.document.meta).toMatchObject({ year: 2023, agency: '平罗县人民政府办公室' });
  expect(stored.lastYear?.meta.year).toBe(2022);
});

test('the review in English; cancel leaves no draft behind', async () => {
  const page = await context.newPage();
  watched.push(watch(page));
  await openImport(page);
  await page.getByLabel('语言').selectOption('en');
  await pasteHtml(page, readFileSync('tests/fixtures/import/xuwen-2023.html', 'utf8'));
  await expect.poll(() => page.getByRole('heading', { name: 'Check what was read' }).count(), { timeout: 15_000 }).toBe(1);
  expect(await page.locator('td[data-cell="applications.newReceived.commercial"]').textContent()).toBe('blank');
  await page.screenshot({ path: screenshotPath('import-review-en.png'), fullPage: true });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForURL(/#\/$/);
  const drafts = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('nianbao');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('drafts').objectStore('drafts').count();
          request.onsuccess = () => resolve(request.result);
        };
      }),
  );
  expect(drafts).toBe(0);
});

test.each([
  ['zhanjiang-dfz-2023.pdf', 'PDF'],
  ['zhanjiang-dfz-2023.docx', 'Word 文档'],
])('a %s picked from disk is read in the browser (its library loaded on demand)', async (name, source) => {
  const page = await context.newPage();
  watched.push(watch(page));
  await openImport(page);
  await page.getByLabel('或选择文件').setInputFiles(`tests/fixtures/import/${name}`);
  await expect.poll(() => page.getByRole('heading', { name: '检查读到的内容' }).count(), { timeout: 30_000 }).toBe(1);
  expect(await page.getByText(`（${source}）`).count()).toBeGreaterThan(0);
  expect(await page.getByLabel('机关名称').inputValue()).toBe('湛江市人民政府地方志办公室');
  expect(await page.locator('td[data-cell="applications.granted.naturalPerson"]').textContent()).toBe('0');
  expect(await page.locator('td[data-cell="applications.partiallyGranted.naturalPerson"]').textContent()).toBe('未找到');
});
