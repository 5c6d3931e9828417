/**
 * The drafts store: what the app keeps in the browser. Every operation returns a typed result
 * (result.ts, shared with the review store); nothing is thrown past this interface, so a caller
 * cannot forget that a write may fail.
 */
import type { Report, ReportStatus, ReviewStatus, AgencyKind } from '../report/index.ts';
import type { Result } from './result.ts';

export type { Result, StoreError, StoreErrorKind } from './result.ts';

/** Why a version was kept. `conflict`: edits of a tab whose write lost a two-tab race. */
export type Milestone = 'created' | 'autosave' | 'ready' | 'reopened' | 'exported' | 'imported' | 'restored' | 'conflict';

export type KeptMilestone = 'conflict' | 'exported';

/** What the drafts list shows, computed from the document when it is saved. */
export interface DraftSummary {
  readonly id: string;
  /** The clerk's own name for the draft ('' = show the report's title). Not part of the document. */
  readonly title: string;
  readonly agency: string;
  readonly agencyKind: AgencyKind;
  readonly year: number | null;
  readonly status: ReportStatus;
  /** The 政务公开办's status of the report (返回 shows as 已退回); absent in drafts saved before it was kept. */
  readonly reviewStatus?: ReviewStatus;
  readonly errors: number;
  readonly warnings: number;
  readonly hasLastYear: boolean;
  readonly revision: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Soft delete: the time it was deleted; purged 30 days later. */
  readonly deletedAt: number | null;
}

export interface DraftRecord extends DraftSummary {
  readonly document: Report;
  /** Last year's report of the same body, kept so the cross-year rules run. */
  readonly lastYear: Report | undefined;
  /** Which editor session made the last save (to recover its journal after a page unload). */
  readonly writer?: string | undefined;
}

/**
 * Edits written in one synchronous step when the page goes away (beforeunload, pagehide):
 * an unloading page cannot wait for the read-check-write of a save, so its unsaved document
 * goes here, and `recover` folds it into the draft when the store is next opened.
 */
export interface JournalEntry {
  readonly draftId: string;
  /** The editor session that wrote it. */
  readonly writer: string;
  /** Increases with every entry of that session; a later save supersedes entries up to it. */
  readonly seq: number;
  /** The draft's revision the edits were made on. */
  readonly baseRevision: number;
  /** A save of this session was in flight (it may have landed as baseRevision + 1). */
  readonly inflight: boolean;
  readonly document: Report;
  readonly time: number;
}

export interface RecoveryReport {
  /** Entries whose edits became the draft. */
  readonly applied: number;
  /** Entries that could not be applied (the draft moved on) and were kept as `conflict` versions. */
  readonly kept: number;
  /** Entries already contained in the draft. */
  readonly dropped: number;
}

export interface VersionInfo {
  readonly id: string;
  readonly draftId: string;
  readonly time: number;
  readonly milestone: Milestone;
  /** Cell ids, `meta.*`, `status`, `narrative.preamble`, `narrative.<section>.<index>`, `explanations`. */
  readonly changed: readonly string[];
}

export interface VersionRecord extends VersionInfo {
  readonly document: Report;
}

export interface CreateDraftInput {
  readonly document: Report;
  readonly lastYear?: Report | undefined;
  readonly title?: string;
  /** The first version's milestone: `created` (default) or `imported`. */
  readonly milestone?: 'created' | 'imported';
}

export interface SaveOptions {
  /** The revision the caller last read or wrote; the write fails with `conflict` if it moved. */
  readonly expectedRevision: number;
  /**
   * `autosave`: keep a version if the last one is older than a few minutes and something changed.
   * `imported` / `restored`: the document is replaced from elsewhere; the current one is kept as a
   * version first, so nothing is overwritten. Others: always keep a version.
   */
  readonly milestone?: Milestone;
  /** The editor session writing (recorded on the draft). */
  readonly writer?: string;
  /** Journal entries of `writer` with a seq up to this are contained in this save: drop them. */
  readonly supersedesJournal?: number;
}

/** A change of a draft, here or in another tab (for lists and open editors). */
export interface StoreChange {
  readonly draftId: string;
  /** The draft's revision after the change; `null` when it was purged. */
  readonly revision: number | null;
  readonly origin: 'local' | 'remote';
}

export interface DraftStore {
  /**
   * Starts opening the store ahead of its first use, so that a page's start overlaps it with
   * loading code; a failure is reported by the operations that follow. Optional: a store that
   * needs no opening has none.
   */
  prepare?(): void;
  /** Drafts not deleted, most recently changed first. */
  list(): Promise<Result<DraftSummary[]>>;
  /** Deleted drafts still recoverable, most recently deleted first. */
  listDeleted(): Promise<Result<DraftSummary[]>>;
  /** A draft with its document (decoded and migrated); deleted drafts too (see `deletedAt`). */
  get(id: string): Promise<Result<DraftRecord>>;
  create(input: CreateDraftInput): Promise<Result<DraftRecord>>;
  save(id: string, document: Report, options: SaveOptions): Promise<Result<DraftRecord>>;
  /** Sets the clerk's own name of the draft; does not touch the document or its revision. */
  rename(id: string, title: string): Promise<Result<DraftSummary>>;
  softDelete(id: string): Promise<Result<DraftSummary>>;
  undelete(id: string): Promise<Result<DraftSummary>>;
  /** Removes drafts deleted longer ago than `olderThanMs` (30 days) and their versions. */
  purge(olderThanMs?: number): Promise<Result<number>>;
  /** Versions of a draft, newest first, without their documents. */
  versions(draftId: string): Promise<Result<VersionInfo[]>>;
  version(versionId: string): Promise<Result<VersionRecord>>;
  /** Keeps the stored document as a version (e.g. `exported`); no revision change. */
  markMilestone(draftId: string, milestone: Milestone): Promise<Result<VersionInfo>>;
  /**
   * Keeps a given document as a version without touching the draft: edits that lost a two-tab
   * race (`conflict`), or what was exported when it could not be saved first (`exported`).
   */
  keepVersion(draftId: string, document: Report, milestone: KeptMilestone): Promise<Result<VersionInfo>>;
  /** Makes a version the current document again: a new version; the current one is kept first. */
  restore(draftId: string, versionId: string, expectedRevision: number): Promise<Result<DraftRecord>>;
  /**
   * Writes a journal entry in one synchronous step (for beforeunload and pagehide, when no
   * promise will be awaited). Best effort: false when the database is not open.
   */
  journalNow(entry: JournalEntry): boolean;
  /**
   * Folds journal entries (of one draft, or all) into their drafts; nothing is dropped unsaved.
   * `minAgeMs` leaves recent entries alone (a live tab in another window will supersede them).
   */
  recover(draftId?: string, minAgeMs?: number): Promise<Result<RecoveryReport>>;
  /** Changes here and in other tabs (BroadcastChannel). Returns the unsubscribe function. */
  subscribe(listener: (change: StoreChange) => void): () => void;
  close(): void;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Deleted drafts stay recoverable this long. */
export const PURGE_AFTER_MS = 30 * DAY_MS;
/** While typing, at most one autosave version per this interval. */
export const AUTOSAVE_VERSION_INTERVAL_MS = 5 * 60 * 1000;
