/**
 * The area keeper: the embedded server keeps its area database (`nianbao-area`) filled with a
 * copy of every unit's documents (report:, working:, review:, with their whole revision trees),
 * so that the supervisor's browser replicates one database instead of one per unit
 * (docs/architecture.md). It is PouchDB's own replication, one-shot and in process (the
 * server's PouchDB, unit database → area database), run
 *  - at start, for every unit the area's roster lists whose database changed since the keeper
 *    last copied it (its update_seq, kept in a `_local` document of the area, written once per
 *    pass), a few at a time;
 *  - after every write that the server's front let into a unit's database (`unitWritten`);
 *  - when the roster is written (setup run again with more units; also through the front).
 * Per unit one run at a time and at most one queued after it, and a bound on runs in all.
 * express-pouchdb's replicator is not used: it starts every replication document again at each
 * start, and its start grows with the square of their number (4,000 took 444 s).
 */
import { readFileSync } from 'node:fs';
import { SHARED_ID_START } from '../sync/docs.ts';
import { AREA_DB, ROSTER_DOC } from './roster.ts';

/** The part of PouchDB the keeper uses (the server's own PouchDB class, with its adapter). */
interface KeeperDb {
  info(): Promise<{ update_seq: number | string }>;
  get(id: string): Promise<Record<string, unknown>>;
  put(doc: Record<string, unknown>): Promise<unknown>;
}
export interface KeeperPouchDB {
  new (name: string): KeeperDb;
  replicate(source: KeeperDb, target: KeeperDb, options: object): Promise<{ docs_written?: number }>;
  allDbs?: () => Promise<string[]>;
}

/** One pass over the roster: how many units, how many copied, how many unchanged since the last copy. */
export interface AreaPass {
  readonly units: number;
  readonly replicated: number;
  readonly skipped: number;
  readonly failed: number;
  readonly ms: number;
}

export interface AreaKeeper {
  /** The first pass at start, when it has ended. */
  readonly started: Promise<AreaPass>;
  /** The last pass that ended (the start's, or one after the roster changed). */
  readonly lastPass: AreaPass | undefined;
  /** Replications run since start (a unit's write, a pass), failed ones included. */
  readonly runs: number;
  /**
   * The server's front let a write into this database: a unit's database is copied into the
   * area soon; the area's roster written (or a POST into the area: _bulk_docs may carry it)
   * starts a pass (its new units come in).
   */
  written(db: string, docId?: string): void;
  /** Resolves when nothing is running or queued (tests, close). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface AreaKeeperOptions {
  readonly PouchDB: KeeperPouchDB;
  readonly log?: (line: string) => void;
  /** Replications at a time (default 4). */
  readonly concurrency?: number;
  /**
   * Databases on disk (LevelDB): each one the keeper opens stays open (express-pouchdb shares
   * it) and holds about 5 files; the keeper says when the roster needs more than the process may open.
   */
  readonly onDisk?: boolean;
  /** The process's limit of open files (default: read from /proc/self/limits on Linux). */
  readonly openFilesLimit?: () => number | undefined;
}

/** Open files one LevelDB database holds (measured: 4.8 per unit database of the area). */
const FILES_PER_DB = 5;
/** The process's limit of open files (Linux), when it can be read. */
function openFilesLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft && /^\d+$/.test(soft) ? Number(soft) : undefined;
  } catch {
    return undefined;
  }
}

export const KEEPER_DOC = '_local/nianbao-area-keeper';
const UNIT_DB = /^nianbao-unit-[a-z][a-z0-9_-]*$/;
/** What the area holds of a unit: its documents, never design documents (nor _local, which never replicate). */
const AREA_ID = new RegExp(SHARED_ID_START);
const areaDocument = (doc: { _id: string }) => AREA_ID.test(doc._id);

type Outcome = 'replicated' | 'failed' | 'closed';

export function startAreaKeeper(options: AreaKeeperOptions): AreaKeeper {
  const { PouchDB } = options;
  const log = options.log ?? (() => undefined);
  const limit = Math.max(1, options.concurrency ?? 4);
  const dbs = new Map<string, KeeperDb>();
  const open = (name: string) => {
    let db = dbs.get(name);
    if (!db) dbs.set(name, (db = new PouchDB(name)));
    return db;
  };

  // What the area holds of each unit: its update_seq when last copied (read before the copy
  // started, so a write meanwhile makes it differ), and the last one written down.
  const copiedSeq = new Map<string, number | string>();
  let savedRev: string | undefined;
  let closed = false;
  // The area database, opened once it exists (opening a PouchDB database creates it; setup does).
  let areaDb: KeeperDb | undefined;
  const exists = async (name: string) => (PouchDB.allDbs ? (await PouchDB.allDbs()).includes(name) : true);
  async function area(): Promise<KeeperDb | undefined> {
    if (!areaDb && (await exists(AREA_DB))) {
      areaDb = open(AREA_DB);
      // Every replication into it listens for its 'destroyed' (PouchDB), a few each at a time.
      (areaDb as { setMaxListeners?: (n: number) => void }).setMaxListeners?.(limit * 4 + 10);
    }
    return areaDb;
  }
  let runs = 0;
  let lastPass: AreaPass | undefined;

  // A bound on replications at a time.
  let active = 0;
  const waiting: (() => void)[] = [];
  const slot = async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((go) => waiting.push(go));
    active++;
    try {
      return await work();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };

  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    return p;
  };

  async function replicateUnit(name: string): Promise<Outcome> {
    if (closed) return 'closed';
    runs++;
    try {
      const target = await area();
      if (!target) throw new Error(`${AREA_DB} does not exist (run nianbao server setup)`);
      const source = open(name);
      const { update_seq } = await source.info();
      // Checkpoints in the area only: the unit's database is not written by the keeper.
      await PouchDB.replicate(source, target, { filter: areaDocument, checkpoint: 'target', batch_size: 100 });
      copiedSeq.set(name, update_seq);
      return 'replicated';
    } catch (error) {
      log(`area: copying ${name} into ${AREA_DB} failed (tried again on its next write or start): ${(error as Error).message ?? String(error)}`);
      return 'failed';
    }
  }

  // Per unit: the run going on, and at most one queued after it (every write meanwhile joins it).
  const units = new Map<string, { running?: Promise<Outcome>; queued?: Promise<Outcome> }>();
  function schedule(name: string): Promise<Outcome> {
    let state = units.get(name);
    if (!state) units.set(name, (state = {}));
    const s = state;
    if (s.queued) return s.queued;
    const start = () => {
      const run = slot(() => replicateUnit(name));
      s.running = run;
      void run.finally(() => {
        if (s.running === run) s.running = undefined;
        if (!s.running && !s.queued) units.delete(name);
      });
      return run;
    };
    if (!s.running) return track(start());
    const queued = s.running.then(() => {
      s.queued = undefined;
      return start();
    });
    s.queued = queued;
    return track(queued);
  }

  async function readRoster(): Promise<string[]> {
    const db = await area();
    if (!db) return [];
    let roster: Record<string, unknown>;
    try {
      roster = await db.get(ROSTER_DOC);
    } catch (error) {
      if ((error as { status?: number }).status === 404) return [];
      throw error;
    }
    const listed = Array.isArray(roster.units) ? (roster.units as { db?: unknown }[]) : [];
    const names = listed.map((u) => u.db).filter((db): db is string => typeof db === 'string' && UNIT_DB.test(db));
    // A listed database that does not exist (removed by hand) is not created by opening it.
    const existing = PouchDB.allDbs ? new Set(await PouchDB.allDbs()) : undefined;
    return existing ? names.filter((n) => existing.has(n)) : names;
  }

  async function loadSeqs(): Promise<void> {
    const db = await area();
    if (!db) return;
    try {
      const doc = await db.get(KEEPER_DOC);
      savedRev = doc._rev as string;
      const seqs = (doc.seqs ?? {}) as Record<string, number | string>;
      for (const [name, seq] of Object.entries(seqs)) if (!copiedSeq.has(name)) copiedSeq.set(name, seq);
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }

  async function saveSeqs(): Promise<void> {
    const db = await area();
    if (!db || !copiedSeq.size) return;
    const doc: Record<string, unknown> = { _id: KEEPER_DOC, seqs: Object.fromEntries(copiedSeq), ...(savedRev ? { _rev: savedRev } : {}) };
    const saved = (await db.put(doc)) as { rev: string };
    savedRev = saved.rev;
  }

  let warnedFiles = false;
  let passing: Promise<AreaPass> | undefined;
  let passAgain = false;
  async function pass(): Promise<AreaPass> {
    const t0 = performance.now();
    const names = await readRoster();
    const limitOfFiles = options.onDisk ? (options.openFilesLimit ?? openFilesLimit)() : undefined;
    if (limitOfFiles !== undefined && names.length * FILES_PER_DB + 200 > limitOfFiles && !warnedFiles) {
      warnedFiles = true;
      log(`area: ${names.length} unit databases hold about ${names.length * FILES_PER_DB} open files, more than this process may open (${limitOfFiles}): raise the limit (ulimit -n, systemd LimitNOFILE) to at least ${names.length * FILES_PER_DB + 1000}, or use Apache CouchDB 3 for an area this large`);
    }
    let replicated = 0;
    let skipped = 0;
    let failed = 0;
    let next = 0;
    const worker = async () => {
      while (!closed && next < names.length) {
        const name = names[next++]!;
        try {
          const { update_seq } = await open(name).info();
          if (copiedSeq.has(name) && copiedSeq.get(name) === update_seq && !units.has(name)) {
            skipped++;
            continue;
          }
        } catch (error) {
          log(`area: reading ${name} failed: ${(error as Error).message ?? String(error)}`);
          failed++;
          continue;
        }
        const outcome = await schedule(name);
        if (outcome === 'replicated') replicated++;
        else if (outcome === 'failed') failed++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(limit, names.length) }, worker));
    if (!closed) await saveSeqs();
    return (lastPass = { units: names.length, replicated, skipped, failed, ms: Math.round(performance.now() - t0) });
  }
  /** One pass at a time; a roster change during one asks for one more after it. */
  function requestPass(): Promise<AreaPass> {
    if (passing) {
      passAgain = true;
      return passing;
    }
    const run = (): Promise<AreaPass> =>
      track(
        pass().finally(() => {
          if (passAgain && !closed) {
            passAgain = false;
            passing = run();
          } else passing = undefined;
        }),
      );
    passing = run();
    return passing;
  }

  const started = loadSeqs().then(() => requestPass());
  started.catch((error: unknown) => log(`area: the catch-up at start failed: ${(error as Error).message ?? String(error)}`));
  track(started.catch(() => undefined));

  async function idle(): Promise<void> {
    while (inFlight.size) await Promise.allSettled([...inFlight]);
  }

  return {
    started,
    get lastPass() {
      return lastPass;
    },
    get runs() {
      return runs;
    },
    written(db: string, docId?: string) {
      if (closed) return;
      if (UNIT_DB.test(db)) void schedule(db);
      else if (db === AREA_DB && (docId === ROSTER_DOC || docId === undefined)) {
        // A roster written before the start's pass has read the seqs waits for it.
        void track(started.catch(() => undefined).then(() => requestPass()))
          .catch((error: unknown) => log(`area: the catch-up after the roster changed failed: ${(error as Error).message ?? String(error)}`));
      }
    },
    idle,
    async close() {
      if (closed) return;
      // Runs going on end; nothing new starts (what is queued is caught up at the next start).
      closed = true;
      await idle();
      await saveSeqs().catch((error: unknown) => log(`area: writing down what was copied failed: ${(error as Error).message ?? String(error)}`));
    },
  };
}
