/**
 * The supervisor's side of sharing: the area's roster (nianbao-area/roster, written by
 * `nianbao server setup`) and, per unit the supervisor may read, a local PouchDB replicated with
 * the unit's database. Submitted reports become versions in the review workspace through its
 * own store (the same door as a collected file); the workspace's review actions go back as the
 * unit's review document, pushed at once.
 *
 * How it stays live without a feed per unit. A browser opens at most six HTTP/1.1 connections
 * to one host, and a live replication holds one of them (its long-poll `_changes`): thousands
 * of live feeds cannot work, and even six would starve every other request. So:
 *  - on start, every unit is replicated once (FIRST_PASS_PARALLEL at a time, a pull only
 *    where nothing was ever written locally: a province's first pass is thousands of them);
 *  - a bounded set of units (LIVE_UNITS, most recently active first, the unit open on screen
 *    pinned) keeps a live, retrying PouchDB replication: a submission, a return or a comment
 *    there arrives as soon as the server has it;
 *  - the others are caught up by a cheap periodic pass: one `GET /{db}` per unit (its
 *    update_seq), and a replication only of the units whose database changed (or that have
 *    local writes not yet pushed). A unit that changed becomes live, so a back-and-forth with
 *    it goes without the pass's delay.
 * Held long-polls (LIVE_UNITS) + the pass (CATCH_UP_PARALLEL) stay ≤ 5, leaving a connection
 * for the page's own requests. The server needs nothing but CouchDB's API (no _db_updates,
 * which CouchDB gives to admins only).
 */
import type { Report } from '../report/index.ts';
import { unitKeyOf, type ReceiveInput, type ReceivedVersion, type Result, type ReviewStore } from '../storage/review/index.ts';
import type { Connection } from './connection.ts';
import { docId, lastEventAt, readShared, sharedDoc, unitProgress, type SharedDoc, type UnitProgress } from './docs.ts';
import { loadPouchDB, remoteFetch, type PouchDatabase, type PouchDBConstructor, type PouchDoc, type ChangesFeed, type SyncHandler } from './pouch.ts';
import { AREA_DB } from './session.ts';
import { conflictOf, keepRevision, type ConflictVersion, type DocConflict } from './conflicts.ts';

export type { ConflictVersion, DocConflict };

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
  readonly conflicts: readonly DocConflict[];
  /** A document that did not decode (never used): its id and the number of problems. */
  readonly unreadable: readonly { id: string; problems: number }[];
  readonly lastSync: number | null;
  readonly error: 'offline' | 'denied' | null;
  /** On a live feed now (else caught up by the periodic pass). */
  readonly live: boolean;
}

export interface SupervisorSyncState {
  readonly roster: readonly AreaUnit[] | null;
  readonly rosterError: 'offline' | 'denied' | null;
  readonly units: ReadonlyMap<string, UnitShare>;
  /** The server answered the last request (false: the network or the server is gone). */
  readonly online: boolean;
  /** When the last full pass over the units ended, and how long it took (ms). */
  readonly lastPass: { readonly at: number; readonly ms: number; readonly units: number } | null;
}

export type ResolveResult = { ok: true } | { ok: false; reason: 'gone' | 'notAllowed' | 'storage'; message?: string };

export interface SupervisorSync {
  readonly connection: Connection;
  /** The workspace's store, with review actions going back to the units. */
  readonly store: ReviewStore;
  state(): SupervisorSyncState;
  subscribe(listener: () => void): () => void;
  /** A full pass now (the network came back, the user asked, a test). */
  syncNow(): Promise<void>;
  /** Keeps the unit of this agency on a live feed while its page is open; returns the release. */
  watch(agency: string): () => void;
  /**
   * Keeps one revision of a document in conflict by removing the others (PouchDB tombstones
   * on those leaves, replicated): never a blind overwrite. Only documents this user may write.
   */
  resolveConflict(user: string, id: string, keepRev: string): Promise<ResolveResult>;
  close(): Promise<void>;
}

export interface SupervisorSyncOptions {
  /** Pause between two catch-up passes (ms). */
  readonly passMs?: number;
  /** How many units keep a live feed. */
  readonly liveUnits?: number;
  /** PouchDB to use (tests in Node give one with the memory adapter); the browser's by default. */
  readonly PouchDB?: PouchDBConstructor;
}

const PASS_MS = 4_000;
export const LIVE_UNITS = 3;
export const CATCH_UP_PARALLEL = 2;
/**
 * The first pass, while no unit is live yet: more units at a time (a province's first
 * replication is thousands of short pulls; the connections the live feeds will hold are free).
 * More units than the browser's six connections: about half of a unit's replication is local
 * work (its IndexedDB database: checkpoint, revs_diff, the write), during which its requests
 * leave the connection to another unit's; requests beyond six wait in the browser's queue.
 */
export const FIRST_PASS_PARALLEL = 12;
/** Listeners hear of state changes at most this often: a first pass changes thousands of units. */
const NOTIFY_MS = 100;
/** The workspace hears of arrived versions at most this often (each batch rebuilds its units). */
const STORE_NOTIFY_MS = 200;
const BACK_OFF_MAX_MS = 5_000;

const statusOf = (error: unknown) => (error as { status?: number } | null)?.status;
const isDenied = (error: unknown) => statusOf(error) === 401 || statusOf(error) === 403;

export async function openSupervisorSync(connection: Connection, inner: ReviewStore, options: SupervisorSyncOptions = {}): Promise<SupervisorSync> {
  const PouchDB = options.PouchDB ?? (await loadPouchDB());
  const liveMax = options.liveUnits ?? LIVE_UNITS;
  const listeners = new Set<() => void>();
  const storeListeners = new Set<(changed: readonly ReceivedVersion[]) => void>();
  let current: SupervisorSyncState = { roster: null, rosterError: null, units: new Map(), online: true, lastPass: null };
  /**
   * The units as they are now, changed in place: a first pass changes thousands of units several
   * times each, and a copy of the whole map per change made it quadratic. state() hands out a
   * copy, made at most once per change of it (once per render, not once per unit).
   */
  const units = new Map<string, UnitShare>();
  let unitsChanged = false;
  const snapshot = (): SupervisorSyncState => {
    if (unitsChanged) {
      unitsChanged = false;
      current = { ...current, units: new Map(units) };
    }
    return current;
  };
  // state() is always current; the page re-renders at most every NOTIFY_MS, not once per unit.
  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  const notifySoon = () => {
    notifyTimer ??= setTimeout(() => {
      notifyTimer = undefined;
      for (const listener of [...listeners]) listener();
    }, NOTIFY_MS);
  };
  const set = (next: Partial<SupervisorSyncState>) => {
    current = { ...current, ...next };
    notifySoon();
  };
  const setUnit = (user: string, patch: Partial<UnitShare>) => {
    const before = units.get(user);
    if (!before) return;
    units.set(user, { ...before, ...patch });
    unitsChanged = true;
    notifySoon();
  };
  /** What a request's outcome says of the network: any answer means online. */
  const heard = (error?: unknown) => {
    const online = error === undefined || statusOf(error) !== undefined;
    if (online !== current.online) set({ online });
  };

  const areaLocal = new PouchDB(`nianbao-review-${AREA_DB}-${connection.user}`);
  // One fetch for every remote database: lighter requests, the server's root asked once.
  const fetchRemote = remoteFetch(connection.url);
  const areaRemote = new PouchDB(`${connection.url}/${AREA_DB}`, { skip_setup: true, fetch: fetchRemote });
  const locals = new Map<string, PouchDatabase>();
  const remotes = new Map<string, PouchDatabase>();
  const feeds: ChangesFeed[] = [];
  /** The remote update_seq each unit had when last replicated, to skip unchanged units. */
  const seenSeq = new Map<string, string>();
  /** When each unit last synced (ms), kept across reloads with seenSeq. */
  const syncedAt = new Map<string, number>();
  /** Units with local writes (review documents, resolutions) not yet confirmed pushed. */
  const dirty = new Set<string>();
  /** Units whose local database has had a full (push and pull) sync or a local write in this session. */
  const pushedOrWritten = new Set<string>();
  let closed = false;

  /** Which unit database a workspace version belongs to (by agency, as the roster names it). */
  const unitOfAgency = (agency: string) => rosterByAgency.get(agency.trim());
  let rosterByAgency = new Map<string, AreaUnit>();

  const refreshUnit = async (unit: AreaUnit) => {
    const local = locals.get(unit.user);
    if (!local || closed) return;
    const all = await local.allDocs({ include_docs: true, conflicts: true }).catch(() => undefined);
    if (!all) return;
    const reports = new Map<number, Report>();
    const reviews = new Map<number, Report>();
    // The clerk's working copies: they say 填报中, and nothing else (never received, never summed).
    const working = new Set<number>();
    const unreadable: { id: string; problems: number }[] = [];
    const conflicts: DocConflict[] = [];
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
      const conflict = await conflictOf(local, row.doc);
      if (conflict) conflicts.push(conflict);
    }
    const years = new Map<number, UnitProgress>();
    for (const year of new Set([...reports.keys(), ...reviews.keys(), ...working])) years.set(year, unitProgress(reports.get(year), reviews.get(year), working.has(year)));
    setUnit(unit.user, { years, unreadable, conflicts });
  };

  /**
   * The workspace's latest version per unit (unitKey), read once and kept as versions come and
   * go through this store: a review document arriving must not list the whole store each time.
   */
  let latestVersions: Promise<Map<string, ReceivedVersion>> | undefined;
  const latestIndex = () =>
    (latestVersions ??= inner.list().then((listed) => {
      const index = new Map<string, ReceivedVersion>();
      if (listed.ok) for (const v of listed.value.versions) index.set(v.unitKey, v);
      return index;
    }));
  const noteVersion = async (version: ReceivedVersion) => {
    const index = await latestIndex();
    const before = index.get(version.unitKey);
    if (!before || before.id === version.id || version.receivedAt >= before.receivedAt) index.set(version.unitKey, version);
  };
  /**
   * The workspace hears of what arrived a batch at a time (one state update and one rebuild of
   * its units per batch, not per unit: a first pass brings thousands).
   */
  let storeChanges = new Map<string, ReceivedVersion>();
  let storeTimer: ReturnType<typeof setTimeout> | undefined;
  const notifyStore = (version: ReceivedVersion) => {
    storeChanges.set(version.id, version);
    storeTimer ??= setTimeout(() => {
      storeTimer = undefined;
      const changed = [...storeChanges.values()];
      storeChanges = new Map();
      for (const listener of [...storeListeners]) listener(changed);
    }, STORE_NOTIFY_MS);
  };

  /**
   * What arrives enters the workspace. A submitted report: as a collected file does (duplicates
   * are refused there). A review document newer than the workspace's version of the unit (written
   * on another computer of the 政务公开办): the workspace's version takes it, so that two
   * computers show the same review.
   */
  /**
   * Documents waiting to enter the workspace, in the order they arrived, taken a batch at a
   * time: the submitted reports of a batch in one write of the workspace's store (a first pass
   * brings thousands, and one transaction each, one after the other, held them in a queue).
   */
  let waiting: { doc: PouchDoc; done: () => void }[] = [];
  let entering: Promise<void> | undefined;
  const receive = (doc: PouchDoc) =>
    new Promise<void>((done) => {
      waiting.push({ doc, done });
      enterSoon();
    });
  const enterSoon = () => {
    entering ??= (async () => {
      while (waiting.length > 0) {
        const batch = waiting;
        waiting = [];
        await arrive(batch.map((w) => w.doc)).catch(() => undefined);
        for (const w of batch) w.done();
      }
    })().finally(() => {
      entering = undefined;
      if (waiting.length > 0) enterSoon();
    });
  };
  const arrive = async (docs: readonly PouchDoc[]) => {
    let reports: ReceiveInput[] = [];
    const receiveReports = async () => {
      if (reports.length === 0) return;
      const results = await inner.receiveMany(reports);
      reports = [];
      for (const received of results) {
        if (!received.ok) continue;
        await noteVersion(received.value);
        notifyStore(received.value);
      }
    };
    for (const doc of docs) {
      const read = readShared(doc);
      if (!read?.ok || closed) continue;
      if (read.kind === 'report') {
        if (read.report.review.status === 'submitted') reports.push({ document: read.report, fileName: `${read.doc.agency}-${read.doc.year}（服务器）`, receivedAt: read.doc.at });
        continue;
      }
      // A working copy is the unit's alone: never received, never a review.
      if (read.kind !== 'review') continue;
      // A review applies to what came before it.
      await receiveReports();
      const latest = (await latestIndex()).get(unitKeyOf(read.report));
      if (!latest || lastEventAt(read.report) <= lastEventAt(latest.document)) continue;
      const updated = await inner.update(latest.id, read.report);
      if (updated.ok) {
        await noteVersion(updated.value);
        notifyStore(updated.value);
      }
    }
    await receiveReports();
  };

  const startUnit = (unit: AreaUnit) => {
    const local = new PouchDB(`nianbao-review-${unit.db}-${connection.user}`);
    locals.set(unit.user, local);
    remotes.set(unit.user, new PouchDB(`${connection.url}/${unit.db}`, { skip_setup: true, fetch: fetchRemote }));
    // The last sync of earlier pages: a reloaded workspace does not say "never" of a unit it has.
    units.set(unit.user, { unit, years: new Map(), conflicts: [], unreadable: [], lastSync: syncedAt.get(unit.user) ?? null, error: null, live: false });
    unitsChanged = true;
    notifySoon();
    // The local feed costs no connection: every document that arrives (or is here) passes once.
    feeds.push(
      local.changes({ live: true, since: 0, include_docs: true }).on('change', (change) => {
        if (change.doc) void receive(change.doc).then(() => refreshUnit(unit));
      }),
    );
  };

  // ------------------------------------------------------------------------------------------
  // Live feeds: a bounded set, most recently active first, watched units pinned.
  // ------------------------------------------------------------------------------------------
  interface LiveFeed {
    cancelled: boolean;
    handler?: SyncHandler;
    cancel(): void;
  }
  const live = new Map<string, LiveFeed>();
  /** Most recent first. */
  let recent: string[] = [];
  const watched = new Map<string, number>();

  const startLive = (unit: AreaUnit) => {
    const local = locals.get(unit.user);
    const remote = remotes.get(unit.user);
    if (!local || !remote || closed) return;
    const feed: LiveFeed = {
      cancelled: false,
      cancel() {
        this.cancelled = true;
        this.handler?.cancel();
      },
    };
    live.set(unit.user, feed);
    setUnit(unit.user, { live: true });
    // Never beside a one-shot replication of the same unit (see syncUnit): after it.
    const run = unitRuns.get(unit.user);
    void Promise.resolve(run?.again ?? run?.running).then(() => {
      if (feed.cancelled || closed) return;
      feed.handler = local.sync(remote, { live: true, retry: true, back_off_function: (delay) => Math.min(BACK_OFF_MAX_MS, Math.max(500, delay * 2)) });
      feed.handler
        .on('paused', (error) => {
          if (closed || feed.cancelled) return;
          heard(error);
          if (error) setUnit(unit.user, { error: 'offline' });
          else {
            dirty.delete(unit.user);
            const at = Date.now();
            setUnit(unit.user, { lastSync: at, error: null });
            syncedAt.set(unit.user, at);
          }
        })
        .on('active', () => heard())
        .on('denied', () => setUnit(unit.user, { error: 'denied' }))
        .on('error', (error) => {
          heard(error);
          setUnit(unit.user, { error: isDenied(error) ? 'denied' : 'offline' });
        });
    });
  };
  const stopLive = (user: string) => {
    live.get(user)?.cancel();
    live.delete(user);
    // What it last saw is unknown now: the next pass replicates it once.
    seenSeq.delete(user);
    setUnit(user, { live: false });
  };
  /** Makes the live set the watched units, then the most recently active, up to the bound. */
  const arrangeLive = () => {
    if (closed) return;
    const want = [...new Set([...watched.keys(), ...recent])].slice(0, liveMax);
    for (const user of [...live.keys()]) if (!want.includes(user)) stopLive(user);
    for (const user of want) {
      const unit = units.get(user)?.unit;
      if (unit && !live.has(user)) startLive(unit);
    }
  };
  const touch = (user: string) => {
    recent = [user, ...recent.filter((u) => u !== user)].slice(0, liveMax);
    arrangeLive();
  };

  // ------------------------------------------------------------------------------------------
  // One-shot replication (the start, the catch-up pass, a push after a write).
  // ------------------------------------------------------------------------------------------
  /**
   * One replication of a unit at a time: two at once wrote two revisions of one document in
   * parallel, and pouchdb-server kept the older (seen in the e2e). A request during a run waits
   * for it and runs once after it.
   */
  const unitRuns = new Map<string, { running: Promise<boolean>; again?: Promise<boolean> }>();
  const syncUnit = (unit: AreaUnit): Promise<boolean> => {
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

  const replicateUnit = async (unit: AreaUnit): Promise<boolean> => {
    const local = locals.get(unit.user);
    const remote = remotes.get(unit.user);
    if (!local || !remote || closed) return false;
    // Nothing was ever written here (a first replication in this browser) and nothing since:
    // a pull is all there is to do, with its checkpoint kept here only. A push (and a
    // checkpoint on the server, each its own requests) costs the server as much again per unit.
    const pullOnly = !dirty.has(unit.user) && !pushedOrWritten.has(unit.user) && (await local.info()).doc_count === 0;
    if (!pullOnly) pushedOrWritten.add(unit.user);
    return new Promise<boolean>((done) => {
      (pullOnly ? local.replicate.from(remote, { checkpoint: 'target' }) : local.sync(remote, {}))
        .on('complete', () => {
          heard();
          dirty.delete(unit.user);
          const at = Date.now();
          setUnit(unit.user, { lastSync: at, error: null });
          syncedAt.set(unit.user, at);
          done(true);
        })
        .on('error', (error) => {
          heard(error);
          setUnit(unit.user, { error: isDenied(error) ? 'denied' : 'offline' });
          done(false);
        });
    });
  };

  /** A unit not on a live feed: replicated when its database changed or it has unpushed writes. */
  const catchUp = async (unit: AreaUnit) => {
    if (live.has(unit.user) || closed) return;
    const remote = remotes.get(unit.user);
    if (!remote) return;
    let seq: string;
    let docCount: number;
    try {
      const info = await remote.info();
      seq = String(info.update_seq);
      docCount = info.doc_count;
      heard();
    } catch (error) {
      heard(error);
      setUnit(unit.user, { error: isDenied(error) ? 'denied' : 'offline' });
      return;
    }
    const before = seenSeq.get(unit.user);
    if (before === seq && !dirty.has(unit.user)) return;
    // First sight of a unit that has written nothing (no report:, review: or working: document —
    // most units early in the year): one more small request instead of a replication (a
    // checkpoint, changes, revs_diff… each way).
    // (Setup writes one document there, its design document: a database with more has more.)
    if (before === undefined && !dirty.has(unit.user) && docCount <= 1) {
      const written = await remote.allDocs({ startkey: 'report:', endkey: 'working:\uffff', limit: 1 }).catch(() => undefined);
      if (written && written.rows.length === 0) {
        seenSeq.set(unit.user, seq);
        syncedAt.set(unit.user, Date.now());
        setUnit(unit.user, { lastSync: syncedAt.get(unit.user)!, error: null });
        return;
      }
    }
    if (await syncUnit(unit)) {
      // The seq after our own push is new too; the next pass replicates once more, finds nothing.
      seenSeq.set(unit.user, seq);
      // Activity after the first sight: this unit is being worked on, keep it live for a while.
      if (before !== undefined) touch(unit.user);
    }
  };

  const loadRoster = async () => {
    await new Promise<void>((done) => {
      areaLocal
        .sync(areaRemote, {})
        .on('complete', () => {
          heard();
          set({ rosterError: null });
          done();
        })
        .on('error', (error) => {
          heard(error);
          set({ rosterError: isDenied(error) ? 'denied' : 'offline' });
          done();
        });
    });
    try {
      const doc = (await areaLocal.get('roster')) as PouchDoc & { units?: AreaUnit[] };
      const roster = (doc.units ?? []).filter((u) => typeof u.user === 'string' && typeof u.db === 'string' && typeof u.agency === 'string');
      for (const unit of roster) if (!locals.has(unit.user)) startUnit(unit);
      // The first unit of a name, as a search of the roster would find it.
      rosterByAgency = new Map();
      for (const u of roster) if (!rosterByAgency.has(u.agency.trim())) rosterByAgency.set(u.agency.trim(), u);
      set({ roster });
      arrangeLive();
    } catch {
      // No roster here yet (first connection offline): rosterError says why.
    }
  };

  /**
   * The update_seq each unit had when this browser last replicated it, and when, kept with the
   * local databases (one _local document in the area's: never replicated), so that a reload
   * checks instead of replicating every unit again, and says when each unit last synced
   * (one document for all: one each was two more writes per unit in a first pass).
   */
  const SEEN_ID = '_local/nianbao-seen';
  const restoreSeen = areaLocal
    .get(SEEN_ID)
    .then((doc) => {
      const seen = doc as PouchDoc & { seqs?: Record<string, unknown>; syncs?: Record<string, unknown> };
      for (const [user, seq] of Object.entries(seen.seqs ?? {})) if (typeof seq === 'string') seenSeq.set(user, seq);
      for (const [user, at] of Object.entries(seen.syncs ?? {})) if (typeof at === 'number' && Number.isFinite(at)) syncedAt.set(user, at);
    })
    .catch(() => undefined);
  const keepSeen = async () => {
    const existing = await areaLocal.get(SEEN_ID).catch(() => undefined);
    await areaLocal.put({ _id: SEEN_ID, ...(existing ? { _rev: existing._rev } : {}), seqs: Object.fromEntries(seenSeq), syncs: Object.fromEntries(syncedAt) }).catch(() => undefined);
  };

  let running: Promise<void> | undefined;
  const pass = () => {
    running ??= (async () => {
      const started = Date.now();
      await restoreSeen;
      await loadRoster();
      const queue = [...(current.roster ?? [])];
      const worker = async () => {
        for (let unit = queue.shift(); unit && !closed; unit = queue.shift()) await catchUp(unit);
      };
      const firstPass = (current.roster ?? []).some((u) => !seenSeq.has(u.user));
      const width = firstPass ? Math.max(CATCH_UP_PARALLEL, FIRST_PASS_PARALLEL - live.size) : CATCH_UP_PARALLEL;
      await Promise.all(Array.from({ length: width }, worker));
      if (!closed) await keepSeen();
      if (!closed) set({ lastPass: { at: Date.now(), ms: Date.now() - started, units: current.roster?.length ?? 0 } });
    })().finally(() => (running = undefined));
    return running;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loop = () => {
    if (closed) return;
    void pass().finally(() => {
      if (!closed) timer = setTimeout(loop, options.passMs ?? PASS_MS);
    });
  };
  loop();
  // The network came back: a pass now (live feeds retry by themselves); gone: said at once.
  const onOnline = () => {
    if (timer) clearTimeout(timer);
    loop();
  };
  const onOffline = () => set({ online: false });
  globalThis.addEventListener?.('online', onOnline);
  globalThis.addEventListener?.('offline', onOffline);

  /** After a local write: pushed now (a live feed pushes by itself), or by a later pass. */
  const pushSoon = (unit: AreaUnit) => {
    dirty.add(unit.user);
    pushedOrWritten.add(unit.user);
    touch(unit.user);
    if (!live.has(unit.user)) void syncUnit(unit);
  };

  /**
   * The review goes back: the unit's review document for the year, replaced by this one. One
   * write at a time (a comment and a return a moment apart must not race on the same revision).
   */
  let writes: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writes.then(work);
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
    pushSoon(unit);
  };

  const resolveConflict = (user: string, id: string, keepRev: string) =>
    serial(async (): Promise<ResolveResult> => {
      const unit = units.get(user)?.unit;
      const local = locals.get(user);
      if (!unit || !local) return { ok: false, reason: 'gone' };
      // The server refuses a unit's report documents from the supervisor (validate_doc_update).
      if (!id.startsWith('review:')) return { ok: false, reason: 'notAllowed' };
      const settled = await keepRevision(local, id, keepRev);
      if (!settled.ok) return settled;
      const kept = settled.kept;
      // The workspace's version of the unit now shows the kept review.
      const latest = kept && (await latestIndex()).get(unitKeyOf(kept.report));
      if (kept && latest) {
        const updated = await inner.update(latest.id, kept.report);
        if (updated.ok) {
          await noteVersion(updated.value);
          notifyStore(updated.value);
        }
      }
      await refreshUnit(unit);
      pushSoon(unit);
      return { ok: true };
    });

  const store: ReviewStore = {
    list: () => inner.list(),
    async receive(input) {
      const received = await inner.receive(input);
      if (received.ok) await noteVersion(received.value);
      return received;
    },
    async receiveMany(inputs) {
      const received = await inner.receiveMany(inputs);
      for (const r of received) if (r.ok) await noteVersion(r.value);
      return received;
    },
    async update(id, document): Promise<Result<ReceivedVersion>> {
      const updated = await inner.update(id, document);
      if (updated.ok) await noteVersion(updated.value);
      // Stored in the workspace first; what goes to the unit is what the workspace kept.
      if (updated.ok) await serial(() => writeReview(updated.value.document)).catch(() => undefined);
      return updated;
    },
    async removeUnit(key) {
      const removed = await inner.removeUnit(key);
      latestVersions = undefined;
      return removed;
    },
    settings: () => inner.settings(),
    saveSettings: (settings) => inner.saveSettings(settings),
    close: () => inner.close(),
    subscribe(listener: (changed: readonly ReceivedVersion[]) => void) {
      storeListeners.add(listener);
      return () => storeListeners.delete(listener);
    },
  };

  return {
    connection,
    store,
    state: snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    syncNow: () => pass(),
    watch(agency) {
      const unit = unitOfAgency(agency);
      if (!unit) return () => {};
      watched.set(unit.user, (watched.get(unit.user) ?? 0) + 1);
      arrangeLive();
      return () => {
        const n = (watched.get(unit.user) ?? 1) - 1;
        if (n > 0) watched.set(unit.user, n);
        else watched.delete(unit.user);
        arrangeLive();
      };
    },
    resolveConflict,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (notifyTimer) clearTimeout(notifyTimer);
      if (storeTimer) clearTimeout(storeTimer);
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('offline', onOffline);
      for (const feed of feeds) feed.cancel();
      for (const feed of live.values()) feed.cancel();
      await running?.catch(() => undefined);
      await Promise.all([...unitRuns.values()].map((r) => r.running.catch(() => undefined)));
      await Promise.all([...locals.values(), areaLocal].map((db) => db.close().catch(() => undefined)));
    },
  };
}

export type { SharedDoc };
