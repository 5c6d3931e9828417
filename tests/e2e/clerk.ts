/**
 * A clerk's moves on the drafts home and in the editor, for the browser tests and the
 * screenshots script alike (`base` is the app's address: the tests' `baseUrl()`, or the
 * script's own server).
 */
import type { Page } from 'playwright-core';

export function cell(page: Page, id: string) {
  return page.locator(`[data-cell="${id}"]`);
}

export async function typeInto(page: Page, id: string, text: string) {
  await cell(page, id).click();
  await page.keyboard.type(text);
}

/**
 * To the drafts home by the header link. (Loading the app's address anew would be a fresh start,
 * which returns the clerk to the draft they were in.)
 */
export async function goHome(page: Page, base: string) {
  if (!page.url().startsWith(base)) await page.goto(base);
  await page.getByRole('navigation').getByRole('link').first().click();
  await page.waitForURL(/#\/$/);
}

/** Creates a blank draft through the home and returns its id (the page is on the draft). */
export async function createDraft(page: Page, base: string, agency = '某某县交通运输局'): Promise<string> {
  await goHome(page, base);
  await page.getByRole('button', { name: '新建年报' }).click();
  await page.getByLabel('机关名称').fill(agency);
  await page.getByLabel('报告年度').fill('2023');
  await page.getByRole('button', { name: '创建' }).click();
  await page.waitForURL(/#\/drafts\/\w+$/);
  return new URL(page.url()).hash.replace('#/drafts/', '');
}
