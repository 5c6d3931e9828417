/**
 * The supervisor's side of sharing: one feed for the whole area.
 *
 * The server replicates every unit's database into the area's database (`nianbao-area`: the
 * roster, and a copy of each unit's report:, working: and review: documents, with their
 * revisions and conflicts; src/server/area.ts on the embedded server, `_replicator` documents on
 * Apache CouchDB). The supervisor's browser replicates that one database, live, into one local
 * database: a province's 5,000 units are one replication and one held connection, not 5,000
 * (a first pass of one replication per unit took 166 s for 5,000, mostly the server's work per
 * database; docs/architecture.md).
 *
 * What arrives passes once through a local changes feed:
 *  - the roster (written by `nianbao server setup`) lists the units;
 *  - each document says where its unit stands (the units table) — kept as a few fields per unit
 *    and year, never the reports themselves (thousands);
 *  - a submitted report enters the review workspace through its own store (the same door as a
 *    collected file); a review written on another computer of the 政务公开办 updates it there.
 *
 * The supervisor writes only review documents, and into the unit's own database (the unit
 * reads nothing else; the area is written by the server alone). A review is written here first
 * (nothing lost offline), noted in an outbox kept here, and pushed to the unit's database by a
 * replication of that one document (its revisions and any tombstones of a settled conflict);
 * it comes back through the area's feed with the revision it has.
 */
import type { Report } from '../report/index.ts';
import { unitKeyOf, type ReceiveInput, type ReceivedVersion, type Result, type ReviewStore } from '../storage/review/index.ts';
import type { Connection } from './connection.ts';
import { lastEventAt, parseDocId, readShared, reviewedOf, sharedDoc, unitProgress, type Reviewed, type SharedDoc, type UnitProgress } from './docs.ts';
import { loadPouchDB, remoteFetch, type PouchDatabase, type PouchDBConstructor, type PouchDoc, type ChangesFeed, type SyncHandler } from './pouch.ts';
import { AREA_DB, ROSTER_DOC } from './session.ts';
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
  /** When the unit last wrote something that arrived here (ms), null when nothing yet. */
  readonly lastChange: number | null;
  /** Reviews written here for this unit and not yet in its database. */
  readonly unsent: number;
  /** Why the last push of a review to this unit failed, null when it did not. */
  readonly error: 'offline' | 'denied' | null;
}

export interface SupervisorSyncState {
  readonly roster: readonly AreaUnit[] | null;
  /** Why the area's feed stopped or fails (null while it runs). */
  readonly areaError: 'offline' | 'denied' | null;
  readonly units: ReadonlyMap<string, UnitShare>;
  /** The server answered the last request (false: the network or the server is gone). */
  readonly online: boolean;
  /**
   * The area's feed: when it last had everything the server has, and its first catch-up in this
   * page (how long, how many documents arrived).
   */
  readonly feed: { readonly caughtUpAt: number | null; readonly firstPass: { readonly ms: number; readonly docs: number } | null };
}

export type ResolveResult = { ok: true } | { ok: false; reason: 'gone' | 'notAllowed' | 'storage'; message?: string };

export interface SupervisorSync {
  readonly connection: Connection;
  /** The workspace's store, with review actions going back to the units. */
  readonly store: ReviewStore;
  state(): SupervisorSyncState;
  subscribe(listener: () => void): () => void;
  /** Reviews not yet sent are pushed, and the feed is asked again; resolves when caught up. */
  syncNow(): Promise<void>;
  /**
   * Keeps one revision of a document in conflict by removing the others (PouchDB tombstones
   * on those leaves, replicated): never a blind overwrite. Only documents this user may write.
   */
  resolveConflict(user: string, id: string, keepRev: string): Promise<ResolveResult>;
  close(): Promise<void>;
}

export interface SupervisorSyncOptions {
  /** PouchDB to use (tests in Node give one with the memory adapter); the browser's by default. */
  readonly PouchDB?: PouchDBConstructor;
  /** How long syncNow waits for the feed to catch up (ms). */
  readonly catchUpMs?: number;
}

/** Listeners hear of state changes at most this often: a first pass changes thousands of units. */
const NOTIFY_MS = 100;
/** The workspace hears of arrived versions at most this often (each batch rebuilds its units). */
const STORE_NOTIFY_MS = 200;
const BACK_OFF_MAX_MS = 5_000;
/**
 * Documents per request of the area's feed. A report is ~15 kB of JSON: 200 a batch is a few MB
 * per request, and 25 requests for 5,000 units instead of 50 (each costs the server a changes
 * read and the browser a transaction).
 */
const FEED_BATCH = 200;
const CATCH_UP_MS = 30_000;
/** Unsent reviews are tried again this often while there are any. */
const RETRY_MS = 5_000;
const OUTBOX_ID = '_local/nianbao-outbox';

const statusOf = (error: unknown) => (error as { status?: number } | null)?.status;
const isDenied = (error: unknown) => statusOf(error) === 401 || statusOf(error) === 403;

/** What the area's documents say of one unit (they may arrive before the roster lists it). */
interface UnitDocs {
  readonly years: Map<number, { report?: Reviewed; review?: Reviewed; working?: true }>;
  readonly conflicts: Map<string, DocConflict>;
  readonly unreadable: Map<string, number>;
  lastChange: number | null;
}
const noDocs = (): UnitDocs => ({ years: new Map(), conflicts: new Map(), unreadable: new Map(), lastChange: null });

export async function openSupervisorSync(connection: Connection, inner: ReviewStore, options: SupervisorSyncOptions = {}): Promise<SupervisorSync> {
  const PouchDB = options.PouchDB ?? (await loadPouchDB());
  const listeners = new Set<() => void>();
  const storeListeners = new Set<(changed: readonly ReceivedVersion[]) => void>();
  let current: SupervisorSyncState = { roster: null, areaError: null, units: new Map(), online: true, feed: { caughtUpAt: null, firstPass: null } };
  /**
   * The units as they are now, changed in place: a first pass changes thousands of units, and a
   * copy of the whole map per change made it quadratic. state() hands out a copy, made at most
   * once per change of it (once per render, not once per unit).
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
  /** What a request's outcome says of the network: any answer means online. */
  const heard = (error?: unknown) => {
    const online = error === undefined || statusOf(error) !== undefined;
    if (online !== current.online) set({ online });
  };
  let closed = false;

  const areaLocal = new PouchDB(`nianbao-review-${AREA_DB}-${connection.user}`);
  const fetchRemote = remoteFetch(connection.url);
  const areaRemote = new PouchDB(`${connection.url}/${AREA_DB}`, { skip_setup: true, fetch: fetchRemote });
  const unitRemotes = new Map<string, PouchDatabase>();
  const unitRemote = (unit: AreaUnit) => {
    let remote = unitRemotes.get(unit.user);
    if (!remote) unitRemotes.set(unit.user, (remote = new PouchDB(`${connection.url}/${unit.db}`, { skip_setup: true, fetch: fetchRemote })));
    return remote;
  };

  // ------------------------------------------------------------------------------------------
  // The roster and each unit's standing.
  // ------------------------------------------------------------------------------------------
  const docsOf = new Map<string, UnitDocs>();
  /** The outbox: per document id, the local sequence to push from, and a write count. */
  const outbox = new Map<string, { since: number; writes: number }>();
  const pushErrors = new Map<string, 'offline' | 'denied'>();
  let rosterByUser = new Map<string, AreaUnit>();
  let rosterByAgency = new Map<string, AreaUnit>();
  /** Which unit database a workspace version belongs to (by agency, as the roster names it). */
  const unitOfAgency = (agency: string) => rosterByAgency.get(agency.trim());

  const shareOf = (unit: AreaUnit): UnitShare => {
    const docs = docsOf.get(unit.user) ?? noDocs();
    const years = new Map<number, UnitProgress>();
    for (const [year, of] of docs.years) if (of.report || of.review || of.working) years.set(year, unitProgress(of.report, of.review, of.working === true));
    let unsent = 0;
    for (const id of outbox.keys()) if (parseDocId(id)?.unit === unit.user) unsent++;
    return { unit, years, conflicts: [...docs.conflicts.values()], unreadable: [...docs.unreadable].map(([id, problems]) => ({ id, problems })), lastChange: docs.lastChange, unsent, error: pushErrors.get(unit.user) ?? null };
  };
  const showUnit = (user: string) => {
    const unit = rosterByUser.get(user);
    if (!unit) return;
    units.set(user, shareOf(unit));
    unitsChanged = true;
    notifySoon();
  };

  const applyRoster = (doc: PouchDoc) => {
    const listed = Array.isArray(doc.units) ? (doc.units as unknown[]) : [];
    const roster = listed.filter((u): u is AreaUnit => {
      const unit = u as Partial<AreaUnit> | null;
      return typeof unit?.user === 'string' && typeof unit.db === 'string' && typeof unit.agency === 'string';
    });
    rosterByUser = new Map(roster.map((u) => [u.user, u]));
    // The first unit of a name, as a search of the roster would find it.
    rosterByAgency = new Map();
    for (const u of roster) if (!rosterByAgency.has(u.agency.trim())) rosterByAgency.set(u.agency.trim(), u);
    for (const user of [...units.keys()]) if (!rosterByUser.has(user)) units.delete(user);
    for (const unit of roster) units.set(unit.user, shareOf(unit));
    unitsChanged = true;
    set({ roster });
  };

  /** One document of the area, as the local feed passes it: its unit's standing, then the workspace. */
  const noteDoc = async (doc: PouchDoc) => {
    if (doc._id === ROSTER_DOC) return void (doc._deleted ? undefined : applyRoster(doc));
    const named = parseDocId(doc._id);
    if (!named) return;
    let docs = docsOf.get(named.unit);
    if (!docs) docsOf.set(named.unit, (docs = noDocs()));
    const year = docs.years.get(named.year) ?? {};
    docs.years.set(named.year, year);
    docs.unreadable.delete(doc._id);
    docs.conflicts.delete(doc._id);
    delete year[named.kind];
    const read = readShared(doc);
    if (read && !read.ok) docs.unreadable.set(doc._id, read.problems.length);
    if (read?.ok) {
      if (read.kind === 'working') year.working = true;
      else year[read.kind] = reviewedOf(read.report);
      if (typeof read.doc.at === 'number') docs.lastChange = Math.max(docs.lastChange ?? 0, read.doc.at);
      const conflict = doc._conflicts?.length ? await conflictOf(areaLocal, doc) : undefined;
      if (conflict) docs.conflicts.set(doc._id, conflict);
      if (read.kind !== 'working') void receive(read.report, read.doc, read.kind);
    }
    showUnit(named.unit);
  };

  // ------------------------------------------------------------------------------------------
  // Into the workspace.
  // ------------------------------------------------------------------------------------------
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
   * Documents waiting to enter the workspace, in the order they arrived, taken a batch at a
   * time: the submitted reports of a batch in one write of the workspace's store. A submitted
   * report enters as a collected file does (duplicates are refused there). A review newer than
   * the workspace's version of its unit (written on another computer of the 政务公开办) becomes
   * that version, so that two computers show the same review.
   */
  interface Arrival {
    readonly report: Report;
    readonly doc: SharedDoc;
    readonly kind: 'report' | 'review';
  }
  let waiting: Arrival[] = [];
  let entering: Promise<void> | undefined;
  const receive = (report: Report, doc: SharedDoc, kind: 'report' | 'review') => {
    waiting.push({ report, doc, kind });
    entering ??= (async () => {
      while (waiting.length > 0 && !closed) {
        const batch = waiting;
        waiting = [];
        await arrive(batch).catch(() => undefined);
      }
      // In the same turn as the loop's last look: what arrives next starts a new run.
      entering = undefined;
    })();
    return entering;
  };
  const arrive = async (batch: readonly Arrival[]) => {
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
    for (const { report, doc, kind } of batch) {
      if (closed) return;
      if (kind === 'report') {
        if (report.review.status === 'submitted') reports.push({ document: report, fileName: `${doc.agency}-${doc.year}（服务器）`, receivedAt: doc.at });
        continue;
      }
      // A review applies to what came before it.
      await receiveReports();
      const latest = (await latestIndex()).get(unitKeyOf(report));
      if (!latest || lastEventAt(report) <= lastEventAt(latest.document)) continue;
      const updated = await inner.update(latest.id, report);
      if (updated.ok) {
        await noteVersion(updated.value);
        notifyStore(updated.value);
      }
    }
    await receiveReports();
  };

  // ------------------------------------------------------------------------------------------
  // The area's feed: one live replication, and one local changes feed over what it brings.
  // ------------------------------------------------------------------------------------------
  let noting: Promise<void> = Promise.resolve();
  const local: ChangesFeed = areaLocal.changes({ live: true, since: 0, include_docs: true, conflicts: true, return_docs: false }).on('change', (change) => {
    const doc = change.doc;
    // In order: a conflict read and a review's arrival must follow the document before them.
    if (doc) noting = noting.then(() => noteDoc(doc)).catch(() => undefined);
  });

  const startedAt = Date.now();
  let arrivedDocs = 0;
  let waitingForCatchUp: (() => void)[] = [];
  const caughtUp = () => {
    const at = Date.now();
    const firstPass = current.feed.firstPass ?? { ms: at - startedAt, docs: arrivedDocs };
    set({ feed: { caughtUpAt: at, firstPass }, areaError: null });
    for (const done of waitingForCatchUp) done();
    waitingForCatchUp = [];
  };
  let feed: SyncHandler | undefined;
  const startFeed = () => {
    feed?.cancel();
    if (closed) return;
    const handler = areaLocal.replicate.from(areaRemote, {
      live: true,
      retry: true,
      batch_size: FEED_BATCH,
      back_off_function: (delay) => Math.min(BACK_OFF_MAX_MS, Math.max(500, delay * 2)),
    });
    feed = handler;
    handler
      .on('change', (info) => {
        arrivedDocs += info.docs_written ?? 0;
        heard();
      })
      // 'paused' without an error: everything the server has is here.
      .on('paused', (error) => {
        if (closed || feed !== handler) return;
        heard(error);
        if (error) set({ areaError: isDenied(error) ? 'denied' : 'offline' });
        else caughtUp();
      })
      .on('active', () => heard())
      .on('error', (error) => {
        if (closed || feed !== handler) return;
        heard(error);
        set({ areaError: isDenied(error) ? 'denied' : 'offline' });
      });
  };

  // ------------------------------------------------------------------------------------------
  // Reviews out: written here, pushed to the unit's database.
  // ------------------------------------------------------------------------------------------
  const restoreOutbox = areaLocal
    .get(OUTBOX_ID)
    .then((doc) => {
      const kept = (doc as PouchDoc & { pending?: Record<string, unknown> }).pending ?? {};
      for (const [id, since] of Object.entries(kept)) if (typeof since === 'number' && parseDocId(id)) outbox.set(id, { since, writes: 0 });
    })
    .catch(() => undefined);
  /** The outbox is kept with the local database (a _local document: never replicated). */
  let keeping: Promise<unknown> = Promise.resolve();
  const keepOutbox = () =>
    (keeping = keeping.then(async () => {
      const existing = await areaLocal.get(OUTBOX_ID).catch(() => undefined);
      const pending = Object.fromEntries([...outbox].map(([id, { since }]) => [id, since]));
      await areaLocal.put({ _id: OUTBOX_ID, ...(existing ? { _rev: existing._rev } : {}), pending });
    }));

  let pushing: Promise<void> | undefined;
  let pushAgain = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Every unsent review goes to its unit's database: one replication per unit, of those documents only. */
  const push = (): Promise<void> => {
    if (pushing) {
      pushAgain = true;
      return pushing;
    }
    pushing = (async () => {
      await restoreOutbox;
      const byUnit = new Map<string, string[]>();
      for (const id of outbox.keys()) {
        const user = parseDocId(id)?.unit;
        if (user) byUnit.set(user, [...(byUnit.get(user) ?? []), id]);
      }
      for (const [user, ids] of byUnit) {
        const unit = rosterByUser.get(user);
        if (!unit || closed) continue;
        const taken = ids.map((id) => [id, outbox.get(id)!] as const);
        // From the first local change of these documents not yet sent: not the whole database.
        const since = Math.max(0, Math.min(...taken.map(([, entry]) => entry.since)));
        const outcome = await new Promise<'sent' | 'offline' | 'denied'>((done) => {
          areaLocal.replicate
            .to(unitRemote(unit), { doc_ids: ids, since, checkpoint: 'source' })
            .on('denied', () => done('denied'))
            .on('complete', (info) => done((info as { doc_write_failures?: number }).doc_write_failures ? 'denied' : 'sent'))
            .on('error', (error) => {
              heard(error);
              done(isDenied(error) ? 'denied' : 'offline');
            });
        });
        if (outcome === 'offline') pushErrors.set(user, 'offline');
        else {
          heard();
          // Sent, or refused by the server's rule (it will refuse again): out of the outbox,
          // unless written again meanwhile.
          for (const [id, entry] of taken) if (outbox.get(id)?.writes === entry.writes) outbox.delete(id);
          if (outcome === 'denied') pushErrors.set(user, 'denied');
          else pushErrors.delete(user);
        }
        showUnit(user);
      }
      await keepOutbox().catch(() => undefined);
    })().finally(() => {
      pushing = undefined;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      if (closed) return;
      if (pushAgain) {
        pushAgain = false;
        void push();
      } else if ([...outbox.keys()].some((id) => rosterByUser.has(parseDocId(id)?.unit ?? ''))) retryTimer = setTimeout(() => void push(), RETRY_MS);
    });
    return pushing;
  };

  /** One local write at a time (a comment and a return a moment apart must not race on a revision). */
  let writes: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writes.then(work);
    writes = next.catch(() => undefined);
    return next;
  };
  /** Notes documents just written here as unsent, from the sequence before the write. */
  const toSend = async (ids: readonly string[], since: number) => {
    await restoreOutbox;
    for (const id of ids) {
      const before = outbox.get(id);
      outbox.set(id, { since: Math.min(before?.since ?? since, since), writes: (before?.writes ?? 0) + 1 });
    }
    await keepOutbox();
    void push();
  };
  const localSeq = async () => Number((await areaLocal.info()).update_seq) || 0;

  /** The review goes back: the unit's review document for the year, replaced by this one. */
  const writeReview = async (document: Report) => {
    const unit = unitOfAgency(document.meta.agency);
    if (!unit) return;
    const made = sharedDoc('review', document, { unit: unit.user, by: connection.user });
    if (!made.ok) return;
    const since = await localSeq();
    const existing = await areaLocal.get(made.doc._id).catch(() => undefined);
    await areaLocal.put({ ...made.doc, ...(existing ? { _rev: existing._rev } : {}) } as PouchDoc);
    await toSend([made.doc._id], since);
  };

  const resolveConflict = (user: string, id: string, keepRev: string) =>
    serial(async (): Promise<ResolveResult> => {
      const unit = rosterByUser.get(user);
      if (!unit) return { ok: false, reason: 'gone' };
      // The server refuses a unit's report documents from the supervisor (validate_doc_update).
      if (parseDocId(id)?.kind !== 'review' || parseDocId(id)?.unit !== user) return { ok: false, reason: 'notAllowed' };
      const since = await localSeq();
      const settled = await keepRevision(areaLocal, id, keepRev);
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
      await toSend([id], since);
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

  startFeed();
  void restoreOutbox.then(() => {
    if (outbox.size > 0) void push();
  });
  // The network came back: the feed and the outbox now (the feed retries by itself, slower).
  const onOnline = () => {
    startFeed();
    void push();
  };
  const onOffline = () => set({ online: false });
  globalThis.addEventListener?.('online', onOnline);
  globalThis.addEventListener?.('offline', onOffline);

  return {
    connection,
    store,
    state: snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async syncNow() {
      await push();
      const done = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.catchUpMs ?? CATCH_UP_MS);
        waitingForCatchUp.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      startFeed();
      await done;
      // What the feed brought has passed the local feed too.
      await noting;
    },
    resolveConflict,
    async close() {
      closed = true;
      if (notifyTimer) clearTimeout(notifyTimer);
      if (storeTimer) clearTimeout(storeTimer);
      if (retryTimer) clearTimeout(retryTimer);
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('offline', onOffline);
      for (const done of waitingForCatchUp) done();
      feed?.cancel();
      local.cancel();
      await pushing?.catch(() => undefined);
      await keeping.catch(() => undefined);
      await areaLocal.close().catch(() => undefined);
    },
  };
}

export type { SharedDoc };
