/**
 * A conflict in the unit's own report, in Chromium: two browsers of the same unit (the office PC
 * and a laptop, two contexts) connect as the unit, lose the network, and both 报送 the 2022 report
 * (the laptop's with a changed 导语). Back online, the server keeps both versions: the 政务公开办
 * sees the conflict but may not settle it; the clerk's toolbar says the submission has two
 * versions, lists who and when for each (this draft marked), compares them with the review's
 * compare view, and keeps one: the other version is removed (a tombstone), on the server, in the
 * other browser and at the supervisor. In zh-CN and en.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AGENCY, clerk, fillConnectForm, seedText, serverDoc as readServerDoc, startArea, supervisor } from './area.ts';
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

const view = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`clerk-conflict-${name}.png`) });
const serverDoc = (query = '') => readServerDoc<{ _rev: string; _conflicts?: string[]; draftId?: string; report: { narrative: { preamble: string } } }>(server, `report:2022:${clerk.name}`, query);
const LAPTOP_SENTENCE = '本报告在笔记本电脑上补充了一句。';

/** A browser of the unit: the clerk's 2022 report imported from its file, opened, connected. */
async function clerkBrowser(context: BrowserContext): Promise<{ page: Page; draftId: string }> {
  const page = await context.newPage();
  await page.goto(baseUrl());
  await page.getByLabel('选择要导入的 JSON 文件').setInputFiles({ name: `${AGENCY}-2022.json`, mimeType: 'application/json', buffer: Buffer.from(seedText) });
  await page.getByRole('link', { name: '打开' }).click();
  await page.waitForURL(/#\/drafts\/[\w-]+/);
  const draftId = /#\/drafts\/([\w-]+)/.exec(page.url())![1]!;
  await page.getByRole('button', { name: '连接到政务公开办' }).click();
  await fillConnectForm(page, server.url, clerk);
  const reach = page.getByRole('group', { name: '与政务公开办共享' }).getByRole('status').first();
  await expect.poll(() => reach.textContent(), { timeout: 20_000 }).toMatch(/已同步到政务公开办/);
  return { page, draftId };
}

test('two browsers of one unit both 报送 offline: the conflict shows, compared, one kept, gone at the supervisor too', async () => {
  const contexts = [0, 1].map(() => browser.newContext({ viewport: { width: 1366, height: 1000 } }));
  const [officeContext, laptopContext, bossContext] = await Promise.all([...contexts, browser.newContext({ viewport: { width: 1366, height: 1000 } })]);
  const office = await clerkBrowser(officeContext!);
  const laptop = await clerkBrowser(laptopContext!);
  const watched = [watch(office.page), watch(laptop.page)];

  // The laptop's clerk changes the 导语 and marks the report ready again.
  await laptop.page.getByRole('button', { name: '重新打开编辑' }).click();
  const preamble = laptop.page.getByRole('textbox', { name: '导语' });
  await preamble.fill(`${await preamble.inputValue()}${LAPTOP_SENTENCE}`);
  await laptop.page.getByRole('button', { name: '定稿' }).click();
  await laptop.page.getByRole('button', { name: '重新打开编辑' }).waitFor();

  // Both lose the network and both 报送 the same year: each keeps it locally.
  for (const context of [officeContext!, laptopContext!]) await context.setOffline(true);
  for (const { page } of [office, laptop]) {
    await page.getByRole('button', { name: '报送', exact: true }).click();
    // Kept here (the draft reloads with its 报送 version: the button says 重新报送 now).
    await page.getByRole('button', { name: '重新报送', exact: true }).waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByRole('group', { name: '与政务公开办共享' }).getByRole('status').first().textContent()).toMatch(/尚未同步（离线）/);
  }
  expect(await serverDoc()).toBeUndefined();

  // Back online: the server has both versions, overwriting neither.
  for (const context of [officeContext!, laptopContext!]) await context.setOffline(false);
  await expect.poll(async () => (await serverDoc('?conflicts=true'))?._conflicts?.length ?? 0, { timeout: 30_000 }).toBe(1);

  // The 政务公开办 sees it, and that only the unit can settle it.
  const boss = await bossContext!.newPage();
  const bossWatched = watch(boss);
  await boss.goto(`${baseUrl()}#/review`);
  await boss.getByRole('textbox', { name: '审核人' }).fill('王审核');
  await boss.getByRole('button', { name: '连接到共享服务器' }).click();
  await fillConnectForm(boss, server.url, supervisor);
  const bossRegion = boss.getByRole('region', { name: `${AGENCY}：2022 年度报送的年报有两个版本` });
  await bossRegion.waitFor({ timeout: 30_000 });
  expect(await bossRegion.textContent()).toContain('只有该单位能选择保留哪个版本');
  const unitRow = boss.getByRole('table', { name: '各单位年报及审核情况' }).getByRole('row', { name: new RegExp(AGENCY) }).first();
  await expect.poll(() => unitRow.textContent(), { timeout: 20_000 }).toContain('有冲突');
  await boss.screenshot({ path: screenshotPath('clerk-conflict-supervisor-zh-CN.png'), fullPage: true });

  // The office's clerk sees the submission has two versions: who and when, this draft marked.
  const conflictButton = office.page.getByRole('button', { name: '报送的年报有两个版本' });
  await conflictButton.waitFor({ timeout: 30_000 });
  await conflictButton.click();
  const panel = office.page.getByRole('dialog', { name: `${AGENCY}：2022 年度报送的年报有两个版本` });
  const listed = await panel.getByRole('listitem').allTextContents();
  expect(listed).toHaveLength(2);
  expect(listed.every((line) => line.includes(clerk.name))).toBe(true);
  expect(listed.filter((line) => line.includes('（本草稿）'))).toHaveLength(1);
  // Compared with the review's compare view: the laptop's sentence is the difference.
  await panel.getByRole('button', { name: '比较两个版本' }).click();
  await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain(LAPTOP_SENTENCE);
  await view(office.page, 'compare-zh-CN');
  // The laptop sees the same conflict.
  await laptop.page.getByRole('button', { name: '报送的年报有两个版本' }).waitFor({ timeout: 30_000 });

  // In English.
  await office.page.evaluate(() => localStorage.setItem('nianbao.language', 'en'));
  await office.page.reload();
  const buttonEn = office.page.getByRole('button', { name: 'The submitted report has two versions' });
  await buttonEn.waitFor({ timeout: 30_000 });
  await buttonEn.click();
  const panelEn = office.page.getByRole('dialog', { name: `${AGENCY}: the report submitted for 2022 has two versions` });
  expect((await panelEn.getByRole('listitem').allTextContents()).filter((line) => line.includes('(this draft)'))).toHaveLength(1);
  await panelEn.getByRole('button', { name: 'Compare the two versions' }).click();
  await expect.poll(() => panelEn.textContent(), { timeout: 20_000 }).toContain(LAPTOP_SENTENCE);
  await view(office.page, 'compare-en');

  // Keep the version shown: the other one is removed (a tombstone), nothing overwritten.
  const before = (await serverDoc('?conflicts=true'))!;
  await panelEn.getByRole('button', { name: 'Keep the version shown now' }).click();
  await office.page.getByText('The chosen version is kept; the other was removed.').waitFor({ timeout: 20_000 });
  await expect.poll(async () => (await serverDoc('?conflicts=true'))?._conflicts ?? [], { timeout: 30_000 }).toEqual([]);
  expect((await serverDoc())?._rev).toBe(before._rev);
  await buttonEn.waitFor({ state: 'detached', timeout: 20_000 });
  await view(office.page, 'resolved-en');

  // Gone in the other browser and at the supervisor too.
  await expect.poll(() => laptop.page.getByRole('button', { name: '报送的年报有两个版本' }).count(), { timeout: 30_000 }).toBe(0);
  await expect.poll(() => bossRegion.count(), { timeout: 30_000 }).toBe(0);
  await expect.poll(() => unitRow.textContent(), { timeout: 20_000 }).not.toContain('有冲突');
  await boss.screenshot({ path: screenshotPath('clerk-conflict-supervisor-resolved-zh-CN.png'), fullPage: true });

  const benign = (e: string) => /Failed to load resource|ERR_INTERNET_DISCONNECTED|net::/.test(e);
  for (const w of [...watched, bossWatched]) expect(w.errors.filter((e) => !benign(e))).toEqual([]);
  for (const context of [officeContext!, laptopContext!, bossContext!]) await context.close();
}, 300_000);
