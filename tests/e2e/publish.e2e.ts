/**
 * What gets published, as a clerk reaches it in the built app: 插入表格数据说明 in 一、总体情况
 * (the preview, then the text in its part, and the findings reading it).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchPersistent, screenshotPath, watch } from './browser.ts';

const seed = readFileSync('tests/fixtures/pingluo-2022.json');
let context: BrowserContext;

beforeAll(async () => {
  context = await launchPersistent();
});
afterAll(async () => {
  await context?.close();
});

/** Imports the seed on the drafts home (once per profile) and opens it in the editor. */
async function openSeed(page: Page) {
  await page.goto(baseUrl());
  await page.evaluate(() => localStorage.setItem('nianbao.language', 'zh-CN'));
  await page.reload();
  const link = page.getByRole('link', { name: '平罗县人民政府办公室' });
  if ((await link.count()) === 0) {
    await page.getByLabel('选择要导入的 JSON 文件').setInputFiles({ name: 'pingluo-2022.json', mimeType: 'application/json', buffer: seed });
  }
  await link.first().click();
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
