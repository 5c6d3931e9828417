import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, watch } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('the app starts in Chinese and switches to English, remembering the choice', async () => {
  const page = await browser.newPage();
  const watched = watch(page);
  await page.goto(baseUrl());
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
  await page.reload();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
  expect(watched.errors).toEqual([]);
  await page.close();
});
