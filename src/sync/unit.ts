/**
 * The clerk's side of sharing: a local PouchDB (IndexedDB underneath) replicated both ways, live,
 * with the unit's database on the server. 报送 writes into the local database and returns at
 * once: it reaches the server whenever the network allows (offline first), and the state says
 * which (only here, or on the server since when). Review documents come back by the same
 * replication.
 */
import type { Report } from '../report/index.ts';
import type { Connection } from './connection.ts';
import { docId, readShared, sharedDoc, type SharedDoc } from './docs.ts';
import { loadPouchDB, type PouchDoc, type SyncHandler } from './pouch.ts';
import { unitDbOf } from './session.ts';

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
  /** The last report document written from this browser (year → rev), for the indicator. */
  readonly online: boolean;
}

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
  /** The report document of a year as this browser has it. */
  reportDoc(year: number): Promise<SharedDoc | undefined>;
  /** Every review document, those already here and each that arrives. */
  onReview(listener: (review: ReviewArrival) => void): () => void;
  /** Tries the server now (after the network came back). */
  retry(): void;
  close(): Promise<void>;
}

const BACK_OFF_MAX_MS = 5_000;

export async function openUnitSync(connection: Connection): Promise<UnitSync> {
  const PouchDB = await loadPouchDB();
  const local = new PouchDB(`nianbao-share-${connection.user}`);
  const remote = new PouchDB(`${connection.url}/${unitDbOf(connection.user)}`, { skip_setup: true });
  const listeners = new Set<() => void>();
  const reviewListeners = new Set<(review: ReviewArrival) => void>();
  let current: UnitSyncState = { reach: { kind: 'starting' }, online: true };
  let lastPut: { id: string; rev: string } | undefined;
  let closed = false;

  const set = (next: Partial<UnitSyncState>) => {
    current = { ...current, ...next };
    for (const listener of [...listeners]) listener();
  };

  /** Whether the server holds our last write: asked of the server itself, not guessed. */
  const confirm = async () => {
    const ids = lastPut ? [lastPut] : (await local.allDocs({ startkey: 'report:', endkey: 'report:\uffff' })).rows.map((r) => ({ id: r.id, rev: '' }));
    try {
      for (const { id } of ids) {
        const mine = await local.get(id);
        const theirs = await remote.get(id).catch((e: { status?: number }) => (e.status === 404 ? undefined : Promise.reject(e)));
        if (!theirs || theirs._rev !== mine._rev) {
          set({ reach: { kind: 'local', offline: false }, online: true });
          return;
        }
      }
      set({ reach: { kind: 'reached', at: Date.now() }, online: true });
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 401 || status === 403) set({ reach: { kind: 'signedOut' } });
      else set({ reach: { kind: 'local', offline: true }, online: false });
    }
  };

  let sync: SyncHandler | undefined;
  const start = () => {
    sync?.cancel();
    sync = local.sync(remote, { live: true, retry: true, back_off_function: (delay) => Math.min(BACK_OFF_MAX_MS, Math.max(500, delay * 2)) });
    sync
      .on('paused', (error) => {
        if (closed) return;
        if (error) set({ reach: current.reach.kind === 'reached' && !lastPut ? current.reach : { kind: 'local', offline: true }, online: false });
        else void confirm();
      })
      .on('active', () => set({ online: true }))
      .on('denied', () => set({ reach: { kind: 'signedOut' } }))
      .on('error', (error) => {
        const status = (error as { status?: number }).status;
        set(status === 401 || status === 403 ? { reach: { kind: 'signedOut' } } : { reach: { kind: 'local', offline: true }, online: false });
      });
  };
  start();

  // Reports' draft ids, to route a review back to the draft it came from.
  const draftOf = async (year: number) => {
    try {
      return ((await local.get(docId('report', year))) as SharedDoc).draftId;
    } catch {
      return undefined;
    }
  };
  const feed = local.changes({ live: true, since: 0, include_docs: true }).on('change', (change) => {
    if (!change.doc) return;
    const read = readShared(change.doc);
    if (!read || !read.ok || read.kind !== 'review') return;
    void draftOf(read.doc.year).then((draftId) => {
      for (const listener of [...reviewListeners]) listener({ year: read.doc.year, report: read.report, doc: read.doc, draftId });
    });
  });

  const onOnline = () => start();
  globalThis.addEventListener?.('online', onOnline);

  return {
    connection,
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async put(report, draftId) {
      const made = sharedDoc('report', report, connection.user, { draftId });
      if (!made.ok) return { ok: false, reason: made.reason };
      try {
        const existing = await local.get(made.doc._id).catch(() => undefined);
        const written = await local.put({ ...made.doc, ...(existing ? { _rev: existing._rev } : {}) } as PouchDoc);
        lastPut = { id: written.id, rev: written.rev };
        set({ reach: { kind: 'local', offline: !current.online } });
        return { ok: true, rev: written.rev };
      } catch (e) {
        return { ok: false, reason: 'storage', message: (e as Error).message };
      }
    },
    async reportDoc(year) {
      try {
        return (await local.get(docId('report', year))) as SharedDoc;
      } catch {
        return undefined;
      }
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
    retry: start,
    async close() {
      closed = true;
      globalThis.removeEventListener?.('online', onOnline);
      sync?.cancel();
      feed.cancel();
      await local.close();
    },
  };
}
