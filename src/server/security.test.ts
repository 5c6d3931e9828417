// @vitest-environment node
/**
 * Point 6 of issue 17, over HTTP: the embedded server (in memory, a free port) provisioned by
 * `setupArea`, then asked as each kind of user. NIANBAO_TEST_COUCHDB_URL (and
 * NIANBAO_TEST_COUCHDB_ADMIN=USER:PASS) runs the same tests against an Apache CouchDB 3 instead;
 * the test's databases there are named with a random suffix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from './embedded.ts';
import { setupArea } from './setup.ts';
import { AREA_DB, unitDbName, type RosterUnit } from './roster.ts';

const external = process.env.NIANBAO_TEST_COUCHDB_URL;
const adminEnv = process.env.NIANBAO_TEST_COUCHDB_ADMIN ?? 'admin:admin-password';
const admin = { name: adminEnv.slice(0, adminEnv.indexOf(':')), password: adminEnv.slice(adminEnv.indexOf(':') + 1) };
const suffix = external ? `-${Math.random().toString(36).slice(2, 8)}` : '';

const unitA: RosterUnit = { agency: '平罗县民政局', user: `mzj${suffix}`, password: 'mzj-password-1' };
const unitB: RosterUnit = { agency: '平罗县教育局', user: `jyj${suffix}`, password: 'jyj-password-1' };
const unitC: RosterUnit = { agency: '平罗县财政局', user: `czj${suffix}`, password: 'czj-password-1' };
const supervisor = { name: `zwgk${suffix}`, password: 'zwgk-password-1' };
const ORIGIN = 'http://127.0.0.1:4173';

let server: EmbeddedServer | undefined;
let url: string;

type Who = { name: string; password: string } | null;

async function call(who: Who, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(who ? { authorization: `Basic ${Buffer.from(`${who.name}:${who.password}`).toString('base64')}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}

const A = { name: unitA.user, password: unitA.password };
const B = { name: unitB.user, password: unitB.password };
const dbA = `/${unitDbName(unitA.user)}`;
const dbB = `/${unitDbName(unitB.user)}`;
const report = (year: number) => ({ type: 'report', year, report: { meta: { agency: unitA.agency } } });
const refused = (status: number) => expect([401, 403]).toContain(status);

beforeAll(async () => {
  if (external) url = external.replace(/\/+$/, '');
  else {
    server = await startEmbeddedServer({ port: 0, inMemory: true, admin, origins: [ORIGIN] });
    url = server.url;
  }
  await setupArea(url, admin, [unitA, unitB], supervisor);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('setup', () => {
  it('is idempotent: a second run changes nothing, a longer roster adds only the new unit', async () => {
    const again = await setupArea(url, admin, [unitA, unitB], supervisor);
    expect(again.units.map((u) => u.created)).toEqual([[], []]);
    expect(again.supervisor.created).toEqual([]);
    const before = await call(admin, 'GET', `${dbA}/_design/nianbao`);
    const longer = await setupArea(url, admin, [unitA, unitB, unitC], supervisor);
    expect(longer.units.map((u) => u.created.length > 0)).toEqual([false, false, true]);
    // On Apache CouchDB also its replication into the area (the embedded server copies by itself).
    const replication = longer.server === 'couchdb' ? ['replication'] : [];
    expect(longer.units[2]).toMatchObject({ user: unitC.user, db: unitDbName(unitC.user), created: ['database', '_security', 'validate_doc_update', 'user', ...replication] });
    expect((await call(admin, 'GET', `${dbA}/_design/nianbao`)).body._rev).toBe(before.body._rev);
    const roster = await call(supervisor, 'GET', `/${AREA_DB}/roster`);
    expect((roster.body.units as { user: string }[]).map((u) => u.user)).toEqual(expect.arrayContaining([unitA.user, unitB.user, unitC.user]));
  }, 60_000);

  it('an area set up with the rule of ids without the unit gets the new rule by running setup again', async () => {
    const design = await call(admin, 'GET', `${dbB}/_design/nianbao`);
    // The rule before ids named their unit: report:<year>, working:<year>, review:<year>.
    const older = `function (newDoc, oldDoc, userCtx) {
  if ((userCtx.roles || []).indexOf('_admin') !== -1) return;
  if (!/^(report|working|review):[0-9]{4}$/.test(newDoc._id)) throw({ forbidden: 'old rule' });
}`;
    expect((await call(admin, 'PUT', `${dbB}/_design/nianbao`, { ...design.body, validate_doc_update: older })).status).toBe(201);
    expect((await call(B, 'PUT', `${dbB}/working:2019`, { type: 'working', year: 2019 })).status).toBe(201);
    expect((await call(B, 'PUT', `${dbB}/working:2019:${B.name}`, { type: 'working', year: 2019 })).status).toBe(403);
    const again = await setupArea(url, admin, [unitA, unitB], supervisor);
    expect(again.units.map((u) => u.created)).toEqual([[], ['validate_doc_update']]);
    expect((await call(B, 'PUT', `${dbB}/working:2018`, { type: 'working', year: 2018 })).status).toBe(403);
    expect((await call(B, 'PUT', `${dbB}/working:2019:${B.name}`, { type: 'working', year: 2019 })).status).toBe(201);
  }, 60_000);

  it('refuses a wrong admin password', async () => {
    await expect(setupArea(url, { name: admin.name, password: 'wrong' }, [unitA], supervisor)).rejects.toThrow(/wrong/);
  });
});

describe('a unit user', () => {
  it('reads and writes its own report documents', async () => {
    expect((await call(A, 'GET', dbA)).status).toBe(200);
    expect((await call(A, 'PUT', `${dbA}/report:2022:${A.name}`, report(2022))).status).toBe(201);
  });

  it('cannot read or write another unit’s database', async () => {
    refused((await call(A, 'GET', dbB)).status);
    refused((await call(B, 'GET', `${dbA}/report:2022:${A.name}`)).status);
    expect((await call(B, 'GET', dbB)).status).toBe(200);
    refused((await call(A, 'GET', `${dbB}/_all_docs`)).status);
    refused((await call(A, 'GET', `${dbB}/_changes`)).status);
    refused((await call(A, 'PUT', `${dbB}/report:2022:${B.name}`, report(2022))).status);
    // CouchDB answers 401 for the request; express-pouchdb 201 with an error per document.
    const bulk = await call(A, 'POST', `${dbB}/_bulk_docs`, { docs: [{ _id: `report:2021:${B.name}`, type: 'report' }] });
    if (bulk.status < 400) expect(JSON.stringify(bulk.body)).toMatch(/unauthorized|forbidden/);
    expect((await call(admin, 'GET', `${dbB}/report:2021:${B.name}`)).status).toBe(404);
  });

  it('cannot write review documents, nor anything but report documents, even by replication', async () => {
    expect((await call(A, 'PUT', `${dbA}/review:2022:${A.name}`, { type: 'review' })).status).toBe(403);
    expect((await call(A, 'PUT', `${dbA}/other`, { type: 'report' })).status).toBe(403);
    const replicated = await call(A, 'POST', `${dbA}/_bulk_docs`, { new_edits: false, docs: [{ _id: `review:2023:${A.name}`, _rev: '1-abc', type: 'review' }] });
    expect(JSON.stringify(replicated.body)).toContain('forbidden');
    expect((await call(admin, 'GET', `${dbA}/review:2023:${A.name}`)).status).toBe(404);
    refused((await call(A, 'PUT', `${dbA}/_design/mine`, { views: {} })).status);
    refused((await call(A, 'PUT', `${dbA}/_security`, { members: { names: [], roles: [] } })).status);
  });

  it('writes its working copy (填报中), typed as one, and another unit cannot', async () => {
    const working = { type: 'working', year: 2022, report: { meta: { agency: unitA.agency } } };
    const first = await call(A, 'PUT', `${dbA}/working:2022:${A.name}`, working);
    expect(first.status).toBe(201);
    expect((await call(A, 'PUT', `${dbA}/working:2022:${A.name}`, { ...working, _rev: first.body.rev, at: 2 })).status).toBe(201);
    expect((await call(A, 'PUT', `${dbA}/working:2023:${A.name}`, { ...working, type: 'report' })).status).toBe(403);
    refused((await call(B, 'PUT', `${dbA}/working:2024:${A.name}`, working)).status);
    refused((await call(B, 'GET', `${dbA}/working:2022:${A.name}`)).status);
    expect((await call(admin, 'GET', `${dbA}/working:2024:${A.name}`)).status).toBe(404);
  });

  it('cannot list all databases, read _users, or create a database', async () => {
    refused((await call(A, 'GET', '/_all_dbs')).status);
    refused((await call(A, 'GET', '/_users/_all_docs')).status);
    refused((await call(A, 'GET', '/_users')).status);
    refused((await call(A, 'GET', '/_users/_changes')).status);
    refused((await call(A, 'GET', `/_users/org.couchdb.user:${unitB.user}`)).status);
    refused((await call(A, 'GET', `/${AREA_DB}/roster`)).status);
    refused((await call(A, 'PUT', `/nianbao-unit-intruder${suffix}`)).status);
    expect((await call(admin, 'GET', '/_all_dbs')).status).toBe(200);
  });
});

describe('document ids name their unit (the area holds every unit’s documents side by side)', () => {
  const body = (kind: string, year: number) => ({ type: kind, year });
  it('a unit cannot write a document that claims another unit, nor an id without its unit', async () => {
    const claim = await call(A, 'PUT', `${dbA}/report:2024:${B.name}`, body('report', 2024));
    expect(claim.status).toBe(403);
    expect(String(claim.body.reason)).toContain(`names the unit "${B.name}"`);
    expect((await call(A, 'PUT', `${dbA}/working:2024:${B.name}`, body('working', 2024))).status).toBe(403);
    const old = await call(A, 'PUT', `${dbA}/report:2024`, body('report', 2024));
    expect(old.status).toBe(403);
    expect(String(old.body.reason)).toContain(`report:<year>:${A.name}`);
    expect((await call(A, 'PUT', `${dbA}/report:24:${A.name}`, body('report', 24))).status).toBe(403);
    // By replication too (new_edits: false, as a PouchDB push writes).
    const pushed = await call(A, 'POST', `${dbA}/_bulk_docs`, { new_edits: false, docs: [{ _id: `report:2024:${B.name}`, _rev: '1-abc', ...body('report', 2024) }] });
    expect(JSON.stringify(pushed.body)).toContain('forbidden');
    expect((await call(admin, 'GET', `${dbA}/report:2024:${B.name}`)).status).toBe(404);
  });

  it('the body’s year is the id’s year', async () => {
    const mismatch = await call(A, 'PUT', `${dbA}/report:2024:${A.name}`, body('report', 2023));
    expect(mismatch.status).toBe(403);
    expect(String(mismatch.body.reason)).toMatch(/year 2024 but says year 2023/);
    expect((await call(A, 'PUT', `${dbA}/report:2024:${A.name}`, { type: 'report', year: '2024' })).status).toBe(403);
    expect((await call(A, 'PUT', `${dbA}/report:2024:${A.name}`, { type: 'report' })).status).toBe(403);
    const right = await call(A, 'PUT', `${dbA}/report:2024:${A.name}`, body('report', 2024));
    expect(right.status).toBe(201);
    // A deletion carries no year.
    expect((await call(A, 'DELETE', `${dbA}/report:2024:${A.name}?rev=${String(right.body.rev)}`)).status).toBe(200);
  });

  it('the supervisor writes review:<year>:<user> into that unit’s database, and only that user', async () => {
    expect((await call(supervisor, 'PUT', `${dbA}/review:2024:${A.name}`, body('review', 2024))).status).toBe(201);
    const other = await call(supervisor, 'PUT', `${dbA}/review:2024:${B.name}`, body('review', 2024));
    expect(other.status).toBe(403);
    expect((await call(supervisor, 'PUT', `${dbA}/review:2024:${A.name}x`, body('review', 2024))).status).toBe(403);
  });
});

describe('anonymous and wrong passwords', () => {
  it('anonymous reads nothing', async () => {
    for (const path of [dbA, `${dbA}/report:2022:${A.name}`, `${dbA}/_all_docs`, `${dbA}/_changes`, '/_all_dbs', '/_users/_all_docs', `/${AREA_DB}/roster`]) {
      const res = await call(null, 'GET', path);
      expect(res.status, path).toBe(401);
    }
    refused((await call(null, 'PUT', `${dbA}/report:2023:${A.name}`, report(2023))).status);
  });

  it('a wrong password is refused, by Basic auth and by the cookie session', async () => {
    expect((await call({ name: A.name, password: 'not-it' }, 'GET', dbA)).status).toBe(401);
    const session = await call(null, 'POST', '/_session', { name: A.name, password: 'not-it' });
    expect(session.status).toBe(401);
    expect(session.headers.get('set-cookie')).toBeNull();
  });

  it('the right password gives a cookie session that reads the unit’s database', async () => {
    const session = await call(null, 'POST', '/_session', { name: A.name, password: A.password });
    expect(session.status).toBe(200);
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^AuthSession=/);
    expect((await call(null, 'GET', dbA, undefined, { cookie })).status).toBe(200);
    refused((await call(null, 'GET', dbB, undefined, { cookie })).status);
    refused((await call(null, 'GET', '/_all_dbs', undefined, { cookie })).status);
  });
});

describe('the supervisor', () => {
  it('reads every unit and the roster', async () => {
    for (const db of [dbA, dbB]) expect((await call(supervisor, 'GET', `${db}/_all_docs`)).status).toBe(200);
    expect((await call(supervisor, 'GET', `${dbA}/report:2022:${A.name}`)).status).toBe(200);
    expect((await call(supervisor, 'GET', `/${AREA_DB}/roster`)).status).toBe(200);
  });

  it('writes review documents but not a unit’s report document', async () => {
    expect((await call(supervisor, 'PUT', `${dbA}/review:2022:${A.name}`, { type: 'review', year: 2022 })).status).toBe(201);
    const current = await call(supervisor, 'GET', `${dbA}/report:2022:${A.name}`);
    expect((await call(supervisor, 'PUT', `${dbA}/report:2022:${A.name}`, { ...current.body, type: 'report', tampered: true })).status).toBe(403);
    expect((await call(supervisor, 'PUT', `${dbA}/report:2024:${A.name}`, report(2024))).status).toBe(403);
    expect((await call(admin, 'GET', `${dbA}/report:2022:${A.name}`)).body.tampered).toBeUndefined();
    // Nor its working copy: 填报中 is the unit's word, not the supervisor's.
    expect((await call(supervisor, 'GET', `${dbA}/working:2022:${A.name}`)).status).toBe(200);
    const working = await call(supervisor, 'GET', `${dbA}/working:2022:${A.name}`);
    expect((await call(supervisor, 'PUT', `${dbA}/working:2022:${A.name}`, { ...working.body, tampered: true })).status).toBe(403);
    expect((await call(supervisor, 'PUT', `${dbA}/working:2031:${A.name}`, { type: 'working', year: 2031 })).status).toBe(403);
    expect((await call(supervisor, 'DELETE', `${dbA}/working:2022:${A.name}?rev=${String(working.body._rev)}`)).status).toBe(403);
    refused((await call(supervisor, 'GET', '/_all_dbs')).status);
    refused((await call(supervisor, 'GET', '/_users/_all_docs')).status);
  });
});

describe('replication', () => {
  it('an update that arrives by replication (new_edits: false) is kept, and still validated', async () => {
    const push = (who: Who, rev: string, ids: string[], v: number) =>
      call(who, 'POST', `${dbA}/_bulk_docs`, { new_edits: false, docs: [{ _id: `review:2030:${A.name}`, _rev: rev, _revisions: { start: Number(rev.split('-')[0]), ids }, type: 'review', year: 2030, v }] });
    await push(supervisor, '1-aaa', ['aaa'], 1);
    await push(supervisor, '2-bbb', ['bbb', 'aaa'], 2);
    await push(supervisor, '4-ddd', ['ddd', 'ccc', 'bbb', 'aaa'], 4);
    const stored = await call(supervisor, 'GET', `${dbA}/review:2030:${A.name}?conflicts=true`);
    expect(stored.body).toMatchObject({ _rev: '4-ddd', v: 4 });
    expect(stored.body._conflicts).toBeUndefined();
    await push(A, '5-eee', ['eee', 'ddd', 'ccc', 'bbb', 'aaa'], 5);
    expect((await call(supervisor, 'GET', `${dbA}/review:2030:${A.name}`)).body).toMatchObject({ _rev: '4-ddd' });
  });
});

describe.runIf(!external)('the embedded server’s CORS', () => {
  it('answers the app’s origin only', async () => {
    const ok = await fetch(`${url}${dbA}`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'GET' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await fetch(`${url}${dbA}`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${url}/`, { headers: { origin: 'http://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('a database nobody was made a member of is the admin’s alone (CouchDB 3 admin_only)', async () => {
    expect((await call(admin, 'PUT', '/loose')).status).toBe(201);
    refused((await call(A, 'GET', '/loose')).status);
    expect((await call(null, 'GET', '/loose')).status).toBe(401);
    expect((await call(admin, 'GET', '/loose')).status).toBe(200);
  });

  it('members removed from a database that was read: the admin’s alone at once (the front remembers members per database)', async () => {
    expect((await call(admin, 'PUT', '/members')).status).toBe(201);
    expect((await call(admin, 'PUT', '/members/_security', { members: { names: [A.name], roles: [] } })).status).toBe(200);
    // Reads of every kind (a POST _all_docs too) while the members are remembered.
    expect((await call(A, 'GET', '/members')).status).toBe(200);
    expect((await call(A, 'POST', '/members/_all_docs', { keys: [] })).status).toBe(200);
    expect((await call(A, 'GET', '/members/_all_docs')).status).toBe(200);
    expect((await call(admin, 'PUT', '/members/_security', { members: { names: [], roles: [] } })).status).toBe(200);
    refused((await call(A, 'GET', '/members')).status);
    expect((await call(null, 'GET', '/members')).status).toBe(401);
  });
});
