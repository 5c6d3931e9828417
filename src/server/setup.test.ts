// @vitest-environment node
/**
 * `setupArea` against Apache CouchDB 3, which is not packaged here: a small HTTP double that
 * answers the requests setup makes as CouchDB 3 does (its welcome, `_session`, databases,
 * `_security`, documents with revisions; the replicator adding its `_replication_*` fields to
 * a replication document). What setup writes into `_replicator` is checked there. The same
 * setup against the real embedded server is in security.test.ts and area.test.ts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREA_SELECTOR, replicationDocId, setupArea } from './setup.ts';
import { AREA_DB, unitDbName, type RosterUnit } from './roster.ts';

const admin = { name: 'admin', password: 'couch-admin-secret' };
const supervisor = { name: 'zwgk', password: 'zwgk-password-1' };
const units: RosterUnit[] = [
  { agency: '平罗县民政局', user: 'mzj', password: 'mzj-password-1' },
  { agency: '平罗县教育局', user: 'jyj', password: 'jyj-password-1' },
];

/** CouchDB 3 as setup sees it, in memory; every request remembered. */
function fakeCouchDB() {
  const dbs = new Map<string, { security: object; docs: Map<string, Record<string, unknown>> }>();
  const requests: { method: string; url: string; authorization: string | undefined }[] = [];
  const basic = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = req.url ?? '/';
      requests.push({ method: req.method ?? 'GET', url, authorization: req.headers.authorization });
      const send = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (url === '/') return send(200, { couchdb: 'Welcome', version: '3.3.3', vendor: { name: 'The Apache Software Foundation' } });
      if (req.headers.authorization !== basic) return send(401, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
      if (url === '/_session') return send(200, { ok: true, userCtx: { name: admin.name, roles: ['_admin'] } });
      const [dbName, ...rest] = url.split('/').filter(Boolean).map(decodeURIComponent);
      const db = dbs.get(dbName!);
      if (rest.length === 0 && req.method === 'PUT') {
        if (db) return send(412, { error: 'file_exists', reason: 'The database could not be created, the file already exists.' });
        dbs.set(dbName!, { security: {}, docs: new Map() });
        return send(201, { ok: true });
      }
      if (!db) return send(404, { error: 'not_found', reason: 'Database does not exist.' });
      const id = rest.join('/');
      if (id === '_security') {
        if (req.method === 'PUT') return (db.security = JSON.parse(raw) as object), send(200, { ok: true });
        return send(200, db.security);
      }
      const doc = db.docs.get(id);
      if (req.method === 'GET') return doc ? send(200, doc) : send(404, { error: 'not_found', reason: 'missing' });
      if (req.method === 'PUT') {
        const body = JSON.parse(raw) as Record<string, unknown>;
        if ((doc?._rev ?? undefined) !== body._rev) return send(409, { error: 'conflict', reason: 'Document update conflict.' });
        const n = doc ? Number(String(doc._rev).split('-')[0]) + 1 : 1;
        const stored: Record<string, unknown> = { ...body, _id: id, _rev: `${n}-${'x'.repeat(8)}` };
        // CouchDB's replicator writes its state into the document it runs.
        if (dbName === '_replicator') Object.assign(stored, { _replication_state: 'running', _replication_state_time: '2026-12-05T09:00:00Z', _replication_id: `rep-${id}` });
        db.docs.set(id, stored);
        return send(201, { ok: true, id, rev: stored._rev });
      }
      return send(405, { error: 'method_not_allowed', reason: 'not in the double' });
    });
  });
  return { server, dbs, requests };
}

let couch: ReturnType<typeof fakeCouchDB>;
let url: string;

beforeAll(async () => {
  couch = fakeCouchDB();
  await new Promise<void>((done) => couch.server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(couch.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => (couch.server as Server).close(() => done())));

describe('setup on Apache CouchDB 3', () => {
  it('writes one continuous replication per unit into the area, credentials in auth, never in a URL', async () => {
    const result = await setupArea(url, admin, units, supervisor);
    expect(result.server).toBe('couchdb');
    expect(result.units.map((u) => u.created)).toEqual([
      ['database', '_security', 'validate_doc_update', 'user', 'replication'],
      ['database', '_security', 'validate_doc_update', 'user', 'replication'],
    ]);
    expect(result.area.created).toEqual(['database', '_security', 'validate_doc_update', 'roster']);
    expect([...couch.dbs.keys()]).toEqual(expect.arrayContaining(['_users', '_replicator', AREA_DB, unitDbName('mzj'), unitDbName('jyj')]));
    const replicator = couch.dbs.get('_replicator')!.docs;
    expect([...replicator.keys()]).toEqual([replicationDocId('mzj'), replicationDocId('jyj')]);
    const auth = { basic: { username: admin.name, password: admin.password } };
    expect(replicator.get(replicationDocId('mzj'))).toMatchObject({
      source: { url: `${url}/nianbao-unit-mzj`, auth },
      target: { url: `${url}/${AREA_DB}`, auth },
      continuous: true,
      selector: { _id: { $regex: '^(report|review|working):' } },
    });
    expect(AREA_SELECTOR._id.$regex).toBe('^(report|review|working):');
    // The selector keeps design documents out and lets every unit document through.
    const selects = (id: string) => new RegExp(AREA_SELECTOR._id.$regex).test(id);
    expect(['report:2024:mzj', 'working:2024:mzj', 'review:2024:mzj'].every(selects)).toBe(true);
    expect(['_design/nianbao', '_local/x', 'roster'].some(selects)).toBe(false);
    for (const doc of replicator.values()) {
      const { source, target } = doc as { source: { url: string }; target: { url: string } };
      for (const u of [source.url, target.url]) expect(new URL(u).username + new URL(u).password).toBe('');
    }
    expect(couch.requests.every((r) => !r.url.includes(admin.password) && !r.url.includes('@'))).toBe(true);
    // The area's own rule: only a server admin writes it.
    const design = couch.dbs.get(AREA_DB)!.docs.get('_design/nianbao')!;
    expect(String(design.validate_doc_update)).toContain("indexOf('_admin') === -1");
    expect(couch.dbs.get(AREA_DB)!.security).toEqual({ admins: { names: [], roles: [] }, members: { names: [], roles: ['nianbao-supervisor'] } });
  });

  it('run again, writes nothing: the replicator’s own fields do not count as a difference', async () => {
    const writesBefore = couch.requests.filter((r) => r.method === 'PUT').length;
    const again = await setupArea(url, admin, units, supervisor);
    expect(again.units.map((u) => u.created)).toEqual([[], []]);
    expect(again.area.created).toEqual([]);
    // Only the PUTs of ensureDb (answered 412: exists) are made again.
    const puts = couch.requests.filter((r) => r.method === 'PUT').slice(writesBefore);
    expect(puts.every((r) => r.url.split('/').filter(Boolean).length === 1)).toBe(true);
    expect(couch.dbs.get('_replicator')!.docs.get(replicationDocId('mzj'))!._rev).toMatch(/^1-/);
  });

  it('a replication document with other credentials (an admin password changed since) is rewritten', async () => {
    const docs = couch.dbs.get('_replicator')!.docs;
    const before = docs.get(replicationDocId('jyj'))!;
    docs.set(replicationDocId('jyj'), { ...before, source: { url: `${url}/nianbao-unit-jyj`, auth: { basic: { username: 'admin', password: 'old-password' } } } });
    const again = await setupArea(url, admin, units, supervisor);
    expect(again.units.map((u) => u.created)).toEqual([[], ['replication']]);
    expect(docs.get(replicationDocId('jyj'))).toMatchObject({ source: { auth: { basic: { password: admin.password } } }, _rev: expect.stringMatching(/^2-/) });
  });
});
