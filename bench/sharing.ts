/**
 * A province's figures (issue 17, point 7): N units (default 5,000; `BENCH_UNITS=500` for fewer)
 * provisioned on the embedded server through setup's own code, each with a submitted report made
 * from the seed with varied figures; then the 汇总 of N in Node (the core function).
 * The browser's figures (replication into the supervisor's workspace, its 汇总, the units
 * table's sort and filter, the heap) are taken by run.ts's `sharingFigures` on the built app.
 */
import { readFileSync } from 'node:fs';
import { decodeText, type Report } from '../src/report/index.ts';
import { startEmbeddedServer, type Credentials, type EmbeddedServer } from '../src/server/embedded.ts';
import { AREA_DB, unitDbName, type RosterUnit } from '../src/server/roster.ts';
import { setupArea } from '../src/server/setup.ts';
import { sharedDoc } from '../src/sync/docs.ts';
import { aggregateReports } from '../src/report/review/aggregate.ts';
import { buildUnits, toRow, type UnitRow } from '../src/features/review/model.ts';
import { NO_FILTER, filterRows, sortRows } from '../src/features/review/unitsTableModel.ts';
import type { ReceivedVersion } from '../src/storage/review/index.ts';
import { benchReports, benchRoster } from './areaReports.ts';
import { summarise, type Figure } from './stats.ts';

export const BENCH_ADMIN: Credentials = { name: 'admin', password: 'bench-admin-password' };
export const BENCH_SUPERVISOR: Credentials = { name: 'zwgk', password: 'bench-zwgk-password' };

/** A count of units from the environment (BENCH_UNITS by default; 5,000: a province). */
export function benchUnitCount(variable = 'BENCH_UNITS', fallback = 5000, least = 1): number {
  const raw = process.env[variable];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < least) throw new Error(`${variable} must be a whole number ≥ ${least}, not ${raw}`);
  return n;
}

/** The units' reports, made from the seed fixture (bench/areaReports.ts, as in the browser). */
export function benchAreaReports(count: number): Report[] {
  return reportsFor(benchRoster(count));
}

function reportsFor(roster: readonly RosterUnit[]): Report[] {
  const decoded = decodeText(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8'));
  if (!decoded.ok) throw new Error('the seed fixture does not decode');
  return benchReports(decoded.report, roster);
}

async function inParallel<T>(items: readonly T[], width: number, run: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let i = next++; i < items.length; i = next++) await run(items[i]!, i);
    }),
  );
}

export interface ProvisionedArea {
  readonly server: EmbeddedServer;
  readonly roster: RosterUnit[];
  readonly reports: Report[];
  readonly setupMs: number;
  readonly reportsMs: number;
  /** From the first report written to the area database holding all of them (the server's copy). */
  readonly areaMs: number;
}

/**
 * The embedded server in memory, set up from the roster by `setupArea` (what `nianbao server
 * setup` runs), then each unit's report written into its database (as the server admin: the
 * clerks' 报送 is not what is measured here).
 */
export async function provisionArea(count: number, origins: readonly string[], log: (m: string) => void): Promise<ProvisionedArea> {
  const server = await startEmbeddedServer({ port: 0, inMemory: true, admin: BENCH_ADMIN, origins });
  const roster = benchRoster(count);
  const reports = reportsFor(roster);
  const t0 = performance.now();
  await setupArea(server.url, BENCH_ADMIN, roster, BENCH_SUPERVISOR);
  const setupMs = performance.now() - t0;
  log(`setup of ${count} units: ${Math.round(setupMs)} ms`);
  const authorization = `Basic ${Buffer.from(`${BENCH_ADMIN.name}:${BENCH_ADMIN.password}`).toString('base64')}`;
  const t1 = performance.now();
  await inParallel(roster, 8, async (unit, i) => {
    const made = sharedDoc('report', reports[i]!, { unit: unit.user, by: unit.user });
    if (!made.ok) throw new Error(`bench report of ${unit.user} is refused: ${made.reason}`);
    const response = await fetch(`${server.url}/${unitDbName(unit.user)}/${encodeURIComponent(made.doc._id)}`, {
      method: 'PUT',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(made.doc),
    });
    if (response.status !== 201) throw new Error(`report of ${unit.user}: HTTP ${response.status} ${await response.text()}`);
  });
  const reportsMs = performance.now() - t1;
  log(`reports written: ${Math.round(reportsMs)} ms`);
  // The server copies each unit's database into the area's as it is written (src/server/area.ts):
  // the supervisor's browser is measured on a full area, as it is once the units have reported.
  for (;;) {
    const info = (await (await fetch(`${server.url}/${AREA_DB}`, { headers: { authorization } })).json()) as { doc_count?: number };
    // The roster, and one report per unit.
    if ((info.doc_count ?? 0) >= count + 1) break;
    if (performance.now() - t1 > 600_000) throw new Error(`the area database has ${info.doc_count} of ${count + 1} documents after 10 minutes`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const areaMs = performance.now() - t1;
  log(`area database complete: ${Math.round(areaMs)} ms after the first report`);
  return { server, roster, reports, setupMs, reportsMs, areaMs };
}

/** The 汇总 of N reports by the core function, in Node. */
export function benchAggregateNode(reports: readonly Report[], rounds: number): Figure {
  const units = reports.map((report) => ({ name: report.meta.agency, report, approved: false }));
  const options = { agency: '某某省人民政府', year: 2022, expectedAgencies: units.map((u) => u.name), includeUnapproved: true };
  const first = aggregateReports(units, options);
  if (first.included.length !== reports.length) throw new Error(`the 汇总 included ${first.included.length} of ${reports.length} reports`);
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    aggregateReports(units, options);
    samples.push(performance.now() - t0);
  }
  return summarise('aggregate.node', `Node: 汇总 of ${reports.length} reports (aggregateReports)`, 'ms', samples);
}

/**
 * The workspace's model in Node at N: the units built from N received reports (each checked),
 * then the units table's sort and filter (the pure functions the table renders).
 */
function versionsOf(reports: readonly Report[]): ReceivedVersion[] {
  return reports.map((document, i) => ({
    id: `v${i}`,
    unitKey: `2022|${document.meta.agency}`,
    agency: document.meta.agency,
    year: 2022,
    fileName: `${document.meta.agency}-2022（服务器）`,
    receivedAt: Date.UTC(2023, 0, 10) + i * 60_000,
    fingerprint: String(i),
    document,
    updatedAt: Date.UTC(2023, 0, 10) + i * 60_000,
  }));
}

export function benchTableModelNode(reports: readonly Report[], rounds: number): Figure[] {
  const versions = versionsOf(reports);
  const n = reports.length;
  const build: number[] = [];
  let rows: UnitRow[] = [];
  for (let i = 0; i < Math.min(rounds, 3); i++) {
    const t0 = performance.now();
    rows = buildUnits(versions).map((u) => toRow(u));
    build.push(performance.now() - t0);
  }
  if (rows.length !== n) throw new Error(`buildUnits made ${rows.length} units of ${n} reports`);
  const time = (run: () => unknown) => {
    run();
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      run();
      samples.push(performance.now() - t0);
    }
    return samples;
  };
  // A new rows array each time for the name sort: the name order is computed, not remembered.
  const sortByName = time(() => sortRows(rows, { by: 'agency', desc: true }, [...rows]));
  const sortByStatus = time(() => sortRows(rows, { by: 'status', desc: false }, rows));
  const sortByLast = time(() => sortRows(rows, { by: 'lastChange', desc: true }, rows));
  const filterText = time(() => filterRows(rows, { ...NO_FILTER, text: '第1' }));
  const filterState = time(() => filterRows(rows, { ...NO_FILTER, status: 'submitted', findings: 'errors' }));
  return [
    summarise('sharing.buildUnits.node', `Node: the workspace's units of ${n} reports (buildUnits: decode-free, each checked)`, 'ms', build),
    summarise('sharing.model.sortName.node', `Node: sortRows of ${n} by name (name order computed)`, 'ms', sortByName),
    summarise('sharing.model.sortStatus.node', `Node: sortRows of ${n} by status`, 'ms', sortByStatus),
    summarise('sharing.model.sortLastChange.node', `Node: sortRows of ${n} by last change`, 'ms', sortByLast),
    summarise('sharing.model.filterText.node', `Node: filterRows of ${n} by a name's part`, 'ms', filterText),
    summarise('sharing.model.filterState.node', `Node: filterRows of ${n} by status and findings`, 'ms', filterState),
  ];
}

// ---------------------------------------------------------------------------------------------
// In the browser: the supervisor's workspace on the built app
// ---------------------------------------------------------------------------------------------

type BenchPage = import('playwright-core').Page;
type BenchContext = import('playwright-core').BrowserContext;

const nowIn = (page: BenchPage) => page.evaluate(() => performance.now());
const unitsTable = (page: BenchPage) => page.getByRole('table', { name: '各单位年报及审核情况' });
const shownRows = async (page: BenchPage) => Number((await unitsTable(page).getAttribute('aria-rowcount').catch(() => '1')) ?? '1') - 1;

/**
 * Arms a timer in the page: it starts at the next user event (click, input or change, caught
 * first, in the capture phase) and stops when `done()` holds after a DOM change and the next
 * frame is painted (what the user waits for). Then `act` does the user's part (Playwright's own
 * click, fill or selection), and the time is read.
 */
async function timeInPage(page: BenchPage, act: () => Promise<unknown>, done: string, timeoutMs = 30_000): Promise<number> {
  // Strings, not functions: tsx's keepNames would wrap named functions in `__name(…)`.
  await page.evaluate(`window.__timing = new Promise((resolve, reject) => {
    const done = () => { ${done} };
    let t0;
    const start = (e) => { if (t0 === undefined) t0 = e.timeStamp || performance.now(); };
    for (const type of ['click', 'input', 'change']) document.addEventListener(type, start, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (t0 === undefined || !done()) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    setTimeout(() => { observer.disconnect(); reject(new Error('never done: ' + ${JSON.stringify(done)})); }, ${timeoutMs});
  }); undefined`); // (not the promise: evaluate would wait for it)
  await act();
  return page.evaluate('window.__timing') as Promise<number>;
}

const TABLE = `document.querySelector('table[aria-rowcount]')`;

async function heapMiB(page: BenchPage): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  // After a collection: what the page keeps, not garbage waiting.
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  await cdp.detach();
  return Math.round((heap / 2 ** 20) * 10) / 10;
}

/** The review workspace with its connect form filled in as the area's supervisor (连接 not pressed yet). */
export async function fillSupervisorConnect(page: BenchPage, base: string, serverUrl: string): Promise<void> {
  await page.goto(`${base}#/review`);
  await page.getByRole('heading', { level: 1, name: '审核工作台' }).waitFor();
  await page.getByRole('button', { name: '连接到共享服务器' }).click();
  await page.getByLabel('服务器地址').fill(serverUrl);
  await page.getByLabel('用户名').fill(BENCH_SUPERVISOR.name);
  await page.getByLabel('密码').fill(BENCH_SUPERVISOR.password);
}

/**
 * The supervisor connects (as a user would, through the form) and waits until the units table
 * lists every unit: the first replication of N reports into the browser, and the heap then.
 * Stops at BENCH_REPLICATION_LIMIT_S (default 1,200 s) and then says how far it got.
 */
export async function benchReplication(context: BenchContext, base: string, area: ProvisionedArea, log: (m: string) => void): Promise<Figure[]> {
  const n = area.roster.length;
  const page = await context.newPage();
  await fillSupervisorConnect(page, base, area.server.url);

  log(`replicating ${n} units into the browser…`);
  const t0 = await nowIn(page);
  const started = Date.now();
  await page.getByRole('button', { name: '连接', exact: true }).click();
  const limitMs = Number(process.env.BENCH_REPLICATION_LIMIT_S ?? '1200') * 1000;
  let lastLog = -Infinity;
  let rows: number;
  // The roster lists every unit at once (未开始 until its documents are in): only the units whose
  // submitted report has arrived count, so the table is filtered by 进度 to 已报送 as it shows.
  const progress = page.getByRole('combobox', { name: '进度', exact: true });
  // The workspace mounts again (its filter with it) once the sync has opened its shared store:
  // the filter is chosen when the roster's rows are in the table, else it is chosen and lost.
  await page.waitForFunction(`Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount')) - 1 >= ${n}`, null, { timeout: limitMs, polling: 100 });
  await progress.selectOption('submitted');
  for (;;) {
    rows = await shownRows(page);
    const at = Date.now() - started;
    if (rows >= n || at > limitMs) break;
    if (at - lastLog >= 15_000) {
      lastLog = at;
      log(`  ${Math.round(at / 1000)} s: ${rows} of ${n} units in the table`);
    }
    await page.waitForTimeout(250);
  }
  const ms = (await nowIn(page)) - t0;
  const figures: Figure[] = [];
  if (rows >= n) {
    log(`  all ${n} in ${Math.round(ms)} ms`);
    figures.push(summarise('sharing.replication', `browser: first replication of ${n} units → all in the units table`, 'ms', [ms]));
  } else {
    log(`  stopped after ${Math.round(ms / 1000)} s with ${rows} of ${n}`);
    figures.push({ id: 'sharing.replication.partial', label: `browser: first replication stopped at ${Math.round(ms / 1000)} s: units in the table (of ${n})`, unit: 'units', p50: rows, n: 1 });
  }
  figures.push({ id: 'sharing.replication.rate', label: `browser: first replication, units per second (${rows} of ${n})`, unit: 'units/s', p50: Math.round((rows / (ms / 1000)) * 100) / 100, n: 1 });
  figures.push({ id: 'sharing.replication.heap', label: `browser: JS heap after replicating ${rows} units`, unit: 'MiB', p50: await heapMiB(page), n: 1 });
  await page.close();
  return figures;
}

/** Screenshots of the units table at a province's size go here (test-results/ is ignored). */
const SHOTS = 'test-results';

/**
 * The workspace with N units (the review store filled by the bench's seed-review page, as N
 * replications or N collected files would): opening it, the units table's sort and filter, the
 * 汇总 of all N, the heap; screenshots of the table (scrolled, filtered) in zh-CN and en.
 */
export async function benchWorkspaceAtScale(context: BenchContext, base: string, n: number, log: (m: string) => void, repeats: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  log(`filling the review store with ${n} units…`);
  const seedPage = await context.newPage();
  await seedPage.goto(`${base}bench/seed-review/index.html?count=${n}`);
  await seedPage.waitForFunction(() => (window as unknown as { __seededReview?: unknown }).__seededReview !== undefined, null, { timeout: 900_000, polling: 1000 });
  const seeded = (await seedPage.evaluate('window.__seededReview')) as { count: number; ms: number } | { error: string };
  if ('error' in seeded) throw new Error(`seeding the review store failed: ${seeded.error}`);
  await seedPage.close();
  log(`  ${n} units stored in ${Math.round(seeded.ms)} ms`);

  const page = await context.newPage();
  const openSamples: number[] = [];
  for (let i = 0; i < Math.max(1, Math.min(repeats, 3)); i++) {
    await page.goto('about:blank');
    const t0 = Date.now();
    await page.goto(`${base}#/review`);
    await page.waitForFunction(`Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount')) - 1 === ${n}`, null, { timeout: 300_000, polling: 100 });
    openSamples.push(Date.now() - t0);
  }
  figures.push(summarise('sharing.openWorkspace', `browser: open the review workspace of ${n} units → all in the table (list, check each, render)`, 'ms', openSamples));
  figures.push({ id: 'sharing.heap', label: `browser: JS heap with the workspace of ${n} units open`, unit: 'MiB', p50: await heapMiB(page), n: 1 });

  log('sort and filter of the units table…');
  const samples = { sortName: [] as number[], sortStatus: [] as number[], sortLastChange: [] as number[], filterText: [] as number[], filterStatus: [] as number[], filterFindings: [] as number[] };
  const headerOf = (name: string) => `[...${TABLE}.querySelectorAll('thead th')].find((th) => th.textContent.includes(${JSON.stringify(name)}))`;
  const headerButton = (name: string) => unitsTable(page).getByRole('columnheader', { name: new RegExp(name) }).getByRole('button');
  const rowCount = `Number(${TABLE}.getAttribute('aria-rowcount')) - 1`;
  const allBack = () => page.waitForFunction(`${rowCount} === ${n}`);
  const search = page.getByRole('searchbox', { name: '搜索机关名称' });
  const status = page.getByRole('combobox', { name: '审核状态' });
  const findings = page.getByRole('combobox', { name: '检查结果' });
  // A findings filter that changes what is shown (the generator plants faults in most reports).
  const rows = buildUnits(versionsOf(benchAreaReports(n))).map((u) => toRow(u));
  const findingsChoice = (['errors', 'clean', 'unexplained'] as const)
    .map((value) => ({ value, count: filterRows(rows, { ...NO_FILTER, findings: value }).length }))
    .find((c) => c.count !== n)!;
  for (let i = 0; i < repeats; i++) {
    // A header press: done when the header says the new order (React commits it with the rows).
    for (const [name, list] of [['机关名称', samples.sortName], ['审核状态', samples.sortStatus], ['最近变动', samples.sortLastChange]] as const) {
      const before = await page.evaluate(`${headerOf(name)}.getAttribute('aria-sort')`);
      list.push(await timeInPage(page, () => headerButton(name).click(), `return ${headerOf(name)}.getAttribute('aria-sort') !== ${JSON.stringify(before)}`));
      // Back to the rows' own order (the header's cycle ends there).
      for (let guard = 0; guard < 3 && (await page.evaluate(`${headerOf(name)}.getAttribute('aria-sort')`)) !== 'none'; guard++) await headerButton(name).click();
    }
    samples.filterText.push(await timeInPage(page, () => search.fill(`第${(i % 9) + 1}县`), `return ${rowCount} < ${n}`));
    await search.fill('');
    await allBack();
    samples.filterStatus.push(await timeInPage(page, () => status.selectOption('returned'), `return ${rowCount} < ${n}`));
    await status.selectOption('');
    await allBack();
    samples.filterFindings.push(await timeInPage(page, () => findings.selectOption(findingsChoice.value), `return ${rowCount} === ${findingsChoice.count}`));
    await findings.selectOption('all');
    await allBack();
  }
  figures.push(summarise('sharing.sortName', `browser: units table of ${n}, sort by name → painted`, 'ms', samples.sortName));
  figures.push(summarise('sharing.sortStatus', `browser: units table of ${n}, sort by status → painted`, 'ms', samples.sortStatus));
  figures.push(summarise('sharing.sortLastChange', `browser: units table of ${n}, sort by last change → painted`, 'ms', samples.sortLastChange));
  figures.push(summarise('sharing.filterText', `browser: units table of ${n}, search a name → painted`, 'ms', samples.filterText));
  figures.push(summarise('sharing.filterStatus', `browser: units table of ${n}, filter by status → painted`, 'ms', samples.filterStatus));
  figures.push(summarise('sharing.filterFindings', `browser: units table of ${n}, filter by findings → painted`, 'ms', samples.filterFindings));

  log(`汇总 of ${n} in the browser…`);
  const aggregate: number[] = [];
  await page.getByRole('checkbox', { name: '选择显示的全部单位' }).check();
  await page.getByRole('button', { name: '汇总所选' }).click();
  await page.getByLabel('汇总机关名称').fill('某某省人民政府');
  const buildButton = page.getByRole('button', { name: '生成汇总' });
  for (let i = 0; i < repeats; i++) {
    // Every round builds a result that differs from the one shown: all N, then none (not timed).
    await page.getByLabel('未通过审核的也计入').check();
    aggregate.push(await timeInPage(page, () => buildButton.click(), `return document.body.textContent.includes('已生成汇总，计入 ${n} 个单位。')`, 60_000));
    await page.getByLabel('未通过审核的也计入').uncheck();
    await buildButton.click();
    await page.getByText('已生成汇总，计入 0 个单位。').waitFor({ timeout: 60_000 });
  }
  figures.push(summarise('sharing.aggregate', `browser: 汇总 of ${n} reports (生成汇总 → result shown)`, 'ms', aggregate));

  log('screenshots of the units table…');
  for (const language of ['zh-CN', 'en'] as const) {
    await page.evaluate((lang) => localStorage.setItem('nianbao.language', lang), language);
    await page.goto('about:blank');
    await page.goto(`${base}#/review`);
    const table = page.locator('table[aria-rowcount]');
    await page.waitForFunction(`Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount')) - 1 === ${n}`, null, { timeout: 300_000 });
    // Scrolled to the middle, the focus on a unit there (moved by the keyboard).
    await page.locator('.rv-table-scroll').evaluate((el, top) => (el.scrollTop = top), Math.floor(n / 2) * 36);
    await page.waitForTimeout(300);
    await table.locator('tbody tr[aria-rowindex] th a').nth(10).focus();
    await page.keyboard.press('ArrowDown');
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/units-${n}-scrolled-${language}.png` });
    await page.locator('.rv-toolbar input[type=search]').fill('第12');
    await page.locator('.rv-toolbar label:nth-of-type(2) select').selectOption('submitted');
    await page.waitForFunction(`Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount')) - 1 < ${n}`);
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/units-${n}-filtered-${language}.png` });
  }
  await page.evaluate(() => localStorage.removeItem('nianbao.language'));
  await page.close();
  return figures;
}
