/**
 * The store's contract, run against the IndexedDB store (fake-indexeddb, a fresh factory per
 * test) and its in-memory twin; then what only IndexedDB can do (quota, reopening, other tabs).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { emptyReport, setCell, type Report } from '../report/index.ts';
import { createIdbDraftStore } from './idbStore.ts';
import { MemoryDraftStore } from './memoryStore.ts';
import { AUTOSAVE_VERSION_INTERVAL_MS, DAY_MS, PURGE_AFTER_MS, type DraftStore, type Result, type StoreChange } from './types.ts';

const T0 = Date.UTC(2024, 0, 10, 9, 0, 0);

function clock() {
  const c = { t: T0, now: () => c.t, advance: (ms: number) => (c.t += ms) };
  return c;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function report(agency = '某某县交通运输局', year = 2023): Report {
  return emptyReport({ agency, year, agencyKind: 'department' });
}

const opened: DraftStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  vi.restoreAllMocks();
});

const implementations: [string, (now: () => number) => DraftStore][] = [
  ['IndexedDB', (now) => createIdbDraftStore({ factory: new IDBFactory(), keyRange: IDBKeyRange, channel: false, now })],
  ['memory', (now) => new MemoryDraftStore({ now })],
];

describe.each(implementations)('%s store', (_name, make) => {
  function setup() {
    const c = clock();
    const store = make(c.now);
    opened.push(store);
    return { store, clock: c };
  }

  test('create, load and list: newest change first, with agency, year, status and counts', async () => {
    const { store, clock } = setup();
    const a = value(await store.create({ document: report('甲局', 2023) }));
    clock.advance(1000);
    const b = value(await store.create({ document: report('乙局', 2024) }));
    expect(a.revision).toBe(1);
    const loaded = value(await store.get(a.id));
    expect(loaded.document).toEqual(report('甲局', 2023));
    const list = value(await store.list());
    expect(list.map((d) => d.id)).toEqual([b.id, a.id]);
    expect(list[1]).toMatchObject({ agency: '甲局', year: 2023, status: 'draft', deletedAt: null, title: '' });
    expect(list[1]).not.toHaveProperty('document');

    clock.advance(1000);
    // A balance error in 三 shows in the list's error count.
    const unbalanced = setCell(report('甲局', 2023), 'applications.newReceived.naturalPerson', 5);
    value(await store.save(a.id, unbalanced, { expectedRevision: 1 }));
    const after = value(await store.list());
    expect(after.map((d) => d.id)).toEqual([a.id, b.id]);
    expect(after[0]!.errors).toBeGreaterThan(list[1]!.errors);
  });

  test('a missing draft is notFound', async () => {
    const { store } = setup();
    expect(await store.get('nope')).toEqual({ ok: false, error: { kind: 'notFound' } });
    expect(await store.save('nope', report(), { expectedRevision: 1 })).toEqual({ ok: false, error: { kind: 'notFound' } });
  });

  test('every save moves the revision; a write with a stale revision is a conflict and changes nothing', async () => {
    const { store } = setup();
    const draft = value(await store.create({ document: report() }));
    const tabA = setCell(draft.document, 'applications.newReceived.naturalPerson', 3);
    const tabB = setCell(draft.document, 'applications.newReceived.commercial', 7);
    const saved = value(await store.save(draft.id, tabA, { expectedRevision: 1 }));
    expect(saved.revision).toBe(2);
    const conflict = await store.save(draft.id, tabB, { expectedRevision: 1 });
    expect(conflict).toEqual({ ok: false, error: { kind: 'conflict', revision: 2 } });
    const stored = value(await store.get(draft.id));
    expect(stored.revision).toBe(2);
    expect(stored.document).toEqual(tabA);
  });

  test('a document that does not decode is refused with its problems and not written', async () => {
    const { store } = setup();
    const draft = value(await store.create({ document: report() }));
    const bad = setCell(draft.document, 'applications.newReceived.naturalPerson', -1);
    const result = await store.save(draft.id, bad, { expectedRevision: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.kind === 'invalid') {
      expect(result.error.problems.map((p) => p.path)).toEqual(['applications.newReceived.naturalPerson']);
    } else throw new Error('expected invalid');
    expect(value(await store.get(draft.id)).revision).toBe(1);
  });

  test('history: created, autosave at most every few minutes, milestones with what changed', async () => {
    const { store, clock } = setup();
    const draft = value(await store.create({ document: report() }));
    let doc = draft.document;
    let revision = 1;
    // Typing for four minutes: no autosave version yet.
    for (let i = 1; i <= 4; i++) {
      clock.advance(60_000);
      doc = setCell(doc, 'applications.newReceived.naturalPerson', i);
      revision = value(await store.save(draft.id, doc, { expectedRevision: revision, milestone: 'autosave' })).revision;
    }
    expect(value(await store.versions(draft.id)).map((v) => v.milestone)).toEqual(['created']);
    clock.advance(AUTOSAVE_VERSION_INTERVAL_MS);
    doc = setCell(doc, 'proactive.licensing', 12);
    revision = value(await store.save(draft.id, doc, { expectedRevision: revision, milestone: 'autosave' })).revision;
    // Nothing changed since the last version: no new one, however long ago it was.
    clock.advance(AUTOSAVE_VERSION_INTERVAL_MS);
    revision = value(await store.save(draft.id, doc, { expectedRevision: revision, milestone: 'autosave' })).revision;
    clock.advance(1000);
    doc = { ...doc, status: 'ready' };
    expect(value(await store.save(draft.id, doc, { expectedRevision: revision, milestone: 'ready' })).revision).toBe(8);
    const versions = value(await store.versions(draft.id));
    expect(versions.map((v) => v.milestone)).toEqual(['ready', 'autosave', 'created']);
    expect(versions[1]!.changed).toEqual(['proactive.licensing', 'applications.newReceived.naturalPerson']);
    expect(versions[0]!.changed).toEqual(['status']);
    expect(versions[0]).not.toHaveProperty('document');
    expect(value(await store.version(versions[1]!.id)).document).toEqual(setCell(setCell(report(), 'applications.newReceived.naturalPerson', 4), 'proactive.licensing', 12));
  });

  test('restore makes a new version and overwrites nothing: the current document is kept first', async () => {
    const { store, clock } = setup();
    const draft = value(await store.create({ document: report() }));
    const created = value(await store.versions(draft.id))[0]!;
    clock.advance(1000);
    const typed = setCell(draft.document, 'appeals.review.upheld', 2);
    value(await store.save(draft.id, typed, { expectedRevision: 1, milestone: 'autosave' }));
    clock.advance(1000);
    expect(await store.restore(draft.id, created.id, 1)).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    const restored = value(await store.restore(draft.id, created.id, 2));
    expect(restored.revision).toBe(3);
    expect(restored.document).toEqual(draft.document);
    const versions = value(await store.versions(draft.id));
    expect(versions.map((v) => v.milestone)).toEqual(['restored', 'autosave', 'created']);
    // The typed state before restoring is a version of its own, and can itself be restored.
    expect(versions[1]!.changed).toEqual(['appeals.review.upheld']);
    expect(versions[0]!.changed).toEqual(['appeals.review.upheld']);
    expect(value(await store.version(versions[1]!.id)).document).toEqual(typed);
    const again = value(await store.restore(draft.id, versions[1]!.id, 3));
    expect(again.document).toEqual(typed);
  });

  test('milestones without a write: exported keeps the stored document; conflict keeps another', async () => {
    const { store, clock } = setup();
    const draft = value(await store.create({ document: report() }));
    clock.advance(1000);
    const exported = value(await store.markMilestone(draft.id, 'exported'));
    expect(exported).toMatchObject({ milestone: 'exported', changed: [] });
    const lost = setCell(draft.document, 'proactive.fees', 1.5);
    clock.advance(1000);
    const kept = value(await store.keepVersion(draft.id, lost, 'conflict'));
    expect(kept.changed).toEqual(['proactive.fees']);
    expect(value(await store.version(kept.id)).document).toEqual(lost);
    // Neither touched the draft itself.
    expect(value(await store.get(draft.id))).toMatchObject({ revision: 1, document: draft.document });
  });

  test('rename changes the draft title only, not the document or the revision', async () => {
    const { store } = setup();
    const draft = value(await store.create({ document: report() }));
    const renamed = value(await store.rename(draft.id, '  第二稿 '));
    expect(renamed).toMatchObject({ title: '第二稿', revision: 1 });
    expect(value(await store.get(draft.id)).document.meta.agency).toBe('某某县交通运输局');
  });

  test('delete and undo; deleted drafts purged after 30 days with their versions', async () => {
    const { store, clock } = setup();
    const keep = value(await store.create({ document: report('留下') }));
    const gone = value(await store.create({ document: report('删除') }));
    const deleted = value(await store.softDelete(gone.id));
    expect(deleted.revision).toBe(2);
    expect(value(await store.list()).map((d) => d.id)).toEqual([keep.id]);
    expect(value(await store.listDeleted()).map((d) => d.id)).toEqual([gone.id]);
    value(await store.undelete(gone.id));
    expect(value(await store.list()).map((d) => d.id).sort()).toEqual([keep.id, gone.id].sort());
    expect(value(await store.listDeleted())).toEqual([]);

    value(await store.softDelete(gone.id));
    clock.advance(PURGE_AFTER_MS - DAY_MS);
    expect(value(await store.purge())).toBe(0);
    expect(value(await store.get(gone.id)).deletedAt).not.toBeNull();
    clock.advance(DAY_MS);
    expect(value(await store.purge())).toBe(1);
    expect(await store.get(gone.id)).toEqual({ ok: false, error: { kind: 'notFound' } });
    expect(value(await store.versions(gone.id))).toEqual([]);
    expect(value(await store.versions(keep.id))).toHaveLength(1);
  });

  test('last year is kept with the draft and feeds the cross-year rules in the counts', async () => {
    const { store } = setup();
    const last = setCell(report('甲局', 2022), 'applications.carriedForward.naturalPerson', 4);
    const doc = setCell(report('甲局', 2023), 'applications.carriedOver.naturalPerson', 1);
    const without = value(await store.create({ document: doc }));
    const withLast = value(await store.create({ document: doc, lastYear: last }));
    expect(value(await store.get(withLast.id)).lastYear).toEqual(last);
    expect(withLast.hasLastYear).toBe(true);
    expect(withLast.warnings).toBeGreaterThan(without.warnings);
  });

  test('journal: edits written in one step as a page goes away are recovered into the draft', async () => {
    const { store, clock } = setup();
    const draft = value(await store.create({ document: report() }));
    const unsaved = setCell(draft.document, 'applications.granted.naturalPerson', 3);
    const entry = { draftId: draft.id, writer: 'tab-1', seq: 1, baseRevision: 1, inflight: false, document: unsaved, time: clock.now() };
    // Before the database is open, nothing can be written synchronously (the IndexedDB store).
    value(await store.list());
    expect(store.journalNow(entry)).toBe(true);
    expect(value(await store.get(draft.id)).revision).toBe(1);
    clock.advance(1000);
    expect(value(await store.recover(undefined, 5000))).toEqual({ applied: 0, kept: 0, dropped: 0 });
    expect(value(await store.recover(draft.id))).toEqual({ applied: 1, kept: 0, dropped: 0 });
    const recovered = value(await store.get(draft.id));
    expect(recovered).toMatchObject({ revision: 2, document: unsaved, writer: 'tab-1' });
    // Recovered once only.
    expect(value(await store.recover())).toEqual({ applied: 0, kept: 0, dropped: 0 });
  });

  test('journal: an entry made on an older revision becomes a conflict version; one already saved is dropped', async () => {
    const { store, clock } = setup();
    const draft = value(await store.create({ document: report() }));
    const mine = setCell(draft.document, 'applications.granted.naturalPerson', 3);
    const theirs = setCell(draft.document, 'applications.granted.commercial', 4);
    expect(store.journalNow({ draftId: draft.id, writer: 'tab-1', seq: 1, baseRevision: 1, inflight: false, document: mine, time: clock.now() })).toBe(true);
    value(await store.save(draft.id, theirs, { expectedRevision: 1, writer: 'tab-2' }));
    expect(store.journalNow({ draftId: draft.id, writer: 'tab-2', seq: 1, baseRevision: 1, inflight: true, document: theirs, time: clock.now() })).toBe(true);
    expect(value(await store.recover())).toEqual({ applied: 0, kept: 1, dropped: 1 });
    expect(value(await store.get(draft.id)).document).toEqual(theirs);
    const [kept] = value(await store.versions(draft.id));
    expect(kept!.milestone).toBe('conflict');
    expect(value(await store.version(kept!.id)).document).toEqual(mine);
  });

  test('journal: an entry written while its own save was in flight continues from that save', async () => {
    const { store, clock } = setup();
    const draft = value(await store.create({ document: report() }));
    const first = setCell(draft.document, 'appeals.review.upheld', 1);
    const second = setCell(first, 'appeals.review.pending', 2);
    expect(store.journalNow({ draftId: draft.id, writer: 'tab-1', seq: 1, baseRevision: 1, inflight: true, document: second, time: clock.now() })).toBe(true);
    value(await store.save(draft.id, first, { expectedRevision: 1, writer: 'tab-1' }));
    expect(value(await store.recover())).toEqual({ applied: 1, kept: 0, dropped: 0 });
    expect(value(await store.get(draft.id))).toMatchObject({ revision: 3, document: second });
  });

  test('journal: a later save of the same writer supersedes its entries', async () => {
    const { store, clock } = setup();
    const draft = value(await store.create({ document: report() }));
    const doc = setCell(draft.document, 'appeals.review.upheld', 1);
    expect(store.journalNow({ draftId: draft.id, writer: 'tab-1', seq: 1, baseRevision: 1, inflight: false, document: doc, time: clock.now() })).toBe(true);
    value(await store.save(draft.id, doc, { expectedRevision: 1, writer: 'tab-1', supersedesJournal: 1 }));
    expect(value(await store.recover())).toEqual({ applied: 0, kept: 0, dropped: 0 });
  });

  test('versions made in the same millisecond, or with a clock running behind, keep their order', async () => {
    const { store, clock } = setup();
    const draft = value(await store.create({ document: report() }));
    value(await store.markMilestone(draft.id, 'exported'));
    value(await store.keepVersion(draft.id, setCell(draft.document, 'proactive.fees', 1), 'conflict'));
    clock.advance(-60_000);
    value(await store.markMilestone(draft.id, 'ready'));
    expect(value(await store.versions(draft.id)).map((v) => v.milestone)).toEqual(['ready', 'conflict', 'exported', 'created']);
  });

  test('subscribers hear of every change made through the store', async () => {
    const { store } = setup();
    const changes: StoreChange[] = [];
    const stop = store.subscribe((c) => changes.push(c));
    const draft = value(await store.create({ document: report() }));
    value(await store.save(draft.id, draft.document, { expectedRevision: 1 }));
    value(await store.softDelete(draft.id));
    stop();
    value(await store.undelete(draft.id));
    expect(changes).toEqual([
      { draftId: draft.id, revision: 1, origin: 'local' },
      { draftId: draft.id, revision: 2, origin: 'local' },
      { draftId: draft.id, revision: 3, origin: 'local' },
    ]);
  });
});

describe('IndexedDB only', () => {
  function idb(factory = new IDBFactory(), channel: string | false = false) {
    const store = createIdbDraftStore({ factory, keyRange: IDBKeyRange, channel });
    opened.push(store);
    return store;
  }

  test('drafts survive closing and opening the database again', async () => {
    const factory = new IDBFactory();
    const first = idb(factory);
    const draft = value(await first.create({ document: report() }));
    value(await first.save(draft.id, setCell(draft.document, 'proactive.punishment', 9), { expectedRevision: 1 }));
    first.close();
    const second = idb(factory);
    expect(value(await second.get(draft.id)).document.proactive.punishment).toBe(9);
  });

  test('a quota error is a typed result and leaves the stored draft as it was', async () => {
    const store = idb();
    const draft = value(await store.create({ document: report() }));
    const put = vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await store.save(draft.id, setCell(draft.document, 'proactive.licensing', 1), { expectedRevision: 1 });
    expect(result).toEqual({ ok: false, error: { kind: 'quota' } });
    put.mockRestore();
    const stored = value(await store.get(draft.id));
    expect(stored.revision).toBe(1);
    expect(stored.document.proactive.licensing).toBeNull();
    // And the store keeps working once space is back.
    expect((await store.save(draft.id, setCell(draft.document, 'proactive.licensing', 1), { expectedRevision: 1 })).ok).toBe(true);
  });

  test('a quota error when the transaction commits is a typed result too', async () => {
    const store = idb();
    const draft = value(await store.create({ document: report() }));
    // The request succeeds, then the transaction aborts with the quota error (as Chromium does).
    const realPut = globalThis.IDBObjectStore.prototype.put;
    vi.spyOn(globalThis.IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = realPut.apply(this, args);
      const tx = this.transaction;
      request.addEventListener('success', () => {
        Object.defineProperty(tx, 'error', { value: new DOMException('quota', 'QuotaExceededError'), configurable: true });
        tx.abort();
      });
      return request;
    });
    const result = await store.save(draft.id, setCell(draft.document, 'proactive.licensing', 1), { expectedRevision: 1 });
    expect(result).toEqual({ ok: false, error: { kind: 'quota' } });
    vi.restoreAllMocks();
    expect(value(await store.get(draft.id)).revision).toBe(1);
  });

  test('no IndexedDB (an open that throws) is `unavailable`, not an exception', async () => {
    const broken = { open: () => { throw new DOMException('no', 'SecurityError'); } } as unknown as IDBFactory;
    const store = idb(broken);
    expect(await store.list()).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(await store.create({ document: report() })).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
  });

  test('an open blocked by another tab is `blocked`; it works once the other tab lets go', async () => {
    const factory = new IDBFactory();
    // Another tab holds version 1 open at a different schema and ignores the upgrade request:
    // simulate with a stub request that reports `blocked`, then succeeds.
    const real = factory.open.bind(factory);
    let release: (() => void) | undefined;
    const stub = {
      open(name: string, version?: number) {
        const request = real(name, version);
        const listeners: { onsuccess?: unknown } = {};
        const proxy = new Proxy(request, {
          set(target, prop, val) {
            if (prop === 'onsuccess') {
              listeners.onsuccess = val;
              return true;
            }
            (target as unknown as Record<string | symbol, unknown>)[prop] = val;
            return true;
          },
          get(target, prop) {
            const v = (target as unknown as Record<string | symbol, unknown>)[prop];
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
          },
        });
        request.addEventListener('success', () => {
          release = () => (listeners.onsuccess as (e: Event) => void)(new Event('success'));
          const onblocked = (request as unknown as { onblocked?: (e: Event) => void }).onblocked;
          onblocked?.(new Event('blocked'));
        });
        return proxy;
      },
    } as unknown as IDBFactory;
    const store = idb(stub);
    expect(await store.list()).toEqual({ ok: false, error: { kind: 'blocked' } });
    expect(await store.list()).toEqual({ ok: false, error: { kind: 'blocked' } });
    release!();
    expect(await store.list()).toEqual({ ok: true, value: [] });
  });

  test('other tabs hear of changes through the BroadcastChannel', async () => {
    const factory = new IDBFactory();
    const channel = `test-${Math.random()}`;
    const tabA = idb(factory, channel);
    const tabB = idb(factory, channel);
    const heard = new Promise<StoreChange>((resolve) => tabB.subscribe(resolve));
    const draft = value(await tabA.create({ document: report() }));
    expect(await heard).toEqual({ draftId: draft.id, revision: 1, origin: 'remote' });
    expect(value(await tabB.get(draft.id)).id).toBe(draft.id);
  });
});
