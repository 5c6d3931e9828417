/**
 * Our own drills in Chromium (issue 20 point 11), seeded and fast:
 * - a sample of every kind of bad report file through both imports (the drafts' 导入 JSON and
 *   the review workspace's collect): 0 crashes, 0 accepted, 0 changes to what was stored, every
 *   refusal naming the field;
 * - hostile text in every string field through every view and output (editor, print, printable
 *   HTML, CLI `render`, the web fragment, the Word file, review views): 0 executed;
 * - every request while walking every screen: 0 not the app's own origin;
 * - axe-core on every screen: 0 violations.
 * The figures go to test-results/drills-e2e.json (for the closing note).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { SECTIONS, decodeText, type Report } from '../../src/report/index.ts';
import { BAD_KINDS, SEED_REPORT_TEXT, badFiles, type BadFile } from '../drills/badFiles.ts';
import { baseUrl, launchPersistent, screenshotPath } from './browser.ts';

const SEED = 20_261_205;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const figures: Record<string, unknown> = {};

let context: BrowserContext;
let page: Page;
/** Page errors, dialogs (alert() from a payload) and requests to other origins, over the whole run. */
const errors: string[] = [];
const dialogs: string[] = [];
const foreign: string[] = [];
let requests = 0;

beforeAll(async () => {
  // No service worker: the chunk-failure drill cuts one chunk off with page.route, which the
  // worker's cache would answer instead (offline.e2e.ts tests the worker).
  context = await launchPersistent({ serviceWorkers: 'block' });
  const origin = new URL(baseUrl()).origin;
  context.on('request', (request) => {
    requests++;
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  context.on('page', (p) => watchPage(p));
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/drills-e2e.json', `${JSON.stringify({ seed: SEED, ...figures, requests, foreign: foreign.length }, null, 2)}\n`);
});

function watchPage(p: Page) {
  p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  p.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
}

/** What the drafts' database holds, whole (to prove a refused file changed nothing). */
async function storedDrafts(p: Page): Promise<string> {
  return p.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('nianbao');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, unknown> = {};
          for (const name of names) {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => (out[name] = r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function storedReview(p: Page): Promise<string> {
  return p.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('nianbao-review');
        open.onerror = () => resolve('unavailable');
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (names.length === 0) return resolve('{}');
          const tx = db.transaction(names);
          const out: Record<string, unknown> = {};
          for (const name of names) {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => (out[name] = r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
        };
      }),
  );
}

async function goHome(p: Page) {
  if (!p.url().startsWith(baseUrl())) await p.goto(baseUrl());
  await p.getByRole('navigation').getByRole('link').first().click();
  await p.waitForURL(/#\/$/);
  await p.getByLabel('选择要导入的 JSON 文件').waitFor();
}

const fileOf = (name: string, bytes: Uint8Array | string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(bytes) });

/** The path a refusal must show (where the field is named), or undefined for a whole-file fault. */
const shownField = (file: BadFile) => (file.field === '' || file.field === '*' ? undefined : file.field);

test('bad files of every kind through both imports: refused, naming the field, nothing stored changes', async () => {
  const sample = badFiles(SEED, 1);
  figures.importKinds = new Set(sample.map((f) => f.kind)).size;
  figures.importFiles = sample.length;
  expect(figures.importKinds).toBe(Object.keys(BAD_KINDS).length);

  // An existing draft (the seed imported) that no refused file may touch.
  await goHome(page);
  await page.getByLabel('选择要导入的 JSON 文件').setInputFiles(fileOf('seed.json', SEED_REPORT_TEXT));
  await page.getByText(/已导入/).waitFor();
  await goHome(page);
  const draftsBefore = await storedDrafts(page);

  let draftRefusals = 0;
  const unnamed: string[] = [];
  for (const [i, file] of sample.entries()) {
    const name = `bad-${i}-${file.kind}.json`;
    await page.getByLabel('选择要导入的 JSON 文件').setInputFiles(fileOf(name, file.bytes));
    const alert = page.getByRole('alert').filter({ hasText: `文件“${name}”不能导入。` });
    await alert.waitFor({ timeout: 15_000 });
    draftRefusals++;
    const text = (await alert.textContent()) ?? '';
    const field = shownField(file);
    if (field !== undefined && !text.includes(field)) unnamed.push(`${file.kind} (${file.name}): ${text.slice(0, 200)}`);
    if (file.kind === 'truncated' && i === 0) await page.screenshot({ path: screenshotPath('drill-refused-zh-CN.png') });
  }
  expect(unnamed).toEqual([]);
  expect(await storedDrafts(page)).toBe(draftsBefore);
  figures.draftImportRefusals = draftRefusals;

  // The review workspace: a good unit first, then every bad file at once.
  await page.goto(`${baseUrl()}#/review`);
  await page.getByRole('heading', { level: 1, name: '审核工作台' }).waitFor();
  await page.getByLabel('选择年报文件（可多选）').setInputFiles([fileOf('good.json', SEED_REPORT_TEXT)]);
  await page.getByText(/新增单位 1 个/).waitFor();
  const reviewBefore = await storedReview(page);
  await page.getByLabel('选择年报文件（可多选）').setInputFiles(sample.map((file, i) => fileOf(`bad-${i}-${file.kind}.json`, file.bytes)));
  await page.getByText(new RegExp(`共 ${sample.length} 个文件：.*未收入 ${sample.length} 个`)).waitFor({ timeout: 30_000 });
  const refused = page.getByRole('region', { name: new RegExp(`${sample.length} 个文件未收入`) });
  const refusedText = (await refused.textContent()) ?? '';
  const unnamedReview = sample.filter((file, i) => !refusedText.includes(`bad-${i}-${file.kind}.json`) || (shownField(file) !== undefined && !refusedText.includes(shownField(file)!)));
  expect(unnamedReview.map((f) => `${f.kind} ${f.name}`)).toEqual([]);
  expect(await storedReview(page)).toBe(reviewBefore);
  figures.collectRefusals = sample.length;
  await refused.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('drill-collect-refused-zh-CN.png') });

  // The refusal in English too.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await goHomeEn(page);
  await page.getByLabel(/Choose a JSON file to import/i).setInputFiles(fileOf('cut.json', sample.find((f) => f.kind === 'truncated')!.bytes));
  await page.getByRole('alert').filter({ hasText: 'cut.json' }).waitFor();
  await page.screenshot({ path: screenshotPath('drill-refused-en.png') });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');

  expect(errors).toEqual([]);
  expect(dialogs).toEqual([]);
  figures.crashes = errors.length;
});

async function goHomeEn(p: Page) {
  await p.getByRole('navigation').getByRole('link').first().click();
  await p.waitForURL(/#\/$/);
}

// ---------------------------------------------------------------------------------------------
// Hostile text
// ---------------------------------------------------------------------------------------------

/** Text that runs script if any view or output inserts it as markup (each sets window.__pwned). */
const PAYLOADS = [
  '<script>window.__pwned=(window.__pwned||0)+1</script>',
  '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">',
  '"><svg onload="window.__pwned=(window.__pwned||0)+1">',
  "'><iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
  '\u202e\u200f平罗县\u202c <a href="javascript:window.__pwned=1">链接</a>',
  '</style><style>body{display:none}</style><b onmouseover="window.__pwned=1">粗</b>',
  '{{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=1} `',
  '</textarea></title><script>window.__pwned=1</script>',
];

/** The seed with a payload in every free text, the explanations, comments, history and aggregate. */
function hostileReport(): Report {
  const seed = decodeText(SEED_REPORT_TEXT);
  if (!seed.ok) throw new Error('seed');
  const doc = structuredClone(seed.report) as Report;
  let n = 0;
  const next = (max = 200) => `${PAYLOADS[n++ % PAYLOADS.length]!}`.slice(0, max);
  const meta = doc.meta as { agency: string; contact: string };
  meta.agency = next();
  meta.contact = next();
  const narrative = doc.narrative as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(narrative)) {
    if (typeof value === 'string') narrative[key] = `${next()}\n${value}\n${next()}`;
    else if (Array.isArray(value)) for (const part of value as { title: string; text: string }[]) {
      part.title = next();
      part.text = `${next()}${part.text}${next()}`;
    }
  }
  (doc as { explanations: Record<string, string> }).explanations = { [next()]: next(), 'balance:total': next() };
  (doc as { status: string }).status = 'draft';
  (doc as unknown as { review: unknown }).review = {
    status: 'returned',
    comments: [
      { id: 'c1', target: 'applications.granted.naturalPerson', text: next(), author: next(), at: '2023-01-10T09:30:00+08:00', resolved: false },
      { id: 'c2', target: 'narrative.overview.0', partTitle: next(), text: next(), author: next(), at: '2023-01-10T09:31:00+08:00', resolved: false },
      { id: 'c3', target: next(), text: next(), author: next(), at: '2023-01-10T09:32:00+08:00', resolved: true, resolvedAt: '2023-01-11T10:00:00Z' },
    ],
    history: [{ action: 'returned', at: '2023-01-10T09:33:00+08:00', by: next(), note: next() }],
  };
  const checked = decodeText(JSON.stringify(doc));
  if (!checked.ok) throw new Error(`the hostile report must be a valid one: ${JSON.stringify(checked.problems.slice(0, 3))}`);
  return checked.report;
}

async function pwned(p: Page): Promise<number> {
  return p.evaluate(() => Number((window as { __pwned?: number }).__pwned ?? 0));
}

test('hostile text in every string field, through every view and output: nothing runs', async () => {
  const report = hostileReport();
  const text = JSON.stringify(report, null, 2);
  const views: string[] = [];
  const check = async (p: Page, view: string) => {
    await p.waitForTimeout(50); // an onerror of a broken image fires after layout
    expect(await pwned(p), view).toBe(0);
    views.push(view);
  };

  // The clerk's side: import, every section of the editor, the review comments, print.
  await goHome(page);
  await page.getByLabel('选择要导入的 JSON 文件').setInputFiles(fileOf('hostile.json', text));
  await page.getByText(/已导入/).waitFor();
  const drafts = JSON.parse(await storedDrafts(page)) as { drafts: { id: string; document: Report }[] };
  const id = drafts.drafts.find((d) => d.document.meta.agency === report.meta.agency)!.id;
  await check(page, 'drafts home');
  for (const section of ['meta', ...SECTIONS.map((s) => s.id)]) {
    await page.goto(`${baseUrl()}#/drafts/${id}/${section}`);
    await page.locator('.app-main h1, .app-main h2').first().waitFor();
    await check(page, `editor ${section}`);
  }
  await page.goto(`${baseUrl()}#/drafts/${id}/print`);
  await page.locator('.nb-report').waitFor();
  await check(page, 'print view');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载可打印/ }).click()]);
  const printable = readFileSync(await download.path(), 'utf8');
  const standalone = await context.newPage();
  await standalone.setContent(printable);
  await check(standalone, 'printable HTML');
  await standalone.close();

  // The CLI's render of the same file.
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-drill-'));
  writeFileSync(join(dir, 'hostile.json'), text);
  const rendered = spawnSync('node', ['bin/nianbao.mjs', 'render', join(dir, 'hostile.json')], { encoding: 'utf8' });
  expect(rendered.status, rendered.stderr).toBe(0);
  const cli = await context.newPage();
  await cli.setContent(rendered.stdout);
  await check(cli, 'CLI render');
  await cli.close();

  // The website's fragment (复制网页版's text/html, as the CLI writes it): pasted into a page, nothing runs,
  // and it carries no element or attribute that could.
  const fragment = spawnSync('node', ['bin/nianbao.mjs', 'render', join(dir, 'hostile.json'), '--format', 'fragment'], { encoding: 'utf8' });
  expect(fragment.status, fragment.stderr).toBe(0);
  const pasted = await context.newPage();
  await pasted.setContent(`<div contenteditable="true">${fragment.stdout}</div>`);
  expect(await pasted.locator('script, img, svg, iframe, object, style, [onerror], [onload], [onmouseover], [onclick], a[href^="javascript"]').count()).toBe(0);
  await check(pasted, 'web fragment');
  await pasted.close();

  // The Word file: every payload is text in document.xml, never markup of its own.
  const docxPath = join(dir, 'hostile.docx');
  const word = spawnSync('node', ['bin/nianbao.mjs', 'render', join(dir, 'hostile.json'), '--format', 'docx', '--output', docxPath], { encoding: 'utf8' });
  expect(word.status, word.stderr).toBe(0);
  const documentXml = strFromU8(unzipSync(new Uint8Array(readFileSync(docxPath)))['word/document.xml']!);
  expect(documentXml).not.toMatch(/<(script|img|style|textarea|b)[\s>]/i);
  expect(documentXml).toContain('&lt;script&gt;window.__pwned'); // the agency's payload, in the title
  views.push('Word file');

  // The supervisor's side: collect, the units table, the unit, a second version (compare), the aggregate.
  await page.goto(`${baseUrl()}#/review`);
  await page.getByRole('heading', { level: 1, name: '审核工作台' }).waitFor();
  await page.getByLabel('选择年报文件（可多选）').setInputFiles([fileOf('hostile.json', text)]);
  await page.getByText(/新增单位 1 个/).waitFor();
  await check(page, 'review units');
  const second = structuredClone(report) as Report;
  (second.narrative as { preamble: string }).preamble = `${PAYLOADS[0]}${PAYLOADS[1]}改`;
  await page.getByLabel('选择年报文件（可多选）').setInputFiles([{ ...fileOf('hostile-2.json', JSON.stringify(second)), lastModified: Date.now() + 60_000 } as never]);
  await page.getByText(/新版本 1 个/).waitFor();
  await page.getByRole('table', { name: '各单位年报及审核情况' }).getByRole('link').first().click();
  await page.locator('.app-main h1').first().waitFor();
  await check(page, 'review unit (report, findings, comments, comparison)');
  await page.goto(`${baseUrl()}#/review`);
  await page.getByRole('checkbox', { name: '选择显示的全部单位' }).check();
  await page.getByRole('button', { name: '汇总所选' }).click();
  const panel = page.getByRole('region', { name: '汇总' });
  await panel.getByRole('textbox', { name: '汇总机关名称' }).fill(PAYLOADS[1]!);
  await panel.getByRole('button', { name: '生成汇总' }).click();
  await panel.getByRole('region').first().waitFor();
  await check(page, 'review aggregate');

  figures.hostilePayloads = PAYLOADS.length;
  figures.hostileViews = views.length;
  figures.executed = 0;
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Every screen: requests stay home, axe finds nothing
// ---------------------------------------------------------------------------------------------

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[];
}

async function axe(p: Page, screen: string): Promise<string[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ path: AXE });
  const result = (await p.evaluate(() => (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({ resultTypes: ['violations'] }))) as AxeResult;
  return result.violations.flatMap((v) => v.nodes.slice(0, 3).map((n) => `${screen}: ${v.id} (${v.impact}) ${n.target.join(' ')} — ${n.failureSummary.split('\n')[1] ?? ''}`));
}

test('every screen in both languages: only the app’s own origin is asked, and axe finds no violation', async () => {
  const screens: string[] = [];
  const violations: string[] = [];
  const visit = async (name: string, hash: string, ready: (p: Page) => Promise<unknown>) => {
    await page.goto(`${baseUrl()}${hash}`);
    await ready(page);
    violations.push(...(await axe(page, name)));
    screens.push(name);
  };
  const drafts = JSON.parse(await storedDrafts(page)) as { drafts: { id: string; document: Report }[] };
  const id = drafts.drafts.find((d) => d.document.meta.agency === '平罗县人民政府办公室')!.id;
  for (const lang of ['zh-CN', 'en']) {
    await page.evaluate((l) => localStorage.setItem('nianbao.language', l), lang);
    await page.reload();
    await visit(`${lang} home`, '#/', (p) => p.locator('.app-main table, .app-main h1').first().waitFor());
    await visit(`${lang} new`, '#/new', (p) => p.locator('.app-main h1, .app-main h2').first().waitFor());
    for (const section of ['meta', ...SECTIONS.map((s) => s.id)]) {
      await visit(`${lang} editor ${section}`, `#/drafts/${id}/${section}`, (p) => p.locator('.app-main h2').first().waitFor());
    }
    await visit(`${lang} print`, `#/drafts/${id}/print`, (p) => p.locator('.nb-report').waitFor());
    await visit(`${lang} review`, '#/review', (p) => p.locator('.app-main h1').first().waitFor());
    await page.getByRole('table').getByRole('link').first().click();
    // The review page's own h1 is there before the click: wait for the unit's page itself.
    await page.waitForURL(/#\/review\/.+/);
    await page.locator('.app-main .rv-unit h1').first().waitFor();
    violations.push(...(await axe(page, `${lang} review unit`)));
    screens.push(`${lang} review unit`);
    const zh = lang === 'zh-CN';
    // The unit in the editor's layout (the editor's own findings aside beside the review's) and in the print layout.
    for (const [mode, name] of [['editor', zh ? '填报版式' : 'Editor layout'], ['print', zh ? '打印版式' : 'Print layout']] as const) {
      await page.getByRole('radio', { name }).check();
      await page.locator(mode === 'editor' ? '.rv-unit-view .editor-aside' : '.rv-unit-view .nb-report').first().waitFor();
      violations.push(...(await axe(page, `${lang} review unit ${mode}`)));
      screens.push(`${lang} review unit ${mode}`);
    }
    await visit(`${lang} review aggregate`, '#/review', async (p) => {
      await p.getByRole('checkbox', { name: zh ? '选择显示的全部单位' : 'Select all units shown' }).check();
      await p.getByRole('button', { name: zh ? '汇总所选' : 'Sum up selected' }).click();
      const panel = p.getByRole('region', { name: zh ? '汇总' : 'Sum up (汇总)' });
      await panel.getByRole('textbox').first().fill('平罗县人民政府');
      await panel.getByRole('button', { name: zh ? '生成汇总' : 'Build the aggregate' }).click();
      await panel.getByRole('region').first().waitFor();
    });
    await visit(`${lang} not found`, '#/nowhere', (p) => p.locator('.app-main h1').first().waitFor());
    // The review page's code unreachable (the network gone) after a fresh load of the editor.
    await page.route('**/assets/ReviewPage-*.js', (route) => route.abort());
    await page.goto(`${baseUrl()}#/drafts/${id}/applications`);
    await page.reload();
    await page.getByRole('table').first().waitFor();
    await page.evaluate(() => {
      location.hash = '#/review';
    });
    await page.getByRole('alert').filter({ hasText: zh ? '程序未能加载' : 'could not be loaded' }).waitFor();
    await page.screenshot({ path: screenshotPath(`drill-chunk-failed-${lang}.png`) });
    violations.push(...(await axe(page, `${lang} a page whose code cannot load`)));
    screens.push(`${lang} chunk failed`);
    await page.unroute('**/assets/ReviewPage-*.js');
  }
  await page.evaluate(() => localStorage.setItem('nianbao.language', 'zh-CN'));
  figures.screens = screens.length;
  figures.axeViolations = violations.length;
  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});
