/**
 * Provisioning an area on a CouchDB server (the embedded one or Apache CouchDB 3) from its
 * roster, over CouchDB's own HTTP API: per unit a database whose members are the unit's role and
 * the supervisor role, the unit's user with that role, and the design document whose
 * validate_doc_update keeps reports the unit's and reviews the supervisor's. Idempotent: what
 * exists as wanted is left alone (an existing user keeps its password), only what is missing or
 * different is written.
 *
 * The area database (`nianbao-area`: the roster, and a copy of every unit's documents that the
 * supervisor replicates as one feed) is filled by the server: the embedded server's area keeper
 * (area.ts) does it by itself; on Apache CouchDB 3 setup writes one continuous `_replicator`
 * document per unit.
 */
import {
  AREA_DB,
  areaValidateDocUpdate,
  ROSTER_DOC,
  SUPERVISOR_ROLE,
  unitDbName,
  unitRole,
  validateDocUpdate,
  type RosterUnit,
} from './roster.ts';
import type { Credentials } from './embedded.ts';
import { SHARED_ID_START } from '../sync/docs.ts';

export interface SetupResult {
  readonly units: { agency: string; user: string; db: string; created: string[] }[];
  readonly supervisor: { user: string; created: string[] };
  /** What was created or changed of the area database (database, _security, validate_doc_update, roster). */
  readonly area: { created: string[] };
  /** Who fills the area database: the embedded server itself, or CouchDB's replicator (one document per unit). */
  readonly server: 'embedded' | 'couchdb';
}

export interface AreaRosterDoc {
  _id: typeof ROSTER_DOC;
  _rev?: string;
  units: { agency: string; user: string; db: string; kind?: string }[];
}

export class SetupError extends Error {
  override name = 'SetupError';
}

/** A tiny CouchDB client: admin Basic auth in a header (never in the URL), JSON in and out. */
function client(url: string, admin: Credentials) {
  const base = url.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${admin.name}:${admin.password}`, 'utf8').toString('base64')}`;
  return async function request(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new SetupError(`cannot reach ${base}: ${(e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message}`);
    }
    const text = await response.text();
    let parsed: Record<string, unknown>;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { text };
    }
    return { status: response.status, body: parsed };
  };
}

export type CouchRequest = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

function fail(what: string, res: { status: number; body: Record<string, unknown> }): never {
  throw new SetupError(`${what}: HTTP ${res.status} ${String(res.body.error ?? '')} ${String(res.body.reason ?? '')}`.trim());
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Creates the database unless it exists; true when created. */
async function ensureDb(request: CouchRequest, db: string): Promise<boolean> {
  const res = await request('PUT', `/${encodeURIComponent(db)}`);
  if (res.status === 201 || res.status === 202) return true;
  if (res.status === 412) return false;
  fail(`create database ${db}`, res);
}

async function ensureSecurity(request: CouchRequest, db: string, security: object): Promise<boolean> {
  const current = await request('GET', `/${encodeURIComponent(db)}/_security`);
  if (current.status !== 200) fail(`read ${db}/_security`, current);
  const wanted = security as { admins: unknown; members: unknown };
  if (sameJson(current.body.members, wanted.members) && sameJson(current.body.admins ?? { names: [], roles: [] }, wanted.admins)) return false;
  const res = await request('PUT', `/${encodeURIComponent(db)}/_security`, security);
  if (res.status !== 200) fail(`write ${db}/_security`, res);
  return true;
}

/**
 * A document as wanted: written when missing or different. `owned` names the fields setup
 * owns when others add their own (CouchDB's replicator adds `_replication_*`): only those are
 * compared (a rewrite writes setup's fields; the replicator writes its own again).
 */
async function ensureDoc(request: CouchRequest, db: string, id: string, content: Record<string, unknown>, merge?: (existing: Record<string, unknown>) => Record<string, unknown>, owned?: readonly string[]): Promise<boolean> {
  const path = `/${encodeURIComponent(db)}/${id.startsWith('_design/') ? `_design/${encodeURIComponent(id.slice(8))}` : encodeURIComponent(id)}`;
  const current = await request('GET', path);
  if (current.status !== 200 && current.status !== 404) fail(`read ${db}/${id}`, current);
  const existing = current.status === 200 ? current.body : undefined;
  const wanted = existing && merge ? merge(existing) : content;
  if (existing) {
    const { _id: _i, _rev: _r, ...rest } = existing;
    const pick = (doc: Record<string, unknown>) => (owned ? Object.fromEntries(owned.map((k) => [k, doc[k]])) : doc);
    if (sameJson(pick(rest), pick(wanted))) return false;
  }
  const res = await request('PUT', path, { ...wanted, _id: id, ...(existing ? { _rev: existing._rev } : {}) });
  if (res.status !== 201 && res.status !== 202) fail(`write ${db}/${id}`, res);
  return true;
}

/** A user: created with the password when missing; an existing one only gains a missing role. */
async function ensureUser(request: CouchRequest, name: string, password: string, role: string): Promise<boolean> {
  const id = `org.couchdb.user:${name}`;
  const path = `/_users/${encodeURIComponent(id)}`;
  const current = await request('GET', path);
  if (current.status === 200) {
    const roles = Array.isArray(current.body.roles) ? (current.body.roles as string[]) : [];
    if (roles.includes(role)) return false;
    const res = await request('PUT', path, { ...current.body, roles: [...roles, role] });
    if (res.status !== 201 && res.status !== 202) fail(`give ${name} the role ${role}`, res);
    return true;
  }
  if (current.status !== 404) fail(`read user ${name}`, current);
  const res = await request('PUT', path, { _id: id, name, type: 'user', roles: [role], password });
  if (res.status !== 201 && res.status !== 202) fail(`create user ${name}`, res);
  return true;
}

/** What answers at `url`: Apache CouchDB (`{"couchdb":"Welcome",…}`) or our embedded server (express-pouchdb's welcome). */
async function serverKind(request: CouchRequest, url: string): Promise<'embedded' | 'couchdb'> {
  const welcome = await request('GET', '/');
  if (welcome.status !== 200) fail(`ask ${url} what it is`, welcome);
  if (welcome.body['express-pouchdb'] !== undefined) return 'embedded';
  if (welcome.body.couchdb === 'Welcome') return 'couchdb';
  throw new SetupError(`${url} answers neither as Apache CouchDB nor as nianbao's server`);
}

/** The documents of a unit that the area holds a copy of (never design documents, never _local). */
export const AREA_SELECTOR = { _id: { $regex: SHARED_ID_START } } as const;
/** The fields of a `_replicator` document that setup owns (CouchDB adds its `_replication_*`). */
const REPLICATION_FIELDS = ['source', 'target', 'continuous', 'selector'] as const;
export const replicationDocId = (user: string) => `nianbao-area-${user}`;

/**
 * Apache CouchDB 3: the continuous replication of one unit's database into the area, as a
 * `_replicator` document. The admin's credentials go in `auth.basic` (CouchDB keeps them from
 * non-admins' reads), never inside the URL.
 */
export function replicationDoc(url: string, admin: Credentials, user: string): Record<string, unknown> {
  const base = url.replace(/\/+$/, '');
  const auth = { basic: { username: admin.name, password: admin.password } };
  return {
    source: { url: `${base}/${encodeURIComponent(unitDbName(user))}`, auth },
    target: { url: `${base}/${encodeURIComponent(AREA_DB)}`, auth },
    continuous: true,
    selector: AREA_SELECTOR,
  };
}

export interface SetupOptions {
  /** CouchDB's HTTP API as setup asks it; by default fetch() to `url` with the admin's Basic auth (tests give a double). */
  readonly request?: CouchRequest;
}

export async function setupArea(url: string, admin: Credentials, units: readonly RosterUnit[], supervisor: Credentials, options: SetupOptions = {}): Promise<SetupResult> {
  const request = options.request ?? client(url, admin);
  const session = await request('GET', '/_session');
  if (session.status === 401) throw new SetupError('the admin user or password is wrong');
  const roles = ((session.body.userCtx as { roles?: string[] } | undefined)?.roles ?? []) as string[];
  if (!roles.includes('_admin')) throw new SetupError(`${admin.name} is not a server admin of ${url}`);
  const server = await serverKind(request, url);

  // Apache CouchDB 3 on a single node starts without its system databases.
  await ensureDb(request, '_users');
  if (server === 'couchdb') await ensureDb(request, '_replicator');

  const supervisorCreated: string[] = [];
  if (await ensureUser(request, supervisor.name, supervisor.password, SUPERVISOR_ROLE)) supervisorCreated.push('user');

  // The area first: the units' replications write into it. The supervisor reads it; only a
  // server admin (the server filling it) writes it.
  const areaCreated: string[] = [];
  if (await ensureDb(request, AREA_DB)) areaCreated.push('database');
  if (await ensureSecurity(request, AREA_DB, { admins: { names: [], roles: [] }, members: { names: [], roles: [SUPERVISOR_ROLE] } })) areaCreated.push('_security');
  if (await ensureDoc(request, AREA_DB, '_design/nianbao', { language: 'javascript', validate_doc_update: areaValidateDocUpdate() })) areaCreated.push('validate_doc_update');

  const results: SetupResult['units'][number][] = [];
  for (const unit of units) {
    const db = unitDbName(unit.user);
    const created: string[] = [];
    if (await ensureDb(request, db)) created.push('database');
    const security = { admins: { names: [], roles: [] }, members: { names: [], roles: [unitRole(unit.user), SUPERVISOR_ROLE] } };
    if (await ensureSecurity(request, db, security)) created.push('_security');
    if (await ensureDoc(request, db, '_design/nianbao', { language: 'javascript', validate_doc_update: validateDocUpdate(unit.user) })) created.push('validate_doc_update');
    if (await ensureUser(request, unit.user, unit.password, unitRole(unit.user))) created.push('user');
    if (server === 'couchdb' && (await ensureDoc(request, '_replicator', replicationDocId(unit.user), replicationDoc(url, admin, unit.user), undefined, REPLICATION_FIELDS))) created.push('replication');
    results.push({ agency: unit.agency, user: unit.user, db, created });
  }

  // The roster the supervisor's workspace reads (non-admins cannot list databases); written
  // last, when every unit it lists exists (the embedded server's keeper follows it).
  const listed = units.map((u) => ({ agency: u.agency, user: u.user, db: unitDbName(u.user), ...(u.kind ? { kind: u.kind } : {}) }));
  const rosterChanged = await ensureDoc(request, AREA_DB, ROSTER_DOC, { units: listed }, (existing) => {
    // A longer roster adds units; those already listed stay as they are.
    const before = Array.isArray(existing.units) ? (existing.units as AreaRosterDoc['units']) : [];
    const known = new Set(before.map((u) => u.user));
    return { units: [...before, ...listed.filter((u) => !known.has(u.user))] };
  });
  if (rosterChanged) areaCreated.push('roster');

  return { units: results, supervisor: { user: supervisor.name, created: supervisorCreated }, area: { created: areaCreated }, server };
}
