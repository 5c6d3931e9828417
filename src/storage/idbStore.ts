/**
 * The drafts store in IndexedDB (through `idb`). Every write is one transaction, awaited to its
 * `complete` event; every failure becomes a typed StoreError. Two object stores: `drafts` (one
 * record per draft, with a revision for two-tab safety) and `versions` (the history).
 */
import { unwrap, wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { ChangeFeed, CHANGES_CHANNEL } from './changes.ts';
import {
  byDeletedDesc,
  byUpdatedDesc,
  checkDocument,
  FullDecodeNeeded,
  journalKey,
  loadFullDecode,
  journalOutcome,
  planCreate,
  planSave,
  planVersion,
  readDraft,
  readVersion,
  renamed,
  softDeleted,
  toInfo,
  toSummary,
  undeleted,
  versionRange,
  withFullDecode,
} from './records.ts';
import {
  PURGE_AFTER_MS,
  type CreateDraftInput,
  type DraftRecord,
  type DraftStore,
  type DraftSummary,
  type JournalEntry,
  type KeptMilestone,
  type RecoveryReport,
  type Milestone,
  type Result,
  type SaveOptions,
  type StoreChange,
  type StoreError,
  type VersionInfo,
  type VersionRecord,
} from './types.ts';
import type { Report } from '../report/index.ts';

interface NianbaoSchema extends DBSchema {
  drafts: { key: string; value: DraftRecord };
  versions: { key: string; value: VersionRecord };
  journal: { key: [string, string]; value: JournalEntry };
}

export const DB_NAME = 'nianbao';
/** 1: drafts, versions. 2: journal. */
export const DB_VERSION = 2;

type Db = IDBPDatabase<NianbaoSchema>;
type Stores = StoreNames<NianbaoSchema>;
// Typed as readwrite so that writes type-check; readonly transactions only read.
type Tx = IDBPTransaction<NianbaoSchema, Stores[], 'readwrite'>;

/** A StoreError carried through a rejected promise inside this module. */
class StoreFailure extends Error {
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

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: StoreError): Result<T> => ({ ok: false, error });

export interface IdbDraftStoreOptions {
  /** Defaults to the page's `indexedDB`; tests pass a fresh fake-indexeddb factory. */
  readonly factory?: IDBFactory;
  readonly keyRange?: typeof IDBKeyRange;
  readonly name?: string;
  /** BroadcastChannel name, or false for none. */
  readonly channel?: string | false;
  readonly now?: () => number;
}

export function createIdbDraftStore(options: IdbDraftStoreOptions = {}): DraftStore {
  return new IdbDraftStore(options);
}

class IdbDraftStore implements DraftStore {
  private readonly factory: IDBFactory | undefined;
  private readonly keyRange: typeof IDBKeyRange | undefined;
  private readonly name: string;
  private readonly now: () => number;
  private readonly feed: ChangeFeed;
  private db: Db | undefined;
  private opening: Promise<Db> | undefined;
  /** An open request waits for another tab to close an older connection. */
  private blocked = false;
  private closed = false;

  constructor(options: IdbDraftStoreOptions) {
    this.factory = options.factory ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
    this.keyRange = options.keyRange ?? (typeof IDBKeyRange === 'undefined' ? undefined : IDBKeyRange);
    this.name = options.name ?? DB_NAME;
    this.now = options.now ?? Date.now;
    this.feed = new ChangeFeed(options.channel ?? CHANGES_CHANNEL);
  }

  // -------------------------------------------------------------------------------------------
  // Connection
  // -------------------------------------------------------------------------------------------

  prepare(): void {
    this.connection().catch(() => undefined);
  }

  private connection(): Promise<Db> {
    if (this.db) return Promise.resolve(this.db);
    if (this.closed) return Promise.reject(new StoreFailure({ kind: 'unavailable', message: 'store closed' }));
    if (this.blocked) return Promise.reject(new StoreFailure({ kind: 'blocked' }));
    if (!this.factory) return Promise.reject(new StoreFailure({ kind: 'unavailable', message: 'IndexedDB is not available' }));
    this.opening ??= this.openRequest(this.factory);
    return this.opening;
  }

  private openRequest(factory: IDBFactory): Promise<Db> {
    return new Promise<Db>((resolve, reject) => {
      let request: IDBOpenDBRequest;
      try {
        request = factory.open(this.name, DB_VERSION);
      } catch (e) {
        this.opening = undefined;
        reject(new StoreFailure({ kind: 'unavailable', message: e instanceof Error ? e.message : String(e) }));
        return;
      }
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('drafts')) db.createObjectStore('drafts', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('versions')) db.createObjectStore('versions', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('journal')) db.createObjectStore('journal', { keyPath: ['draftId', 'writer'] });
      };
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
        const db = wrap(raw) as unknown as Db;
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

  /** Runs `body` in one transaction and waits for it to complete; a failed result aborts it. */
  private async run<T>(stores: Stores[], mode: 'readonly' | 'readwrite', body: (tx: Tx) => Promise<Result<T>>, retry = true): Promise<Result<T>> {
    let db: Db;
    try {
      db = await this.connection();
    } catch (e) {
      return fail(toStoreError(e));
    }
    let tx: Tx;
    try {
      tx = db.transaction(stores, mode) as Tx;
    } catch (e) {
      // The connection was closing under us: open again once.
      if (errorName(e) === 'InvalidStateError' && retry) {
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
      if (e instanceof FullDecodeNeeded) {
        // A document that is not a valid current one: load the full decode and run again.
        await loadFullDecode();
        return this.run(stores, mode, body, retry);
      }
      // A failed request aborts the transaction; when the request only says "aborted", the
      // transaction's own error (e.g. quota at commit) is the cause.
      return fail(toStoreError(errorName(e) === 'AbortError' && txError ? txError : e));
    }
  }

  private range(draftId: string): IDBKeyRange {
    if (!this.keyRange) throw new StoreFailure({ kind: 'unavailable', message: 'IDBKeyRange is not available' });
    const [lower, upper] = versionRange(draftId);
    return this.keyRange.bound(lower, upper);
  }

  private async latestVersion(tx: Tx, draftId: string): Promise<VersionRecord | undefined> {
    const cursor = await tx.objectStore('versions').openCursor(this.range(draftId), 'prev');
    if (!cursor) return undefined;
    const read = readVersion(cursor.value);
    // An unreadable old version only loses its use as the base of "what changed".
    return read.ok ? read.version : undefined;
  }

  // -------------------------------------------------------------------------------------------
  // DraftStore
  // -------------------------------------------------------------------------------------------

  async list(): Promise<Result<DraftSummary[]>> {
    return this.run(['drafts'], 'readonly', async (tx) => {
      const all = await tx.objectStore('drafts').getAll();
      return ok(all.filter((d) => d.deletedAt === null).map(toSummary).sort(byUpdatedDesc));
    });
  }

  async listDeleted(): Promise<Result<DraftSummary[]>> {
    return this.run(['drafts'], 'readonly', async (tx) => {
      const all = await tx.objectStore('drafts').getAll();
      return ok(all.filter((d) => d.deletedAt !== null).map(toSummary).sort(byDeletedDesc));
    });
  }

  async get(id: string): Promise<Result<DraftRecord>> {
    return this.run(['drafts'], 'readonly', async (tx) => {
      const stored = await tx.objectStore('drafts').get(id);
      if (!stored) return fail({ kind: 'notFound' });
      const read = readDraft(stored);
      return read.ok ? ok(read.draft) : fail(read.error);
    });
  }

  async create(input: CreateDraftInput): Promise<Result<DraftRecord>> {
    const plan = await withFullDecode(async () => planCreate(input, this.now()));
    if (!plan.ok) return fail(plan.error);
    const result = await this.run(['drafts', 'versions'], 'readwrite', async (tx) => {
      await tx.objectStore('drafts').add(plan.draft);
      await tx.objectStore('versions').add(plan.version);
      return ok(plan.draft);
    });
    if (result.ok) this.feed.publish(plan.draft.id, plan.draft.revision);
    return result;
  }

  async save(id: string, document: Report, options: SaveOptions): Promise<Result<DraftRecord>> {
    const result = await this.run(['drafts', 'versions', 'journal'], 'readwrite', async (tx) => {
      const stored = await tx.objectStore('drafts').get(id);
      if (!stored) return fail<DraftRecord>({ kind: 'notFound' });
      if (stored.revision !== options.expectedRevision) return fail<DraftRecord>({ kind: 'conflict', revision: stored.revision });
      const current = readDraft(stored);
      if (!current.ok) return fail<DraftRecord>(current.error);
      const latest = await this.latestVersion(tx, id);
      const plan = planSave(current.draft, latest, document, options, this.now());
      if (!plan.ok) return fail<DraftRecord>(plan.error);
      await tx.objectStore('drafts').put(plan.draft);
      for (const version of plan.versions) await tx.objectStore('versions').add(version);
      if (options.writer !== undefined && options.supersedesJournal !== undefined) {
        const key = journalKey(id, options.writer);
        const entry = await tx.objectStore('journal').get(key);
        if (entry && entry.seq <= options.supersedesJournal) await tx.objectStore('journal').delete(key);
      }
      return ok(plan.draft);
    });
    if (result.ok) this.feed.publish(id, result.value.revision);
    return result;
  }

  journalNow(entry: JournalEntry): boolean {
    if (!this.db) return false;
    try {
      // No await anywhere: the request must be issued before the page is gone.
      const tx = unwrap(this.db).transaction('journal', 'readwrite');
      tx.objectStore('journal').put(entry);
      tx.commit?.();
      return true;
    } catch {
      return false;
    }
  }

  async recover(draftId?: string, minAgeMs = 0): Promise<Result<RecoveryReport>> {
    const changed = new Map<string, number>();
    const result = await this.run(['drafts', 'versions', 'journal'], 'readwrite', async (tx) => {
      const journal = tx.objectStore('journal');
      const entries = draftId === undefined ? await journal.getAll() : await journal.getAll(this.journalRange(draftId));
      const report = { applied: 0, kept: 0, dropped: 0 };
      const now = this.now();
      for (const entry of entries.sort((a, b) => a.time - b.time)) {
        if (now - entry.time < minAgeMs) continue;
        const stored = await tx.objectStore('drafts').get(entry.draftId);
        const outcome = journalOutcome(entry, stored);
        if (outcome === 'apply' && stored) {
          const current = readDraft(stored);
          const plan = current.ok
            ? planSave(current.draft, await this.latestVersion(tx, entry.draftId), entry.document, { expectedRevision: stored.revision, milestone: 'autosave', writer: entry.writer }, this.now())
            : current;
          // A document that does not decode stays in the journal rather than being dropped.
          if (!plan.ok) continue;
          await tx.objectStore('drafts').put(plan.draft);
          for (const v of plan.versions) await tx.objectStore('versions').add(v);
          changed.set(entry.draftId, plan.draft.revision);
          report.applied++;
        } else if (outcome === 'keep' && stored) {
          const checked = checkDocument(entry.document);
          if (!checked.ok) continue;
          await tx.objectStore('versions').add(planVersion(entry.draftId, checked.report, 'conflict', await this.latestVersion(tx, entry.draftId), this.now()));
          changed.set(entry.draftId, stored.revision);
          report.kept++;
        } else {
          report.dropped++;
        }
        await journal.delete(journalKey(entry.draftId, entry.writer));
      }
      return ok(report as RecoveryReport);
    });
    if (result.ok) for (const [id, revision] of changed) this.feed.publish(id, revision);
    return result;
  }

  private journalRange(draftId: string): IDBKeyRange {
    if (!this.keyRange) throw new StoreFailure({ kind: 'unavailable', message: 'IDBKeyRange is not available' });
    return this.keyRange.bound([draftId, ''], [draftId, '\uffff']);
  }

  private async update(id: string, change: (stored: DraftRecord) => DraftRecord): Promise<Result<DraftSummary>> {
    const result = await this.run(['drafts'], 'readwrite', async (tx) => {
      const stored = await tx.objectStore('drafts').get(id);
      if (!stored) return fail<DraftSummary>({ kind: 'notFound' });
      const next = change(stored);
      await tx.objectStore('drafts').put(next);
      return ok(toSummary(next));
    });
    if (result.ok) this.feed.publish(id, result.value.revision);
    return result;
  }

  rename(id: string, title: string): Promise<Result<DraftSummary>> {
    return this.update(id, renamed(title));
  }

  softDelete(id: string): Promise<Result<DraftSummary>> {
    return this.update(id, softDeleted(this.now()));
  }

  undelete(id: string): Promise<Result<DraftSummary>> {
    return this.update(id, undeleted);
  }

  async purge(olderThanMs: number = PURGE_AFTER_MS): Promise<Result<number>> {
    const purged: string[] = [];
    const result = await this.run(['drafts', 'versions'], 'readwrite', async (tx) => {
      const now = this.now();
      const all = await tx.objectStore('drafts').getAll();
      for (const draft of all) {
        if (draft.deletedAt === null || now - draft.deletedAt < olderThanMs) continue;
        await tx.objectStore('drafts').delete(draft.id);
        await tx.objectStore('versions').delete(this.range(draft.id));
        purged.push(draft.id);
      }
      return ok(purged.length);
    });
    if (result.ok) for (const id of purged) this.feed.publish(id, null);
    return result;
  }

  async versions(draftId: string): Promise<Result<VersionInfo[]>> {
    return this.run(['versions'], 'readonly', async (tx) => {
      const all = await tx.objectStore('versions').getAll(this.range(draftId));
      return ok(all.map(toInfo).reverse());
    });
  }

  async version(versionId: string): Promise<Result<VersionRecord>> {
    return this.run(['versions'], 'readonly', async (tx) => {
      const stored = await tx.objectStore('versions').get(versionId);
      if (!stored) return fail({ kind: 'notFound' });
      const read = readVersion(stored);
      return read.ok ? ok(read.version) : fail(read.error);
    });
  }

  async markMilestone(draftId: string, milestone: Milestone): Promise<Result<VersionInfo>> {
    let revision: number | null = null;
    const result = await this.run(['drafts', 'versions'], 'readwrite', async (tx) => {
      const stored = await tx.objectStore('drafts').get(draftId);
      if (!stored) return fail<VersionInfo>({ kind: 'notFound' });
      revision = stored.revision;
      const current = readDraft(stored);
      if (!current.ok) return fail<VersionInfo>(current.error);
      const version = planVersion(draftId, current.draft.document, milestone, await this.latestVersion(tx, draftId), this.now());
      await tx.objectStore('versions').add(version);
      return ok(toInfo(version));
    });
    // Same revision: open editors ignore it, history lists refresh.
    if (result.ok) this.feed.publish(draftId, revision);
    return result;
  }

  async keepVersion(draftId: string, document: Report, milestone: KeptMilestone): Promise<Result<VersionInfo>> {
    const checked = await withFullDecode(async () => checkDocument(document));
    if (!checked.ok) return fail(checked.error);
    let revision: number | null = null;
    const result = await this.run(['drafts', 'versions'], 'readwrite', async (tx) => {
      const stored = await tx.objectStore('drafts').get(draftId);
      if (!stored) return fail<VersionInfo>({ kind: 'notFound' });
      revision = stored.revision;
      const version = planVersion(draftId, checked.report, milestone, await this.latestVersion(tx, draftId), this.now());
      await tx.objectStore('versions').add(version);
      return ok(toInfo(version));
    });
    if (result.ok) this.feed.publish(draftId, revision);
    return result;
  }

  async restore(draftId: string, versionId: string, expectedRevision: number): Promise<Result<DraftRecord>> {
    const result = await this.run(['drafts', 'versions'], 'readwrite', async (tx) => {
      const storedVersion = await tx.objectStore('versions').get(versionId);
      if (!storedVersion || storedVersion.draftId !== draftId) return fail<DraftRecord>({ kind: 'notFound' });
      const version = readVersion(storedVersion);
      if (!version.ok) return fail<DraftRecord>(version.error);
      const stored = await tx.objectStore('drafts').get(draftId);
      if (!stored) return fail<DraftRecord>({ kind: 'notFound' });
      if (stored.revision !== expectedRevision) return fail<DraftRecord>({ kind: 'conflict', revision: stored.revision });
      const current = readDraft(stored);
      if (!current.ok) return fail<DraftRecord>(current.error);
      const latest = await this.latestVersion(tx, draftId);
      const plan = planSave(current.draft, latest, version.version.document, { expectedRevision, milestone: 'restored' }, this.now());
      if (!plan.ok) return fail<DraftRecord>(plan.error);
      await tx.objectStore('drafts').put(plan.draft);
      for (const v of plan.versions) await tx.objectStore('versions').add(v);
      return ok(plan.draft);
    });
    if (result.ok) this.feed.publish(draftId, result.value.revision);
    return result;
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    return this.feed.subscribe(listener);
  }

  close(): void {
    this.closed = true;
    this.feed.close();
    if (this.db) unwrap(this.db).close();
    this.db = undefined;
  }
}

function abort(tx: Tx) {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}
