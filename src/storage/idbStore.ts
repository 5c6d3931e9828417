/**
 * The drafts store in IndexedDB, opened and run the one way every store is (`Database`, idb.ts):
 * each operation one transaction awaited to `complete`, each failure a typed StoreError. Three
 * object stores: `drafts` (one record per draft, with a revision for two-tab safety), `versions`
 * (the history) and `journal` (edits written as a page goes away).
 */
import type { DBSchema, StoreNames } from 'idb';
import { Database, StoreFailure, type Transaction } from './idb.ts';
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
import { fail, ok } from './result.ts';
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

type Tx = Transaction<NianbaoSchema>;

export interface IdbDraftStoreOptions {
  /** Defaults to the page's `indexedDB`; tests pass a fresh fake-indexeddb factory. */
  readonly factory?: IDBFactory | undefined;
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
  private readonly keyRange: typeof IDBKeyRange | undefined;
  private readonly now: () => number;
  private readonly feed: ChangeFeed;
  private readonly db: Database<NianbaoSchema>;

  constructor(options: IdbDraftStoreOptions) {
    this.keyRange = options.keyRange ?? (typeof IDBKeyRange === 'undefined' ? undefined : IDBKeyRange);
    this.now = options.now ?? Date.now;
    this.feed = new ChangeFeed(options.channel ?? CHANGES_CHANNEL);
    this.db = new Database<NianbaoSchema>(
      { name: options.name ?? DB_NAME, version: DB_VERSION, upgrade },
      {
        factory: options.factory,
        // A document that is not a valid current one: load the full decode and run again.
        retryAfter: async (thrown) => {
          if (!(thrown instanceof FullDecodeNeeded)) return false;
          await loadFullDecode();
          return true;
        },
      },
    );
  }

  prepare(): void {
    this.db.prepare();
  }

  private run<T>(stores: StoreNames<NianbaoSchema>[], mode: IDBTransactionMode, body: (tx: Tx) => Promise<Result<T>>): Promise<Result<T>> {
    return this.db.run(stores, mode, body);
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
    const db = this.db.openNow;
    if (!db) return false;
    try {
      // No await anywhere: the request must be issued before the page is gone.
      const tx = db.transaction('journal', 'readwrite');
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
    this.feed.close();
    this.db.close();
  }
}

/** Creates what a database of an earlier version lacks (see DB_VERSION). */
function upgrade(db: IDBDatabase) {
  if (!db.objectStoreNames.contains('drafts')) db.createObjectStore('drafts', { keyPath: 'id' });
  if (!db.objectStoreNames.contains('versions')) db.createObjectStore('versions', { keyPath: 'id' });
  if (!db.objectStoreNames.contains('journal')) db.createObjectStore('journal', { keyPath: ['draftId', 'writer'] });
}
