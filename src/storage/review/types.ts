/**
 * The review workspace's store: the report files a supervisor (政务公开办) has collected, every
 * version of every unit's report, and the workspace's settings. Kept apart from the clerk's own
 * drafts (its own IndexedDB database), so that reviewing never touches a clerk's work on the same
 * computer. Every operation returns a typed result (the same Result and error kinds as the drafts
 * store's: ../result.ts); nothing is thrown past this interface.
 */
import type { Problem, Report } from '../../report/index.ts';
import type { Result } from '../result.ts';

/** One received file of one unit's report, with the reviewer's work on it (comments, status). */
export interface ReceivedVersion {
  readonly id: string;
  /** The unit and year the report belongs to: see `unitKeyOf`. */
  readonly unitKey: string;
  readonly agency: string;
  readonly year: number | null;
  /** Name of the file it came from ('' when built here, e.g. an aggregate). */
  readonly fileName: string;
  /** ms since epoch; versions of a unit are ordered by it. */
  readonly receivedAt: number;
  /** Fingerprint of the document as received: the same file twice is one version. */
  readonly fingerprint: string;
  /** The document, with the review's changes since it was received. */
  readonly document: Report;
  /** ms since epoch of the last write (receipt or review action). */
  readonly updatedAt: number;
}

export interface ReviewSettings {
  /** The reviewer's name as it goes into comments and the history. */
  readonly reviewer: string;
  /** Agencies expected to report (one a line in the UI); those without a report are named. */
  readonly roster: readonly string[];
  /** The name the aggregate report is made for (e.g. 某某县人民政府). */
  readonly aggregateAgency: string;
  /** The last 汇总 built: shown again after a reload (rebuilt from the same units and choices). */
  readonly lastAggregate: KeptAggregate | null;
}

export interface KeptAggregate {
  /** The unit keys summed up (selected), in order. */
  readonly units: readonly string[];
  readonly year: number;
  readonly includeUnapproved: boolean;
}

export const DEFAULT_SETTINGS: ReviewSettings = { reviewer: '', roster: [], aggregateAgency: '', lastAggregate: null };

export interface ReceiveInput {
  readonly document: Report;
  readonly fileName: string;
  /** Defaults to now. */
  readonly receivedAt?: number;
  /**
   * Fingerprint of the file's document as it arrived (`fingerprintOf`), when the workspace
   * changes it on receipt (marks it submitted); defaults to the fingerprint of `document`.
   */
  readonly fingerprint?: string;
}

/** A stored version that no longer decodes (e.g. written by a newer app): listed, not dropped. */
export interface UnreadableVersion {
  readonly id: string;
  /** The unit it was filed under ('' when the record lacks one): removing the unit removes it. */
  readonly unitKey: string;
  readonly fileName: string;
  readonly problems: readonly Problem[];
}

export interface ReviewListing {
  /** All versions, oldest received first. */
  readonly versions: readonly ReceivedVersion[];
  readonly unreadable: readonly UnreadableVersion[];
}

export interface ReviewStore {
  list(): Promise<Result<ReviewListing>>;
  /** Keeps a received document as a new version of its unit (refused as `duplicate` if seen). */
  receive(input: ReceiveInput): Promise<Result<ReceivedVersion>>;
  /**
   * Several received documents at once, in one write (a shared server's arrivals come in
   * batches): the result of each, in order, as `receive` would give it.
   */
  receiveMany(inputs: readonly ReceiveInput[]): Promise<Result<ReceivedVersion>[]>;
  /** Replaces a version's document after a review action. Agency and year must stay the same. */
  update(id: string, document: Report): Promise<Result<ReceivedVersion>>;
  /** Removes every version of a unit from the workspace; the number removed. */
  removeUnit(unitKey: string): Promise<Result<number>>;
  settings(): Promise<Result<ReviewSettings>>;
  saveSettings(settings: Partial<ReviewSettings>): Promise<Result<ReviewSettings>>;
  close(): void;
  /**
   * Versions received or changed from elsewhere than the workspace's own calls (a shared
   * server), as stored, a batch at a time: the workspace takes them in without listing the
   * store again (a first replication brings thousands). Optional: a store only the workspace
   * writes has none.
   */
  subscribe?(listener: (changed: readonly ReceivedVersion[]) => void): () => void;
}
