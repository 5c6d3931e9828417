/**
 * The store reads a valid current document with the core's readReport alone, and loads the full
 * decode (zod) only for a document that needs it: an older one to migrate, a bad one to explain.
 * The loaded decode is module state: each test imports the store afresh.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, test, vi } from 'vitest';
import { emptyReport, setCell, type Report } from '../report/index.ts';
import type { Result } from './types.ts';

/** The store and records modules as a page loads them: the full decode not loaded yet. */
async function freshStore(factory: IDBFactory) {
  vi.resetModules();
  const { createIdbDraftStore } = await import('./idbStore.ts');
  const { fullDecodeLoaded } = await import('./records.ts');
  expect(fullDecodeLoaded()).toBe(false);
  return { store: createIdbDraftStore({ factory, keyRange: IDBKeyRange, channel: false }), fullDecodeLoaded };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Replaces a stored draft's document behind the store's back (another app version, a damaged record). */
async function overwriteDocument(factory: IDBFactory, id: string, document: unknown) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open('nianbao');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('drafts', 'readwrite');
    const drafts = tx.objectStore('drafts');
    const get = drafts.get(id);
    get.onsuccess = () => drafts.put({ ...get.result, document });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

test('valid drafts are created, saved and read without the full decode; an old or bad one loads it', async () => {
  const factory = new IDBFactory();
  const { store, fullDecodeLoaded } = await freshStore(factory);
  const report: Report = emptyReport({ agency: '某某县交通运输局', year: 2023, agencyKind: 'department' });
  const draft = value(await store.create({ document: report }));
  const saved = value(await store.save(draft.id, setCell(draft.document, 'proactive.punishment', 9), { expectedRevision: 1 }));
  expect(value(await store.get(draft.id)).document.proactive.punishment).toBe(9);
  value(await store.markMilestone(draft.id, 'exported'));
  expect(fullDecodeLoaded()).toBe(false);

  // A draft stored by the first version of the app: read back migrated.
  const v1 = JSON.parse(readFileSync('tests/fixtures/pingluo-2022-v1.json', 'utf8')) as Record<string, unknown>;
  await overwriteDocument(factory, draft.id, v1);
  const migrated = value(await store.get(draft.id));
  expect(fullDecodeLoaded()).toBe(true);
  expect(migrated.document.schemaVersion).toBe(2);
  expect(migrated.document.review).toEqual({ status: 'notSubmitted', comments: [], history: [] });
  expect(migrated.revision).toBe(saved.revision);
  store.close();
});

test('a damaged stored draft is an invalid result with its problems, on the first read', async () => {
  const factory = new IDBFactory();
  const { store, fullDecodeLoaded } = await freshStore(factory);
  const draft = value(await store.create({ document: emptyReport({ agency: '某某县交通运输局', year: 2023 }) }));
  await overwriteDocument(factory, draft.id, setCell(draft.document, 'applications.granted.naturalPerson', -3));
  expect(fullDecodeLoaded()).toBe(false);
  const read = await store.get(draft.id);
  expect(fullDecodeLoaded()).toBe(true);
  expect(read).toMatchObject({ ok: false, error: { kind: 'invalid', problems: [{ path: 'applications.granted.naturalPerson', code: 'decode.negative' }] } });
  store.close();
});

test('saving a bad document: refused with its problems, nothing written, on the first try', async () => {
  const factory = new IDBFactory();
  const { store, fullDecodeLoaded } = await freshStore(factory);
  const draft = value(await store.create({ document: emptyReport({ agency: '某某县交通运输局', year: 2023 }) }));
  const result = await store.save(draft.id, setCell(draft.document, 'proactive.fees', 0.12345), { expectedRevision: 1 });
  expect(fullDecodeLoaded()).toBe(true);
  expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', problems: [{ path: 'proactive.fees', code: 'decode.feeDecimals' }] } });
  expect(value(await store.get(draft.id)).revision).toBe(1);
  expect(value(await store.versions(draft.id))).toHaveLength(1);
  store.close();
});
