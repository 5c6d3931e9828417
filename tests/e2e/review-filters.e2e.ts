/**
 * The units table keeps the supervisor's filters and sort when the sync connects (the server's
 * store replaces the files' one and the workspace is mounted anew), when it is disconnected and
 * connected again, and across a unit's page: in Chromium, on the embedded server, in zh-CN and en.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AGENCY, fillConnectForm, seedText, startArea, supervisor } from './area.ts';
import { baseUrl, launch, screenshotPath, watch } from './browser.ts';
import type { EmbeddedServer } from '../../src/server/embedded.ts';

let server: EmbeddedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startArea();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`review-filters-${name}.png`), fullPage: true });

/** The agencies of the rows shown, in order. */
const shownAgencies = (page: Page, caption: string) => page.getByRole('table', { name: caption }).locator('tbody tr[data-key] th').allTextContents();

test('filters, search text and sort chosen before the sync connects are still applied once connected, and after a reconnection', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 1000 } });
  const page = await context.newPage();
  const errors = watch(page);

  // The 政务公开办 collected one unit's file before turning sharing on.
  await page.goto(`${baseUrl()}#/review`);
  await page.getByLabel('选择年报文件（可多选）').setInputFiles({ name: `${AGENCY}-2022.json`, mimeType: 'application/json', buffer: Buffer.from(seedText) });
  await page.getByRole('heading', { level: 2, name: '报送单位（1 个）' }).waitFor();

  // Their choices in the table: 未开始 only, names with 教育, by name Z→A.
  await page.getByRole('combobox', { name: '进度' }).selectOption({ label: '未开始' });
  await page.getByRole('searchbox', { name: '搜索机关名称' }).fill('教育');
  const agencyHeader = page.getByRole('columnheader', { name: /机关名称/ });
  await agencyHeader.getByRole('button').click();
  await agencyHeader.getByRole('button').click();
  expect(await agencyHeader.getAttribute('aria-sort')).toBe('descending');
  expect(await page.getByText('没有符合筛选条件的单位。').isVisible()).toBe(true);

  // The sync connects: the roster's two units come in; the table is still filtered and sorted.
  await page.getByRole('button', { name: '连接到共享服务器' }).click();
  await fillConnectForm(page, server.url, supervisor);
  await page.getByRole('heading', { level: 2, name: '报送单位（2 个）' }).waitFor({ timeout: 30_000 });
  const caption = '各单位年报及审核情况';
  await expect.poll(() => shownAgencies(page, caption), { timeout: 20_000 }).toEqual(['平罗县教育局']);
  expect(await page.getByRole('searchbox', { name: '搜索机关名称' }).inputValue()).toBe('教育');
  expect(await page.getByRole('combobox', { name: '进度' }).inputValue()).toBe('notStarted');
  expect(await page.getByRole('button', { name: /未开始/, pressed: true }).count()).toBe(1);
  expect(await agencyHeader.getAttribute('aria-sort')).toBe('descending');
  expect(await page.getByText('显示 1 / 2 个，已选 0 个').isVisible()).toBe(true);
  await page.getByRole('searchbox', { name: '搜索机关名称' }).scrollIntoViewIfNeeded();
  await shot(page, 'connected-zh-CN');

  // In English: disconnected (back to the files' store) and connected again, twice remounted.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await page.getByRole('button', { name: 'Connect to the sharing server' }).waitFor();
  const captionEn = 'Units’ reports and their review';
  await page.getByRole('heading', { level: 2, name: /\(1\)|1 unit/ }).waitFor();
  expect(await page.getByRole('searchbox', { name: 'Search agency' }).inputValue()).toBe('教育');
  await page.getByRole('button', { name: 'Connect to the sharing server' }).click();
  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('User name').fill(supervisor.name);
  await page.getByLabel('Password').fill(supervisor.password);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect.poll(() => shownAgencies(page, captionEn), { timeout: 30_000 }).toEqual(['平罗县教育局']);
  await page.getByText('Showing 1 of 2, 0 selected').waitFor({ timeout: 20_000 });
  expect(await page.getByRole('searchbox', { name: 'Search agency' }).inputValue()).toBe('教育');
  expect(await page.getByRole('combobox', { name: 'Progress' }).inputValue()).toBe('notStarted');
  expect(await page.getByRole('columnheader', { name: /Agency/ }).getAttribute('aria-sort')).toBe('descending');
  await page.getByRole('searchbox', { name: 'Search agency' }).scrollIntoViewIfNeeded();
  await shot(page, 'connected-en');

  // PouchDB's replication asks for its checkpoints before there are any: the browser logs those 404s.
  expect(errors.errors.filter((e) => !/Failed to load resource: the server responded with a status of 404/.test(e))).toEqual([]);
  await context.close();
});

test("a unit's page and back: the table is scrolled where it was and the unit's link has the focus", async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(`${baseUrl()}#/review`);
  const seed = JSON.parse(seedText) as { meta: { agency: string } };
  const files = Array.from({ length: 60 }, (_, i) => {
    const agency = `测试第${String(i + 1).padStart(2, '0')}局`;
    return { name: `${agency}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...seed, meta: { ...seed.meta, agency } })) };
  });
  await page.getByLabel('选择年报文件（可多选）').setInputFiles(files);
  await page.getByRole('heading', { level: 2, name: '报送单位（60 个）' }).waitFor({ timeout: 30_000 });
  await page.getByRole('searchbox', { name: '搜索机关名称' }).fill('测试');

  const scroller = page.locator('.rv-table-scroll');
  await scroller.evaluate((element) => (element.scrollTop = 1000));
  // The row at the top of the view (36 px a row), its link followed.
  const row = page.locator('tbody tr[aria-rowindex="30"]');
  const agency = (await row.locator('th').textContent())!;
  await row.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: new RegExp(agency) }).waitFor();

  await page.goBack();
  await page.getByRole('heading', { level: 2, name: '报送单位（60 个）' }).waitFor();
  expect(await scroller.evaluate((element) => element.scrollTop)).toBe(1000);
  expect(await page.getByRole('searchbox', { name: '搜索机关名称' }).inputValue()).toBe('测试');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(agency);
  await page.screenshot({ path: screenshotPath('review-filters-back-from-unit-zh-CN.png') });
  expect(errors.errors).toEqual([]);
  await context.close();
});
