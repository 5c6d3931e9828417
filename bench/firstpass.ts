/**
 * The supervisor's first replication, looked into (issue 17 point 7): N units (BENCH_UNITS,
 * default 1,000) on the embedded server, the supervisor connects in a fresh profile, and this
 * says how long until every unit's submitted report is in the units table, the units per second
 * as it goes, the requests by kind, the server's CPU (it runs in this process), the page's main
 * thread and heap, and with `--profile` where the page's time goes (CDP Profiler, self time by
 * function and by file).
 *
 *   npx tsx bench/firstpass.ts [--profile] [--dist DIR] [--build]
 *
 * `--build` builds the app without minification into DIR (default /tmp/nianbao-firstpass-dist)
 * first, so that the profile names functions. A developer's tool: no record is written.
 */
import { mkdtempSync } from 'node:fs';
import { Server, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, executablePath } from '../tests/e2e/chromium.ts';
import { benchUnitCount, fillSupervisorConnect, provisionArea } from './sharing.ts';

const args = process.argv.slice(2);
const PROFILE = args.includes('--profile');
/** The server's side: it runs in this process (the embedded server), profiled by node:inspector. */
const PROFILE_SERVER = args.includes('--profile-server');
const DIST = args.includes('--dist') ? args[args.indexOf('--dist') + 1]! : '/tmp/nianbao-firstpass-dist';
const log = (m: string) => console.log(m);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function and by file, and total time under a few functions of interest. */
function summariseProfile(profile: CpuProfile) {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const file = (url: string) => (url.includes('node_modules/') ? url.replace(/^.*node_modules\//, '') : url.split('/').pop()?.replace(/-[\w-]{8}\.js$/, '.js')) || '(native)';
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${file(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  // Inclusive time per function name (each sample counted once per distinct function on its stack).
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    total += ms;
    byFunction.set(name(n), (byFunction.get(name(n)) ?? 0) + ms);
    byFile.set(file(n.callFrame.url), (byFile.get(file(n.callFrame.url)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([key, ms]) => `  ${(ms / 1000).toFixed(2).padStart(7)} s  ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${key}`)
      .join('\n');
  log(`profile: ${(total / 1000).toFixed(1)} s sampled`);
  log(`by file (self):\n${top(byFile, 12)}`);
  log(`by function (self):\n${top(byFunction, 40)}`);
  log(`by function (inclusive):\n${top(inclusive, 60)}`);
}

async function main() {
  const n = benchUnitCount('BENCH_UNITS', 1000);
  if (args.includes('--build')) {
    log(`building (not minified) into ${DIST}…`);
    await build({ configFile: 'bench/vite.bench.config.ts', logLevel: 'warn', build: { outDir: DIST, minify: false } });
  }
  const server = await preview({ build: { outDir: DIST }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const address = server.httpServer!.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const area = await provisionArea(n, [new URL(base).origin], log);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'nianbao-firstpass-')), {
    executablePath,
    args: CHROMIUM_ARGS,
    chromiumSandbox: false,
    viewport: { width: 1366, height: 900 },
  });
  try {
    const page = await context.newPage();
    // Every request the server answers, counted where it arrives (preflights and the server's
    // own requests to itself included, which the page's request events do not show).
    const requests = new Map<string, number>();
    const serverPort = Number(new URL(area.server.url).port);
    const emit = Server.prototype.emit;
    Server.prototype.emit = function (this: Server, event: string, ...rest: unknown[]) {
      const req = rest[0] as IncomingMessage | undefined;
      if (counting && event === 'request' && req?.socket.localPort === serverPort) {
        const seg = (req.url ?? '/').split('?')[0]!.split('/').filter(Boolean);
        const what = seg.length === 0 ? '/' : seg.length === 1 ? (seg[0]!.startsWith('_') ? seg[0]! : 'db') : seg[1]!.startsWith('_') ? seg[1]! : 'doc';
        const kind = `${req.method} ${what}${req.headers.origin ? '' : ' (no origin: the server itself)'}`;
        requests.set(kind, (requests.get(kind) ?? 0) + 1);
      }
      return (emit as (this: Server, event: string, ...a: unknown[]) => boolean).call(this, event, ...rest);
    } as typeof emit;
    let counting = false;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await fillSupervisorConnect(page, base, area.server.url);
    if (PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    const metric = async (name: string) => ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === name)?.value ?? NaN;
    const task0 = await metric('TaskDuration');
    const script0 = await metric('ScriptDuration');
    const inspector = PROFILE_SERVER ? new Session() : undefined;
    if (inspector) {
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 1000 });
      await inspector.post('Profiler.start');
    }
    const cpu0 = process.cpuUsage();
    const started = Date.now();
    counting = true;
    await page.getByRole('button', { name: '连接', exact: true }).click();
    const progress = page.getByRole('combobox', { name: '进度', exact: true });
    // The workspace is mounted again with the shared store once the sync is open (its filter
    // with it): the filter is chosen once the roster's rows are in the table.
    await page.waitForFunction(`Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount')) - 1 >= ${n}`, null, { timeout: 600_000, polling: 100 });
    await progress.selectOption('submitted');
    let rows = 0;
    let lastLog = 0;
    const limit = Number(process.env.BENCH_REPLICATION_LIMIT_S ?? '600') * 1000;
    for (;;) {
      rows = Number((await page.locator('table[aria-rowcount]').getAttribute('aria-rowcount').catch(() => '1')) ?? '1') - 1;
      const at = Date.now() - started;
      if (rows >= n || at > limit) break;
      if (at - lastLog >= 10_000) {
        lastLog = at;
        log(`  ${Math.round(at / 1000)} s: ${rows} of ${n}`);
      }
      await page.waitForTimeout(200);
    }
    const ms = Date.now() - started;
    log(`progress counts: ${(await page.locator('.rv-progress-counts').textContent().catch(() => '?'))?.replace(/\s+/g, ' ')}`);
    if (process.env.FIRSTPASS_SHOT) await page.screenshot({ path: process.env.FIRSTPASS_SHOT, fullPage: false });
    const cpu = process.cpuUsage(cpu0);
    log(`${rows} of ${n} units in ${(ms / 1000).toFixed(1)} s: ${(rows / (ms / 1000)).toFixed(1)} units/s`);
    log(`page main thread: tasks ${((await metric('TaskDuration')) - task0).toFixed(1)} s, script ${((await metric('ScriptDuration')) - script0).toFixed(1)} s`);
    log(`server (this process) CPU: user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s`);
    const totalRequests = [...requests.values()].reduce((a, b) => a + b, 0);
    log(`requests to the server: ${totalRequests} (${(totalRequests / n).toFixed(1)} per unit)`);
    for (const [kind, count] of [...requests].sort((a, b) => b[1] - a[1])) log(`  ${String(count).padStart(6)}  ${kind}`);
    if (PROFILE) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      log('--- the page ---');
      summariseProfile(profile);
    }
    if (inspector) {
      const { profile } = (await inspector.post('Profiler.stop')) as unknown as { profile: CpuProfile };
      inspector.disconnect();
      log('--- the server (this process) ---');
      summariseProfile(profile);
    }
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    log(`heap after: ${((await metric('JSHeapUsedSize')) / 2 ** 20).toFixed(1)} MiB`);
  } finally {
    await context.close();
    await area.server.close();
    await server.close();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
