/**
 * Headless Chromium for e2e tests: Debian's /usr/bin/chromium driven by playwright-core
 * (playwright's own browser download cannot run here). Page errors and console errors fail the
 * test that caused them.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, executablePath } from './chromium.ts';

export { CHROMIUM_ARGS, executablePath } from './chromium.ts';

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, chromiumSandbox: false });
}

/**
 * A persistent profile (IndexedDB survives page reloads and new pages within it). The built app
 * registers its service worker after the first load; `serviceWorkers: 'block'` for a test whose
 * page.route must see every request (the worker answers the app's files from its cache).
 */
export async function launchPersistent(options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  return chromium.launchPersistentContext(dir, { executablePath, args: CHROMIUM_ARGS, chromiumSandbox: false, viewport: { width: 1366, height: 900 }, ...options });
}

export interface Watched {
  errors: string[];
}

/** Collects page errors and console errors of a page; assert `errors` is empty at the end. */
export function watch(page: Page): Watched {
  const watched: Watched = { errors: [] };
  page.on('pageerror', (e) => watched.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') watched.errors.push(`console: ${m.text()}`);
  });
  return watched;
}

/**
 * Where a test's screenshot goes: test-results/screenshots/ (ignored), always, so a test run
 * leaves the tree clean. `npm run screenshots` copies the README's pictures from there to docs/.
 */
export function screenshotPath(name: string): string {
  const dir = 'test-results/screenshots';
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** The draft as IndexedDB holds it, read in the page. */
export async function storedDraft(page: Page, id: string): Promise<{ revision: number; document: Record<string, unknown> } | undefined> {
  return page.evaluate(
    (draftId) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('nianbao');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('drafts').objectStore('drafts').get(draftId);
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    id,
  );
}
