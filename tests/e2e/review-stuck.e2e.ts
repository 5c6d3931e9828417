/**
 * Issue 20 point 5 as it was met: a unit whose 机关名称 holds a lone surrogate, kept in the review
 * workspace's database (by a version from before decode refused it). The workspace still opens,
 * names the record it cannot read and the field, and removes it; nothing throws.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { baseUrl, launchPersistent, screenshotPath, watch } from './browser.ts';

let context: BrowserContext;
beforeEach(async () => {
  context = await launchPersistent();
});
afterEach(async () => {
  await context?.close();
});

test('a stored unit that no longer decodes is named and can be removed; the workspace is never blank', async () => {
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(`${baseUrl()}#/review`);
  await page.getByRole('heading', { level: 1, name: '审核工作台' }).waitFor();
  const document = JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8'));
  document.meta.agency = '\ud800平罗县';
  await page.evaluate(
    (doc) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('nianbao-review');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('versions', 'readwrite');
          tx.objectStore('versions').put({
            id: 'v-old',
            unitKey: `${doc.meta.agency}|2022`,
            agency: doc.meta.agency,
            year: 2022,
            fileName: '平罗县-2022.json',
            receivedAt: 1,
            fingerprint: 'x',
            document: doc,
            updatedAt: 1,
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    document,
  );
  await page.reload();
  const unreadable = page.getByRole('alert').filter({ hasText: '无法读取' });
  await unreadable.waitFor();
  expect(await unreadable.textContent()).toContain('平罗县-2022.json');
  await page.screenshot({ path: screenshotPath('review-unreadable-zh-CN.png') });
  await unreadable.getByRole('button', { name: /从工作台移除/ }).click();
  await expect.poll(() => page.getByRole('alert').filter({ hasText: '无法读取' }).count()).toBe(0);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '审核工作台' }).waitFor();
  expect(await page.getByRole('alert').filter({ hasText: '无法读取' }).count()).toBe(0);
  expect(watched.errors).toEqual([]);
});
