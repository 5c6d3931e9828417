/**
 * The single file (issue 21, point 3) in figures: nianbao.html's size (raw and gzip, level 9 as
 * the other bundle figures) and its cold load from file:// in Chromium — a new page on the
 * file's address of a stored draft, to the first cell of 三 being editable (the same probe as the
 * served app's cold load). Built here with vite.single.config.ts beside the bench's own build.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { BrowserContext } from 'playwright-core';
import { EDITABLE_PROBE } from './browser.ts';
import { round, summarise, type Figure } from './stats.ts';

export async function benchSingleFile(context: BrowserContext, outDir: string, repeats: number): Promise<Figure[]> {
  await build({ configFile: 'vite.single.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const file = resolve(join(outDir, 'nianbao.html'));
  const bytes = readFileSync(file);
  const url = pathToFileURL(file).href;

  // A draft in the file's own storage (file:// is an origin of its own), made as a clerk would.
  const setup = await context.newPage();
  await setup.goto(`${url}#/`);
  await setup.getByRole('button', { name: '新建年报' }).click();
  await setup.getByLabel('机关名称').fill('某某县档案馆');
  await setup.getByRole('button', { name: '创建' }).click();
  await setup.waitForURL(/#\/drafts\/\w+$/);
  const id = new URL(setup.url()).hash.replace('#/drafts/', '');
  await setup.close();

  const times: number[] = [];
  for (let i = 0; i < repeats + 1; i++) {
    const page = await context.newPage();
    await page.addInitScript({ content: EDITABLE_PROBE });
    await page.goto(`${url}#/drafts/${id}/applications`);
    await page.waitForFunction(() => (window as unknown as { __editableAt?: number }).__editableAt !== undefined, null, { timeout: 30_000 });
    const at = await page.evaluate(() => (window as unknown as { __editableAt: number }).__editableAt);
    if (i > 0) times.push(at); // the first load also opens the file's database for the first time
    await page.close();
  }

  const kb = (n: number) => round(n / 1024);
  return [
    { id: 'singleFile.raw', label: 'nianbao.html (the single file), raw', unit: 'kB', p50: kb(bytes.length), n: 1 },
    { id: 'singleFile.gzip', label: 'nianbao.html (the single file), gzip', unit: 'kB gzip', p50: kb(gzipSync(bytes, { level: 9 }).length), n: 1 },
    summarise('singleFile.coldLoad.x1', 'nianbao.html from file:// → editable grid', 'ms', times),
  ];
}
