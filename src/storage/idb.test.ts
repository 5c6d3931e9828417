/**
 * IndexedDB opened one way (idb.ts) for both stores of the app: the drafts (`nianbao`) and the
 * review workspace (`nianbao-review`) open once, let go for another tab's upgrade, and fail with
 * the same error kinds.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { decode } from '../report/index.ts';
import { Database } from './idb.ts';
import { createIdbDraftStore, DB_NAME, DB_VERSION } from './index.ts';
import type { Result } from './result.ts';
import { createIdbReviewStore, REVIEW_DB_NAME, REVIEW_DB_VERSION } from './review/index.ts';

const decoded = decode(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')));
if (!decoded.ok) throw new Error('seed does not decode');
const seed = decoded.report;

/** A factory that counts the open requests made through it. */
function countingFactory(): { factory: IDBFactory; opens: () => number } {
  const real = new IDBFactory();
  let opens = 0;
  const factory = new Proxy(real, {
    get(target, key) {
      if (key === 'open') {
        return (name: string, version?: number) => {
          opens++;
          return target.open(name, version);
        };
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { factory, opens: () => opens };
}

interface Subject {
  /** Reads something (opening the database when needed). */
  read(): Promise<Result<unknown>>;
  /** Writes something. */
  write(): Promise<Result<unknown>>;
  close(): void;
}

const stores: [string, string, number, (factory: IDBFactory) => Subject][] = [
  [
    'drafts store',
    DB_NAME,
    DB_VERSION,
    (factory) => {
      const store = createIdbDraftStore({ factory, keyRange: IDBKeyRange, channel: false });
      return { read: () => store.list(), write: () => store.create({ document: seed }), close: () => store.close() };
    },
  ],
  [
    'review store',
    REVIEW_DB_NAME,
    REVIEW_DB_VERSION,
    (factory) => {
      const store = createIdbReviewStore({ factory });
      return { read: () => store.list(), write: () => store.saveSettings({ reviewer: '王审' }), close: () => store.close() };
    },
  ],
];

describe.each(stores)('the %s', (_name, dbName, dbVersion, make) => {
  test('opens its database once, however many operations start at once and follow', async () => {
    const { factory, opens } = countingFactory();
    const store = make(factory);
    const first = await Promise.all([store.read(), store.write(), store.read(), store.write(), store.read()]);
    expect(first.map((r) => r.ok)).toEqual([true, true, true, true, true]);
    expect((await store.read()).ok).toBe(true);
    expect(opens()).toBe(1);
    store.close();
  });

  test('another tab upgrades the database: it lets go, and then says the app is outdated', async () => {
    const factory = new IDBFactory();
    const store = make(factory);
    expect((await store.write()).ok).toBe(true);
    // A newer app in another tab: its upgrade waits for no one, because this store lets go.
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(dbName, dbVersion + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked: the store did not let go'));
    });
    const after = await store.read();
    expect(after).toEqual({ ok: false, error: { kind: 'outdated' } });
    newer.close();
    store.close();
  });

  test('without a usable IndexedDB: unavailable, saying why', async () => {
    const broken = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const store = make(broken);
    expect(await store.read()).toEqual({ ok: false, error: { kind: 'unavailable', message: expect.stringContaining('denied') } });
    expect(await store.write()).toEqual({ ok: false, error: { kind: 'unavailable', message: expect.stringContaining('denied') } });
  });

  test('closed: every operation says so, and nothing opens', async () => {
    const { factory, opens } = countingFactory();
    const store = make(factory);
    store.close();
    expect(await store.read()).toEqual({ ok: false, error: { kind: 'unavailable', message: 'store closed' } });
    expect(opens()).toBe(0);
  });
});

describe('Database', () => {
  test('an older connection another tab does not let go: blocked, and it recovers when it does', async () => {
    const factory = new IDBFactory();
    const spec = { name: 'x', version: 2, upgrade: (db: IDBDatabase) => void (db.objectStoreNames.contains('s') || db.createObjectStore('s')) };
    const older = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open('x', 1);
      request.onsuccess = () => resolve(request.result);
    });
    const db = new Database<{ s: { key: string; value: number } }>(spec, { factory });
    const put = () => db.run(['s'], 'readwrite', async (tx) => (await tx.objectStore('s').put(1, 'a'), { ok: true as const, value: 1 }));
    expect(await put()).toEqual({ ok: false, error: { kind: 'blocked' } });
    older.close();
    await expect.poll(async () => (await put()).ok).toBe(true);
    db.close();
  });

  test('a body that throws a retryable failure runs again; nothing of the first run is written', async () => {
    const factory = new IDBFactory();
    let runs = 0;
    const db = new Database<{ s: { key: string; value: number } }>(
      { name: 'y', version: 1, upgrade: (raw) => raw.createObjectStore('s') },
      { factory, retryAfter: async (thrown) => thrown === 'again' },
    );
    const result = await db.run(['s'], 'readwrite', async (tx) => {
      runs++;
      await tx.objectStore('s').put(runs, `run${runs}`);
      if (runs === 1) throw 'again';
      return { ok: true as const, value: runs };
    });
    expect(result).toEqual({ ok: true, value: 2 });
    const keys = await db.run(['s'], 'readonly', async (tx) => ({ ok: true as const, value: await tx.objectStore('s').getAllKeys() }));
    expect(keys).toEqual({ ok: true, value: ['run2'] });
    db.close();
  });
});
