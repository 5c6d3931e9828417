/**
 * Sharing through the embedded server, in Chromium: a clerk and the 政务公开办 in two browser
 * contexts on one pouchdb-server. The supervisor is connected first: 报送 → appears in the units
 * table without a reload → comment and 退回 → the clerk sees the returned banner and the comment
 * → fix (resolve) → 重新报送 while the clerk's network is cut (kept locally, said so) → network
 * back, it reaches the server and the supervisor's table by itself → 通过 → the clerk's draft says
 * approved. Nothing is lost on the way. Then a second computer of the 政务公开办 and the first
 * both comment offline: a real conflict, shown in the table and on the unit's page with both
 * versions, resolved by keeping one (the other revision removed).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`sharing-${name}.png`), fullPage: true });
/** What the window shows (a unit's page is very long: the conflict is at its top). */
const view = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`sharing-${name}.png`) });

async function connect(page: Page, who: { name: string; password: string }, opener: string) {
  await page.getByRole('button', { name: opener }).click();
  await fillConnectForm(page, server.url, who);
}

const serverDoc = (id: string, query = '') =>
  readServerDoc<{ _rev: string; _conflicts?: string[]; report: { review: { status: string; comments: { text: string; resolved: boolean }[] } } }>(server, id, query);

test('报送 → 退回 with a comment → fix offline → 重新报送 → 通过, two browsers on one server', async () => {
  const clerkContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const supervisorContext = await browser.newContext({ viewport: { width: 1366, height: 1000 } });
  const clerkPage = await clerkContext.newPage();
  const supervisorPage = await supervisorContext.newPage();
  const clerkErrors = watch(clerkPage);
  const supervisorErrors = watch(supervisorPage);

  // The 政务公开办 connects first: every unit of the roster is in the units table, 未开始.
  await supervisorPage.goto(`${baseUrl()}#/review`);
  await supervisorPage.getByRole('textbox', { name: '审核人' }).fill('王审核');
  await connect(supervisorPage, supervisor, '连接到共享服务器');
  const units = supervisorPage.getByRole('table', { name: '各单位年报及审核情况' });
  const unitRow = (name: string) => units.getByRole('row', { name: new RegExp(name) });
  await expect.poll(() => unitRow('平罗县教育局').textContent(), { timeout: 20_000 }).toContain('未开始');
  await expect.poll(() => unitRow(AGENCY).textContent(), { timeout: 20_000 }).toContain('未开始');

  // The clerk's report (a 定稿 report, imported from its file), then 连接到政务公开办.
  await clerkPage.goto(baseUrl());
  await clerkPage.getByLabel('选择要导入的 JSON 文件').setInputFiles({ name: `${AGENCY}-2022.json`, mimeType: 'application/json', buffer: Buffer.from(seedText) });
  await clerkPage.getByRole('link', { name: '打开' }).click();
  await clerkPage.waitForURL(/#\/drafts\/[\w-]+/);
  const draftId = /#\/drafts\/([\w-]+)/.exec(clerkPage.url())![1]!;
  await connect(clerkPage, clerk, '连接到政务公开办');
  const reach = clerkPage.getByRole('group', { name: '与政务公开办共享' }).getByRole('status').first();
  await clerkPage.getByRole('button', { name: '报送', exact: true }).click();
  // (The indicator said 已同步 before already: the working copy went when the clerk connected.)
  await expect.poll(async () => (await serverDoc(`report:2022:${clerk.name}`))?.report.review.status, { timeout: 20_000 }).toBe('submitted');
  await expect.poll(() => reach.textContent(), { timeout: 20_000 }).toMatch(/已同步到政务公开办/);
  await shot(clerkPage, 'clerk-submitted-zh-CN');

  // The submission appears in the supervisor's table by itself (no reload, no button), in seconds.
  const reached = Date.now();
  const unitLink = supervisorPage.getByRole('link', { name: AGENCY });
  await unitLink.first().waitFor({ timeout: 15_000 });
  await expect.poll(() => unitRow(AGENCY).textContent(), { timeout: 15_000 }).toContain('已报送');
  console.info(`submission in the supervisor's units table ${Date.now() - reached} ms after it reached the server`);
  expect(await supervisorPage.getByRole('group', { name: '按进度筛选' }).textContent()).toMatch(/未开始\s*1.*已报送\s*1/);
  await shot(supervisorPage, 'supervisor-units-zh-CN');

  // Comment and 退回.
  await unitLink.first().click();
  await supervisorPage.getByRole('textbox', { name: '意见内容' }).fill('请补充信息处理费的收取情况。');
  await supervisorPage.getByRole('button', { name: '添加审核意见' }).click();
  await supervisorPage.getByText('已添加审核意见。').waitFor();
  await supervisorPage.getByRole('textbox', { name: '退回理由（必填）' }).fill('请按意见修改后重新报送。');
  await supervisorPage.getByRole('button', { name: '退回修改' }).click();
  await supervisorPage.getByText('已退回。').waitFor();
  await expect.poll(async () => (await serverDoc(`review:2022:${clerk.name}`))?.report.review.status, { timeout: 20_000 }).toBe('returned');

  // The clerk sees it: the returned banner and the comment, as a new version of the same draft.
  await clerkPage.getByText('政务公开办已退回本年报，请修改').waitFor({ timeout: 30_000 });
  expect(clerkPage.url()).toContain(draftId);
  await clerkPage.getByText('请补充信息处理费的收取情况。').first().waitFor();
  // Connected, the banner sends the clerk to 重新报送, not to a JSON file.
  const returnedBanner = clerkPage.getByRole('region', { name: '政务公开办已退回本年报，请修改' });
  expect(await returnedBanner.textContent()).toContain('点工具栏中的“重新报送”');
  expect(await returnedBanner.textContent()).not.toContain('JSON');
  await shot(clerkPage, 'clerk-returned-zh-CN');
  await clerkPage.evaluate(() => localStorage.setItem('nianbao.language', 'en'));
  await clerkPage.reload();
  const returnedBannerEn = clerkPage.getByRole('region', { name: 'The reviewing office returned this report for changes' });
  await expect.poll(() => returnedBannerEn.textContent(), { timeout: 20_000 }).toContain('“Submit again” in the toolbar');
  await clerkPage.getByText(/synced to the 政务公开办/).first().waitFor({ timeout: 20_000 });
  await shot(clerkPage, 'clerk-returned-en');
  await clerkPage.evaluate(() => localStorage.setItem('nianbao.language', 'zh-CN'));
  await clerkPage.reload();
  await returnedBanner.waitFor({ timeout: 20_000 });
  // A new version of that same draft, as an imported returned file makes (导入, the latest in its
  // history), and no second draft.
  await clerkPage.getByRole('button', { name: '历史版本' }).click();
  const history = clerkPage.getByRole('dialog', { name: '历史版本' });
  await expect.poll(() => history.getByRole('row').filter({ hasText: '最新' }).textContent(), { timeout: 10_000 }).toContain('导入');
  await history.getByRole('button', { name: '关闭' }).first().click();
  const draftCount = await clerkPage.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('nianbao');
        open.onsuccess = () => {
          const request = open.result.transaction('drafts').objectStore('drafts').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );
  expect(draftCount).toBe(1);

  // The network goes; the clerk fixes and submits again: kept here, and said so.
  await clerkContext.setOffline(true);
  // The return opened the 定稿 draft for the changes (as an imported returned file does).
  expect(await clerkPage.getByRole('button', { name: '重新打开编辑' }).count()).toBe(0);
  await clerkPage.getByRole('button', { name: '标记为已解决' }).first().click();
  await clerkPage.getByRole('button', { name: '定稿' }).click();
  await clerkPage.getByRole('button', { name: '重新打开编辑' }).waitFor();
  await clerkPage.getByRole('button', { name: '重新报送' }).click();
  await expect.poll(() => reach.textContent(), { timeout: 20_000 }).toMatch(/尚未同步/);
  expect((await serverDoc(`report:2022:${clerk.name}`))?.report.review.status).toBe('submitted');
  expect((await serverDoc(`report:2022:${clerk.name}`))?.report.review.comments ?? []).toEqual([]);
  await shot(clerkPage, 'clerk-offline-zh-CN');

  // Back online: it reaches the server by itself, with the fix.
  await clerkContext.setOffline(false);
  await expect.poll(() => reach.textContent(), { timeout: 30_000 }).toMatch(/已同步到政务公开办/);
  const resubmitted = await serverDoc(`report:2022:${clerk.name}`);
  expect(resubmitted?.report.review.status).toBe('submitted');
  expect(resubmitted?.report.review.comments.map((c) => [c.text, c.resolved])).toEqual([['请补充信息处理费的收取情况。', true]]);

  // The supervisor gets the new version and approves it.
  await supervisorPage.getByRole('link', { name: /返回单位列表/ }).click();
  const resubmittedAt = Date.now();
  const row = supervisorPage.getByRole('row', { name: new RegExp(AGENCY) }).filter({ hasText: '个版本' });
  await expect.poll(() => row.count(), { timeout: 30_000 }).toBeGreaterThan(0);
  console.info(`resubmission in the units table ${Date.now() - resubmittedAt} ms after the clerk's network came back and it reached the server`);
  await row.first().getByRole('link', { name: AGENCY }).click();
  await supervisorPage.getByRole('button', { name: '审核通过' }).click();
  await supervisorPage.getByText('已通过。').waitFor();
  await supervisorPage.getByRole('link', { name: /返回单位列表/ }).click();
  await expect.poll(() => unitRow(AGENCY).textContent(), { timeout: 20_000 }).toContain('已通过');
  await shot(supervisorPage, 'supervisor-approved-zh-CN');

  // The clerk's draft says approved.
  await expect.poll(async () => (await serverDoc(`review:2022:${clerk.name}`))?.report.review.status, { timeout: 20_000 }).toBe('approved');
  await expect
    .poll(
      () =>
        clerkPage.evaluate(
          (id) =>
            new Promise<string>((resolve) => {
              const open = indexedDB.open('nianbao');
              open.onsuccess = () => {
                const request = open.result.transaction('drafts').objectStore('drafts').get(id);
                request.onsuccess = () => resolve(request.result?.document?.review?.status ?? '');
              };
            }),
          draftId,
        ),
      { timeout: 30_000 },
    )
    .toBe('approved');

  // In English too.
  await clerkPage.evaluate(() => localStorage.setItem('nianbao.language', 'en'));
  await clerkPage.reload();
  await clerkPage.getByText(/synced to the 政务公开办/).first().waitFor({ timeout: 20_000 });
  await shot(clerkPage, 'clerk-en');
  await supervisorPage.evaluate(() => localStorage.setItem('nianbao.language', 'en'));
  await supervisorPage.goto(`${baseUrl()}#/review`);
  await supervisorPage.reload();
  await supervisorPage.getByRole('table', { name: 'Units’ reports and their review' }).getByRole('row', { name: /平罗县教育局/ }).getByText('Not started').waitFor({ timeout: 20_000 });
  await shot(supervisorPage, 'supervisor-en');

  // Credentials never in storage: the password appears nowhere in localStorage or IndexedDB names.
  const stored = await clerkPage.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain(clerk.password);
  expect(clerkErrors.errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::/.test(e))).toEqual([]);
  expect(supervisorErrors.errors.filter((e) => !/Failed to load resource|net::/.test(e))).toEqual([]);
  await clerkContext.close();
  await supervisorContext.close();
}, 240_000);

test('a conflict: two computers of the 政务公开办 comment while offline; both versions shown, one kept, the other removed', async () => {
  const contexts = [await browser.newContext({ viewport: { width: 1366, height: 1100 } }), await browser.newContext({ viewport: { width: 1366, height: 1100 } })];
  const [one, two] = [await contexts[0]!.newPage(), await contexts[1]!.newPage()];
  const watched = [watch(one), watch(two)];
  for (const [page, name] of [
    [one, '王审核'],
    [two, '李审核'],
  ] as const) {
    await page.goto(`${baseUrl()}#/review`);
    await page.getByRole('textbox', { name: '审核人' }).fill(name);
    await connect(page, supervisor, '连接到共享服务器');
    // The other computer's 通过 came with the review document: both show the same review.
    const row = page.getByRole('table', { name: '各单位年报及审核情况' }).getByRole('row', { name: new RegExp(AGENCY) });
    await expect.poll(() => row.first().textContent(), { timeout: 20_000 }).toMatch(/已通过.*已通过/);
    await row.first().getByRole('link', { name: AGENCY }).click();
    await page.getByRole('textbox', { name: '意见内容' }).waitFor();
  }
  const before = await serverDoc(`review:2022:${clerk.name}`);

  // Both lose the network, and each adds a comment to the same version of the review.
  for (const context of contexts) await context.setOffline(true);
  // Said honestly: offline, the review kept here.
  await one.getByText('离线：审核意见保存在本机，联网后自动送达各单位').waitFor({ timeout: 15_000 });
  for (const [page, text] of [
    [one, '第一台电脑的意见'],
    [two, '第二台电脑的意见'],
  ] as const) {
    await page.getByRole('textbox', { name: '意见内容' }).fill(text);
    await page.getByRole('button', { name: '添加审核意见' }).click();
    await page.getByText('已添加审核意见。').waitFor();
  }
  for (const context of contexts) await context.setOffline(false);
  await one.getByText('在线：各单位的报送会自动出现在下方单位列表中').waitFor({ timeout: 15_000 });

  // The server kept both: a conflict, nothing overwritten.
  await expect.poll(async () => (await serverDoc(`review:2022:${clerk.name}`, '?conflicts=true'))?._conflicts?.length ?? 0, { timeout: 30_000 }).toBe(1);
  expect((await serverDoc(`review:2022:${clerk.name}`))?._rev).not.toBe(before?._rev);

  // The first computer shows it on the unit's page: both versions compared, and the choice.
  const region = one.getByRole('region', { name: /审核意见有两个版本/ });
  await region.waitFor({ timeout: 30_000 });
  await region.getByRole('button', { name: '改用另一版本' }).waitFor();
  const compared = await region.textContent();
  expect(compared).toContain('第一台电脑的意见');
  expect(compared).toContain('第二台电脑的意见');
  await view(one, 'conflict-unit-zh-CN');
  // …and in the units table, marked.
  await one.getByRole('link', { name: /返回单位列表/ }).click();
  const units = one.getByRole('table', { name: '各单位年报及审核情况' });
  await expect.poll(() => units.getByRole('row', { name: new RegExp(AGENCY) }).first().textContent(), { timeout: 20_000 }).toContain('有冲突');
  await shot(one, 'conflict-units-zh-CN');

  // In English.
  await one.evaluate(() => localStorage.setItem('nianbao.language', 'en'));
  await one.reload();
  await one.getByRole('table', { name: 'Units’ reports and their review' }).getByText('Conflict').first().waitFor({ timeout: 20_000 });
  await shot(one, 'conflict-units-en');
  await one.getByRole('table', { name: 'Units’ reports and their review' }).getByRole('link', { name: AGENCY }).first().click();
  const regionEn = one.getByRole('region', { name: /the review of 2022 has two versions/ });
  await regionEn.waitFor({ timeout: 20_000 });
  await view(one, 'conflict-unit-en');

  // Keep the other version: the shown one's revision is removed; the server has one version left.
  const conflicted = await serverDoc(`review:2022:${clerk.name}`, '?conflicts=true');
  await regionEn.getByRole('button', { name: 'Use the other version' }).click();
  await one.getByText('The chosen version is kept; the other was removed.').waitFor({ timeout: 20_000 });
  await expect.poll(async () => (await serverDoc(`review:2022:${clerk.name}`, '?conflicts=true'))?._conflicts ?? [], { timeout: 20_000 }).toEqual([]);
  const kept = await serverDoc(`review:2022:${clerk.name}`);
  expect(kept?._rev).toBe(conflicted?._conflicts?.[0]);
  await regionEn.waitFor({ state: 'detached', timeout: 20_000 });
  // The second computer sees the conflict gone too.
  await expect.poll(() => two.getByRole('region', { name: /审核意见有两个版本/ }).count(), { timeout: 30_000 }).toBe(0);

  for (const w of watched) expect(w.errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::/.test(e))).toEqual([]);
  for (const context of contexts) await context.close();
}, 180_000);
