/**
 * The embedded CouchDB-compatible server: pouchdb-server's own parts (express-pouchdb over
 * PouchDB with LevelDB on disk, or in memory) behind a small front of ours that
 *  - answers CORS for the app's origin(s) only (pouchdb-server's own CORS allows any origin);
 *  - refuses what Apache CouchDB 3 refuses by default and express-pouchdb does not
 *    (toolchain.md): `_all_dbs` to non-admins, the `_users` database beyond one's own user
 *    document, creating or deleting databases, the replicator and server internals.
 * Nothing of the CouchDB protocol is written here: every request that passes the front is
 * answered by express-pouchdb.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server, IncomingMessage, ServerResponse } from 'node:http';
import { appSite, COUCHDB_PATH, setCommonSecurityHeaders } from './app.ts';
import { startAreaKeeper, type AreaKeeper, type KeeperPouchDB } from './area.ts';
import { AREA_DB } from './roster.ts';

// pouchdb-server is the pinned dependency; its own dependencies (express, express-pouchdb,
// pouchdb-core and the adapters) are loaded as it loads them, at the versions it was tested with.
// It is a devDependency: a clerk's production install (npm ci --omit=dev) does not carry a server.
let serverRequire: NodeRequire | undefined;
function requireFromServer(id: string): unknown {
  if (!serverRequire) {
    let root: string;
    try {
      root = createRequire(import.meta.url).resolve('pouchdb-server/package.json');
    } catch {
      throw new Error('pouchdb-server is not installed: run npm ci (with the dev dependencies) in the nianbao folder');
    }
    serverRequire = createRequire(root);
  }
  return serverRequire(id);
}
requireFromServer.resolve = (id: string) => (requireFromServer('pouchdb-server/package.json'), serverRequire!.resolve(id));

export interface Credentials {
  readonly name: string;
  readonly password: string;
}

export interface EmbeddedServerOptions {
  /** 0 asks the system for a free port (tests). */
  readonly port?: number;
  readonly host?: string;
  /** Databases, config (admin password hashed by pouchdb-auth) and log live here. */
  readonly dir?: string;
  readonly inMemory?: boolean;
  /** The server admin. Without one CouchDB (and pouchdb-server) is an "admin party": refused. */
  readonly admin: Credentials;
  /** The app's origins allowed by CORS, e.g. http://127.0.0.1:4173. */
  readonly origins: readonly string[];
  /** express-pouchdb's log lines also on stdout (the CLI); tests keep quiet. */
  readonly log?: (line: string) => void;
  /**
   * The built app's folder (dist/): served at `/`, and the CouchDB API moves to `/couchdb` on
   * the same origin. Without it the CouchDB API is at `/` (the app served elsewhere, by CORS).
   */
  readonly app?: string;
}

export interface EmbeddedServer {
  /** The CouchDB API: the origin, or the origin + `/couchdb` when the app is served. */
  readonly url: string;
  /** scheme://host:port. */
  readonly origin: string;
  /** When `app` was given: whether it is built, and the policy it is served with. */
  readonly app?: { readonly built: boolean; readonly dist: string; readonly csp: string | undefined };
  readonly port: number;
  /** The area keeper: fills the area database from the units' databases (area.ts). */
  readonly area: AreaKeeper;
  close(): Promise<void>;
}

type Next = (error?: unknown) => void;
type Handler = (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: Next) => void;

const CORS_METHODS = 'GET, HEAD, POST, PUT, DELETE, COPY';
const CORS_HEADERS = 'Accept, Accept-Language, Content-Language, Content-Type, Authorization, Origin, Referer, If-Match, Destination, X-Requested-With';

/** Only the configured origins get CORS headers; a preflight from any other is refused. */
export function corsFor(origins: readonly string[]): Handler {
  const allowed = new Set(origins.map((o) => o.replace(/\/+$/, '')));
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', 'Content-Type, Cache-Control, ETag, X-Couch-Request-ID');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', CORS_METHODS);
        res.setHeader('Access-Control-Allow-Headers', CORS_HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
        res.statusCode = 204;
        res.end();
        return;
      }
    } else if (origin && req.method === 'OPTIONS') {
      res.statusCode = 403;
      res.end();
      return;
    }
    next();
  };
}

/** What the front decides for a request, before it knows who asks. */
export type Guard = 'pass' | 'admin' | { ownUserDoc: string } ;

/** Server-wide paths that CouchDB 3 keeps for server admins. */
const ADMIN_PATHS = new Set(['_all_dbs', '_dbs_info', '_replicator', '_config', '_node', '_utils', '_replicate', '_log', '_active_tasks', '_db_updates', '_restart', '_stats', '_membership', '_cluster_setup', '_scheduler', '_global_changes', '_reshard', '_up_admin']);

/** Which requests need the asker's session, and what it must be. */
export function guardFor(method: string, rawPath: string): Guard {
  const path = rawPath.split('?')[0]!;
  const segments = path.split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const first = segments[0];
  if (first === undefined) return 'pass';
  if (ADMIN_PATHS.has(first)) return 'admin';
  if (first === '_users') {
    // One's own user document (to read it or change one's password), nothing else.
    const id = segments.slice(1).join('/');
    if (segments.length === 2 && id.startsWith('org.couchdb.user:') && ['GET', 'HEAD', 'PUT'].includes(method)) return { ownUserDoc: id.slice('org.couchdb.user:'.length) };
    return 'admin';
  }
  // Creating or deleting a database is a server admin's act (express-pouchdb lets anyone).
  if (segments.length === 1 && !first.startsWith('_') && (method === 'PUT' || method === 'DELETE')) return 'admin';
  return 'pass';
}

interface Session {
  name: string | null;
  roles: string[];
}

function refuse(res: ServerResponse, session: Session): void {
  const anonymous = session.name === null;
  res.statusCode = anonymous ? 401 : 403;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(anonymous ? { error: 'unauthorized', reason: 'You are not a server admin.' } : { error: 'forbidden', reason: 'You are not a server admin.' }));
}

/**
 * The front's refusals. Who asks is asked of the server itself (GET /_session with the same
 * cookie or Authorization header), so the answer is CouchDB's own authentication.
 */
export function adminGuard(sessionOf: (req: IncomingMessage) => Promise<Session>, openDb: (db: string) => Promise<boolean>, forgetMembers: (db: string) => void): Handler {
  return (req, res, next) => {
    let guard = guardFor(req.method ?? 'GET', req.url ?? '/');
    // A database's _security is guarded by the server itself (members read it, its admins write it).
    const security = /^\/[^/?]+\/_security(\?|$)/.test(req.url ?? '');
    const db = databaseOf(req.url ?? '/');
    const method = req.method ?? 'GET';
    // What may change a database's members: its _security written, the database made or removed.
    // Nothing else does (a POST _bulk_get, _all_docs or _revs_diff is a read in CouchDB's API).
    const membersMayChange = method !== 'GET' && method !== 'HEAD' && (security || /^\/[^/?]+\/?(\?|$)/.test(req.url ?? ''));
    if (membersMayChange && db !== undefined) {
      // Forgotten before (no request after this one is let in on the old members) and after
      // (a read meanwhile may have remembered them).
      forgetMembers(db);
      res.on('finish', () => forgetMembers(db));
    }
    if (security) return next();
    const decided = guard === 'pass' && db !== undefined ? openDb(db) : Promise.resolve(guard === 'pass');
    decided
      .then((open) => {
        if (open) return next();
        // CouchDB 3's default_security = admin_only: a database nobody was made a member of
        // is the server admins' alone.
        if (guard === 'pass') guard = 'admin';
        return sessionOf(req).then(
      (session) => {
        if (session.roles.includes('_admin')) return next();
        if (typeof guard === 'object' && session.name !== null && session.name === guard.ownUserDoc) return next();
        refuse(res, session);
      });
      })
      .catch((error: unknown) => next(error));
  };
}

/**
 * Which document database a request writes, when it does: PUT/DELETE/COPY of a document (or its
 * attachment), POST of a new document, `_bulk_docs` (replication's writes). Not `_local`
 * documents, design documents, `_security`, nor the reads CouchDB's API makes with POST
 * (`_all_docs`, `_bulk_get`, `_revs_diff`, `_find`, `_changes`).
 */
export function documentWrite(method: string, rawPath: string): { db: string; docId?: string } | undefined {
  const segments = rawPath.split('?')[0]!.split('/').filter(Boolean);
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return undefined;
    }
  };
  const db = segments[0] === undefined ? undefined : decode(segments[0]);
  if (db === undefined || db.startsWith('_')) return undefined;
  const second = segments[1] === undefined ? undefined : decode(segments[1]);
  if (method === 'POST') return segments.length === 1 || (segments.length === 2 && second === '_bulk_docs') ? { db } : undefined;
  if (method !== 'PUT' && method !== 'DELETE' && method !== 'COPY') return undefined;
  if (second === undefined || second.startsWith('_')) return undefined;
  return { db, docId: second };
}

/** Tells the area keeper of every write the server answered with success, once it is answered. */
function areaWrites(keeper: () => AreaKeeper | undefined): Handler {
  return (req, res, next) => {
    const write = documentWrite(req.method ?? 'GET', req.url ?? '/');
    if (write && (write.db.startsWith('nianbao-unit-') || write.db === AREA_DB)) {
      res.on('finish', () => {
        if (res.statusCode >= 200 && res.statusCode < 300) keeper()?.written(write.db, write.docId);
      });
    }
    next();
  };
}

/** The database a request is about, when it is about one (not a server-wide `_` path). */
function databaseOf(rawPath: string): string | undefined {
  const first = rawPath.split('?')[0]!.split('/').filter(Boolean)[0];
  if (first === undefined) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(first);
  } catch {
    return undefined;
  }
  return name.startsWith('_') ? undefined : name;
}

interface PouchDBClass {
  plugin(p: unknown): PouchDBClass;
  defaults(o: object): unknown;
}

let pouchDB: PouchDBClass | undefined;
/**
 * PouchDB with its plugins, once per process: plugins change the class for good (a second
 * `plugin(replication)` throws), so each server gets its own `defaults()` subclass of this one.
 */
export function basePouchDB(): PouchDBClass {
  pouchDB ??= (requireFromServer('pouchdb-core') as PouchDBClass)
    .plugin(requireFromServer('pouchdb-adapter-http'))
    .plugin(requireFromServer('pouchdb-replication'))
    .plugin(requireFromServer('pouchdb-mapreduce'))
    .plugin(requireFromServer('pouchdb-adapter-leveldb'))
    .plugin(requireFromServer('pouchdb-adapter-memory'));
  return pouchDB;
}

interface ExpressPouchDBApp {
  dbWrapper: { registerWrapper(wrapper: (name: string, db: object, next: () => unknown) => unknown): void };
}

/**
 * pouchdb-validation 4.2 (express-pouchdb's validate_doc_update) overwrites a replicated
 * document's `_revisions` with the stored document's before it is written, so an update that
 * arrives by replication (`new_edits: false`, as every PouchDB push is) is silently dropped:
 * the unit would never see a second review, the supervisor never a resubmission. Its history
 * is kept here: the validation's assignment no longer reaches the document (found by the
 * sharing e2e; tested in security.test.ts).
 */
function keepReplicatedRevisions(app: ExpressPouchDBApp): void {
  const requireFromExpressPouchDB = createRequire(requireFromServer.resolve('express-pouchdb/package.json'));
  const wrappers = requireFromExpressPouchDB('pouchdb-wrappers') as { installWrapperMethods(db: object, handlers: object): void };
  app.dbWrapper.registerWrapper((_name, db, next) => {
    const keep = {
      bulkDocs(orig: () => unknown, args: { docs?: Record<string, unknown>[]; options?: { new_edits?: boolean } }) {
        if (args.options?.new_edits === false && Array.isArray(args.docs)) {
          for (const doc of args.docs) {
            const revisions = doc._revisions;
            if (revisions === undefined) continue;
            Object.defineProperty(doc, '_revisions', { enumerable: true, configurable: true, get: () => revisions, set: () => undefined });
          }
        }
        return orig();
      },
    };
    wrappers.installWrapperMethods(db, keep);
    // Wrappers run in the order installed, outermost first: this one must see the documents
    // before the validation does, so it moves to the front.
    const handlers = (db as { bulkDocs?: { _handlers?: unknown[] } }).bulkDocs?._handlers;
    if (handlers && handlers.at(-1) === keep.bulkDocs) handlers.unshift(handlers.pop());
    return next();
  });
}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { admin } = options;
  if (!admin.name || !admin.password) throw new Error('an admin user and password are required (--admin USER:PASS)');
  const host = options.host ?? '127.0.0.1';
  const scratch = options.inMemory ? mkdtempSync(join(tmpdir(), 'nianbao-server-')) : undefined;
  const dir = options.inMemory ? scratch! : resolve(options.dir ?? './nianbao-data');
  mkdirSync(dir, { recursive: true });

  const express = requireFromServer('express') as () => Handler & { use(...h: unknown[]): void; listen(port: number, host: string, cb: () => void): Server };
  const expressPouchDB = requireFromServer('express-pouchdb') as (PouchDB: unknown, opts: object) => Handler & {
    couchConfig: { set(section: string, key: string, value: string, cb: (error?: unknown) => void): void };
    couchLogger: { on?: unknown };
  };
  const ServerPouchDB = basePouchDB().defaults(options.inMemory ? { adapter: 'memory', prefix: dir + sep } : { adapter: 'leveldb', prefix: dir + sep });

  const configPath = join(dir, 'config.json');
  if (!options.inMemory) {
    // The admin goes into config.json before express-pouchdb reads it, already hashed by
    // pouchdb-auth (express-pouchdb saves its config without a lock: a second save at start races).
    const requireFromExpressPouchDB = createRequire(requireFromServer.resolve('express-pouchdb/package.json'));
    const auth = requireFromExpressPouchDB('pouchdb-auth') as { hashAdminPasswords(admins: Record<string, string>): Promise<Record<string, string>> };
    const config = existsSync(configPath) ? (JSON.parse(readFileSync(configPath, 'utf8')) as { admins?: Record<string, string> }) : {};
    config.admins = { ...(await auth.hashAdminPasswords({ [admin.name]: admin.password })) };
    writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  }
  const pouchApp = expressPouchDB(ServerPouchDB, {
    mode: 'fullCouchDB',
    // Fauxton is not shipped; the app is the interface.
    overrideMode: { exclude: ['routes/fauxton'] },
    configPath,
    logPath: join(dir, 'log.txt'),
    inMemoryConfig: Boolean(options.inMemory),
  });
  keepReplicatedRevisions(pouchApp as unknown as ExpressPouchDBApp);
  if (options.inMemory) await new Promise<void>((done, fail) => pouchApp.couchConfig.set('admins', admin.name, admin.password, (error) => (error ? fail(error) : done())));

  let port = 0;
  const couchPath = options.app === undefined ? '' : COUCHDB_PATH;
  const origin = () => `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const selfUrl = () => origin() + couchPath;
  const sessionOf = async (req: IncomingMessage): Promise<Session> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.headers.cookie) headers.cookie = req.headers.cookie;
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    const response = await fetch(`${selfUrl()}/_session`, { headers });
    if (!response.ok) return { name: null, roles: [] };
    const body = (await response.json()) as { userCtx?: { name?: string | null; roles?: string[] } };
    return { name: body.userCtx?.name ?? null, roles: body.userCtx?.roles ?? [] };
  };

  // Whether a database has members (then its _security is what CouchDB enforces); asked as the
  // admin, remembered until its _security is written or it is deleted.
  const adminAuthorization = `Basic ${Buffer.from(`${admin.name}:${admin.password}`, 'utf8').toString('base64')}`;
  const hasMembers = new Map<string, Promise<boolean>>();
  const forgetMembers = (db: string) => hasMembers.delete(db);
  const openDb = (db: string): Promise<boolean> => {
    let known = hasMembers.get(db);
    if (!known) {
      known = fetch(`${selfUrl()}/${encodeURIComponent(db)}/_security`, { headers: { authorization: adminAuthorization, accept: 'application/json' } }).then(async (response) => {
        // A database that does not exist: let the server say so (404) to whoever asks.
        if (response.status === 404) return true;
        const body = (await response.json()) as { members?: { names?: string[]; roles?: string[] } };
        return Boolean(body.members?.names?.length || body.members?.roles?.length);
      });
      known.catch(() => hasMembers.delete(db));
      hasMembers.set(db, known);
    }
    return known;
  };

  // Started once the server listens (express-pouchdb lists databases once its start has run).
  const keeper: { current?: AreaKeeper } = {};
  const app = express();
  const site = options.app === undefined ? undefined : appSite(resolve(options.app), (express as unknown as { static: Parameters<typeof appSite>[1] }).static);
  if (site) {
    app.use((_req: IncomingMessage, res: ServerResponse, next: Next) => (setCommonSecurityHeaders(res), next()));
    // The CouchDB API on the app's origin: the same front, then express-pouchdb, under one path.
    app.use(COUCHDB_PATH, corsFor(options.origins), adminGuard(sessionOf, openDb, forgetMembers), areaWrites(() => keeper.current), pouchApp);
    app.use(site.handler);
  } else {
    app.use(corsFor(options.origins));
    app.use(adminGuard(sessionOf, openDb, forgetMembers));
    app.use(areaWrites(() => keeper.current));
    app.use(pouchApp);
  }

  const server = await new Promise<Server>((done, fail) => {
    const s = app.listen(options.port ?? 5984, host, () => done(s));
    s.once('error', fail);
  });
  port = (server.address() as AddressInfo).port;
  // Live changes feeds hold connections open; closing must not wait for them.
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const area = startAreaKeeper({ PouchDB: ServerPouchDB as unknown as KeeperPouchDB, onDisk: !options.inMemory, ...(options.log ? { log: options.log } : {}) });
  keeper.current = area;

  return {
    url: selfUrl(),
    origin: origin(),
    ...(site ? { app: { built: site.built, dist: site.dist, csp: site.csp } } : {}),
    port,
    area,
    async close() {
      // The keeper's copies going on end first (what it copied is written down); writes from
      // here on are caught up at the next start.
      await area.close();
      await new Promise<void>((done) => {
        server.close(() => done());
        for (const socket of sockets) socket.destroy();
      });
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}
