/**
 * Installed and offline (issue 21, point 2): the built app served by a plain static server, as a
 * 政务公开办 hosts it. After one visit the service worker controls the page; with the network
 * cut the app opens, a draft is created, filled, kept over a reload, printed and exported. The
 * worker answers nothing but the app's own files: the sharing server's API (/couchdb) is never
 * served from a cache. A second build deployed → the notice of a new version; 刷新 saves the
 * value just typed, then the new version loads, and nothing typed is lost.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchPersistent, screenshotPath, storedDraft, watch } from './browser.ts';
import { cell, createDraft, typeInto } from './clerk.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';

const FIRST = resolve('dist');
const SECOND_MARK = 'nianbao e2e: the second build';
const CELL = 'applications.newReceived.naturalPerson';

let server: StaticServer;
let second: string;

beforeAll(async () => {
  if (!readFileSync(join(FIRST, 'sw.js'), 'utf8').includes('precacheAndRoute')) throw new Error('dist/sw.js is not the service worker: run `npm run build`');
  // A changed build, as the next release would be: the same code with one more line in its page.
  second = mkdtempSync(join(tmpdir(), 'nianbao-second-build-'));
  const marked: Plugin = { name: 'e2e-second-build', transformIndexHtml: (html) => html.replace('</head>', `<meta name="nianbao-build" content="${SECOND_MARK}">\n</head>`) };
  await build({ logLevel: 'warn', plugins: [marked], build: { outDir: second, emptyOutDir: true } });
  server = await startStaticServer(FIRST);
}, 240_000);

afterAll(async () => {
  await server?.close();
});

/** The first visit: the page loads, the worker installs (the app's files precached) and takes control. */
async function firstVisit(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  return page;
}

const storedCell = (doc: Record<string, unknown> | undefined, id: string) =>
  id.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);

test('after one visit, with the network cut: open, create, type, reload, print, export; no server response is cached', async () => {
  server.root = FIRST;
  server.offline = false;
  const context = await launchPersistent();
  try {
    const page = await firstVisit(context);
    const watched = watch(page);

    // The worker registers without a library, and the notice's code comes only with a new version.
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js')));
    expect(scripts.some((url) => url.includes('/assets/index-')), scripts.join()).toBe(true);
    expect(scripts.filter((url) => /\/(appUpdate|workbox-window)[-.]/.test(url))).toEqual([]);

    // What the worker keeps: the app's own files only, and all of them (the lazy parts too).
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls;
    });
    const origin = new URL(server.url).origin;
    expect(cached.every((url) => url.startsWith(`${origin}/`))).toBe(true);
    expect(cached.some((url) => url.includes('/couchdb'))).toBe(false);
    for (const part of ['index.html', 'manifest.webmanifest', 'icons/maskable-512.png', '/PrintPage-', '/docx-', '/pdf.worker.min-', '/HomePage-']) {
      expect(cached.some((url) => url.includes(part)), part).toBe(true);
    }
    // The manifest the browser reads to install the app.
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
      return (await fetch(href)).json() as Promise<{ name: string; short_name: string; lang: string; theme_color: string; icons: { purpose: string }[] }>;
    });
    expect(manifest).toMatchObject({ short_name: '年报', lang: 'zh-CN' });
    // The theme colour is the app's accent (src/ui/base.css), in the manifest and the page alike.
    const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    expect(manifest.theme_color).toBe(accent);
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(accent);
    expect(manifest.icons.map((icon) => icon.purpose).sort()).toEqual(['any', 'any', 'maskable']);

    // The sharing server's API, although its answer says "cache me for a day", is asked every time
    // (no-store: past the browser's HTTP cache, but not past the worker, which sees every request)…
    const couch = () => page.evaluate(async () => ((await (await fetch('/couchdb/_session', { cache: 'no-store' })).json()) as { request: number }).request);
    const one = await couch();
    expect(await couch()).toBe(one + 1);

    // …and with the network cut, it fails: nothing kept it.
    server.offline = true;
    await context.setOffline(true);
    expect(await page.evaluate(() => fetch('/couchdb/_session', { cache: 'no-store' }).then(() => 'answered', () => 'failed'))).toBe('failed');
    expect(server.couchRequests).toBe(one + 1);

    // The app opens, from the worker's cache alone.
    await page.reload();
    await page.getByRole('button', { name: '新建年报' }).waitFor();
    const id = await createDraft(page, server.url, '某某县司法局');
    await page.goto(`${server.url}#/drafts/${id}/applications`);
    await typeInto(page, CELL, '37');
    await expect.poll(async () => storedCell((await storedDraft(page, id))?.document, CELL)).toBe(37);
    await page.reload();
    await expect.poll(() => cell(page, CELL).inputValue()).toBe('37');
    await page.screenshot({ path: screenshotPath('offline-editor-zh-CN.png') });

    // Print: the print view renders with the figure.
    await page.goto(`${server.url}#/drafts/${id}/print`);
    const sheet = page.getByRole('region', { name: /预览/ });
    await sheet.locator('table').nth(2).waitFor();
    expect(await sheet.locator(`td[data-cell="${CELL}"]`).textContent()).toBe('37');
    await page.screenshot({ path: screenshotPath('offline-print-zh-CN.png') });

    // Export JSON: the file holds the figure.
    await page.goto(`${server.url}#/drafts/${id}/applications`);
    await cell(page, CELL).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 JSON', exact: true }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
    expect(storedCell(exported, CELL)).toBe(37);

    // The English strings, fetched lazily when chosen, are there too.
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('button', { name: 'Export JSON', exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath('offline-editor-en.png') });

    // A navigation to the sharing server's address does not get the app's page.
    await expect(page.goto(`${server.url}couchdb/`)).rejects.toThrow();
    expect(watched.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(e))).toEqual([]);
  } finally {
    await context.setOffline(false);
    server.offline = false;
    await context.close();
  }
});

/**
 * Logs, in sessionStorage (it outlives the reload), each IndexedDB write of the drafts store with
 * the figure it carries, and the page's unload: the save must come before the reload.
 */
const WRITE_LOG = `(() => {
  const log = (entry) => sessionStorage.setItem('e2e-log', JSON.stringify([...JSON.parse(sessionStorage.getItem('e2e-log') || '[]'), entry]));
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    if (this.name === 'drafts') log({ kind: 'put', figure: value?.document?.applications?.newReceived?.naturalPerson ?? null });
    return put.call(this, value, key);
  };
  addEventListener('beforeunload', () => log({ kind: 'unload' }), { capture: true });
})();`;

test('a new version deployed: the notice, and 刷新 saves what was just typed before the new version loads', async () => {
  server.root = FIRST;
  server.offline = false;
  const context = await launchPersistent();
  try {
    const page = await firstVisit(context);
    const watched = watch(page);
    const id = await createDraft(page, server.url, '某某县审计局');

    // The next release is put on the server; the open page learns of it on its next load.
    server.root = second;
    await page.goto(`${server.url}#/drafts/${id}/applications`);
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: '有新版本，保存后刷新即可使用' });
    await notice.waitFor({ timeout: 60_000 });
    // Still the first build's code: nothing was swapped on its own.
    expect(await page.locator('meta[name="nianbao-build"]').count()).toBe(0);
    await cell(page, CELL).waitFor();
    await page.screenshot({ path: screenshotPath('update-notice-zh-CN.png') });

    // In English (the waiting version is announced again on the next load).
    await page.getByLabel('语言').selectOption('en');
    await page.reload();
    const noticeEn = page.getByRole('status').filter({ hasText: 'A new version is available' });
    await noticeEn.waitFor({ timeout: 60_000 });
    await cell(page, CELL).waitFor();
    await page.screenshot({ path: screenshotPath('update-notice-en.png') });

    // A figure typed, and at once Reload: it is saved, then the page reloads onto the new version.
    await context.addInitScript({ content: WRITE_LOG });
    await page.evaluate(WRITE_LOG);
    await typeInto(page, CELL, '58');
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), noticeEn.getByRole('button', { name: 'Reload' }).click()]);
    await page.locator('meta[name="nianbao-build"]').waitFor({ state: 'attached' });
    expect(await page.locator('meta[name="nianbao-build"]').getAttribute('content')).toBe(SECOND_MARK);
    await expect.poll(() => cell(page, CELL).inputValue()).toBe('58');
    expect(storedCell((await storedDraft(page, id))?.document, CELL)).toBe(58);
    const log = await page.evaluate(() => JSON.parse(sessionStorage.getItem('e2e-log') ?? '[]') as { kind: string; figure?: number }[]);
    const saved = log.findIndex((entry) => entry.kind === 'put' && entry.figure === 58);
    const unload = log.findIndex((entry) => entry.kind === 'unload');
    expect(saved, JSON.stringify(log)).toBeGreaterThanOrEqual(0);
    expect(saved, JSON.stringify(log)).toBeLessThan(unload);
    // No offer of unsaved edits: there were none left.
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    // The new version is the one in control now, and announces nothing more.
    expect(await page.getByRole('status').filter({ hasText: 'A new version is available' }).count()).toBe(0);
    expect(watched.errors).toEqual([]);
  } finally {
    await context.close();
  }
});
