/**
 * The in-memory twin of the IndexedDB store, for component and hook tests: the same rules
 * (records.ts), copies in and out like structured clone, and failures that a test can inject.
 * It loads the core's full decode before reading or writing, rather than running an operation
 * again when a document needs it (it has no transactions to roll back a half-done one).
 */
import { ChangeFeed } from './changes.ts';
import {
  byDeletedDesc,
  byUpdatedDesc,
  checkDocument,
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
import { fail, ok } from './result.ts';

export interface MemoryDraftStoreOptions {
  readonly now?: () => number;
  /** BroadcastChannel name to share changes with other stores (tests of two tabs), or false. */
  readonly channel?: string | false;
}


export class MemoryDraftStore implements DraftStore {
  private readonly drafts = new Map<string, DraftRecord>();
  private readonly history = new Map<string, VersionRecord>();
  private readonly journal = new Map<string, JournalEntry>();
  private readonly feed: ChangeFeed;
  private readonly now: () => number;
  /** Set by a test: every write fails with this error until it is cleared. */
  failWrites: StoreError | undefined;
  /** Counts write attempts (failed ones too), for tests of retries. */
  writeAttempts = 0;

  constructor(options: MemoryDraftStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.feed = new ChangeFeed(options.channel ?? false);
  }

  private async write<T>(body: () => Result<T>): Promise<Result<T>> {
    await loadFullDecode();
    this.writeAttempts++;
    if (this.failWrites) return fail(this.failWrites);
    return body();
  }

  private latest(draftId: string): VersionRecord | undefined {
    let latest: VersionRecord | undefined;
    for (const v of this.history.values()) if (v.draftId === draftId && (!latest || v.id > latest.id)) latest = v;
    return latest;
  }

  async list(): Promise<Result<DraftSummary[]>> {
    await Promise.resolve();
    return ok([...this.drafts.values()].filter((d) => d.deletedAt === null).map((d) => structuredClone(toSummary(d))).sort(byUpdatedDesc));
  }

  async listDeleted(): Promise<Result<DraftSummary[]>> {
    await Promise.resolve();
    return ok([...this.drafts.values()].filter((d) => d.deletedAt !== null).map((d) => structuredClone(toSummary(d))).sort(byDeletedDesc));
  }

  async get(id: string): Promise<Result<DraftRecord>> {
    await loadFullDecode();
    const stored = this.drafts.get(id);
    if (!stored) return fail({ kind: 'notFound' });
    const read = readDraft(structuredClone(stored));
    return read.ok ? ok(read.draft) : fail(read.error);
  }

  async create(input: CreateDraftInput): Promise<Result<DraftRecord>> {
    const result = await this.write(() => {
      const plan = planCreate(structuredClone(input), this.now());
      if (!plan.ok) return fail<DraftRecord>(plan.error);
      this.drafts.set(plan.draft.id, structuredClone(plan.draft));
      this.history.set(plan.version.id, structuredClone(plan.version));
      return ok(plan.draft);
    });
    if (result.ok) this.feed.publish(result.value.id, result.value.revision);
    return result;
  }

  async save(id: string, document: Report, options: SaveOptions): Promise<Result<DraftRecord>> {
    const result = await this.write(() => {
      const stored = this.drafts.get(id);
      if (!stored) return fail<DraftRecord>({ kind: 'notFound' });
      const plan = planSave(structuredClone(stored), this.latest(id), structuredClone(document), options, this.now());
      if (!plan.ok) return fail<DraftRecord>(plan.error);
      this.drafts.set(id, structuredClone(plan.draft));
      for (const v of plan.versions) this.history.set(v.id, structuredClone(v));
      if (options.writer !== undefined && options.supersedesJournal !== undefined) {
        const key = `${id}\u0000${options.writer}`;
        const entry = this.journal.get(key);
        if (entry && entry.seq <= options.supersedesJournal) this.journal.delete(key);
      }
      return ok(plan.draft);
    });
    if (result.ok) this.feed.publish(id, result.value.revision);
    return result;
  }

  journalNow(entry: JournalEntry): boolean {
    if (this.failWrites) return false;
    this.journal.set(`${entry.draftId}\u0000${entry.writer}`, structuredClone(entry));
    return true;
  }

  /** For tests: the journal entries kept. */
  journalEntries(): JournalEntry[] {
    return [...this.journal.values()].map((e) => structuredClone(e));
  }

  async recover(draftId?: string, minAgeMs = 0): Promise<Result<RecoveryReport>> {
    const changed = new Map<string, number>();
    const result = await this.write(() => {
      const report = { applied: 0, kept: 0, dropped: 0 };
      const entries = [...this.journal.entries()].filter(([, e]) => draftId === undefined || e.draftId === draftId).sort(([, a], [, b]) => a.time - b.time);
      const now = this.now();
      for (const [key, entry] of entries) {
        if (now - entry.time < minAgeMs) continue;
        const stored = this.drafts.get(entry.draftId);
        const outcome = journalOutcome(entry, stored);
        if (outcome === 'apply' && stored) {
          const plan = planSave(structuredClone(stored), this.latest(entry.draftId), structuredClone(entry.document), { expectedRevision: stored.revision, milestone: 'autosave', writer: entry.writer }, this.now());
          if (!plan.ok) continue;
          this.drafts.set(entry.draftId, structuredClone(plan.draft));
          for (const v of plan.versions) this.history.set(v.id, structuredClone(v));
          changed.set(entry.draftId, plan.draft.revision);
          report.applied++;
        } else if (outcome === 'keep' && stored) {
          const checked = checkDocument(structuredClone(entry.document));
          if (!checked.ok) continue;
          const version = planVersion(entry.draftId, checked.report, 'conflict', this.latest(entry.draftId), this.now());
          this.history.set(version.id, version);
          changed.set(entry.draftId, stored.revision);
          report.kept++;
        } else {
          report.dropped++;
        }
        this.journal.delete(key);
      }
      return ok(report as RecoveryReport);
    });
    if (result.ok) for (const [id, revision] of changed) this.feed.publish(id, revision);
    return result;
  }

  private async update(id: string, change: (stored: DraftRecord) => DraftRecord): Promise<Result<DraftSummary>> {
    const result = await this.write(() => {
      const stored = this.drafts.get(id);
      if (!stored) return fail<DraftSummary>({ kind: 'notFound' });
      const next = change(structuredClone(stored));
      this.drafts.set(id, next);
      return ok(structuredClone(toSummary(next)));
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
    const result = await this.write(() => {
      const now = this.now();
      for (const draft of [...this.drafts.values()]) {
        if (draft.deletedAt === null || now - draft.deletedAt < olderThanMs) continue;
        this.drafts.delete(draft.id);
        for (const v of [...this.history.values()]) if (v.draftId === draft.id) this.history.delete(v.id);
        purged.push(draft.id);
      }
      return ok(purged.length);
    });
    if (result.ok) for (const id of purged) this.feed.publish(id, null);
    return result;
  }

  async versions(draftId: string): Promise<Result<VersionInfo[]>> {
    await Promise.resolve();
    const list = [...this.history.values()].filter((v) => v.draftId === draftId).sort((a, b) => (a.id < b.id ? 1 : -1));
    return ok(list.map((v) => structuredClone(toInfo(v))));
  }

  async version(versionId: string): Promise<Result<VersionRecord>> {
    await loadFullDecode();
    const stored = this.history.get(versionId);
    if (!stored) return fail({ kind: 'notFound' });
    const read = readVersion(structuredClone(stored));
    return read.ok ? ok(read.version) : fail(read.error);
  }

  async markMilestone(draftId: string, milestone: Milestone): Promise<Result<VersionInfo>> {
    const result = await this.write(() => {
      const stored = this.drafts.get(draftId);
      if (!stored) return fail<VersionInfo>({ kind: 'notFound' });
      const version = planVersion(draftId, structuredClone(stored.document), milestone, this.latest(draftId), this.now());
      this.history.set(version.id, version);
      return ok(toInfo(version));
    });
    if (result.ok) this.feed.publish(draftId, this.drafts.get(draftId)?.revision ?? null);
    return result;
  }

  async keepVersion(draftId: string, document: Report, milestone: KeptMilestone): Promise<Result<VersionInfo>> {
    const result = await this.write(() => {
      const checked = checkDocument(structuredClone(document));
      if (!checked.ok) return fail<VersionInfo>(checked.error);
      if (!this.drafts.has(draftId)) return fail<VersionInfo>({ kind: 'notFound' });
      const version = planVersion(draftId, checked.report, milestone, this.latest(draftId), this.now());
      this.history.set(version.id, version);
      return ok(toInfo(version));
    });
    if (result.ok) this.feed.publish(draftId, this.drafts.get(draftId)?.revision ?? null);
    return result;
  }

  async restore(draftId: string, versionId: string, expectedRevision: number): Promise<Result<DraftRecord>> {
    const result = await this.write(() => {
      const version = this.history.get(versionId);
      const stored = this.drafts.get(draftId);
      if (!version || version.draftId !== draftId || !stored) return fail<DraftRecord>({ kind: 'notFound' });
      const plan = planSave(structuredClone(stored), this.latest(draftId), structuredClone(version.document), { expectedRevision, milestone: 'restored' }, this.now());
      if (!plan.ok) return fail<DraftRecord>(plan.error);
      this.drafts.set(draftId, structuredClone(plan.draft));
      for (const v of plan.versions) this.history.set(v.id, structuredClone(v));
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
  }
}

export function createMemoryDraftStore(options: MemoryDraftStoreOptions = {}): MemoryDraftStore {
  return new MemoryDraftStore(options);
}
