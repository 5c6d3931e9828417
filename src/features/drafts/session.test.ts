import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, test, vi } from 'vitest';
import { emptyReport, setCell, type Report } from '../../report/index.ts';
import { MemoryDraftStore, createIdbDraftStore, type DraftStore, type Result } from '../../storage/index.ts';
import { DraftSession, forgetLeavingSessions } from './session.ts';

const FAST = { idleMs: 20, maxWaitMs: 100, retryMs: [30, 30] };

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  forgetLeavingSessions();
});

async function setup(store: DraftStore = new MemoryDraftStore()) {
  const draft = value(await store.create({ document: emptyReport({ agency: '甲局', year: 2023 }) }));
  const open = async () => {
    const session = new DraftSession(store, draft.id, FAST);
    cleanups.push(() => session.dispose());
    await session.start();
    return session;
  };
  return { store, draft, open };
}

const typed = (doc: Report, n: number) => setCell(doc, 'applications.newReceived.naturalPerson', n);

test('nothing is written before the stored draft has loaded', async () => {
  const store = new MemoryDraftStore();
  const { draft } = await setup(store);
  const session = new DraftSession(store, draft.id, FAST);
  cleanups.push(() => session.dispose());
  session.update(typed(draft.document, 1));
  await session.flush();
  expect(store.writeAttempts).toBe(1); // the create only
  expect(session.snapshot().state).toBe('loading');
  await session.start();
  expect(session.snapshot()).toMatchObject({ state: 'ready', readOnly: false, report: draft.document });
});

test('a change is written after a short idle, and the save state says saved', async () => {
  const { store, draft, open } = await setup();
  const session = await open();
  session.update(typed(draft.document, 1));
  expect(session.snapshot().saveState.kind).toBe('saving');
  await vi.waitFor(() => expect(session.snapshot().saveState.kind).toBe('saved'));
  expect(value(await store.get(draft.id)).document).toEqual(typed(draft.document, 1));
  expect(session.hasUnsavedChanges()).toBe(false);
});

test('an unchanged document is not written (no revision moves)', async () => {
  const { store, draft, open } = await setup();
  const session = await open();
  session.update(structuredClone(draft.document));
  await session.flush();
  expect(value(await store.get(draft.id)).revision).toBe(1);
  expect(session.snapshot().saveState.kind).toBe('saved');
});

test('a failed write keeps the edits in memory, says why, and retries until it works', async () => {
  const { store, draft, open } = await setup();
  const session = await open();
  (store as MemoryDraftStore).failWrites = { kind: 'quota' };
  session.update(typed(draft.document, 5));
  await session.flush();
  expect(session.snapshot().saveState).toEqual({ kind: 'failed', reason: 'quota', attempts: 1 });
  expect(session.current()).toEqual(typed(draft.document, 5));
  await vi.waitFor(() => expect(session.snapshot().saveState).toMatchObject({ kind: 'failed', attempts: 2 }));
  (store as MemoryDraftStore).failWrites = undefined;
  await vi.waitFor(() => expect(session.snapshot().saveState.kind).toBe('saved'));
  expect(value(await store.get(draft.id)).document).toEqual(typed(draft.document, 5));
});

test('marking ready and reopening are written at once as milestone versions', async () => {
  const { store, draft, open } = await setup();
  const session = await open();
  session.update({ ...draft.document, status: 'ready' });
  await session.flush();
  session.update({ ...draft.document, status: 'draft' });
  await session.flush();
  const versions = value(await store.versions(draft.id));
  expect(versions.map((v) => v.milestone)).toEqual(['reopened', 'ready', 'created']);
});

test('two sessions on one draft: the second write conflicts, its edits are kept in the history', async () => {
  const { store, draft, open } = await setup();
  const tabA = await open();
  const tabB = await open();
  tabA.update(typed(draft.document, 1));
  await tabA.flush();
  tabB.update(setCell(draft.document, 'applications.newReceived.commercial', 2));
  await tabB.flush();
  await vi.waitFor(() => expect(tabB.snapshot().conflict).toEqual({ keptVersion: true }));
  expect(tabB.snapshot()).toMatchObject({ saveState: { kind: 'conflict' }, readOnly: true });
  expect(value(await store.get(draft.id)).document).toEqual(typed(draft.document, 1));
  const [kept] = value(await store.versions(draft.id));
  expect(kept!.milestone).toBe('conflict');
  expect(value(await store.version(kept!.id)).document).toEqual(setCell(draft.document, 'applications.newReceived.commercial', 2));
  // Reading only: edits are ignored, nothing is written.
  tabB.continueReadOnly();
  tabB.update(typed(draft.document, 99));
  expect(tabB.current()).toEqual(setCell(draft.document, 'applications.newReceived.commercial', 2));
  // Reload: tab A's document, the editor remounts, editing again.
  const generation = tabB.snapshot().generation;
  await tabB.reload();
  expect(tabB.snapshot()).toMatchObject({ readOnly: false, conflict: undefined, generation: generation + 1, report: typed(draft.document, 1) });
  tabB.update(typed(draft.document, 3));
  await tabB.flush();
  expect(value(await store.get(draft.id)).document).toEqual(typed(draft.document, 3));
});

test('another tab writing tells an open session at once (BroadcastChannel)', async () => {
  const factory = new IDBFactory();
  const channel = `session-${Math.random()}`;
  const storeA = createIdbDraftStore({ factory, keyRange: IDBKeyRange, channel });
  const storeB = createIdbDraftStore({ factory, keyRange: IDBKeyRange, channel });
  cleanups.push(() => storeA.close(), () => storeB.close());
  const draft = value(await storeA.create({ document: emptyReport({ agency: '甲局', year: 2023 }) }));
  const tabA = new DraftSession(storeA, draft.id, FAST);
  const tabB = new DraftSession(storeB, draft.id, FAST);
  cleanups.push(() => tabA.dispose(), () => tabB.dispose());
  await tabA.start();
  await tabB.start();
  tabA.update(typed(draft.document, 1));
  await tabA.flush();
  await vi.waitFor(() => expect(tabB.snapshot().saveState.kind).toBe('conflict'));
  expect(tabA.snapshot().saveState.kind).toBe('saved');
  expect(tabB.snapshot().readOnly).toBe(true);
});

test('restoring a version remounts the editor with it; pending edits are written first', async () => {
  const { store, draft, open } = await setup();
  const session = await open();
  const [created] = value(await store.versions(draft.id));
  session.update(typed(draft.document, 8));
  const result = await session.restoreVersion(created!.id);
  expect(result).toEqual({ ok: true });
  expect(session.snapshot()).toMatchObject({ generation: 1, report: draft.document });
  const versions = value(await store.versions(draft.id));
  expect(versions.map((v) => v.milestone)).toEqual(['restored', 'autosave', 'created']);
  expect(value(await store.version(versions[1]!.id)).document).toEqual(typed(draft.document, 8));
});

test('leaving with unsaved edits: they are written, and a session opened next continues from them', async () => {
  const store = new MemoryDraftStore();
  const { draft, open } = await setup(store);
  const first = await open();
  store.failWrites = { kind: 'blocked' };
  first.update(typed(draft.document, 4));
  first.dispose();
  await vi.waitFor(() => expect(store.writeAttempts).toBeGreaterThan(1));
  store.failWrites = undefined;
  const second = await open();
  expect(second.snapshot().report).toEqual(typed(draft.document, 4));
  await vi.waitFor(() => expect(second.snapshot().saveState.kind).toBe('saved'));
  expect(value(await store.get(draft.id))).toMatchObject({ revision: 2, document: typed(draft.document, 4) });
});

test('a deleted draft opens as missing; an export after a failed save writes first, then records the version', async () => {
  const { store, draft, open } = await setup();
  value(await store.softDelete(draft.id));
  const session = await open();
  expect(session.snapshot()).toMatchObject({ state: 'missing', deleted: true });
  value(await store.undelete(draft.id));
  const again = await open();
  (store as MemoryDraftStore).failWrites = { kind: 'quota' };
  again.update(typed(draft.document, 6));
  await again.flush();
  (store as MemoryDraftStore).failWrites = undefined;
  expect(await again.recordExport(again.current()!)).toBe(true);
  const versions = value(await store.versions(draft.id));
  expect(versions[0]!.milestone).toBe('exported');
});

test('a page that goes away mid-typing journals its edits in one step; the next session recovers them', async () => {
  const store = new MemoryDraftStore();
  const { draft } = await setup(store);
  // The first page never gets to save (it is unloaded): long timers, no flush.
  const dying = new DraftSession(store, draft.id, { idleMs: 60_000, maxWaitMs: 60_000 });
  await dying.start();
  dying.update(typed(draft.document, 9));
  expect(dying.journalNow()).toBe(true);
  expect(value(await store.get(draft.id)).revision).toBe(1);
  const next = new DraftSession(store, draft.id, FAST);
  cleanups.push(() => next.dispose());
  await next.start();
  expect(next.snapshot().report).toEqual(typed(draft.document, 9));
  expect(value(await store.get(draft.id))).toMatchObject({ revision: 2, document: typed(draft.document, 9) });
  expect(store.journalEntries()).toEqual([]);
  // (The first page's JavaScript would be gone; stop its timers.)
  (dying as unknown as { clearTimers(): void }).clearTimers();
});

test('a save supersedes the journal entries written before it started', async () => {
  const store = new MemoryDraftStore();
  const { draft, open } = await setup(store);
  const session = await open();
  session.update(typed(draft.document, 2));
  expect(session.journalNow()).toBe(true);
  expect(store.journalEntries()).toHaveLength(1);
  await session.flush();
  expect(store.journalEntries()).toEqual([]);
});
