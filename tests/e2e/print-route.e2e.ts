/**
 * The print view as a clerk reaches it: import the Pingluo 2022 report, open it, follow
 * 打印预览 from the editor, and see the report in the official layout; download the printable
 * HTML and check it is the self-contained file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { baseUrl, launchPersistent, watch, screenshotPath } from './browser.ts';

const seed = readFileSync('tests/fixtures/pingluo-2022.json');
let context: BrowserContext;

beforeAll(async () => {
  context = await launchPersistent();
});
afterAll(async () => {
  await context?.close();
});

test('import the seed, open the print view from the editor, download the printable HTML', async () => {
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(baseUrl());
  await page.getByLabel('选择要导入的 JSON 文件').setInputFiles({ name: 'pingluo-2022.json', mimeType: 'application/json', buffer: seed });
  await page.getByRole('link', { name: '平罗县人民政府办公室' }).click();
  await page.getByRole('link', { name: '打印预览' }).click();
  await page.waitForURL(/#\/drafts\/[^/]+\/print$/);

  const sheet = page.getByRole('region', { name: /预览/ });
  await sheet.locator('table').nth(2).waitFor();
  expect(await sheet.locator('h1').first().textContent()).toContain('平罗县人民政府办公室2022年政府信息公开工作年度报告');
  expect(await sheet.locator('td[data-cell="applications.newReceived.total"]').textContent()).toBe('24');
  expect(await sheet.locator('td[data-cell="applications.unavailable.notHeld.naturalPerson"]').textContent()).toBe('19');
  await page.screenshot({ path: screenshotPath('print-route-zh-CN.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载可打印/ }).click()]);
  expect(download.suggestedFilename()).toBe('平罗县人民政府办公室-2022-政府信息公开年报.html');
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).toMatch(/^<!doctype html>/i);
  expect(html).toContain('lang="zh-CN"');
  expect(html).not.toMatch(/<script|https?:\/\//i);

  await page.getByRole('link', { name: '返回编辑' }).click();
  await page.locator('[data-cell="applications.newReceived.naturalPerson"], [data-cell="meta.agency"], textarea').first().waitFor();
  expect(watched.errors).toEqual([]);
  await page.close();
});
