// @vitest-environment node
/**
 * The clerk's side of sharing against the embedded server (in memory, a free port), PouchDB in
 * Node standing for the browser (testPouch.ts): the working copy that follows each local save
 * (填报中 for the supervisor's sync), the indicator's states (reached, a server that never
 * answers settles as offline), the last sync kept across page loads, and where this year's
 * report stands (progress).
 */
import { createServer, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, emptyReport, submit, type Report } from '../report/index.ts';
import { startEmbeddedServer, type EmbeddedServer } from '../server/embedded.ts';
import { setupArea } from '../server/setup.ts';
import { createMemoryDraftStore } from '../storage/index.ts';
import { createMemoryReviewStore } from '../storage/review/index.ts';
import { workingCopies } from './clerk.ts';
import { unitDbOf } from './session.ts';
import { openSupervisorSync } from './supervisor.ts';
import { nodePouch, readAsAdmin, until } from './testPouch.ts';
import { openUnitSync, type UnitSync } from './unit.ts';

const admin = { name: 'admin', password: 'admin-unit-password' };
const supervisor = { name: 'zwgk', password: 'zwgk-password-1' };
const clerk = { agency: '平罗县民政局', user: 'mzj', password: 'mzj-password-1' };
const decoded = decode(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')));
if (!decoded.ok) throw new Error('seed does not decode');
const seed: Report = { ...decoded.report, meta: { ...decoded.report.meta, agency: clerk.agency } };

let server: EmbeddedServer;
const connection = () => ({ url: server.url, user: clerk.user, role: 'unit' as const });
// One simulated browser: its local databases outlive a "page" (openUnitSync … close).
const browser = nodePouch({ name: clerk.user, password: clerk.password });

const serverDoc = (id: string) => readAsAdmin<{ _rev: string; type: string; draftId?: string; report: Report }>(server.url, admin, `/${unitDbOf(clerk.user)}/${encodeURIComponent(id)}`);

beforeAll(async () => {
  server = await startEmbeddedServer({ port: 0, inMemory: true, admin, origins: ['http://127.0.0.1:4173'] });
  await setupArea(server.url, admin, [clerk], supervisor);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('the clerk’s sync', () => {
  let sync: UnitSync;

  it('reaches the server with nothing written yet; this year has no report', async () => {
    sync = await openUnitSync(connection(), { PouchDB: browser });
    expect(sync.state().reach.kind).toBe('starting');
    const reached = await until(() => sync.state(), (s) => s.reach.kind === 'reached');
    expect(reached.lastSync).toBeGreaterThan(0);
    expect(await sync.progress()).toBeUndefined();
  });

  it('each saved change of a draft becomes its working copy on the server, once per pause; the supervisor sees 填报中', async () => {
    const store = createMemoryDraftStore({ channel: false });
    const writes: string[] = [];
    const counting = { putWorking: (report: Report, draftId: string) => (writes.push(report.meta.contact), sync.putWorking(report, draftId)) };
    const working = workingCopies(store, counting, 100);
    const created = await store.create({ document: { ...seed, status: 'draft', meta: { ...seed.meta, contact: '1' } } });
    if (!created.ok) throw new Error('not created');
    let revision = created.value.revision;
    for (const contact of ['12', '123', '1234']) {
      const saved = await store.save(created.value.id, { ...created.value.document, meta: { ...created.value.document.meta, contact } }, { expectedRevision: revision });
      if (!saved.ok) throw new Error('not saved');
      revision = saved.value.revision;
    }
    const onServer = await until(() => serverDoc(`working:2022:${clerk.user}`), (doc) => doc?.report.meta.contact === '1234');
    expect(onServer).toMatchObject({ type: 'working', draftId: created.value.id });
    // Four saves in quick succession: one write.
    expect(writes).toEqual(['1234']);
    await until(() => sync.state().reach.kind, (kind) => kind === 'reached');
    expect(await sync.progress()).toEqual({ year: 2022, progress: 'notSubmitted' });

    // The same content again writes nothing (no revision per page open).
    expect(await sync.putWorking((await store.get(created.value.id)).ok ? ((await store.get(created.value.id)) as { value: { document: Report } }).value.document : seed, created.value.id)).toEqual({ ok: true, unchanged: true });
    working.stop();

    const workspace = createMemoryReviewStore();
    const boss = await openSupervisorSync({ url: server.url, user: supervisor.name, role: 'supervisor' }, workspace, { PouchDB: nodePouch(supervisor) });
    try {
      await until(() => boss.state().units.get(clerk.user)?.years.get(2022), (p) => p === 'filling', 20_000);
      // A working copy is never a submission: the workspace holds nothing.
      const listed = await workspace.list();
      expect(listed.ok && listed.value.versions.length).toBe(0);
    } finally {
      await boss.close();
    }
  }, 40_000);

  it('报送: the report document goes too, and this year’s report says submitted', async () => {
    const put = await sync.put(submit(seed, { actor: clerk.user }), 'draft-1');
    expect(put.ok).toBe(true);
    expect(sync.state().reach.kind).toBe('local');
    await until(() => serverDoc(`report:2022:${clerk.user}`), (doc) => doc?.report.review.status === 'submitted');
    await until(() => sync.state().reach.kind, (kind) => kind === 'reached');
    expect(await sync.progress()).toEqual({ year: 2022, progress: 'submitted' });
    // Asked of a year (the year being reported, as the home asks): that year's, not the latest.
    expect(await sync.progress(2022)).toEqual({ year: 2022, progress: 'submitted' });
    expect(await sync.progress(2023)).toEqual({ year: 2023, progress: 'notSubmitted' });
    await sync.close();
  });

  it('a reopened page keeps the last sync even when the server is out of reach', async () => {
    const away = await openUnitSync({ ...connection(), url: 'http://127.0.0.1:9' }, { PouchDB: browser, answerMs: 1_000 });
    try {
      const offline = await until(() => away.state(), (s) => s.reach.kind === 'local', 10_000);
      expect(offline.reach).toEqual({ kind: 'local', offline: true });
      expect(offline.lastSync).toBeGreaterThan(0);
      expect(await away.progress()).toEqual({ year: 2022, progress: 'submitted' });
    } finally {
      await away.close();
    }
  });

  it('a server that takes the connection and never answers settles as offline, not "connecting" for ever', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const port = (silent.address() as { port: number }).port;
    const hung = await openUnitSync({ ...connection(), url: `http://127.0.0.1:${port}` }, { PouchDB: nodePouch({ name: clerk.user, password: clerk.password }), answerMs: 1_000 });
    try {
      const settled = await until(() => hung.state().reach, (reach) => reach.kind !== 'starting', 5_000);
      expect(settled).toEqual({ kind: 'local', offline: true });
    } finally {
      await hung.close().catch(() => undefined);
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it('a year-less draft is not shared', async () => {
    const again = await openUnitSync(connection(), { PouchDB: browser });
    try {
      expect(await again.putWorking(emptyReport({ agency: clerk.agency }), 'd')).toEqual({ ok: false, reason: 'noYear' });
    } finally {
      await again.close();
    }
  });
});
