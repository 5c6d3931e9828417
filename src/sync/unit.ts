/**
 * The clerk's side of sharing: a local PouchDB (IndexedDB underneath) replicated both ways, live,
 * with the unit's database on the server. 报送 writes into the local database and returns at
 * once: it reaches the server whenever the network allows (offline first), and the state says
 * which (only here, or on the server since when). The draft the clerk fills goes the same way
 * as a working copy (填报中 for the supervisor). Review documents come back by the same
 * replication.
 */
import type { Report } from '../report/index.ts';
import type { Connection } from './connection.ts';
import { docId, parseDocId, readShared, sharedDoc, unitProgress, type SharedDoc } from './docs.ts';
import { loadPouchDB, type PouchDBConstructor, type PouchDoc, type SyncHandler } from './pouch.ts';
import { unitDbOf } from './session.ts';
import { conflictOf, keepRevision, writeOnWinner, type DocConflict, type SettleResult } from './conflicts.ts';

export type ReachState =
  /** Nothing put yet in this page's life, and no check yet. */
  | { readonly kind: 'starting' }
  /** Written here; the server has not confirmed it (yet). */
  | { readonly kind: 'local'; readonly offline: boolean }
  /** The server has the last version written here. */
  | { readonly kind: 'reached'; readonly at: number }
  /** The server refused: the session expired or the user lost its rights. */
  | { readonly kind: 'signedOut' };

export interface UnitSyncState {
  readonly reach: ReachState;
  /** Whether the server answered the last time it was asked. */
  readonly online: boolean;
  /**
   * When the server last held everything written here (ms), kept across page loads: a page
   * opened offline says when it last synced, not "never".
   */
  readonly lastSync: number | null;
  /**
   * The years whose submitted report has two versions here (two browsers of this unit both
   * 报送 from the same revision): the unit must settle it, the supervisor cannot.
   */
  readonly conflicts: readonly number[];
}

/** Where this year's report stands, as the clerk says it. */
export type ClerkProgress = 'notSubmitted' | 'submitted' | 'returned' | 'approved';

export type PutResult = { ok: true; rev: string } | { ok: false; reason: 'invalid' | 'noYear' | 'storage'; message?: string };

export interface ReviewArrival {
  readonly year: number;
  readonly report: Report;
  readonly doc: SharedDoc;
  /** The clerk's draft the reviewed report was submitted from (per the unit's report document). */
  readonly draftId: string | undefined;
}

export interface UnitSync {
  readonly connection: Connection;
  state(): UnitSyncState;
  subscribe(listener: () => void): () => void;
  /** Writes the report document of `report`'s year (报送: a submitted report). */
  put(report: Report, draftId: string): Promise<PutResult>;
  /**
   * Writes the working copy of `report`'s year (the draft as the clerk fills it: 填报中 for the
   * supervisor). Unchanged content writes nothing (no new revision per page open).
   */
  putWorking(report: Report, draftId: string): Promise<PutResult | { ok: true; unchanged: true }>;
  /** The report document of a year as this browser has it. */
  reportDoc(year: number): Promise<SharedDoc | undefined>;
  /** The review document of a year as this browser has it (the supervisor's last word). */
  reviewDoc(year: number): Promise<SharedDoc | undefined>;
  /**
   * Where the report of `year` stands (未报送 when this unit has no document for it); without a
   * year, of the latest year this unit has a document for (undefined when none).
   */
  progress(year?: number): Promise<{ year: number; progress: ClerkProgress } | undefined>;
  /** Every review document, those already here and each that arrives. */
  onReview(listener: (review: ReviewArrival) => void): () => void;
  /** The report of a year with its two (or more) versions, or undefined when it has one. */
  conflict(year: number): Promise<DocConflict | undefined>;
  /** Keeps one version of a year's report; the others get tombstones (replicated). */
  resolve(year: number, keepRev: string): Promise<SettleResult>;
  /** Tries the server now (after the network came back). */
  retry(): void;
  close(): Promise<void>;
}

const BACK_OFF_MAX_MS = 5_000;
/** A server that does not answer within this is taken as unreachable (the state must settle). */
const ANSWER_MS = 8_000;
/** While something is not confirmed on the server, it is asked again this often. */
const RECHECK_MS = 10_000;

/** The documents this browser writes (the unit's own); the server is asked whether it has them. */
const isOwn = (id: string) => {
  const kind = parseDocId(id)?.kind;
  return kind === 'report' || kind === 'working';
};

/** The year of one of nianbao's documents (report:2022:mzj → 2022). */
const readYear = (id: string) => parseDocId(id)?.year;

function answerIn<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error('no answer'), { status: undefined })), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : Object.assign(new Error('refused'), error as object));
      },
    );
  });
}

export interface UnitSyncOptions {
  /** How long a server may take to answer before it counts as unreachable (ms). */
  readonly answerMs?: number;
  readonly recheckMs?: number;
  /** PouchDB to use (tests in Node give one with the memory adapter); the browser's by default. */
  readonly PouchDB?: PouchDBConstructor;
}

export async function openUnitSync(connection: Connection, options: UnitSyncOptions = {}): Promise<UnitSync> {
  const PouchDB = options.PouchDB ?? (await loadPouchDB());
  // Working copies are rewritten as the clerk types: old revisions' bodies are not kept here.
  const local = new PouchDB(`nianbao-share-${connection.user}`, { auto_compaction: true });
  const remote = new PouchDB(`${connection.url}/${unitDbOf(connection.user)}`, { skip_setup: true });
  const listeners = new Set<() => void>();
  const reviewListeners = new Set<(review: ReviewArrival) => void>();
  let current: UnitSyncState = { reach: { kind: 'starting' }, online: true, lastSync: null, conflicts: [] };
  // The last sync of earlier pages (a _local document: never replicated).
  const LAST_SYNC = '_local/nianbao-last-sync';
  void local.get(LAST_SYNC).then(
    (doc) => typeof doc.at === 'number' && current.lastSync === null && set({ lastSync: doc.at }),
    () => undefined,
  );
  const keepLastSync = async (at: number) => {
    const existing = await local.get(LAST_SYNC).catch(() => undefined);
    await local.put({ _id: LAST_SYNC, at, ...(existing ? { _rev: existing._rev } : {}) });
  };
  let closed = false;
  const answerMs = options.answerMs ?? ANSWER_MS;

  const set = (next: Partial<UnitSyncState>) => {
    if (closed) return;
    current = { ...current, ...next };
    for (const listener of [...listeners]) listener();
  };

  /**
   * Whether the server holds every document this browser wrote, at the revision written here:
   * asked of the server itself, not guessed from replication events (which say nothing when a
   * server never answers: the state would stay "connecting" for ever). Only the latest check
   * sets the state.
   */
  let checks = 0;
  const confirm = async () => {
    const check = ++checks;
    const settle = (next: Partial<UnitSyncState>) => check === checks && set(next);
    try {
      const mine = (await local.allDocs({})).rows.filter((row) => isOwn(row.id));
      // Nothing written yet: the server is asked anyway (reachable, and the session still good).
      if (!mine.length) await answerIn(remote.info(), answerMs);
      if (mine.length) {
        // One request for all (a document the server lacks is a row, not a 404 in the console).
        const theirs = await answerIn(remote.allDocs({ keys: mine.map((row) => row.id) }), answerMs);
        const revs = new Map(theirs.rows.map((row) => [row.key ?? row.id, row.value && !row.value.deleted ? row.value.rev : undefined]));
        if (mine.some((row) => revs.get(row.id) !== row.value?.rev)) return settle({ reach: { kind: 'local', offline: false }, online: true });
      }
      const at = Date.now();
      if (check === checks) void keepLastSync(at).catch(() => undefined);
      settle({ reach: { kind: 'reached', at }, online: true, lastSync: at });
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 401 || status === 403) settle({ reach: { kind: 'signedOut' } });
      else settle({ reach: { kind: 'local', offline: true }, online: false });
    }
  };

  let sync: SyncHandler | undefined;
  const start = () => {
    sync?.cancel();
    sync = local.sync(remote, { live: true, retry: true, back_off_function: (delay) => Math.min(BACK_OFF_MAX_MS, Math.max(500, delay * 2)) });
    sync
      // PouchDB's sync says 'paused' both when caught up and when a request failed (without the
      // error): the server is asked which.
      .on('paused', () => void confirm())
      .on('active', () => set({ online: true }))
      // A document the server's rule refused (not a sign-out): it stays here; confirm says so.
      .on('denied', () => void confirm())
      .on('error', () => void confirm());
  };
  start();
  void confirm();
  // A state other than reached or signed out is asked again now and then: the network may come
  // back without an 'online' event, a server may answer again.
  const recheck = setInterval(() => {
    if (current.reach.kind !== 'reached' && current.reach.kind !== 'signedOut') void confirm();
  }, options.recheckMs ?? RECHECK_MS);

  // Reports' draft ids, to route a review back to the draft it came from.
  const draftOf = async (year: number) => {
    try {
      return ((await local.get(docId('report', year, connection.user))) as SharedDoc).draftId;
    } catch {
      return undefined;
    }
  };
  // Every change of a report document says whether it has two versions now (one arrived from
  // another browser of this unit, or a tombstone settled it).
  const noteConflict = (doc: PouchDoc) => {
    const year = doc._id.startsWith('report:') ? readYear(doc._id) : undefined;
    if (year === undefined) return;
    const has = !doc._deleted && (doc._conflicts?.length ?? 0) > 0;
    if (has === current.conflicts.includes(year)) return;
    set({ conflicts: has ? [...current.conflicts, year].sort() : current.conflicts.filter((y) => y !== year) });
  };
  const feed = local.changes({ live: true, since: 0, include_docs: true, conflicts: true }).on('change', (change) => {
    if (!change.doc) return;
    noteConflict(change.doc);
    const read = readShared(change.doc);
    if (!read || !read.ok || read.kind !== 'review') return;
    void draftOf(read.doc.year).then((draftId) => {
      for (const listener of [...reviewListeners]) listener({ year: read.doc.year, report: read.report, doc: read.doc, draftId });
    });
  });

  const onOnline = () => start();
  // The browser knows first that the network went: the indicator says so without waiting.
  const onOffline = () => void confirm();
  globalThis.addEventListener?.('online', onOnline);
  globalThis.addEventListener?.('offline', onOffline);

  const write = async (kind: 'report' | 'working', report: Report, draftId: string): Promise<PutResult | { ok: true; unchanged: true }> => {
    const made = sharedDoc(kind, report, { unit: connection.user, by: connection.user, draftId });
    if (!made.ok) return { ok: false, reason: made.reason };
    try {
      const existing = (await local.get(made.doc._id, { conflicts: true }).catch(() => undefined)) as SharedDoc | undefined;
      if (kind === 'working' && existing && !existing._conflicts?.length && existing.draftId === draftId && JSON.stringify(existing.report) === JSON.stringify(made.doc.report)) return { ok: true, unchanged: true };
      // On the version shown, and the other versions removed: 重新报送 settles a conflict.
      const written = await writeOnWinner(local, made.doc as PouchDoc);
      set({ reach: { kind: 'local', offline: !current.online } });
      return { ok: true, rev: written.rev };
    } catch (e) {
      return { ok: false, reason: 'storage', message: (e as Error).message };
    }
  };

  const read = async (id: string) => {
    try {
      return (await local.get(id)) as SharedDoc;
    } catch {
      return undefined;
    }
  };

  return {
    connection,
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    put: (report, draftId) => write('report', report, draftId) as Promise<PutResult>,
    putWorking: (report, draftId) => write('working', report, draftId),
    reportDoc: (year) => read(docId('report', year, connection.user)),
    reviewDoc: (year) => read(docId('review', year, connection.user)),
    async progress(asked) {
      let year = asked;
      if (year === undefined) {
        const ids = (await local.allDocs({})).rows.map((row) => row.id);
        const years = ids.map((id) => readYear(id)).filter((y): y is number => y !== undefined);
        if (!years.length) return undefined;
        year = Math.max(...years);
      }
      const [report, review] = await Promise.all([read(docId('report', year, connection.user)), read(docId('review', year, connection.user))]);
      const decoded = (doc: SharedDoc | undefined) => {
        const shared = doc && readShared(doc);
        return shared?.ok ? shared.report : undefined;
      };
      const where = unitProgress(decoded(report), decoded(review));
      return { year, progress: where === 'notStarted' || where === 'filling' ? 'notSubmitted' : where };
    },
    onReview(listener) {
      reviewListeners.add(listener);
      // Those already here: the changes feed replays them for a listener that comes late.
      void local.allDocs({ include_docs: true, startkey: 'review:', endkey: 'review:\uffff' }).then(async (all) => {
        for (const row of all.rows) {
          const read = row.doc ? readShared(row.doc) : undefined;
          if (read?.ok && reviewListeners.has(listener)) listener({ year: read.doc.year, report: read.report, doc: read.doc, draftId: await draftOf(read.doc.year) });
        }
      });
      return () => reviewListeners.delete(listener);
    },
    async conflict(year) {
      const doc = await local.get(docId('report', year, connection.user), { conflicts: true }).catch(() => undefined);
      return doc ? conflictOf(local, doc) : undefined;
    },
    async resolve(year, keepRev) {
      const settled = await keepRevision(local, docId('report', year, connection.user), keepRev);
      if (settled.ok) {
        set({ reach: { kind: 'local', offline: !current.online } });
        void confirm();
      }
      return settled;
    },
    retry: () => {
      start();
      void confirm();
    },
    async close() {
      closed = true;
      clearInterval(recheck);
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('offline', onOffline);
      sync?.cancel();
      feed.cancel();
      await local.close();
    },
  };
}
