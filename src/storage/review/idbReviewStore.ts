/**
 * The review store in IndexedDB, in a database of its own (`nianbao-review`), never the clerk's
 * drafts; opened and run the one way every store is (`Database`, ../idb.ts): each operation one
 * transaction awaited to `complete`, each failure a typed StoreError.
 */
import type { DBSchema, StoreNames } from 'idb';
import type { Report } from '../../report/index.ts';
import { Database, type Transaction } from '../idb.ts';
import { fail, ok, type Result } from '../result.ts';
import { byReceived, checkDocument, mergeSettings, newVersionId, readVersion, receiptOf, receivedVersion, reviewedVersion, sameReceipt } from './records.ts';
import type { ReceiveInput, ReceivedVersion, ReviewListing, ReviewSettings, ReviewStore, UnreadableVersion } from './types.ts';

interface ReviewSchema extends DBSchema {
  versions: { key: string; value: ReceivedVersion; indexes: { unitKey: string } };
  settings: { key: string; value: ReviewSettings };
}

export const REVIEW_DB_NAME = 'nianbao-review';
export const REVIEW_DB_VERSION = 1;
const SETTINGS_KEY = 'settings';

type Tx = Transaction<ReviewSchema>;

export interface IdbReviewStoreOptions {
  /** Defaults to the page's `indexedDB`; tests pass a fresh fake-indexeddb factory. */
  readonly factory?: IDBFactory | undefined;
  readonly name?: string;
  readonly now?: () => number;
  readonly newId?: () => string;
}

export function createIdbReviewStore(options: IdbReviewStoreOptions = {}): ReviewStore {
  return new IdbReviewStore(options);
}

class IdbReviewStore implements ReviewStore {
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly db: Database<ReviewSchema>;

  constructor(options: IdbReviewStoreOptions) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? newVersionId;
    this.db = new Database<ReviewSchema>({ name: options.name ?? REVIEW_DB_NAME, version: REVIEW_DB_VERSION, upgrade }, { factory: options.factory });
  }

  private run<T>(stores: StoreNames<ReviewSchema>[], mode: IDBTransactionMode, body: (tx: Tx) => Promise<Result<T>>): Promise<Result<T>> {
    return this.db.run(stores, mode, body);
  }

  list(): Promise<Result<ReviewListing>> {
    return this.run(['versions'], 'readonly', async (tx) => {
      const raws = (await tx.objectStore('versions').getAll()) as unknown[];
      const versions: ReceivedVersion[] = [];
      const unreadable: UnreadableVersion[] = [];
      for (const raw of raws) {
        const read = readVersion(raw);
        if (read.ok) versions.push(read.version);
        else unreadable.push(read.unreadable);
      }
      return ok({ versions: versions.sort(byReceived), unreadable });
    });
  }

  async receive(input: ReceiveInput): Promise<Result<ReceivedVersion>> {
    return (await this.receiveMany([input]))[0]!;
  }

  async receiveMany(inputs: readonly ReceiveInput[]): Promise<Result<ReceivedVersion>[]> {
    const checked = inputs.map((input) => {
      const document = checkDocument(input.document);
      return document.ok ? { input, document: document.value, receipt: receiptOf(document.value, input) } : document;
    });
    const toWrite = checked.filter((c): c is Exclude<typeof c, { ok: false }> => !('ok' in c));
    if (toWrite.length === 0) return checked as Result<ReceivedVersion>[];
    // One transaction for all: each is checked against what is stored, and what came before it.
    const written = await this.run(['versions'], 'readwrite', async (tx) => {
      const store = tx.objectStore('versions');
      const results: Result<ReceivedVersion>[] = [];
      for (const c of toWrite) {
        const same = sameReceipt(await store.index('unitKey').getAll(c.receipt.unitKey), c.receipt);
        if (same) {
          results.push(fail({ kind: 'duplicate', versionId: same.id }));
          continue;
        }
        const version = receivedVersion(c.document, c.input, c.receipt, this.newId(), this.now());
        await store.add(version);
        results.push(ok(version));
      }
      return ok(results);
    });
    let next = 0;
    return checked.map((c) => ('ok' in c ? c : written.ok ? written.value[next++]! : written));
  }

  async update(id: string, document: Report): Promise<Result<ReceivedVersion>> {
    const checked = checkDocument(document);
    if (!checked.ok) return checked;
    return this.run(['versions'], 'readwrite', async (tx) => {
      const store = tx.objectStore('versions');
      const current = await store.get(id);
      if (!current) return fail({ kind: 'notFound' });
      const next = reviewedVersion(current, checked.value, this.now());
      if (next.ok) await store.put(next.value);
      return next;
    });
  }

  removeUnit(unitKey: string): Promise<Result<number>> {
    return this.run(['versions'], 'readwrite', async (tx) => {
      const store = tx.objectStore('versions');
      const keys = await store.index('unitKey').getAllKeys(unitKey);
      for (const key of keys) await store.delete(key);
      return ok(keys.length);
    });
  }

  settings(): Promise<Result<ReviewSettings>> {
    return this.run(['settings'], 'readonly', async (tx) => ok(mergeSettings(await tx.objectStore('settings').get(SETTINGS_KEY))));
  }

  saveSettings(patch: Partial<ReviewSettings>): Promise<Result<ReviewSettings>> {
    return this.run(['settings'], 'readwrite', async (tx) => {
      const store = tx.objectStore('settings');
      const next = mergeSettings(await store.get(SETTINGS_KEY), patch);
      await store.put(next, SETTINGS_KEY);
      return ok(next);
    });
  }

  close(): void {
    this.db.close();
  }
}

function upgrade(db: IDBDatabase) {
  if (!db.objectStoreNames.contains('versions')) db.createObjectStore('versions', { keyPath: 'id' }).createIndex('unitKey', 'unitKey');
  if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings');
}
