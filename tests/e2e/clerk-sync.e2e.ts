/**
 * The clerk's side of sharing in Chromium, with the 政务公开办 in a second browser context on the
 * same embedded server: the drafts home's sharing entry (connect there, where this year's report
 * stands, last sync), the working copy that reaches the server as the clerk types (the
 * supervisor's units table says 填报中), the sync indicator through an offline spell (nothing
 * lost), 报送 → 已报送, a reload that settles (never an endless "connecting"), and the last sync
 * remembered across reloads on both sides.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AGENCY, clerk, fillConnectForm as fillForm, seedText, serverDoc as readServerDoc, startArea, supervisor } from './area.ts';
import { baseUrl, launch, screenshotPath, watch } from './browser.ts';
import type { EmbeddedServer } from '../../src/server/embedded.ts';
import { reportingYear } from '../../src/report/year.ts';

let server: EmbeddedServer;
let browser: Browser;
let silent: Server | undefined;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = await startArea();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const socket of sockets) socket.destroy();
  silent?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`clerk-sync-${name}.png`), fullPage: true });

const fillConnectForm = (scope: Page, who: { name: string; password: string }) => fillForm(scope, server.url, who);
const serverDoc = (id: string) => readServerDoc<{ _rev: string; report: { meta: { contact: string }; review: { status: string } } }>(server, id);

/** Requests to the sharing server fail (the app itself still loads): a server out of reach. */
const cutServer = (context: BrowserContext) => context.route(`${server.url}/**`, (route) => route.abort('connectionrefused'));
const mendServer = (context: BrowserContext) => context.unroute(`${server.url}/**`);

test('home entry, 填报中 as the clerk types, offline and back with nothing lost, 报送, reloads that settle', async () => {
  const clerkContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const supervisorContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await clerkContext.newPage();
  const boss = await supervisorContext.newPage();
  const clerkErrors = watch(page);
  const supervisorErrors = watch(boss);

  // The drafts home: the sharing entry, connected from there.
  await page.goto(baseUrl());
  const entry = page.getByRole('region', { name: '与政务公开办共享' });
  await entry.getByRole('button', { name: '连接到政务公开办' }).click();
  await fillConnectForm(page, clerk);
  await expect.poll(() => entry.textContent(), { timeout: 20_000 }).toMatch(/已同步到政务公开办/);
  expect(await entry.textContent()).toContain(server.url);
  expect(await entry.textContent()).toContain('未报送');

  // The 政务公开办 connects: nobody has started.
  await boss.goto(`${baseUrl()}#/review`);
  await boss.getByRole('textbox', { name: '审核人' }).fill('王审核');
  await boss.getByRole('button', { name: '连接到共享服务器' }).click();
  await fillConnectForm(boss, supervisor);
  const unitRow = boss.getByRole('table', { name: '各单位年报及审核情况' }).getByRole('row', { name: new RegExp(AGENCY) });
  await expect.poll(() => unitRow.textContent(), { timeout: 20_000 }).toContain('未开始');

  // The clerk's report (imported from its file), reopened and typed into.
  await page.getByLabel('选择要导入的 JSON 文件').setInputFiles({ name: `${AGENCY}-2022.json`, mimeType: 'application/json', buffer: Buffer.from(seedText) });
  await page.getByRole('link', { name: '打开' }).click();
  await page.waitForURL(/#\/drafts\/[\w-]+/);
  const draftId = /#\/drafts\/([\w-]+)/.exec(page.url())![1]!;
  const indicator = page.getByRole('group', { name: '与政务公开办共享' }).getByRole('status').first();
  await page.getByRole('button', { name: '重新打开编辑' }).click();
  const contact = page.getByRole('textbox', { name: '联系方式' });
  await contact.fill('0952-6095358 转 801');
  await expect.poll(async () => (await serverDoc(`working:2022:${clerk.name}`))?.report.meta.contact, { timeout: 30_000 }).toBe('0952-6095358 转 801');
  await expect.poll(() => indicator.textContent(), { timeout: 20_000 }).toMatch(/^已保存在本机 · 已同步到政务公开办 \d\d:\d\d:\d\d$/);
  await shot(page, 'indicator-synced-zh-CN');

  // The supervisor sees 填报中, and no submission enters the workspace from a working copy.
  await expect.poll(() => unitRow.textContent(), { timeout: 30_000 }).toContain('填报中');
  await shot(boss, 'supervisor-filling-zh-CN');

  // Offline in the middle: typed, kept here, said so; back online it goes out by itself.
  await clerkContext.setOffline(true);
  await contact.fill('0952-6095358 转 802');
  await expect.poll(() => indicator.textContent(), { timeout: 20_000 }).toMatch(/尚未同步（离线）/);
  await page.waitForTimeout(3_000);
  expect((await serverDoc(`working:2022:${clerk.name}`))?.report.meta.contact).toBe('0952-6095358 转 801');
  await shot(page, 'indicator-offline-zh-CN');
  await clerkContext.setOffline(false);
  await expect.poll(async () => (await serverDoc(`working:2022:${clerk.name}`))?.report.meta.contact, { timeout: 30_000 }).toBe('0952-6095358 转 802');
  await expect.poll(() => indicator.textContent(), { timeout: 20_000 }).toMatch(/已同步到政务公开办/);

  // 定稿 → 报送: the supervisor sees 已报送, the submission (with the offline edit) in the workspace.
  await page.getByRole('button', { name: '定稿' }).click();
  await page.getByRole('button', { name: '重新打开编辑' }).waitFor();
  await page.getByRole('button', { name: '报送', exact: true }).click();
  await expect.poll(async () => (await serverDoc(`report:2022:${clerk.name}`))?.report.review.status, { timeout: 20_000 }).toBe('submitted');
  expect((await serverDoc(`report:2022:${clerk.name}`))?.report.meta.contact).toBe('0952-6095358 转 802');
  await expect.poll(() => indicator.textContent(), { timeout: 20_000 }).toMatch(/已同步到政务公开办/);
  await expect.poll(() => unitRow.textContent(), { timeout: 30_000 }).toContain('已报送');
  await boss.getByRole('link', { name: AGENCY }).first().waitFor({ timeout: 30_000 });

  // The home speaks of the year being reported (the create dialog's year), not of the latest
  // year sent: the 2022 report went, this year's has not; and it says when it last synced.
  await page.getByRole('navigation').getByRole('link').first().click();
  await page.waitForURL(/#\/$/);
  await expect.poll(() => entry.textContent(), { timeout: 20_000 }).toContain(`${reportingYear()} 年度年报未报送`);
  expect(await entry.textContent()).toMatch(/最近同步\d\d:\d\d:\d\d/);
  await shot(page, 'home-entry-zh-CN');

  // Reloaded with the server out of reach: the last sync is remembered (not "not yet"), on both sides.
  await cutServer(clerkContext);
  await page.reload();
  await expect.poll(() => entry.textContent(), { timeout: 20_000 }).toMatch(/尚未同步（离线）/);
  expect(await entry.textContent()).toMatch(/最近同步\d\d:\d\d:\d\d/);
  await mendServer(clerkContext);
  await cutServer(supervisorContext);
  await boss.reload();
  await expect.poll(() => unitRow.textContent(), { timeout: 20_000 }).toContain('已报送');
  await boss.getByText('各单位同步情况').click();
  const syncRow = boss.getByRole('table', { name: /应报送单位/ }).getByRole('row', { name: new RegExp(AGENCY) });
  await expect.poll(() => syncRow.textContent(), { timeout: 10_000 }).toMatch(/\d\d:\d\d:\d\d/);
  expect(await syncRow.textContent()).not.toContain('尚未同步');
  await mendServer(supervisorContext);

  // In English, reloaded: the indicator settles (never an endless "connecting").
  await page.evaluate(() => localStorage.setItem('nianbao.language', 'en'));
  await page.reload();
  const entryEn = page.getByRole('region', { name: 'Sharing with the 政务公开办' });
  await expect.poll(() => entryEn.textContent(), { timeout: 20_000 }).toMatch(/synced to the 政务公开办 \d\d:\d\d:\d\d/);
  await expect.poll(() => entryEn.textContent(), { timeout: 20_000 }).toContain(`Report for ${reportingYear()}Not submitted`);
  await shot(page, 'home-entry-en');
  await page.goto(`${baseUrl()}#/drafts/${draftId}`);
  const indicatorEn = page.getByRole('group', { name: 'Sharing with the 政务公开办' }).getByRole('status').first();
  await expect.poll(() => indicatorEn.textContent(), { timeout: 20_000 }).toMatch(/^Saved on this computer · synced to the 政务公开办 \d\d:\d\d:\d\d$/);
  await shot(page, 'indicator-synced-en');
  // The other unit's clerk starts filling (its browser's working copy, written over HTTP here).
  const other = { name: 'pljyj', password: 'pljyj-password-1' };
  const seed = JSON.parse(seedText) as { meta: Record<string, unknown> };
  const started = await fetch(`${server.url}/nianbao-unit-${other.name}/${encodeURIComponent(`working:2022:${other.name}`)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${other.name}:${other.password}`).toString('base64')}` },
    body: JSON.stringify({ type: 'working', year: 2022, agency: '平罗县教育局', report: { ...seed, meta: { ...seed.meta, agency: '平罗县教育局' } }, at: Date.now(), by: other.name }),
  });
  expect(started.status).toBe(201);
  await boss.evaluate(() => localStorage.setItem('nianbao.language', 'en'));
  await boss.reload();
  const unitsEn = boss.getByRole('table', { name: 'Units’ reports and their review' });
  await expect.poll(() => unitsEn.textContent(), { timeout: 20_000 }).toContain('Submitted');
  await expect.poll(() => unitsEn.getByRole('row', { name: /平罗县教育局/ }).textContent(), { timeout: 30_000 }).toMatch(/Filling/);
  await shot(boss, 'supervisor-filling-en');

  // In January 2023 the report being reported is 2022's: the home says it went (已报送).
  await page.clock.setFixedTime(new Date('2023-01-16T10:00:00'));
  await page.goto(baseUrl());
  await page.reload();
  await expect.poll(() => entryEn.textContent(), { timeout: 20_000 }).toContain('Report for 2022Submitted');
  await shot(page, 'home-entry-january-en');
  await page.evaluate(() => localStorage.setItem('nianbao.language', 'zh-CN'));
  await page.reload();
  await expect.poll(() => entry.textContent(), { timeout: 20_000 }).toContain('2022 年度年报已报送');
  await shot(page, 'home-entry-january-zh-CN');

  const benign = (e: string) => /Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|net::/.test(e);
  expect(clerkErrors.errors.filter((e) => !benign(e))).toEqual([]);
  expect(supervisorErrors.errors.filter((e) => !benign(e))).toEqual([]);
  await clerkContext.close();
  await supervisorContext.close();
}, 300_000);

test('a remembered connection to a server that never answers settles as offline, not an endless "connecting"', async () => {
  // A server that takes the connection and never says a word (a hung proxy, a dead VPN route).
  silent = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((done) => silent!.listen(0, '127.0.0.1', done));
  const port = (silent.address() as { port: number }).port;
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(baseUrl());
  await page.evaluate((url) => localStorage.setItem('nianbao.sharing', JSON.stringify({ url, user: 'plzfb', role: 'unit' })), `http://127.0.0.1:${port}`);
  await page.reload();
  const entry = page.getByRole('region', { name: '与政务公开办共享' });
  await expect.poll(() => entry.textContent(), { timeout: 20_000 }).toContain('正在连接');
  await expect.poll(() => entry.textContent(), { timeout: 30_000 }).toMatch(/尚未同步（离线）/);
  expect(await entry.textContent()).toContain('尚未同步');
  await context.close();
}, 90_000);
