/**
 * `npm run screenshots`: refreshes the README's pictures (docs/screenshots/) and the printed seed
 * report's pages (docs/print/) from the app as built now.
 *
 * Tests never write into docs/: the browser tests take their pictures into test-results/ as they
 * run (they are looked at there). This script clears those folders, runs the browser tests, takes
 * the scenes no test needs (the drafts home and a draft's history, in zh-CN and en; the Word
 * file's pages through LibreOffice, scripts/docx-pages.ts; the installed app's own window, headed
 * under Xvfb, scripts/installed-app-shot.ts, left as it is when Xvfb is not there), and then
 * copies the pictures the README and docs/print/README.md show into docs/. A picture docs/ shows
 * that no run made is an error (exit 1): a renamed scene is noticed, not left stale. A new picture
 * joins the README by copying it into docs/ once by hand; from then on it is refreshed here.
 *
 * `npm run build` runs first (the npm script), as for `npm run test:e2e`: the served app and the
 * single file beside it (dist/nianbao.html, which tests/e2e/single.e2e.ts opens).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, executablePath } from '../tests/e2e/chromium.ts';
import { createDraft, goHome, typeInto } from '../tests/e2e/clerk.ts';
import { docxPages } from './docx-pages.ts';
import { installedAppShots, missingTools } from './installed-app-shot.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
/** Where the tests and the scenes below put their pictures, and where the README's pictures live. */
const FOLDERS = [
  { made: join(root, 'test-results/screenshots'), docs: join(root, 'docs/screenshots') },
  { made: join(root, 'test-results/print'), docs: join(root, 'docs/print') },
];

function step(text: string) {
  process.stdout.write(`\n== ${text}\n`);
}

/** The drafts home (with a deleted draft) and a draft's history, as a clerk sees them. */
async function draftsScenes(base: string, shots: string) {
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-screenshots-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS, chromiumSandbox: false, viewport: { width: 1366, height: 900 } });
  try {
    const page: Page = await context.newPage();
    const id = await createDraft(page, base, '平罗县人民政府办公室');
    await page.goto(`${base}#/drafts/${id}/applications`);
    await typeInto(page, 'applications.newReceived.naturalPerson', '46');
    await page.getByRole('button', { name: '导出 JSON', exact: true }).click();
    await typeInto(page, 'applications.granted.naturalPerson', '30');
    // Past the autosave's pause before leaving the draft.
    await page.waitForTimeout(800);
    await createDraft(page, base, '平罗县交通运输局');
    await createDraft(page, base, '平罗县教育局');
    await goHome(page, base);
    await page.getByRole('button', { name: '删除“平罗县教育局”' }).click();
    for (const lang of ['zh-CN', 'en'] as const) {
      if (lang === 'en') await page.getByRole('combobox', { name: '语言' }).selectOption('en');
      await goHome(page, base);
      await page.getByRole('table').waitFor();
      await page.locator('details.drafts-deleted summary').click();
      await page.screenshot({ path: join(shots, `drafts-home-${lang}.png`), fullPage: true });
      await page.goto(`${base}#/drafts/${id}/applications`);
      await page.getByRole('button', { name: lang === 'en' ? 'History' : '历史版本' }).click();
      const history = page.getByRole('dialog');
      await history.getByRole('row').nth(2).getByRole('button', { name: lang === 'en' ? /^View/ : /^查看/ }).click();
      await page.locator('section.drafts-version').waitFor();
      await page.screenshot({ path: join(shots, `drafts-history-${lang}.png`) });
      await page.keyboard.press('Escape');
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  if (!existsSync(join(root, 'dist/index.html'))) {
    process.stderr.write('dist/ is missing: run `npm run screenshots` (it builds first)\n');
    return 1;
  }
  for (const { made } of FOLDERS) rmSync(made, { recursive: true, force: true });

  step('browser tests (they take their pictures into test-results/)');
  const tests = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], { cwd: root, stdio: 'inherit' });
  if (tests.status !== 0) {
    process.stderr.write('the browser tests failed: docs/ left as it was\n');
    return 1;
  }

  step('the drafts home and a draft’s history, in zh-CN and en');
  const xMissing = missingTools();
  const leftAsTheyAre = (name: string) => xMissing.length > 0 && name.startsWith('installed-');
  const server = await preview({ root, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  try {
    const address = server.httpServer.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    mkdirSync(FOLDERS[0]!.made, { recursive: true });
    await draftsScenes(`http://127.0.0.1:${port}/`, FOLDERS[0]!.made);
    step('the installed app’s own window (Chromium headed on a virtual X display)');
    if (xMissing.length) process.stdout.write(`skipped: no ${xMissing.join(', ')} (apt-get install -y xvfb x11-utils imagemagick); docs/screenshots/installed-*.png left as they are\n`);
    else await installedAppShots(`http://127.0.0.1:${port}/`, FOLDERS[0]!.made);
  } finally {
    await server.close();
  }

  step('the Word file’s pages, through LibreOffice');
  await docxPages(FOLDERS[0]!.made);

  step('copying the pictures docs/ shows');
  const missing: string[] = [];
  for (const { made, docs } of FOLDERS) {
    const shown = readdirSync(docs).filter((f) => f.endsWith('.png'));
    const madeNow = existsSync(made) ? readdirSync(made).filter((f) => f.endsWith('.png')) : [];
    const refreshed = shown.filter((name) => madeNow.includes(name));
    for (const name of refreshed) copyFileSync(join(made, name), join(docs, name));
    missing.push(...shown.filter((name) => !madeNow.includes(name) && !leftAsTheyAre(name)).map((name) => join(docs, name)));
    const extra = madeNow.filter((name) => !shown.includes(name));
    process.stdout.write(`${docs}: ${refreshed.length} of ${shown.length} refreshed${extra.length ? `; not in docs (copy one there by hand to show it): ${extra.join(', ')}` : ''}\n`);
  }
  if (missing.length) {
    process.stderr.write(`no run made these pictures any more (rename or remove them from docs/ and the README):\n  ${missing.join('\n  ')}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
