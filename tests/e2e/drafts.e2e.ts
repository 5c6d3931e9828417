/**
 * Drafts that are never lost, in Chromium with a persistent profile (IndexedDB survives reloads
 * and new pages): autosave before a reload, a page closed while typing, two pages on one draft,
 * a malformed import, export then import.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchPersistent, storedDraft, watch, type Watched } from './browser.ts';
import * as clerk from './clerk.ts';
import { cell, typeInto } from './clerk.ts';

const CELL = 'applications.newReceived.naturalPerson';
const CELL2 = 'applications.newReceived.commercial';

let context: BrowserContext;
const watched: Watched[] = [];

beforeEach(async () => {
  context = await launchPersistent();
});

afterEach(async () => {
  await context?.close();
  for (const w of watched.splice(0)) expect(w.errors).toEqual([]);
});

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  watched.push(watch(page));
  return page;
}

const goHome = (page: Page) => clerk.goHome(page, baseUrl());
const createDraft = (page: Page, agency?: string) => clerk.createDraft(page, baseUrl(), agency);

async function allDrafts(page: Page): Promise<{ id: string; revision: number; updatedAt: number }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('nianbao');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('drafts').objectStore('drafts').getAll();
          request.onsuccess = () => {
            db.close();
            resolve((request.result as { id: string; revision: number; updatedAt: number }[]).map(({ id, revision, updatedAt }) => ({ id, revision, updatedAt })));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

const storedCell = (doc: Record<string, unknown> | undefined, id: string) =>
  id.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);

// How fast (reload, autosave, keystroke) is `npm run bench`'s to measure, against its budgets;
// these tests hold what must be true however slow the machine.
test('type a value and reload at once: it is there', async () => {
  const page = await newPage();
  const id = await createDraft(page);
  await page.goto(`${baseUrl()}#/drafts/${id}/applications`);
  await typeInto(page, CELL, '12');
  await page.reload();
  await expect.poll(() => cell(page, CELL).inputValue()).toBe('12');
  expect(storedCell((await storedDraft(page, id))?.document, CELL)).toBe(12);
});

test('close the page while typing and open the app again: 我的年报 offers to continue the draft, at the same section, and it is there', async () => {
  const page = await newPage();
  const id = await createDraft(page);
  await page.goto(`${baseUrl()}#/drafts/${id}/applications`);
  await typeInto(page, CELL, '34');
  await typeInto(page, CELL2, '5');
  // Closed at once, mid-typing: no idle time for the autosave.
  await page.close({ runBeforeUnload: true });
  const again = await newPage();
  await again.goto(baseUrl());
  // The root is the home, not the last draft: the draft is one click away.
  await again.getByRole('heading', { name: '我的年报' }).waitFor();
  expect(new URL(again.url()).hash).toBe('');
  await again.getByRole('link', { name: '继续填写“某某县交通运输局”' }).click();
  await again.waitForURL(new RegExp(`#/drafts/${id}/applications$`));
  await expect.poll(() => cell(again, CELL).inputValue()).toBe('34');
  await expect.poll(() => cell(again, CELL2).inputValue()).toBe('5');
});

test('autosave: the value is stored after each pause of the clerk, without leaving the page', async () => {
  const page = await newPage();
  const id = await createDraft(page);
  await page.goto(`${baseUrl()}#/drafts/${id}/applications`);
  await cell(page, CELL).click();
  for (const text of ['1', '2', '3', '4', '5']) {
    await page.keyboard.type(text);
    const expected = Number(((storedCell((await storedDraft(page, id))?.document, CELL) as number | null) ?? '') + text);
    await expect.poll(async () => storedCell((await storedDraft(page, id))?.document, CELL), { interval: 20, timeout: 5000 }).toBe(expected);
  }
  await expect.poll(() => page.getByRole('status').filter({ hasText: /已保存/ }).count()).toBeGreaterThan(0);
});

test('two pages on one draft: neither loses an edit, and the second is told', async () => {
  const first = await newPage();
  const id = await createDraft(first);
  await first.goto(`${baseUrl()}#/drafts/${id}/applications`);
  const second = await newPage();
  await second.goto(`${baseUrl()}#/drafts/${id}/applications`);
  await cell(second, CELL).waitFor();

  await typeInto(first, CELL, '8');
  await expect.poll(async () => storedCell((await storedDraft(first, id))?.document, CELL)).toBe(8);
  // The second page learns of it (BroadcastChannel) and stops saving; its edit is not lost.
  const told = second.getByRole('alertdialog', { name: '此年报已在另一个窗口中修改' });
  await told.waitFor();
  expect(await cell(second, CELL2).getAttribute('readonly')).not.toBeNull();

  // Had the second page typed first (before the news), its edits are kept in the history:
  await told.getByRole('button', { name: '加载最新内容' }).click();
  await expect.poll(() => cell(second, CELL).inputValue()).toBe('8');
  // Focus and keys without clicks: no page is brought to the front (which would hide, and so
  // flush, the other one before it has typed).
  await cell(first, CELL).focus();
  await cell(second, CELL2).focus();
  await first.keyboard.type('9');
  await second.keyboard.type('6');
  // Both typed on the same revision: one write wins, the other page is told and keeps its edit.
  await expect
    .poll(async () => (await first.getByRole('alertdialog').count()) + (await second.getByRole('alertdialog').count()), { timeout: 5000 })
    .toBe(1);
  const loser = (await first.getByRole('alertdialog').count()) === 1 ? first : second;
  await loser.getByRole('alertdialog').getByText('本页尚未保存的修改已存入历史版本').waitFor();
  await loser.getByRole('button', { name: '只读查看本页内容' }).click();
  await loser.getByRole('button', { name: '历史版本' }).click();
  const history = loser.getByRole('dialog', { name: '历史版本' });
  const keptRow = history.getByRole('row').filter({ hasText: '另一窗口修改时保留' });
  await keptRow.waitFor();
  await keptRow.getByRole('button', { name: /^查看/ }).click();
  // The first page's cell held 8; the keys went after it.
  const lostValue = loser === first ? '89' : '6';
  const lostCell = loser === first ? '一、本年新收政府信息公开申请数量 自然人' : '一、本年新收政府信息公开申请数量 商业企业';
  const view = history.getByRole('region', { name: /的版本（只读）/ });
  await expect.poll(() => view.locator('dt', { hasText: lostCell }).locator('xpath=following-sibling::dd').textContent()).toBe(lostValue);
  // And the winner's edit is the draft.
  const stored = (await storedDraft(first, id))?.document;
  if (loser === first) expect(storedCell(stored, CELL2)).toBe(6);
  else expect(storedCell(stored, CELL)).toBe(89);
});

test('lists update across tabs', async () => {
  const editing = await newPage();
  await createDraft(editing, '甲局');
  const home = await newPage();
  await home.goto(`${baseUrl()}#/`);
  await goHome(home);
  const list = home.getByRole('table', { name: '年报草稿' });
  await list.getByRole('link', { name: '甲局' }).waitFor();
  // A draft created in the other tab appears; one deleted there goes.
  await createDraft(editing, '乙局');
  await list.getByRole('link', { name: '乙局' }).waitFor();
  await goHome(editing);
  await editing.getByRole('button', { name: '删除“甲局”' }).click();
  await expect.poll(() => list.getByRole('link', { name: '甲局' }).count()).toBe(0);
});

test('import a malformed file: the error is shown, the drafts are unchanged', async () => {
  const page = await newPage();
  await createDraft(page);
  await goHome(page);
  await page.getByRole('table', { name: '年报草稿' }).waitFor();
  const before = await allDrafts(page);
  await page.getByLabel('选择要导入的 JSON 文件').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"kind": "gov-info-disclosure-annual-report", "formatVersion": "2021", '),
  });
  const alert = page.getByRole('alert');
  await alert.getByText('文件“broken.json”不能导入。').waitFor();
  expect(await alert.textContent()).toMatch(/文件不完整/);
  await page.getByLabel('选择要导入的 JSON 文件').setInputFiles({
    name: 'old.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ kind: 'gov-info-disclosure-annual-report', formatVersion: '2019', schemaVersion: 1 })),
  });
  await page.getByRole('alert').getByText('文件“old.json”不能导入。').waitFor();
  expect(await page.getByRole('alert').textContent()).toMatch(/2019 年试行格式/);
  expect(await page.getByRole('table', { name: '年报草稿' }).getByRole('row').count()).toBe(2);
  expect(await allDrafts(page)).toEqual(before);
});

test('export then import: the identical document', async () => {
  const page = await newPage();
  const id = await createDraft(page, '测试县人民政府办公室');
  await page.goto(`${baseUrl()}#/drafts/${id}/applications`);
  await typeInto(page, CELL, '21');
  await typeInto(page, 'applications.granted.naturalPerson', '20');
  await typeInto(page, 'applications.carriedForward.naturalPerson', '1');
  await expect.poll(async () => storedCell((await storedDraft(page, id))?.document, 'applications.carriedForward.naturalPerson')).toBe(1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 JSON', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('测试县人民政府办公室-2023-政府信息公开年报.json');
  const path = await download.path();
  const exported = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  expect(exported).toEqual((await storedDraft(page, id))?.document);

  await goHome(page);
  await page.getByLabel('选择要导入的 JSON 文件').setInputFiles(path);
  // The same agency and year are there already: the clerk chooses a new draft.
  const dialog = page.getByRole('dialog', { name: '导入年报' });
  await dialog.getByRole('radio', { name: '新的草稿' }).check();
  await dialog.getByRole('button', { name: '导入' }).click();
  await page.getByText(/已导入/).waitFor();
  const drafts = await allDrafts(page);
  expect(drafts).toHaveLength(2);
  const importedId = drafts.find((d) => d.id !== id)!.id;
  expect((await storedDraft(page, importedId))?.document).toEqual(exported);
  await page.goto(`${baseUrl()}#/drafts/${importedId}/applications`);
  await expect.poll(() => cell(page, CELL).inputValue()).toBe('21');
});
