/**
 * The supervisor's side of sharing: the area's roster (nianbao-area/roster, written by
 * `nianbao server setup`) and, per unit the supervisor may read, a local PouchDB replicated with
 * the unit's database. Submitted reports become versions in the review workspace through its
 * own store (the same door as a collected file); the workspace's review actions go back as the
 * unit's review document.
 *
 * Browsers open at most six connections to one server, so one live feed per unit would stall
 * after five units: the units are replicated in rounds (four at a time, then again every few
 * seconds), and a unit is replicated at once after a review action. A province (thousands of
 * units) replicates on the server into one area database instead (docs/architecture.md).
 */
import type { Report } from '../report/index.ts';
import type { ReceivedVersion, Result, ReviewStore } from '../storage/review/index.ts';
import type { Connection } from './connection.ts';
import { docId, readShared, sharedDoc, unitProgress, type SharedDoc, type UnitProgress } from './docs.ts';
import { loadPouchDB, type PouchDatabase, type PouchDoc, type ChangesFeed } from './pouch.ts';
import { AREA_DB } from './session.ts';

export interface AreaUnit {
  readonly agency: string;
  readonly user: string;
  readonly db: string;
  readonly kind?: string;
}

export interface UnitShare {
  readonly unit: AreaUnit;
  /** Per year reported: where the unit stands. */
  readonly years: ReadonlyMap<number, UnitProgress>;
  /** Review documents written by two supervisors at once: both versions, for the compare view. */
  readonly conflicts: readonly { year: number; mine: Report; theirs: Report }[];
  /** A document that did not decode (never used): its id and the number of problems. */
  readonly unreadable: readonly { id: string; problems: number }[];
  readonly lastSync: number | null;
  readonly error: 'offline' | 'denied' | null;
}

export interface SupervisorSyncState {
  readonly roster: readonly AreaUnit[] | null;
  readonly rosterError: 'offline' | 'denied' | null;
  readonly units: ReadonlyMap<string, UnitShare>;
  readonly online: boolean;
}

export interface SupervisorSync {
  readonly connection: Connection;
  /** The workspace's store, with review actions going back to the units. */
  readonly store: ReviewStore;
  state(): SupervisorSyncState;
  subscribe(listener: () => void): () => void;
  /** One round now (the network came back, or a test). */
  syncNow(): Promise<void>;
  close(): Promise<void>;
}

const ROUND_MS = 3_000;
/** When a unit last synced, in its local database (a _local document: never replicated). */
const LAST_SYNC = '_local/nianbao-last-sync';

async function keepLastSync(local: PouchDatabase, at: number): Promise<void> {
  try {
    const existing = await local.get(LAST_SYNC).catch(() => undefined);
    await local.put({ _id: LAST_SYNC, at, ...(existing ? { _rev: existing._rev } : {}) });
  } catch {
    // Only the "last sync" column's memory across reloads is lost.
  }
}
const PARALLEL = 4;

export async function openSupervisorSync(connection: Connection, inner: ReviewStore, options: { roundMs?: number } = {}): Promise<SupervisorSync> {
  const PouchDB = await loadPouchDB();
  const listeners = new Set<() => void>();
  const storeListeners = new Set<() => void>();
  let current: SupervisorSyncState = { roster: null, rosterError: null, units: new Map(), online: true };
  const set = (next: Partial<SupervisorSyncState>) => {
    current = { ...current, ...next };
    for (const listener of [...listeners]) listener();
  };
  const setUnit = (user: string, patch: Partial<UnitShare>) => {
    const before = current.units.get(user);
    if (!before) return;
    const units = new Map(current.units);
    units.set(user, { ...before, ...patch });
    set({ units });
  };

  const areaLocal = new PouchDB(`nianbao-review-${AREA_DB}-${connection.user}`);
  const areaRemote = new PouchDB(`${connection.url}/${AREA_DB}`, { skip_setup: true });
  const locals = new Map<string, PouchDatabase>();
  const remotes = new Map<string, PouchDatabase>();
  const feeds: ChangesFeed[] = [];
  let closed = false;

  /** Which unit database a workspace version belongs to (by agency, as the roster names it). */
  const unitOfAgency = (agency: string) => current.roster?.find((u) => u.agency === agency.trim());

  const refreshUnit = async (unit: AreaUnit) => {
    const local = locals.get(unit.user)!;
    const all = await local.allDocs({ include_docs: true, conflicts: true });
    const reports = new Map<number, Report>();
    const reviews = new Map<number, Report>();
    // The clerk's working copies: they say 填报中, and nothing else (never received, never summed).
    const working = new Set<number>();
    const unreadable: { id: string; problems: number }[] = [];
    const conflicts: UnitShare['conflicts'][number][] = [];
    for (const row of all.rows) {
      if (!row.doc) continue;
      const read = readShared(row.doc);
      if (!read) continue;
      if (!read.ok) {
        unreadable.push({ id: read.id, problems: read.problems.length });
        continue;
      }
      if (read.kind === 'working') {
        working.add(read.doc.year);
        continue;
      }
      (read.kind === 'report' ? reports : reviews).set(read.doc.year, read.report);
      for (const rev of row.doc._conflicts ?? []) {
        const other = readShared(await local.get(row.doc._id, { rev }));
        if (other?.ok) conflicts.push({ year: read.doc.year, mine: read.report, theirs: other.report });
      }
    }
    const years = new Map<number, UnitProgress>();
    for (const year of new Set([...reports.keys(), ...reviews.keys(), ...working])) years.set(year, unitProgress(reports.get(year), reviews.get(year), working.has(year)));
    setUnit(unit.user, { years, unreadable, conflicts });
  };

  /** A submitted report enters the workspace as a collected file does (duplicates are refused there). */
  const receive = async (doc: PouchDoc) => {
    const read = readShared(doc);
    if (!read?.ok || read.kind !== 'report' || read.report.review.status !== 'submitted') return;
    const received = await inner.receive({ document: read.report, fileName: `${read.doc.agency}-${read.doc.year}（服务器）`, receivedAt: read.doc.at });
    if (received.ok) for (const listener of [...storeListeners]) listener();
  };

  const startUnit = (unit: AreaUnit) => {
    const local = new PouchDB(`nianbao-review-${unit.db}-${connection.user}`);
    locals.set(unit.user, local);
    remotes.set(unit.user, new PouchDB(`${connection.url}/${unit.db}`, { skip_setup: true }));
    const units = new Map(current.units);
    units.set(unit.user, { unit, years: new Map(), conflicts: [], unreadable: [], lastSync: null, error: null });
    set({ units });
    // The last sync of earlier pages: a reloaded workspace does not say "never" of a unit it has.
    void local.get(LAST_SYNC).then(
      (doc) => typeof doc.at === 'number' && current.units.get(unit.user)?.lastSync === null && setUnit(unit.user, { lastSync: doc.at }),
      () => undefined,
    );
    // The local feed costs no connection: every document that arrives (or is here) passes once.
    feeds.push(
      local.changes({ live: true, since: 0, include_docs: true }).on('change', (change) => {
        if (change.doc) void receive(change.doc).then(() => refreshUnit(unit));
      }),
    );
  };

  /**
   * One replication of a unit at a time: two at once wrote two revisions of one document in
   * parallel, and pouchdb-server kept the older (seen in the e2e). A request during a run waits
   * for it and runs once after it.
   */
  const unitRuns = new Map<string, { running: Promise<void>; again?: Promise<void> }>();
  const syncUnit = (unit: AreaUnit): Promise<void> => {
    const run = unitRuns.get(unit.user);
    if (!run) {
      const running = replicateUnit(unit).finally(() => {
        const after = unitRuns.get(unit.user);
        if (after?.running === running) unitRuns.delete(unit.user);
      });
      unitRuns.set(unit.user, { running });
      return running;
    }
    run.again ??= run.running.then(() => {
      unitRuns.delete(unit.user);
      return syncUnit(unit);
    });
    return run.again;
  };

  const replicateUnit = async (unit: AreaUnit) => {
    const local = locals.get(unit.user);
    const remote = remotes.get(unit.user);
    if (!local || !remote || closed) return;
    await new Promise<void>((done) => {
      local
        .sync(remote, {})
        .on('complete', () => {
          const at = Date.now();
          setUnit(unit.user, { lastSync: at, error: null });
          void keepLastSync(local, at);
          done();
        })
        .on('error', (error) => {
          const status = (error as { status?: number }).status;
          setUnit(unit.user, { error: status === 401 || status === 403 ? 'denied' : 'offline' });
          done();
        });
    });
  };

  const loadRoster = async () => {
    await new Promise<void>((done) => {
      areaLocal
        .sync(areaRemote, {})
        .on('complete', () => {
          set({ rosterError: null, online: true });
          done();
        })
        .on('error', (error) => {
          const status = (error as { status?: number }).status;
          set({ rosterError: status === 401 || status === 403 ? 'denied' : 'offline', online: status === 401 || status === 403 });
          done();
        });
    });
    try {
      const doc = (await areaLocal.get('roster')) as PouchDoc & { units?: AreaUnit[] };
      const roster = (doc.units ?? []).filter((u) => typeof u.user === 'string' && typeof u.db === 'string' && typeof u.agency === 'string');
      for (const unit of roster) if (!locals.has(unit.user)) startUnit(unit);
      set({ roster });
    } catch {
      // No roster here yet (first connection offline): rosterError says why.
    }
  };

  let running: Promise<void> | undefined;
  const round = () => {
    running ??= (async () => {
      await loadRoster();
      const queue = [...(current.roster ?? [])];
      const worker = async () => {
        for (let unit = queue.shift(); unit; unit = queue.shift()) await syncUnit(unit);
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      const errors = [...current.units.values()].filter((u) => u.error === 'offline').length;
      set({ online: errors === 0 || errors < current.units.size });
    })().finally(() => (running = undefined));
    return running;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loop = () => {
    if (closed) return;
    void round().finally(() => {
      if (!closed) timer = setTimeout(loop, options.roundMs ?? ROUND_MS);
    });
  };
  loop();
  const onOnline = () => void round();
  globalThis.addEventListener?.('online', onOnline);

  /**
   * The review goes back: the unit's review document for the year, replaced by this one. One
   * write at a time (a comment and a return a moment apart must not race on the same revision).
   */
  let writes: Promise<unknown> = Promise.resolve();
  const sendReview = (document: Report) => {
    const next = writes.then(() => writeReview(document));
    writes = next.catch(() => undefined);
    return next;
  };
  const writeReview = async (document: Report) => {
    const unit = unitOfAgency(document.meta.agency);
    const local = unit && locals.get(unit.user);
    if (!unit || !local) return;
    const made = sharedDoc('review', document, connection.user);
    if (!made.ok) return;
    const existing = await local.get(docId('review', made.doc.year)).catch(() => undefined);
    await local.put({ ...made.doc, ...(existing ? { _rev: existing._rev } : {}) } as PouchDoc);
    await refreshUnit(unit);
    void syncUnit(unit);
  };

  const store: ReviewStore = {
    list: () => inner.list(),
    receive: (input) => inner.receive(input),
    async update(id, document): Promise<Result<ReceivedVersion>> {
      const updated = await inner.update(id, document);
      // Stored in the workspace first; what goes to the unit is what the workspace kept.
      if (updated.ok) await sendReview(updated.value.document).catch(() => undefined);
      return updated;
    },
    removeUnit: (key) => inner.removeUnit(key),
    settings: () => inner.settings(),
    saveSettings: (settings) => inner.saveSettings(settings),
    close: () => inner.close(),
    subscribe(listener: () => void) {
      storeListeners.add(listener);
      return () => storeListeners.delete(listener);
    },
  };

  return {
    connection,
    store,
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    syncNow: () => round(),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      globalThis.removeEventListener?.('online', onOnline);
      for (const feed of feeds) feed.cancel();
      await running?.catch(() => undefined);
      await Promise.all([...locals.values(), areaLocal].map((db) => db.close().catch(() => undefined)));
    },
  };
}

export type { SharedDoc };
