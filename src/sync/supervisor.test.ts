// @vitest-environment node
/**
 * The supervisor's sync against the embedded server (in memory, a free port), with PouchDB in
 * Node standing for the browsers (src/sync/testPouch.ts): every unit's submission arriving live
 * through the area's one feed (the server copies each unit's database into the area's),
 * reviews pushed to the unit at once or kept until the network is back, and real conflicts —
 * two browsers writing the same document from the same revision — shown with both versions and
 * resolved by removing the losing revision.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment, decode, returnReport, submit, type Report } from '../report/index.ts';
import { startEmbeddedServer, type EmbeddedServer } from '../server/embedded.ts';
import { setupArea } from '../server/setup.ts';
import { createMemoryReviewStore, type ReviewStore } from '../storage/review/index.ts';
import { docId, sharedDoc } from './docs.ts';
import type { PouchDatabase, PouchDoc } from './pouch.ts';
import { unitDbOf } from './session.ts';
import { openSupervisorSync, type SupervisorSync } from './supervisor.ts';
import { nodePouch, readAsAdmin, timedUntil, until } from './testPouch.ts';

const admin = { name: 'admin', password: 'admin-sync-password' };
const supervisor = { name: 'zwgk', password: 'zwgk-password-1' };
const units = ['民政局', '教育局', '财政局', '卫健局', '交通局'].map((name, i) => ({ agency: `平罗县${name}`, user: `u${i}`, password: `u${i}-password-1` }));
const [A, B, C] = units as [(typeof units)[0], (typeof units)[0], (typeof units)[0]];

const decoded = decode(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')));
if (!decoded.ok) throw new Error('seed does not decode');
const reportOf = (agency: string): Report => submit({ ...decoded.report, meta: { ...decoded.report.meta, agency } }, { actor: 'clerk' });

let server: EmbeddedServer;
let sync: SupervisorSync;
let inner: ReviewStore;

const adminGet = (path: string) => readAsAdmin<PouchDoc & { report: Report }>(server.url, admin, path);

/** A browser of `who`: a local database replicated one-shot with a unit's database. */
function unitBrowser(who: { user: string; password: string }, unitUser = who.user) {
  const Pouch = nodePouch({ name: who.user, password: who.password });
  const local = new Pouch('share');
  const remote = new Pouch(`${server.url}/${unitDbOf(unitUser)}`, { skip_setup: true });
  const replicate = () =>
    new Promise<void>((done, fail) => {
      local.sync(remote, {}).on('complete', () => done()).on('error', fail);
    });
  return { local, remote, replicate };
}

async function putReport(local: PouchDatabase, by: string, report: Report) {
  const made = sharedDoc('report', report, { unit: by, by });
  if (!made.ok) throw new Error('report does not make a document');
  const existing = await local.get(made.doc._id).catch(() => undefined);
  await local.put({ ...made.doc, ...(existing ? { _rev: existing._rev } : {}) } as PouchDoc);
}

const progressOf = (user: string) => sync.state().units.get(user)?.years.get(2022);

beforeAll(async () => {
  server = await startEmbeddedServer({ port: 0, inMemory: true, admin, origins: ['http://127.0.0.1:4173'] });
  await setupArea(server.url, admin, units, supervisor);
  inner = createMemoryReviewStore();
  sync = await openSupervisorSync({ url: server.url, user: supervisor.name, role: 'supervisor' }, inner, { PouchDB: nodePouch(supervisor) });
  await timedUntil(() => sync.state().feed.firstPass, (p) => p !== null, 30_000);
}, 60_000);

afterAll(async () => {
  await sync?.close();
  await server?.close();
});

describe('openSupervisorSync', () => {
  it('has the roster and every unit not started after the first pass', async () => {
    await until(() => sync.state().roster, (r) => r !== null);
    expect(sync.state().roster?.map((u) => u.agency)).toEqual(units.map((u) => u.agency));
    expect(units.map((u) => progressOf(u.user) ?? 'notStarted')).toEqual(units.map(() => 'notStarted'));
    expect(sync.state().online).toBe(true);
    expect(sync.state().areaError).toBeNull();
  });

  it("a unit's 报送 arrives live through the area's feed, into the workspace", async () => {
    const clerk = unitBrowser(A);
    await putReport(clerk.local, A.user, reportOf(A.agency));
    await clerk.replicate();
    const arrived = await timedUntil(() => progressOf(A.user), (p) => p === 'submitted', 8_000);
    console.info(`live submission seen by the supervisor ${arrived.ms} ms after it reached the server`);
    const listed = await timedUntil(() => inner.list(), (l) => l.ok && l.value.versions.some((v) => v.agency === A.agency));
    expect(listed.value.ok).toBe(true);
    expect(sync.state().units.get(A.user)?.lastChange).toBeGreaterThan(0);
  });

  it('every other unit submits: all arrive through the one feed, each counted where it stands', async () => {
    for (const unit of units.slice(1)) {
      const other = unitBrowser(unit);
      await putReport(other.local, unit.user, reportOf(unit.agency));
      await other.replicate();
    }
    await timedUntil(() => units.map((u) => progressOf(u.user)), (p) => p.every((x) => x === 'submitted'), 10_000);
    const listed = await until(() => inner.list(), (l) => l.ok && l.value.versions.length === units.length);
    expect(listed.ok && listed.value.versions.map((v) => v.agency).sort()).toEqual(units.map((u) => u.agency).sort());
  });

  it('a document in a unit database that does not decode is counted for its unit and never used', async () => {
    const bad = await fetch(`${server.url}/${unitDbOf(B.user)}/${encodeURIComponent(docId('working', 2023, B.user))}`, {
      method: 'PUT',
      headers: { authorization: `Basic ${Buffer.from(`${B.user}:${B.password}`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'working', year: 2023, agency: B.agency, report: { nonsense: true }, at: Date.now(), by: B.user }),
    });
    expect(bad.status).toBe(201);
    const unreadable = await until(() => sync.state().units.get(B.user)?.unreadable ?? [], (u) => u.length === 1);
    expect(unreadable[0]?.id).toBe(docId('working', 2023, B.user));
    expect(sync.state().units.get(B.user)?.years.get(2023)).toBeUndefined();
  });

  it('a review action goes to the unit at once', async () => {
    const listed = await inner.list();
    const version = listed.ok ? listed.value.versions.find((v) => v.agency === C.agency) : undefined;
    expect(version).toBeDefined();
    const returned = returnReport(addComment(version!.document, { target: '', text: '请补充。' }, { actor: '王审核' }), '请修改', { actor: '王审核' });
    const started = Date.now();
    const updated = await sync.store.update(version!.id, returned);
    expect(updated.ok).toBe(true);
    const onServer = await timedUntil(() => adminGet(`/${unitDbOf(C.user)}/${encodeURIComponent(docId('review', 2022, C.user))}`), (d) => d?.report.review.status === 'returned', 8_000);
    console.info(`review on the server ${Date.now() - started} ms after the action`);
    expect(onServer.value?.report.review.comments.map((c) => c.text)).toEqual(['请补充。']);
    expect(progressOf(C.user)).toBe('returned');
    await until(() => sync.state().units.get(C.user)?.unsent, (n) => n === 0);
  });

  it('a review made without the network stays here, said unsent, and reaches the unit when the network is back', async () => {
    const listed = await inner.list();
    const version = listed.ok ? listed.value.versions.find((v) => v.agency === units[3]!.agency) : undefined;
    const unit = units[3]!;
    const realFetch = globalThis.fetch;
    // The network is gone for this process's requests to the server.
    globalThis.fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    try {
      const returned = returnReport(version!.document, '离线时退回', { actor: '王审核' });
      expect((await sync.store.update(version!.id, returned)).ok).toBe(true);
      const share = await until(() => sync.state().units.get(unit.user), (u) => u?.unsent === 1 && u.error === 'offline');
      expect(share?.years.get(2022)).toBe('returned');
    } finally {
      globalThis.fetch = realFetch;
    }
    await sync.syncNow();
    const onServer = await until(() => adminGet(`/${unitDbOf(unit.user)}/${encodeURIComponent(docId('review', 2022, unit.user))}`), (d) => d?.report.review.status === 'returned');
    expect(onServer?.report.review.history.at(-1)?.note).toBe('离线时退回');
    expect(sync.state().units.get(unit.user)).toMatchObject({ unsent: 0, error: null });
  });

  it("another computer of the 政务公开办 shows the same review: the review document updates its workspace's version", async () => {
    const elsewhere = createMemoryReviewStore();
    const second = await openSupervisorSync({ url: server.url, user: supervisor.name, role: 'supervisor' }, elsewhere, { PouchDB: nodePouch(supervisor) });
    try {
      const listed = await timedUntil(
        () => elsewhere.list(),
        (l) => l.ok && l.value.versions.some((v) => v.agency === C.agency && v.document.review.status === 'returned'),
      );
      const version = listed.value.ok ? listed.value.value.versions.find((v) => v.agency === C.agency) : undefined;
      expect(version?.document.review.comments.map((c) => c.text)).toEqual(['请补充。']);
      // The submitted report of another unit, not reviewed yet, stays as submitted.
      expect(listed.value.ok && listed.value.value.versions.find((v) => v.agency === B.agency)?.document.review.status).toBe('submitted');
    } finally {
      await second.close();
    }
  });
});

describe('conflicts', () => {
  it('two supervisor browsers edit one review offline: both versions shown, the chosen one kept, the other removed', async () => {
    const id = docId('review', 2022, C.user);
    const path = `/${unitDbOf(C.user)}/${encodeURIComponent(id)}`;
    // Two other browsers of the 政务公开办 with the review as it is now…
    const one = unitBrowser({ user: supervisor.name, password: supervisor.password }, C.user);
    const two = unitBrowser({ user: supervisor.name, password: supervisor.password }, C.user);
    await one.replicate();
    await two.replicate();
    // …each adds its own comment without the network, then both come back.
    for (const [b, text] of [
      [one, '第一台电脑的意见'],
      [two, '第二台电脑的意见'],
    ] as const) {
      const doc = await b.local.get(id);
      const read = decode(doc.report);
      if (!read.ok) throw new Error('review does not decode');
      const report = addComment(read.report, { target: '', text }, { actor: text });
      const made = sharedDoc('review', report, { unit: C.user, by: supervisor.name });
      if (!made.ok) throw new Error('review does not make a document');
      await b.local.put({ ...made.doc, _rev: doc._rev } as PouchDoc);
    }
    await one.replicate();
    await two.replicate();
    const onServer = (await adminGet(`${path}?conflicts=true`)) as PouchDoc;
    expect(onServer._conflicts).toHaveLength(1);

    // The supervisor's sync shows it: the winner and the other, both decoded.
    await sync.syncNow();
    const shown = await timedUntil(() => sync.state().units.get(C.user)?.conflicts ?? [], (c) => c.length > 0);
    const conflict = shown.value[0]!;
    expect(conflict).toMatchObject({ id, kind: 'review', year: 2022 });
    const texts = [conflict.winner, ...conflict.others].map((v) => v.report.review.comments.map((c) => c.text).at(-1));
    expect(texts.sort()).toEqual(['第一台电脑的意见', '第二台电脑的意见']);

    // Keep the one that is not the winner: the winner's revision is removed, nothing overwritten.
    const keep = conflict.others[0]!;
    expect(await sync.resolveConflict(C.user, id, keep.rev)).toEqual({ ok: true });
    const resolved = await timedUntil(() => adminGet(`${path}?conflicts=true`) as Promise<PouchDoc | undefined>, (d) => d?._rev === keep.rev && !d._conflicts, 8_000);
    expect(resolved.value?._rev).toBe(keep.rev);
    await timedUntil(() => sync.state().units.get(C.user)?.conflicts ?? [], (c) => c.length === 0);
    // The workspace shows the kept review.
    const listed = await inner.list();
    const version = listed.ok ? listed.value.versions.filter((v) => v.agency === C.agency).at(-1) : undefined;
    expect(version?.document.review.comments.map((c) => c.text).at(-1)).toBe(keep.report.review.comments.at(-1)!.text);
  }, 30_000);

  it("a unit's report written from two computers: shown with both versions; only the unit may resolve it", async () => {
    const id = docId('report', 2022, A.user);
    const first = unitBrowser(A);
    const second = unitBrowser(A);
    await first.replicate();
    await second.replicate();
    const written = (preamble: string): Report => ({ ...reportOf(A.agency), narrative: { ...reportOf(A.agency).narrative, preamble } });
    await putReport(first.local, A.user, written('第一台电脑写的'));
    await putReport(second.local, A.user, written('第二台电脑写的'));
    await first.replicate();
    await second.replicate();
    await sync.syncNow();
    const shown = await timedUntil(() => sync.state().units.get(A.user)?.conflicts ?? [], (c) => c.some((x) => x.id === id));
    const conflict = shown.value.find((x) => x.id === id)!;
    expect(conflict.kind).toBe('report');
    expect([conflict.winner, ...conflict.others].map((v) => v.report.narrative.preamble).sort()).toEqual(['第一台电脑写的', '第二台电脑写的']);
    expect(await sync.resolveConflict(A.user, id, conflict.others[0]!.rev)).toEqual({ ok: false, reason: 'notAllowed' });
  }, 30_000);
});
