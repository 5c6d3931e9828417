/**
 * The review store in IndexedDB (through `idb`), in a database of its own (`nianbao-review`),
 * never the clerk's drafts. Each operation is one transaction, awaited to `complete`; failures
 * become typed errors.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Report } from '../../report/index.ts';
import { byReceived, checkDocument, fingerprintOf, mergeSettings, newVersionId, readVersion, unitKeyOf } from './records.ts';
import type {
  ReceiveInput,
  ReceivedVersion,
  ReviewListing,
  ReviewResult,
  ReviewSettings,
  ReviewStore,
  ReviewStoreError,
  UnreadableVersion,
} from './types.ts';

interface ReviewSchema extends DBSchema {
  versions: { key: string; value: ReceivedVersion; indexes: { unitKey: string } };
  settings: { key: string; value: ReviewSettings };
}

export const REVIEW_DB_NAME = 'nianbao-review';
export const REVIEW_DB_VERSION = 1;
const SETTINGS_KEY = 'settings';

type Db = IDBPDatabase<ReviewSchema>;
type StoreName = 'versions' | 'settings';
/** Typed as readwrite; readonly transactions simply never write. */
type Tx = IDBPTransaction<ReviewSchema, StoreName[], 'readwrite'>;

export interface IdbReviewStoreOptions {
  /** Defaults to the page's `indexedDB`; tests pass a fresh fake-indexeddb factory. */
  readonly factory?: IDBFactory;
  readonly name?: string;
  readonly now?: () => number;
  readonly newId?: () => string;
}

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
}

class Refusal extends Error {
  constructor(readonly error: ReviewStoreError) {
    super(error.kind);
  }
}

function toError(e: unknown): ReviewStoreError {
  if (e instanceof Refusal) return e.error;
  const name = errorName(e);
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError') return { kind: 'quota' };
  return { kind: 'unknown', message: name ? `${name}: ${message}` : message };
}

export function createIdbReviewStore(options: IdbReviewStoreOptions = {}): ReviewStore {
  const factory = options.factory ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  const name = options.name ?? REVIEW_DB_NAME;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? newVersionId;
  let opening: Promise<Db> | undefined;
  let closed = false;

  function open(): Promise<Db> {
    if (closed) return Promise.reject(new Refusal({ kind: 'unavailable', message: 'store closed' }));
    if (!factory) return Promise.reject(new Refusal({ kind: 'unavailable', message: 'IndexedDB is not available' }));
    opening ??= new Promise<Db>((resolve, reject) => {
      let request: IDBOpenDBRequest;
      try {
        request = factory.open(name, REVIEW_DB_VERSION);
      } catch (e) {
        reject(new Refusal({ kind: 'unavailable', message: e instanceof Error ? e.message : String(e) }));
        return;
      }
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('versions')) {
          db.createObjectStore('versions', { keyPath: 'id' }).createIndex('unitKey', 'unitKey');
        }
        if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings');
      };
      request.onblocked = () => reject(new Refusal({ kind: 'unavailable', message: 'blocked by another tab' }));
      request.onsuccess = () => {
        const raw = request.result;
        // Another tab upgrades the database: let go, and open again on the next operation.
        raw.onversionchange = () => {
          raw.close();
          opening = undefined;
        };
        raw.onclose = () => {
          opening = undefined;
        };
        resolve(wrap(raw) as unknown as Db);
      };
      request.onerror = () => reject(new Refusal({ kind: 'unavailable', message: String(request.error?.message ?? request.error) }));
    });
    const current = opening;
    current.catch(() => {
      if (opening === current) opening = undefined;
    });
    return current;
  }

  /** One transaction; a refusal inside aborts it; the result only after `complete`. */
  async function run<T>(stores: StoreName[], mode: IDBTransactionMode, body: (tx: Tx) => Promise<T>): Promise<ReviewResult<T>> {
    let tx: Tx;
    try {
      const db = await open();
      tx = db.transaction(stores, mode) as unknown as Tx;
    } catch (e) {
      return { ok: false, error: toError(e) };
    }
    try {
      const value = await body(tx);
      await tx.done;
      return { ok: true, value };
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
      await tx.done.catch(() => undefined);
      return { ok: false, error: toError(e) };
    }
  }

  return {
    list() {
      return run(['versions'], 'readonly', async (tx): Promise<ReviewListing> => {
        const raws = (await tx.objectStore('versions').getAll()) as unknown[];
        const versions: ReceivedVersion[] = [];
        const unreadable: UnreadableVersion[] = [];
        for (const raw of raws) {
          const read = readVersion(raw);
          if (read.ok) versions.push(read.version);
          else unreadable.push(read.unreadable);
        }
        return { versions: versions.sort(byReceived), unreadable };
      });
    },

    async receive(input: ReceiveInput) {
      const checked = checkDocument(input.document);
      if (!checked.ok) return checked;
      const document = checked.value;
      const unitKey = unitKeyOf(document);
      const fingerprint = input.fingerprint ?? fingerprintOf(document);
      return run(['versions'], 'readwrite', async (tx) => {
        const store = tx.objectStore('versions');
        const siblings = await store.index('unitKey').getAll(unitKey);
        const same = siblings.find((v) => v.fingerprint === fingerprint);
        if (same) throw new Refusal({ kind: 'duplicate', versionId: same.id });
        const time = now();
        const version: ReceivedVersion = {
          id: newId(),
          unitKey,
          agency: document.meta.agency.trim(),
          year: document.meta.year,
          fileName: input.fileName,
          receivedAt: input.receivedAt ?? time,
          fingerprint,
          document,
          updatedAt: time,
        };
        await store.add(version);
        return version;
      });
    },

    async update(id: string, document: Report) {
      const checked = checkDocument(document);
      if (!checked.ok) return checked;
      return run(['versions'], 'readwrite', async (tx) => {
        const store = tx.objectStore('versions');
        const current = await store.get(id);
        if (!current) throw new Refusal({ kind: 'notFound' });
        if (unitKeyOf(checked.value) !== current.unitKey) {
          throw new Refusal({ kind: 'unknown', message: 'a review action may not change the agency or the year' });
        }
        const next: ReceivedVersion = { ...current, document: checked.value, updatedAt: now() };
        await store.put(next);
        return next;
      });
    },

    removeUnit(unitKey: string) {
      return run(['versions'], 'readwrite', async (tx) => {
        const store = tx.objectStore('versions');
        const keys = await store.index('unitKey').getAllKeys(unitKey);
        for (const key of keys) await store.delete(key);
        return keys.length;
      });
    },

    settings() {
      return run(['settings'], 'readonly', async (tx) => mergeSettings(await tx.objectStore('settings').get(SETTINGS_KEY)));
    },

    saveSettings(patch: Partial<ReviewSettings>) {
      return run(['settings'], 'readwrite', async (tx) => {
        const store = tx.objectStore('settings');
        const next = mergeSettings(await store.get(SETTINGS_KEY), patch);
        await store.put(next, SETTINGS_KEY);
        return next;
      });
    },

    close() {
      closed = true;
      void opening?.then((db) => db.close(), () => undefined);
      opening = undefined;
    },
  };
}
