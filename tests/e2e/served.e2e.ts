/**
 * The app as `nianbao server start` serves it (issue 21): the built dist/ at `/` and the CouchDB
 * API at `/couchdb` on one origin, with its Content-Security-Policy. A clerk walks every screen
 * (drafts home, new draft, each section of the editor, print view, import of a PDF and a Word
 * file, review workspace, the sharing form): no request leaves the app's origin and the policy
 * is never violated. Then the clerk connects with the server filled in by itself, and 报送:
 * no response carries a CORS header. Screenshots of the prefilled form in zh-CN and en.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, screenshotPath, watch, type Watched } from './browser.ts';
import { createDraft } from './clerk.ts';
import { startEmbeddedServer, type EmbeddedServer } from '../../src/server/embedded.ts';
import { setupArea } from '../../src/server/setup.ts';

const admin = { name: 'admin', password: 'admin-served-password' };
const clerk = { name: 'plzfb', password: 'plzfb-password-1' };
const AGENCY = '平罗县人民政府办公室';
const seedText = readFileSync('tests/fixtures/pingluo-2022.json', 'utf8');

let server: EmbeddedServer;
let browser: Browser;

beforeAll(async () => {
  // No --origin: the app served at / needs no CORS.
  server = await startEmbeddedServer({ port: 0, inMemory: true, admin, origins: [], app: 'dist' });
  if (!server.app?.built) throw new Error('dist/ is missing: run `npm run build` before the e2e tests');
  await setupArea(server.url, admin, [{ agency: AGENCY, user: clerk.name, password: clerk.password }], { name: 'zwgk', password: 'zwgk-password-1' });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Guarded extends Watched {
  /** Requests to any origin but the app's own. */
  foreign: string[];
  /** Responses with Access-Control-Allow-Origin (none is needed on one origin). */
  cors: string[];
  /** Every request the pages made. */
  requests: string[];
  /** Responses of 400 and above, but PouchDB's first read of a replication checkpoint (`_local/…`: 404). */
  failed: string[];
}

/**
 * Watches a context: every request (pages and their workers), every response's CORS header,
 * page errors, console errors (Chromium reports a refused resource or script there) and the
 * `securitypolicyviolation` events of the documents.
 */
async function guard(context: BrowserContext, page: Page): Promise<Guarded> {
  const watched = watch(page);
  const guarded: Guarded = Object.assign(watched, { foreign: [] as string[], cors: [] as string[], requests: [] as string[], failed: [] as string[] });
  context.on('request', (request) => {
    guarded.requests.push(request.url());
    const url = new URL(request.url());
    // A download the app makes itself (导出 JSON) is a blob: of its own origin.
    if (url.protocol === 'blob:' && url.pathname.startsWith(server.origin)) return;
    if (url.protocol === 'data:') return;
    if (url.origin !== server.origin) guarded.foreign.push(request.url());
  });
  context.on('response', (response) => {
    const allow = response.headers()['access-control-allow-origin'];
    if (allow !== undefined) guarded.cors.push(`${response.url()}: ${allow}`);
    if (response.status() >= 400 && !(response.status() === 404 && /\/couchdb\/[^/]+\/_local\//.test(response.url()))) guarded.failed.push(`${response.status()} ${response.url()}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
  });
  return guarded;
}

const home = () => `${server.origin}/`;

test('every screen of the app served by nianbao server start: nothing leaves its origin, the policy holds', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const guarded = await guard(context, page);

  // The document has the policy of the build, as the server sent it.
  const response = await page.goto(home());
  expect(response!.headers()['content-security-policy']).toBe(server.app!.csp);
  expect(response!.headers()['cache-control']).toBe('no-cache');

  // Drafts home → new draft → every section of the editor, typing in one.
  const id = await createDraft(page, home(), '某某县交通运输局');
  const sections = page.getByRole('navigation', { name: '年报各部分' }).getByRole('button');
  await sections.first().waitFor();
  const count = await sections.count();
  expect(count).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < count; i++) {
    await sections.nth(i).click();
    await page.locator('main').waitFor();
  }
  await page.getByRole('navigation', { name: '年报各部分' }).getByRole('button', { name: /二、主动公开政府信息情况/ }).click();
  await page.locator('[data-cell="proactive.regulations.issued"]').click();
  await page.keyboard.type('7');
  await page.keyboard.press('Tab');
  await expect.poll(() => page.getByText(/已保存/).count(), { timeout: 10_000 }).toBeGreaterThan(0);

  // The print view: the renderer's markup, its inline table styles and its stylesheet.
  await page.getByRole('link', { name: '打印预览' }).click();
  await page.waitForURL(new RegExp(`#/drafts/${id}/print$`));
  const sheet = page.getByRole('region', { name: /预览/ });
  await sheet.locator('table').nth(2).waitFor();
  expect(await sheet.locator('td[data-cell="proactive.regulations.issued"]').textContent()).toBe('7');
  // The sheet is laid out by the print stylesheet (A4 width), and the table keeps its inline borders.
  expect(await sheet.locator('table').first().evaluate((t) => getComputedStyle(t).borderCollapse)).toBe('collapse');
  expect(await sheet.locator('.nb-report').first().evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(600);
  await page.screenshot({ path: screenshotPath('served-print-zh-CN.png') });

  // The import page: a PDF (pdf.js and its worker) and a Word file, read in the browser.
  await page.goto(`${home()}#/import`);
  for (const name of ['zhanjiang-dfz-2023.pdf', 'zhanjiang-dfz-2023.docx']) {
    await page.getByLabel('或选择文件').setInputFiles(`tests/fixtures/import/${name}`);
    await expect.poll(() => page.getByLabel('机关名称').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByLabel('机关名称').inputValue(), { timeout: 30_000 }).toBe('湛江市人民政府地方志办公室');
    await page.goto(`${home()}#/`);
    await page.goto(`${home()}#/import`);
  }

  // The review workspace, and its sharing form.
  await page.goto(`${home()}#/review`);
  await page.getByRole('button', { name: '连接到共享服务器' }).click();
  await expect.poll(() => page.getByLabel('服务器地址').inputValue()).toBe(server.url);

  // The clerk's sharing form in the editor.
  await page.goto(`${home()}#/drafts/${id}`);
  await page.getByRole('button', { name: '连接到政务公开办' }).click();
  await expect.poll(() => page.getByLabel('服务器地址').inputValue()).toBe(server.url);

  expect(guarded.foreign).toEqual([]);
  expect(guarded.cors).toEqual([]);
  expect(guarded.failed).toEqual([]);
  expect(guarded.errors).toEqual([]);
  // pdf.js's worker ran under the policy (worker-src 'self'), and the Word reader's chunk loaded.
  expect(guarded.requests.some((url) => /\/assets\/pdf\.worker[^/]*\.m?js$/.test(url))).toBe(true);
  expect(guarded.requests.length).toBeGreaterThan(20);
  await context.close();
});

test('the app at / connects with its own server filled in, and 报送 without any CORS header', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const guarded = await guard(context, page);

  await page.goto(home());
  await page.getByLabel('选择要导入的 JSON 文件').setInputFiles({ name: `${AGENCY}-2022.json`, mimeType: 'application/json', buffer: Buffer.from(seedText) });
  await page.getByRole('link', { name: '打开' }).click();
  await page.waitForURL(/#\/drafts\/[\w-]+/);

  await page.getByRole('button', { name: '连接到政务公开办' }).click();
  const address = page.getByLabel('服务器地址');
  await expect.poll(() => address.inputValue()).toBe(server.url);
  await page.getByRole('form', { name: '连接到政务公开办的服务器' }).screenshot({ path: screenshotPath('served-connect-prefilled-zh-CN.png') });

  await page.getByLabel('用户名').fill(clerk.name);
  await page.getByLabel('密码').fill(clerk.password);
  await page.getByRole('button', { name: '连接', exact: true }).click();
  const reach = page.getByRole('group', { name: '与政务公开办共享' }).getByRole('status').first();
  await page.getByRole('button', { name: '报送', exact: true }).click();
  // The indicator may say 已同步 before the press (the working copy went on connecting): the server is asked.
  const submitted = async () => {
    const stored = await fetch(`${server.url}/nianbao-unit-${clerk.name}/${encodeURIComponent(`report:2022:${clerk.name}`)}`, {
      headers: { authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}` },
    });
    return stored.ok ? ((await stored.json()) as { report: { review: { status: string } } }).report.review.status : undefined;
  };
  await expect.poll(submitted, { timeout: 20_000 }).toBe('submitted');
  await expect.poll(() => reach.textContent(), { timeout: 20_000 }).toMatch(/已同步到政务公开办/);
  await page.screenshot({ path: screenshotPath('served-clerk-submitted-zh-CN.png') });

  // In English, a fresh browser: the form is filled in the same way.
  const en = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const enPage = await en.newPage();
  const enGuarded = await guard(en, enPage);
  await enPage.goto(home());
  await enPage.evaluate(() => localStorage.setItem('nianbao.language', 'en'));
  await enPage.goto(`${home()}#/review`);
  await enPage.reload();
  await enPage.getByRole('button', { name: 'Connect to the sharing server' }).click();
  await expect.poll(() => enPage.getByLabel('Server address').inputValue()).toBe(server.url);
  await enPage.getByRole('form', { name: /Connect to the sharing server/ }).screenshot({ path: screenshotPath('served-connect-prefilled-en.png') });

  for (const g of [guarded, enGuarded]) {
    expect(g.foreign).toEqual([]);
    expect(g.cors).toEqual([]);
    expect(g.failed).toEqual([]);
    // Chromium says "Failed to load resource" for each 404 of a checkpoint read (counted in `failed`).
    expect(g.errors.filter((e) => !/Failed to load resource: the server responded with a status of 404/.test(e))).toEqual([]);
  }
  await en.close();
  await context.close();
});
