/**
 * IndexedDB, opened one way for every store of the app (the drafts in `nianbao`, the review
 * workspace in `nianbao-review`): one connection per database, opened on first use and kept;
 * let go when another tab upgrades it and opened again on the next operation; every operation one
 * transaction awaited to its `complete` event; every failure a typed StoreError.
 */
import { unwrap, wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { fail, type Result, type StoreError } from './result.ts';

/** A StoreError carried through a rejected promise or a throw inside a transaction's body. */
export class StoreFailure extends Error {
  constructor(readonly error: StoreError) {
    super(error.kind);
  }
}

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
}

export function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreFailure) return e.error;
  const name = errorName(e);
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError') return { kind: 'quota' };
  if (name === 'VersionError') return { kind: 'outdated' };
  return { kind: 'unknown', message: name ? `${name}: ${message}` : message };
}

export interface DatabaseSpec {
  readonly name: string;
  readonly version: number;
  /** Creates what is missing (each version adds; nothing is dropped). */
  readonly upgrade: (db: IDBDatabase) => void;
}

export interface DatabaseOptions {
  /** Defaults to the page's `indexedDB`; tests pass a fresh fake-indexeddb factory. */
  readonly factory?: IDBFactory | undefined;
  /**
   * Asked when a transaction's body throws: true runs the operation again (after, say, loading
   * the full decode a document needed). Nothing is written before such a throw.
   */
  readonly retryAfter?: (thrown: unknown) => Promise<boolean>;
}

/** A transaction of any of the schema's stores, typed as readwrite; readonly ones only read. */
export type Transaction<S extends DBSchema> = IDBPTransaction<S, StoreNames<S>[], 'readwrite'>;

export class Database<S extends DBSchema> {
  private readonly factory: IDBFactory | undefined;
  private readonly retryAfter: ((thrown: unknown) => Promise<boolean>) | undefined;
  private db: IDBPDatabase<S> | undefined;
  private opening: Promise<IDBPDatabase<S>> | undefined;
  /** An open request waits for another tab to close an older connection. */
  private blocked = false;
  private closed = false;

  constructor(
    private readonly spec: DatabaseSpec,
    options: DatabaseOptions = {},
  ) {
    this.factory = options.factory ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
    this.retryAfter = options.retryAfter;
  }

  /** Starts opening ahead of the first operation; a failure is reported by the operations. */
  prepare(): void {
    this.connection().catch(() => undefined);
  }

  /** The open connection, if any, for a write that cannot wait (a page going away). */
  get openNow(): IDBDatabase | undefined {
    return this.db ? unwrap(this.db) : undefined;
  }

  private connection(): Promise<IDBPDatabase<S>> {
    if (this.db) return Promise.resolve(this.db);
    if (this.closed) return Promise.reject(new StoreFailure({ kind: 'unavailable', message: 'store closed' }));
    if (this.blocked) return Promise.reject(new StoreFailure({ kind: 'blocked' }));
    if (!this.factory) return Promise.reject(new StoreFailure({ kind: 'unavailable', message: 'IndexedDB is not available' }));
    this.opening ??= this.openRequest(this.factory);
    return this.opening;
  }

  private openRequest(factory: IDBFactory): Promise<IDBPDatabase<S>> {
    return new Promise((resolve, reject) => {
      let request: IDBOpenDBRequest;
      try {
        request = factory.open(this.spec.name, this.spec.version);
      } catch (e) {
        this.opening = undefined;
        reject(new StoreFailure({ kind: 'unavailable', message: e instanceof Error ? e.message : String(e) }));
        return;
      }
      request.onupgradeneeded = () => this.spec.upgrade(request.result);
      request.onblocked = () => {
        // The request stays alive: when the other tab lets go, onsuccess below still adopts it.
        this.blocked = true;
        this.opening = undefined;
        reject(new StoreFailure({ kind: 'blocked' }));
      };
      request.onsuccess = () => {
        this.blocked = false;
        this.opening = undefined;
        const raw = request.result;
        if (this.closed) {
          raw.close();
          reject(new StoreFailure({ kind: 'unavailable', message: 'store closed' }));
          return;
        }
        // A newer app in another tab wants to upgrade: let go; our next open reports `outdated`.
        raw.onversionchange = () => {
          raw.close();
          if (this.db && unwrap(this.db) === raw) this.db = undefined;
        };
        // The browser closed the connection (e.g. storage cleared): reopen on the next operation.
        raw.onclose = () => {
          if (this.db && unwrap(this.db) === raw) this.db = undefined;
        };
        const db = wrap(raw) as unknown as IDBPDatabase<S>;
        this.db = db;
        resolve(db);
      };
      request.onerror = () => {
        this.blocked = false;
        this.opening = undefined;
        const error = toStoreError(request.error);
        reject(new StoreFailure(error.kind === 'unknown' ? { kind: 'unavailable', message: error.message } : error));
      };
    });
  }

  /**
   * Runs `body` in one transaction and waits for it to complete. A failed result, or a
   * StoreFailure thrown, aborts it: nothing of it is written.
   */
  async run<T>(stores: StoreNames<S>[], mode: IDBTransactionMode, body: (tx: Transaction<S>) => Promise<Result<T>>, reopen = true): Promise<Result<T>> {
    let db: IDBPDatabase<S>;
    try {
      db = await this.connection();
    } catch (e) {
      return fail(toStoreError(e));
    }
    let tx: Transaction<S>;
    try {
      tx = db.transaction(stores, mode) as unknown as Transaction<S>;
    } catch (e) {
      // The connection was closing under us: open again once.
      if (errorName(e) === 'InvalidStateError' && reopen) {
        this.db = undefined;
        return this.run(stores, mode, body, false);
      }
      return fail(toStoreError(e));
    }
    const done = tx.done.then(
      () => undefined,
      (e: unknown) => e ?? new Error('transaction aborted'),
    );
    try {
      const result = await body(tx);
      if (!result.ok) {
        abort(tx);
        await done;
        return result;
      }
      const error = await done;
      return error === undefined ? result : fail(toStoreError(error));
    } catch (e) {
      abort(tx);
      const txError = await done;
      if (this.retryAfter && (await this.retryAfter(e))) return this.run(stores, mode, body, reopen);
      // A failed request aborts the transaction; when the request only says "aborted", the
      // transaction's own error (e.g. quota at commit) is the cause.
      return fail(toStoreError(errorName(e) === 'AbortError' && txError ? txError : e));
    }
  }

  close(): void {
    this.closed = true;
    if (this.db) unwrap(this.db).close();
    this.db = undefined;
  }
}

function abort(tx: { abort(): void }) {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}
