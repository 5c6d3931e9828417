/**
 * Issue 20 point 2 (and the drills' "storage faults, then close and reopen: 0 edits lost"): with
 * IndexedDB refusing every write, edits typed, the page closed; the next open offers them back
 * ("发现未保存的修改，恢复？") and restoring them saves them. While unsaved, the page asks before
 * it unloads.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchPersistent, screenshotPath, storedDraft } from './browser.ts';

const CELLS = ['applications.newReceived.naturalPerson', 'applications.newReceived.commercial', 'applications.granted.naturalPerson'];

let context: BrowserContext;
beforeEach(async () => {
  context = await launchPersistent();
});
afterEach(async () => {
  await context?.close();
});

async function createDraft(page: Page): Promise<string> {
  await page.goto(baseUrl());
  await page.getByRole('navigation').getByRole('link').first().click();
  await page.getByRole('button', { name: '新建年报' }).click();
  await page.getByLabel('机关名称').fill('某某县交通运输局');
  await page.getByLabel('报告年度').fill('2023');
  await page.getByRole('button', { name: '创建' }).click();
  await page.waitForURL(/#\/drafts\/\w+$/);
  const id = new URL(page.url()).hash.replace('#/drafts/', '');
  await page.goto(`${baseUrl()}#/drafts/${id}/applications`);
  await page.locator(`[data-cell="${CELLS[0]}"]`).waitFor();
  return id;
}

/** From now on every IndexedDB write of this page fails as a full disk does. */
async function failWrites(page: Page) {
  await page.evaluate(() => {
    const refuse = () => {
      throw new DOMException('The quota has been exceeded (test).', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = refuse;
    IDBObjectStore.prototype.add = refuse;
    IDBObjectStore.prototype.delete = refuse;
  });
}

async function typeInto(page: Page, id: string, text: string) {
  await page.locator(`[data-cell="${id}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('edits typed while every save fails survive closing the page: offered back, restored, saved', async () => {
  const page = await context.newPage();
  const id = await createDraft(page);
  await failWrites(page);
  const values = ['17', '4', '9'];
  for (const [i, cellId] of CELLS.entries()) await typeInto(page, cellId, values[i]!);
  await page.getByRole('group', { name: '草稿保存' }).getByText(/保存失败/).waitFor({ timeout: 15_000 });
  // The page says it keeps the values; the database has none of them.
  expect((await storedDraft(page, id))?.document).not.toMatchObject({ applications: { newReceived: { naturalPerson: 17 } } });
  await page.close(); // no beforeunload: the tab is simply gone

  const again = await context.newPage();
  await again.goto(`${baseUrl()}#/drafts/${id}/applications`);
  const offer = again.getByRole('alertdialog', { name: '发现未保存的修改，恢复？' });
  await offer.waitFor();
  await again.screenshot({ path: screenshotPath('unsaved-offer-zh-CN.png') });
  await offer.getByRole('button', { name: '恢复' }).click();
  for (const [i, cellId] of CELLS.entries()) await expect.poll(() => again.locator(`[data-cell="${cellId}"]`).inputValue()).toBe(values[i]);
  // Saved this time, and the second home is emptied.
  await expect.poll(async () => JSON.stringify((await storedDraft(again, id))?.document ?? {}), { timeout: 10_000 }).toContain('"naturalPerson":17');
  await expect.poll(() => again.evaluate((draftId) => localStorage.getItem(`nianbao.unsaved.${draftId}`), id)).toBeNull();
  expect(await again.getByRole('alertdialog').count()).toBe(0);
});

test('the offer in English, and discarding it keeps the draft as stored', async () => {
  const page = await context.newPage();
  const id = await createDraft(page);
  await page.evaluate(() => localStorage.setItem('nianbao.language', 'en'));
  await failWrites(page);
  await typeInto(page, CELLS[0]!, '5');
  await expect.poll(() => page.evaluate((draftId) => localStorage.getItem(`nianbao.unsaved.${draftId}`) !== null, id), { timeout: 15_000 }).toBe(true);
  await page.close();
  const again = await context.newPage();
  await again.goto(`${baseUrl()}#/drafts/${id}/applications`);
  const offer = again.getByRole('alertdialog', { name: 'Unsaved changes found. Restore them?' });
  await offer.waitFor();
  await again.screenshot({ path: screenshotPath('unsaved-offer-en.png') });
  await offer.getByRole('button', { name: 'Discard these changes' }).click();
  expect(await again.locator(`[data-cell="${CELLS[0]}"]`).inputValue()).toBe('');
  expect(await again.evaluate((draftId) => localStorage.getItem(`nianbao.unsaved.${draftId}`), id)).toBeNull();
});

test('while an edit is unsaved the page asks before it unloads; once saved it does not', async () => {
  const page = await context.newPage();
  const id = await createDraft(page);
  await failWrites(page);
  await typeInto(page, CELLS[0]!, '3');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);
  expect(await page.evaluate((draftId) => localStorage.getItem(`nianbao.unsaved.${draftId}`) !== null, id)).toBe(true);
  // A page whose edits are saved closes without asking.
  const other = await context.newPage();
  await other.goto(`${baseUrl()}#/drafts/${id}/applications`);
  await other.getByRole('alertdialog').getByRole('button', { name: '放弃这些修改' }).click();
  await typeInto(other, CELLS[1]!, '8');
  await other.getByRole('group', { name: '草稿保存' }).getByText(/已保存/).waitFor();
  other.on('dialog', (dialog) => {
    dialogs.push(`other ${dialog.type()}`);
    void dialog.dismiss();
  });
  await other.close({ runBeforeUnload: true });
  await expect.poll(() => other.isClosed()).toBe(true);
  expect(dialogs).toEqual(['beforeunload']);
});
