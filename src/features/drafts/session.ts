/**
 * One open draft: loads it, autosaves every change, keeps edits in memory until a write has
 * succeeded, retries failed writes, detects two-tab conflicts, and keeps versions at milestones.
 * Plain TypeScript (the React hook in useDraftSession.ts wraps it) so it is tested without a DOM.
 */
import type { Report } from '../../report/index.ts';
import type { DraftRecord, DraftStore, Milestone, StoreError, StoreErrorKind } from '../../storage/index.ts';
import { IdleTimer } from '../../ui/idleTimer.ts';

export type SaveState =
  | { readonly kind: 'saved'; readonly at: number }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly reason: StoreErrorKind; readonly attempts: number }
  | { readonly kind: 'conflict' };

export type SessionState = 'loading' | 'ready' | 'missing' | 'error';

export interface SessionSnapshot {
  readonly state: SessionState;
  /** The stored draft as last read or written. */
  readonly draft: DraftRecord | undefined;
  /** The document to give the editor when it (re)mounts; not updated on every keystroke. */
  readonly report: Report | undefined;
  readonly lastYear: Report | undefined;
  /** Bumped when the editor must remount with `report` (reload, restore). */
  readonly generation: number;
  readonly saveState: SaveState;
  /** True while a conflict is unresolved and after the clerk chose to continue read-only. */
  readonly readOnly: boolean;
  /** The clerk chose to continue read-only after a conflict. */
  readonly readOnlyChosen: boolean;
  /** The conflict: another tab changed (or deleted) the draft. */
  readonly conflict: { readonly keptVersion: boolean } | undefined;
  /** The load error (state 'error'), or why the draft is missing. */
  readonly error: StoreError | undefined;
  readonly deleted: boolean;
}

export interface SessionOptions {
  /** Idle time after the last change before writing. */
  readonly idleMs?: number;
  /** Longest time a change waits while the clerk keeps typing. */
  readonly maxWaitMs?: number;
  /** Waits before retrying a failed write, by attempt. */
  readonly retryMs?: readonly number[];
}

const DEFAULTS = { idleMs: 400, maxWaitMs: 2000, retryMs: [1000, 2000, 5000, 10_000, 30_000] };

/**
 * Sessions closed with edits not yet written (the clerk left the page), by draft id: their writes
 * go on, and a session opened on the same draft takes their edits over instead of racing them.
 */
const leaving = new Map<string, DraftSession>();

export class DraftSession {
  private snap: SessionSnapshot = {
    state: 'loading',
    draft: undefined,
    report: undefined,
    lastYear: undefined,
    generation: 0,
    saveState: { kind: 'saved', at: 0 },
    readOnly: false,
    readOnlyChosen: false,
    conflict: undefined,
    error: undefined,
    deleted: false,
  };
  private readonly listeners = new Set<() => void>();
  private readonly options: Required<SessionOptions>;
  /** The revision our last read or write left the draft at. */
  private revision = 0;
  /** The latest document from the editor not yet written (edits stay here until a write succeeds). */
  private pending: Report | undefined;
  /** The latest document known to be stored. */
  private stored: Report | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly saveTimer: IdleTimer;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private chosenReadOnly = false;
  private disposed = false;
  /** A later session on the same draft took this one's unsaved edits over. */
  private adopted = false;
  /** This session, as the writer of saves and journal entries. */
  readonly writer = randomId();
  private journalSeq = 0;
  private saving = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly store: DraftStore,
    readonly id: string,
    options: SessionOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.saveTimer = new IdleTimer(() => void this.flush(), this.options.idleMs, this.options.maxWaitMs);
  }

  // -------------------------------------------------------------------------------------------
  // Subscription (useSyncExternalStore)
  // -------------------------------------------------------------------------------------------

  snapshot = (): SessionSnapshot => this.snap;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The one place the snapshot is written: a new object, with what follows from the patch. */
  private set(patch: Partial<SessionSnapshot>) {
    const conflict = 'conflict' in patch ? patch.conflict : this.snap.conflict;
    this.snap = { ...this.snap, ...patch, readOnlyChosen: this.chosenReadOnly, readOnly: this.chosenReadOnly || conflict !== undefined };
    for (const listener of [...this.listeners]) listener();
  }

  // -------------------------------------------------------------------------------------------
  // Loading
  // -------------------------------------------------------------------------------------------

  /** Loads the draft and starts listening for other tabs. Nothing is written before this ends. */
  async start(): Promise<void> {
    this.unsubscribe ??= this.store.subscribe((change) => {
      if (change.origin !== 'remote' || change.draftId !== this.id || this.snap.state !== 'ready') return;
      // Another tab wrote a newer revision (or deleted the draft): our next write would conflict.
      if (change.revision === null || change.revision > this.revision) void this.enterConflict();
    });
    const previous = leaving.get(this.id);
    let inherited: Report | undefined;
    let inheritedRevision = 0;
    if (previous && previous !== this) {
      leaving.delete(this.id);
      previous.adopted = true;
      previous.clearTimers();
      await previous.chain;
      inherited = previous.pending;
      inheritedRevision = previous.revision;
    }
    // Edits journaled by a page that went away before its save landed come back first.
    await this.store.recover(this.id);
    await this.load(false);
    if (inherited && this.snap.state === 'ready') {
      this.pending = inherited;
      if (this.revision === inheritedRevision) {
        // Nothing else wrote meanwhile: the edits continue here, shown in the editor.
        this.set({ report: inherited, generation: this.snap.generation + 1, saveState: { kind: 'saving' } });
        void this.flush();
      } else {
        await this.enterConflict();
      }
    }
  }

  private async load(remount: boolean) {
    const result = await this.store.get(this.id);
    if (this.disposed) return;
    if (!result.ok) {
      this.set({ state: result.error.kind === 'notFound' ? 'missing' : 'error', error: result.error });
      return;
    }
    const draft = result.value;
    this.revision = draft.revision;
    this.stored = draft.document;
    this.pending = undefined;
    this.attempts = 0;
    this.chosenReadOnly = false;
    this.set({
      state: draft.deletedAt === null ? 'ready' : 'missing',
      deleted: draft.deletedAt !== null,
      draft,
      report: draft.document,
      lastYear: draft.lastYear,
      generation: remount ? this.snap.generation + 1 : this.snap.generation,
      saveState: { kind: 'saved', at: draft.updatedAt },
      conflict: undefined,
      error: undefined,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Editing and autosave
  // -------------------------------------------------------------------------------------------

  /** The editor's onChange: the whole document after every change. */
  update = (report: Report): void => {
    if (this.snap.state !== 'ready' || this.disposed) return;
    if (this.snap.readOnly) return;
    const previousStatus = (this.pending ?? this.stored)?.status;
    this.pending = report;
    if (this.snap.saveState.kind === 'saved') this.set({ saveState: { kind: 'saving' } });
    // Marking ready (or reopening) is a milestone: write it at once.
    if (previousStatus !== undefined && previousStatus !== report.status) {
      void this.flush();
      return;
    }
    this.saveTimer.touch();
  };

  /** The latest document: unsaved edits included. */
  current = (): Report | undefined => this.pending ?? this.stored;

  hasUnsavedChanges = (): boolean => this.pending !== undefined;

  /** Writes what is pending now (blur, hidden, pagehide, before export or restore). */
  flush = (): Promise<void> => {
    this.clearTimers();
    this.chain = this.chain.then(() => this.saveOnce());
    return this.chain;
  };

  /**
   * The page is going away (beforeunload, pagehide, hidden): write unsaved edits in one
   * synchronous step to the journal; the next session recovers them. The regular flush runs too.
   */
  journalNow = (): boolean => {
    const document = this.pending;
    if (!document || this.snap.state !== 'ready' || this.snap.conflict || this.adopted) return false;
    return this.store.journalNow({
      draftId: this.id,
      writer: this.writer,
      seq: ++this.journalSeq,
      baseRevision: this.revision,
      inflight: this.saving,
      document,
      time: Date.now(),
    });
  };

  private clearTimers() {
    this.saveTimer.cancel();
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private async saveOnce(): Promise<void> {
    const document = this.pending;
    if (!document || this.snap.state !== 'ready' || this.snap.conflict || this.adopted) return;
    if (this.stored && sameDocument(this.stored, document)) {
      // Nothing to write (e.g. an editor reporting its initial state): no revision moves, so
      // another tab on the same draft is not told of a change that is none.
      this.pending = undefined;
      this.set({ saveState: { kind: 'saved', at: this.snap.draft?.updatedAt ?? Date.now() } });
      return;
    }
    if (this.snap.saveState.kind !== 'failed' && this.snap.saveState.kind !== 'saving') this.set({ saveState: { kind: 'saving' } });
    const storedStatus = this.stored?.status;
    const milestone: Milestone =
      storedStatus !== undefined && storedStatus !== document.status ? (document.status === 'ready' ? 'ready' : 'reopened') : 'autosave';
    let result: Awaited<ReturnType<DraftStore['save']>>;
    // Journal entries written so far hold edits this document contains.
    const supersedesJournal = this.journalSeq;
    this.saving = true;
    try {
      result = await this.store.save(this.id, document, { expectedRevision: this.revision, milestone, writer: this.writer, supersedesJournal });
    } catch (e) {
      // The store promises not to throw; if it does anyway, treat it as a failed write.
      result = { ok: false, error: { kind: 'unknown', message: e instanceof Error ? e.message : String(e) } };
    } finally {
      this.saving = false;
    }
    if (result.ok) {
      this.revision = result.value.revision;
      this.stored = result.value.document;
      this.attempts = 0;
      if (this.pending === document) this.pending = undefined;
      if (this.disposed && !this.pending && leaving.get(this.id) === this) leaving.delete(this.id);
      this.set({ draft: result.value, saveState: this.pending ? { kind: 'saving' } : { kind: 'saved', at: result.value.updatedAt } });
      if (this.pending) this.scheduleIdle();
      return;
    }
    if (result.error.kind === 'conflict') {
      await this.enterConflict();
      return;
    }
    this.attempts++;
    if (this.adopted) return;
    this.set({ saveState: { kind: 'failed', reason: result.error.kind, attempts: this.attempts } });
    const wait = this.options.retryMs[Math.min(this.attempts - 1, this.options.retryMs.length - 1)]!;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), wait);
  }

  private scheduleIdle() {
    this.saveTimer.touch();
  }

  // -------------------------------------------------------------------------------------------
  // Two tabs
  // -------------------------------------------------------------------------------------------

  private async enterConflict() {
    if (this.snap.conflict) return;
    this.clearTimers();
    this.set({ conflict: { keptVersion: false }, saveState: { kind: 'conflict' } });
    // Our unsaved edits cannot go into the draft; keep them in its history so nothing is lost.
    const unsaved = this.pending;
    if (unsaved) {
      const kept = await this.store.keepVersion(this.id, unsaved, 'conflict');
      if (kept.ok && this.snap.conflict) this.set({ conflict: { keptVersion: true } });
      if (this.disposed && leaving.get(this.id) === this) leaving.delete(this.id);
    }
  }

  /** Loads the stored draft again (after a conflict); the editor remounts. */
  reload = async (): Promise<void> => {
    this.clearTimers();
    await this.chain;
    await this.load(true);
  };

  /** Stay on this tab's document without saving; export remains possible. */
  continueReadOnly = (): void => {
    this.chosenReadOnly = true;
    this.set({});
  };

  // -------------------------------------------------------------------------------------------
  // Versions
  // -------------------------------------------------------------------------------------------

  /** Restores a version: pending edits are written first, the current document is kept. */
  restoreVersion = async (versionId: string): Promise<{ ok: true } | { ok: false; error: StoreError }> => {
    await this.flush();
    if (this.pending) return { ok: false, error: { kind: 'unknown', message: 'unsaved changes' } };
    if (this.snap.conflict) return { ok: false, error: { kind: 'conflict', revision: this.revision } };
    const result = await this.store.restore(this.id, versionId, this.revision);
    if (!result.ok) {
      if (result.error.kind === 'conflict') await this.enterConflict();
      return result;
    }
    this.revision = result.value.revision;
    this.stored = result.value.document;
    this.set({
      draft: result.value,
      report: result.value.document,
      generation: this.snap.generation + 1,
      saveState: { kind: 'saved', at: result.value.updatedAt },
    });
    return { ok: true };
  };

  /** A milestone version of the stored document (e.g. after printing); pending edits first. */
  markMilestone = async (milestone: Milestone): Promise<boolean> => {
    await this.flush();
    if (this.pending) return false;
    return (await this.store.markMilestone(this.id, milestone)).ok;
  };

  /** Records an export: the exported document is kept as a version even if it could not be saved. */
  recordExport = async (exported: Report): Promise<boolean> => {
    if (!this.snap.conflict) await this.flush();
    if (!this.pending && !this.snap.conflict) return (await this.store.markMilestone(this.id, 'exported')).ok;
    return (await this.store.keepVersion(this.id, exported, 'exported')).ok;
  };

  dispose(): void {
    this.disposed = true;
    // Leaving the page: what is pending is still written (and retried) after unmount, and a
    // session opened on this draft next takes it over.
    if (this.pending && this.snap.state === 'ready' && !this.snap.conflict) {
      leaving.set(this.id, this);
      void this.flush();
    } else {
      this.clearTimers();
    }
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.listeners.clear();
  }
}

function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function sameDocument(a: Report, b: Report): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** For tests: forget sessions left with unsaved edits. */
export function forgetLeavingSessions() {
  leaving.clear();
}
