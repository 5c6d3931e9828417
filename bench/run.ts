/**
 * `npm run bench [-- --check] [-- --quick]`: builds the app, serves it on 127.0.0.1, drives
 * Debian's headless Chromium and Node, and prints one JSON line per figure and a table.
 * `--check` exits 1 when a figure is over its budget (bench/budgets.json). Results go to
 * docs/benchmarks.md (full runs only). A program, not a test: `npm test` never runs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { APPLICANT_COLUMN_IDS, COMPUTED_CELLS, ENTERED_APPLICATIONS_ROWS, computeTotals, emptyReport, setCell } from '../src/report/index.ts';
import { CHROMIUM_ARGS, executablePath } from '../tests/e2e/chromium.ts';
import { benchCheck } from './check.ts';
import { precacheFigures } from './precache.ts';
import { benchDocx, benchImportPdf, benchImportText, longPdf } from './publish.ts';
import { EDITABLE_PROBE, figures, keystrokeLatency, setCpuThrottling } from './browser.ts';
import { benchSingleFile } from './single.ts';
import { round, summarise, type Figure } from './stats.ts';
import { benchAggregateNode, benchAreaReports, benchReplication, benchTableModelNode, benchUnitCount, benchWorkspaceAtScale, provisionArea } from './sharing.ts';

const args = new Set(process.argv.slice(2));
const CHECK = args.has('--check');
// `--bundle`: only what a cold open of a draft loads, file by file (a developer's look, no record).
const BUNDLE_ONLY = args.has('--bundle');
const QUICK = args.has('--quick') || BUNDLE_ONLY;
// `--only=sharing`: the province's figures alone (bench/sharing.ts), e.g. on a shared machine;
// `--only=editor`: the editor's alone (cold load, keystrokes, the floor, paste), e.g. to compare
// two builds back to back on a loaded machine (BENCH_DIST keeps their builds apart).
const ONLY = [...args].find((a) => a.startsWith('--only='))?.slice('--only='.length);
const SAMPLES = QUICK ? 15 : 60;
const REPEATS = BUNDLE_ONLY ? 1 : QUICK ? 3 : 9;
// BENCH_DIST lets two runs (say, two worktrees' helpers) build side by side.
const OUT = process.env.BENCH_DIST ?? '.bench-dist';

/** `by`: a budget another program checks (npm run size), not the bench; `why`: how it was set. */
type Budget = { p50?: number; p95?: number; max?: number; min?: number; unit: string; by?: string; why?: string };
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as Record<string, Budget>;

const results: Figure[] = [];
function report(figure: Figure) {
  results.push(figure);
  console.log(JSON.stringify(figure));
}

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

// ---------------------------------------------------------------------------------------------

async function buildApp() {
  log('building…');
  await build({ configFile: 'bench/vite.bench.config.ts', logLevel: 'warn', build: { outDir: OUT } });
}

function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function bundleFigures(loadedJs: readonly string[]) {
  const assets = join(OUT, 'assets');
  const all = readdirSync(assets).filter((f) => f.endsWith('.js') && !/^(seed|floor)/.test(f)); // bench pages are not the app's
  const kb = (bytes: number) => round(bytes / 1024);
  const initial = loadedJs.map((f) => gzipSize(join(assets, f))).reduce((a, b) => a + b, 0);
  const total = all.map((f) => gzipSize(join(assets, f))).reduce((a, b) => a + b, 0);
  report({ id: 'bundle.initialJs', label: `JS loaded by the editor (${loadedJs.length} files)`, unit: 'kB gzip', p50: kb(initial), n: 1 });
  for (const f of [...loadedJs].sort((a, b) => gzipSize(join(assets, b)) - gzipSize(join(assets, a)))) log(`  ${kb(gzipSize(join(assets, f))).toFixed(2).padStart(7)} kB  ${f}`);
  report({ id: 'bundle.allJs', label: `all JS (${all.length} files)`, unit: 'kB gzip', p50: kb(total), n: 1 });
}

// ---------------------------------------------------------------------------------------------

/** A TSV block of 三 (24 rows × 6 columns) and every total of 三 it makes (by the core's sums). */
function applicationsBlock(base: number) {
  const rows = ENTERED_APPLICATIONS_ROWS.map((row, r) =>
    APPLICANT_COLUMN_IDS.map((_, c) => (row.role === 'outgoing' ? 0 : row.role === 'incoming' ? (r === 0 ? base + c : 0) : 0)),
  );
  // Results: everything received is granted, so the block balances.
  const granted = ENTERED_APPLICATIONS_ROWS.findIndex((r) => r.id === 'granted');
  rows[granted] = APPLICANT_COLUMN_IDS.map((_, c) => base + c);
  let report = emptyReport();
  ENTERED_APPLICATIONS_ROWS.forEach((row, r) => APPLICANT_COLUMN_IDS.forEach((col, c) => (report = setCell(report, `applications.${row.id}.${col}`, rows[r]![c]!))));
  const totals = computeTotals(report);
  const expected = Object.fromEntries(COMPUTED_CELLS.filter((cell) => cell.section === 'applications').map((cell) => [cell.id, String(totals[cell.id])]));
  return { tsv: rows.map((r) => r.join('\t')).join('\r\n') + '\r\n', expected };
}

/** Paste into 三's first cell → every total of 三 shows what the block makes. */
async function pasteLatency(page: Page, samples: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples + 2; i++) {
    const block = applicationsBlock(10 + (i % 2) * 7);
    await page.locator('[data-cell="applications.newReceived.naturalPerson"]').focus();
    const ms = await page.evaluate(({ tsv, expected }) => {
      return new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('[data-cell="applications.newReceived.naturalPerson"]')!;
        const totals = Object.entries(expected).map(([id, text]) => {
          const element = document.querySelector(`[data-cell="${id}"]`);
          if (!element) throw new Error(`paste: no element for ${id}`);
          return [element, text] as const;
        });
        const done = () => totals.every(([element, text]) => element.textContent?.trim() === text);
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          resolve(performance.now() - t0);
        });
        observer.observe(input.closest('table')!, { childList: true, characterData: true, subtree: true });
        const data = new DataTransfer();
        data.setData('text/plain', tsv);
        input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        setTimeout(() => {
          const wrong = totals.filter(([element, text]) => element.textContent?.trim() !== text).map(([element, text]) => `${element.getAttribute('data-cell')}: ${element.textContent} ≠ ${text}`);
          reject(new Error(`paste: totals never right (${wrong.join('; ')})`));
        }, 5000);
      });
    }, { tsv: block.tsv, expected: block.expected });
    if (i >= 2) times.push(ms);
  }
  return times;
}

/**
 * Page-side probes are strings: tsx (esbuild keepNames) wraps named functions in `__name(…)`,
 * which does not exist in the page.
 * Records when an IndexedDB transaction holding a watched marker commits.
 */
const AUTOSAVE_PROBE = `(() => {
  window.__commits = [];
  window.__watch = null;
  const original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    const marker = window.__watch;
    if (marker && JSON.stringify(value).includes(marker)) {
      this.transaction.addEventListener('complete', () => window.__commits.push({ marker, at: performance.now() }));
    }
    return key === undefined ? original.call(this, value) : original.call(this, value, key);
  };
})();`;

async function autosaveLatency(page: Page, samples: number): Promise<number[]> {
  const times: number[] = [];
  const cell = page.locator('[data-cell="applications.carriedForward.otherOrg"]');
  for (let i = 0; i < samples; i++) {
    const value = String(7000 + i);
    await cell.focus();
    await page.keyboard.press('Control+A');
    const t = await page.evaluate((marker) => {
      const w = window as unknown as { __watch: string; __lastKey: number };
      w.__watch = `"otherOrg":${marker}`;
      document.addEventListener('keydown', () => (w.__lastKey = performance.now()), { capture: true });
      return marker;
    }, value);
    await page.keyboard.type(t);
    const ms = await page.evaluate(
      (marker) =>
        new Promise<number>((resolve, reject) => {
          const w = window as unknown as { __commits: { marker: string; at: number }[]; __lastKey: number };
          const started = performance.now();
          const poll = () => {
            const hit = w.__commits.find((c) => c.marker === `"otherOrg":${marker}`);
            if (hit) resolve(hit.at - w.__lastKey);
            else if (performance.now() - started > 10_000) reject(new Error('autosave never committed'));
            else setTimeout(poll, 5);
          };
          poll();
        }),
      value,
    );
    times.push(ms);
    await page.waitForTimeout(200);
  }
  return times;
}

async function coldLoad(context: BrowserContext, url: string, repeats: number) {
  const times: number[] = [];
  let loadedJs: string[] = [];
  for (let i = 0; i < repeats + 1; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const js: string[] = [];
    page.on('response', (r) => {
      const m = r.url().match(/\/assets\/([^/?#]+\.js)/);
      if (m) js.push(m[1]!);
    });
    await page.addInitScript({ content: EDITABLE_PROBE });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __editableAt?: number }).__editableAt !== undefined, null, { timeout: 30_000 });
    const at = await page.evaluate(() => (window as unknown as { __editableAt: number }).__editableAt);
    if (i > 0) times.push(at); // the first load also opens the database for the first time
    loadedJs = js;
    await page.close();
  }
  return { times, loadedJs };
}

async function printView(page: Page, id: string, repeats: number) {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    await page.evaluate((draftId) => (location.hash = `#/drafts/${draftId}/overview`), id);
    await page.waitForSelector('[data-cell="meta.agency"], textarea', { timeout: 10_000 }).catch(() => undefined);
    const ms = await page.evaluate(
      (draftId) =>
        new Promise<number>((resolve, reject) => {
          const t0 = performance.now();
          const ready = () => document.querySelectorAll('.print-desk table').length >= 3;
          const observer = new MutationObserver(() => {
            if (!ready()) return;
            observer.disconnect();
            resolve(performance.now() - t0);
          });
          observer.observe(document.body, { childList: true, subtree: true });
          location.hash = `#/drafts/${draftId}/print`;
          setTimeout(() => reject(new Error('print view never showed its tables')), 10_000);
        }),
      id,
    );
    times.push(ms);
  }
  return times;
}

// ---------------------------------------------------------------------------------------------

/**
 * A province (issue 17): the review workspace with N units (BENCH_UNITS, default 5,000), its
 * table and 汇总, in a fresh browser profile; the first replication of N units (or
 * BENCH_REPLICATION_UNITS) from the embedded server into another; the same model in Node.
 */
async function sharingFigures(base: string) {
  const count = benchUnitCount();
  const replicated = benchUnitCount('BENCH_REPLICATION_UNITS', count, 0);
  const profile = async (name: string) => {
    const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), `nianbao-bench-${name}-`)), {
      executablePath,
      args: CHROMIUM_ARGS,
      chromiumSandbox: false,
      viewport: { width: 1366, height: 900 },
    });
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    return context;
  };

  const workspace = await profile('workspace');
  try {
    for (const f of await benchWorkspaceAtScale(workspace, base, count, log, REPEATS)) report(f);
  } finally {
    await workspace.close();
  }

  if (replicated === 0) log('BENCH_REPLICATION_UNITS=0: no replication');
  else await replicationFigures(base, replicated, profile);

  log(`汇总 and the units table's model in Node (${count})…`);
  const reports = benchAreaReports(count);
  report(benchAggregateNode(reports, REPEATS));
  for (const f of benchTableModelNode(reports, REPEATS)) report(f);
}

async function replicationFigures(base: string, replicated: number, profile: (name: string) => Promise<BrowserContext>) {
  log(`provisioning ${replicated} units on the embedded server…`);
  const area = await provisionArea(replicated, [new URL(base).origin], log);
  report({ id: 'sharing.setup', label: `nianbao server setup of ${replicated} units (embedded server, in memory)`, unit: 's', p50: round(area.setupMs / 1000), n: 1 });
  report({ id: 'sharing.reports', label: `${replicated} reports written, one per unit database`, unit: 's', p50: round(area.reportsMs / 1000), n: 1 });
  report({ id: 'sharing.area', label: `server: the area database holds the ${replicated} reports (copied from each unit's database as written)`, unit: 's', p50: round(area.areaMs / 1000), n: 1 });
  const supervisor = await profile('supervisor');
  try {
    for (const f of await benchReplication(supervisor, base, area, log)) report(f);
  } finally {
    await supervisor.close();
    await area.server.close();
  }
}

async function sharingOnly() {
  await buildApp();
  const server = await preview({ build: { outDir: OUT }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const address = server.httpServer.address();
  try {
    await sharingFigures(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);
  } finally {
    await server.close();
  }
}

async function main() {
  if (ONLY === 'sharing') return sharingOnly();
  let pdf: Awaited<ReturnType<typeof longPdf>> | undefined;
  await buildApp();
  // What the service worker downloads once for offline use (the bench's own pages are not the app's).
  for (const figure of precacheFigures(OUT, /^(bench\/|assets\/(seed|floor)-)/)) report(figure);
  const server = await preview({ build: { outDir: OUT }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'nianbao-bench-')), {
    executablePath,
    args: CHROMIUM_ARGS,
    chromiumSandbox: false,
    viewport: { width: 1366, height: 900 },
    // A cold load is from the network: the service worker (which, once installed, would answer
    // the app's files from its cache) is kept out of every figure here.
    serviceWorkers: 'block',
  });
  // tsx (esbuild keepNames) wraps named functions of page-side callbacks in `__name(…)`.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  try {
    log('seeding 50 drafts…');
    const seedPage = await context.newPage();
    await seedPage.goto(`${base}bench/seed/index.html?count=50`);
    await seedPage.waitForFunction(() => window.__seeded !== undefined, null, { timeout: 60_000 });
    const seeded = await seedPage.evaluate(() => window.__seeded!);
    if ('error' in seeded) throw new Error(`seeding failed: ${seeded.error}`);
    await seedPage.close();
    const id = seeded.ids[0]!;
    const editorUrl = `${base}#/drafts/${id}/applications`;

    log('cold load…');
    const cold = await coldLoad(context, editorUrl, REPEATS);
    report(summarise('coldLoad.x1', 'cold load → editable grid (50 drafts stored)', 'ms', cold.times));
    bundleFigures(cold.loadedJs);
    if (BUNDLE_ONLY) return;

    const page = await context.newPage();
    await page.addInitScript({ content: AUTOSAVE_PROBE });
    await page.goto(editorUrl);
    await page.waitForSelector('[data-cell="applications.newReceived.naturalPerson"]');
    const cdp = await context.newCDPSession(page);
    for (const rate of [1, 4]) {
      log(`keystrokes at CPU ×${rate}…`);
      await setCpuThrottling(cdp, rate);
      const a = await keystrokeLatency(page, 'applications.newReceived.naturalPerson', 'applications.newReceived.total', SAMPLES);
      for (const f of figures(`keystroke.newReceived.x${rate}`, `×${rate} keystroke newReceived.naturalPerson`, a)) report(f);
      const b = await keystrokeLatency(page, 'applications.granted.naturalPerson', 'applications.resultsTotal.total', SAMPLES);
      for (const f of figures(`keystroke.granted.x${rate}`, `×${rate} keystroke granted.naturalPerson`, b)) report(f);
    }
    // The same keystrokes into a bare input and its total, no framework: what the browser
    // itself takes on this machine (a figure to read the others by; it has no budget).
    const floor = await context.newPage();
    await floor.goto(`${base}bench/floor/index.html`);
    const floorCdp = await context.newCDPSession(floor);
    for (const rate of [1, 4]) {
      await setCpuThrottling(floorCdp, rate);
      const f = await keystrokeLatency(floor, 'applications.newReceived.naturalPerson', 'applications.newReceived.total', SAMPLES);
      for (const figure of figures(`keystroke.floor.x${rate}`, `×${rate} keystroke into a bare input (the browser's floor)`, f)) report(figure);
    }
    await floor.close();

    // The budgets name the DOM figure at ×4 by these ids.
    for (const kind of ['newReceived', 'granted']) {
      const dom = results.find((f) => f.id === `keystroke.${kind}.x4.dom`)!;
      results.push({ ...dom, id: `keystroke.${kind}.dom.x4` });
    }
    await setCpuThrottling(cdp, 1);

    log('paste…');
    report(summarise('paste.applications.x1', 'paste 24×6 into 三 → every total right', 'ms', await pasteLatency(page, REPEATS * 2)));
    if (ONLY === 'editor') return;

    log('autosave…');
    report(summarise('autosave.x1', 'last keystroke → committed in IndexedDB', 'ms', await autosaveLatency(page, REPEATS)));

    log('print view…');
    report(summarise('printView.x1', 'print view of the report rendered', 'ms', await printView(page, id, REPEATS)));
    await page.close();

    log('the single file (nianbao.html) from file://…');
    for (const figure of await benchSingleFile(context, `${OUT}-single`, REPEATS)) report(figure);

    log('a long PDF to import…');
    const printer = await context.newPage();
    pdf = await longPdf(printer);
    await printer.close();

    await sharingFigures(base);
  } finally {
    await context.close();
    await server.close();
  }

  log('check in Node…');
  report(benchCheck(QUICK ? 3 : 7));

  log('Word file and import in Node…');
  report(await benchDocx(REPEATS * 2));
  report(await benchImportText(REPEATS * 2));
  if (pdf) report(await benchImportPdf(pdf, REPEATS));
}

function overBudget(): string[] {
  const over: string[] = [];
  for (const [id, budget] of Object.entries(budgets)) {
    if (budget.by) continue;
    const f = results.find((r) => r.id === id);
    if (!f) {
      if (ONLY) continue; // a partial run measures only its part
      over.push(`${id}: not measured`);
      continue;
    }
    if (budget.p50 !== undefined && f.p50 > budget.p50) over.push(`${id}: p50 ${f.p50} > ${budget.p50} ${budget.unit}`);
    if (budget.p95 !== undefined && (f.p95 ?? f.p50) > budget.p95) over.push(`${id}: p95 ${f.p95} > ${budget.p95} ${budget.unit}`);
    if (budget.max !== undefined && f.p50 > budget.max) over.push(`${id}: ${f.p50} > ${budget.max} ${budget.unit}`);
    if (budget.min !== undefined && f.p50 < budget.min) over.push(`${id}: ${f.p50} < ${budget.min} ${budget.unit}`);
  }
  return over;
}

function machine(): string {
  let chromiumVersion: string;
  try {
    chromiumVersion = execFileSync(executablePath, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    chromiumVersion = 'chromium: unknown';
  }
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromiumVersion}`;
}

const RECORD = 'docs/benchmarks.md';

function keptNotes(): string {
  if (!existsSync(RECORD)) return '';
  const before = readFileSync(RECORD, 'utf8');
  const at = before.search(/^## /m);
  return at < 0 ? '' : `\n${before.slice(at)}`;
}

function table(): string {
  const lines = ['| figure | p50 | p95 | unit | n | budget |', '|---|---:|---:|---|---:|---|'];
  for (const f of results) {
    if (f.id.endsWith('.dom.x4')) continue; // aliases of keystroke.*.x4.dom
    const b = budgets[f.id] ?? budgets[f.id.replace(/\.x4\.dom$/, '.dom.x4')];
    const limit = b ? [b.p50 !== undefined && `p50 ≤ ${b.p50}`, b.p95 !== undefined && `p95 ≤ ${b.p95}`, b.max !== undefined && `≤ ${b.max}`, b.min !== undefined && `≥ ${b.min}`].filter(Boolean).join(', ') : '';
    lines.push(`| ${f.label} | ${f.p50} | ${f.p95 ?? ''} | ${f.unit} | ${f.n} | ${limit} |`);
  }
  return lines.join('\n');
}

main()
  .then(() => {
    const over = overBudget();
    const text = table();
    console.log(`\n${text}\n`);
    const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const doc = [
      '# Benchmarks',
      '',
      `Last run: ${date} UTC, \`npm run bench${args.size ? ` -- ${[...args].join(' ')}` : ''}\`, on ${machine()}.`,
      'Built app served by `vite preview` on 127.0.0.1, driven in headless Chromium; medians (p50) and p95 of repeated runs.',
      'Headless Chromium adds a ~16–20 ms floor to “next frame” figures. CPU ×4 is CDP `Emulation.setCPUThrottlingRate`.',
      '',
      text,
      '',
      over.length ? `Over budget:\n\n${over.map((o) => `- ${o}`).join('\n')}` : 'Every figure is within its budget (bench/budgets.json).',
      '',
    ].join('\n');
    // A quick run is for a developer's loop; only full runs are the record. What is written by
    // hand below the table (from the first `## ` heading on: earlier runs, notes) stays.
    if (!QUICK && !ONLY) writeFileSync(RECORD, doc + keptNotes());
    if (over.length) {
      console.log(`over budget:\n${over.map((o) => `  ${o}`).join('\n')}`);
      if (CHECK) process.exit(1);
    } else {
      console.log('every figure within budget');
    }
  })
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(2);
  });
