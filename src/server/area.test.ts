// @vitest-environment node
/**
 * The area database over HTTP, against the embedded server: what the server copies into it
 * (every unit's documents with their revisions and conflicts, nothing else), who may read and
 * write it, and the keeper's passes across a restart of a persistent server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basePouchDB, documentWrite, startEmbeddedServer, type EmbeddedServer } from './embedded.ts';
import { startAreaKeeper, type KeeperPouchDB } from './area.ts';
import { setupArea } from './setup.ts';
import { AREA_DB, unitDbName, type RosterUnit } from './roster.ts';

const admin = { name: 'admin', password: 'admin-password' };
const unitA: RosterUnit = { agency: '平罗县民政局', user: 'mzj', password: 'mzj-password-1' };
const unitB: RosterUnit = { agency: '平罗县教育局', user: 'jyj', password: 'jyj-password-1' };
const supervisor = { name: 'zwgk', password: 'zwgk-password-1' };
const A = { name: unitA.user, password: unitA.password };
const dbA = `/${unitDbName(unitA.user)}`;
const area = `/${AREA_DB}`;

type Who = { name: string; password: string } | null;

function caller(base: () => string) {
  return async (who: Who, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base()}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(who ? { authorization: `Basic ${Buffer.from(`${who.name}:${who.password}`).toString('base64')}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
}

/** Polls until `check` holds (the area is filled asynchronously); returns the time it took. */
async function until(check: () => Promise<boolean>, ms = 5_000): Promise<number> {
  const t0 = performance.now();
  while (!(await check())) {
    if (performance.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - t0;
}

const report = (user: string, year: number, extra: object = {}) => ({ _id: `report:${year}:${user}`, type: 'report', year, ...extra });

describe('which requests write a database (the front tells the keeper of them)', () => {
  it.each([
    ['PUT', '/nianbao-unit-a/report:2024:a', { db: 'nianbao-unit-a', docId: 'report:2024:a' }],
    ['PUT', '/nianbao-unit-a/report%3A2024%3Aa?new_edits=false', { db: 'nianbao-unit-a', docId: 'report:2024:a' }],
    ['DELETE', '/nianbao-unit-a/working:2024:a?rev=1-x', { db: 'nianbao-unit-a', docId: 'working:2024:a' }],
    ['COPY', '/nianbao-unit-a/report:2024:a', { db: 'nianbao-unit-a', docId: 'report:2024:a' }],
    ['PUT', '/nianbao-unit-a/report:2024:a/attachment.pdf', { db: 'nianbao-unit-a', docId: 'report:2024:a' }],
    ['POST', '/nianbao-unit-a', { db: 'nianbao-unit-a' }],
    ['POST', '/nianbao-unit-a/_bulk_docs', { db: 'nianbao-unit-a' }],
    ['PUT', '/nianbao-area/roster', { db: 'nianbao-area', docId: 'roster' }],
    ['PUT', '/nianbao-unit-a/_local/checkpoint', undefined],
    ['PUT', '/nianbao-unit-a/_design/nianbao', undefined],
    ['PUT', '/nianbao-unit-a/_security', undefined],
    ['PUT', '/nianbao-unit-a', undefined],
    ['POST', '/nianbao-unit-a/_all_docs', undefined],
    ['POST', '/nianbao-unit-a/_bulk_get', undefined],
    ['POST', '/nianbao-unit-a/_revs_diff', undefined],
    ['GET', '/nianbao-unit-a/report:2024:a', undefined],
    ['POST', '/_session', undefined],
    ['PUT', '/_users/org.couchdb.user:a', undefined],
  ])('%s %s', (method, path, expected) => {
    expect(documentWrite(method, path)).toEqual(expected);
  });
});

// First: before any embedded server's express-pouchdb has added its database list to PouchDB.
describe('the keeper on disk', () => {
  it('says when the roster’s databases need more open files than the process may open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-files-'));
    const Pouch = basePouchDB().defaults({ adapter: 'memory', prefix: `${dir}/` }) as unknown as KeeperPouchDB & (new (name: string) => { put(doc: object): Promise<unknown>; info(): Promise<unknown> });
    const listed = Array.from({ length: 60 }, (_, i) => ({ db: unitDbName(`w${i}`) }));
    await new Pouch(AREA_DB).put({ _id: 'roster', units: listed });
    const logged: string[] = [];
    const enough = startAreaKeeper({ PouchDB: Pouch, onDisk: true, openFilesLimit: () => 1_000, log: (line) => logged.push(line) });
    expect(await enough.started).toMatchObject({ units: 60, replicated: 60 });
    await enough.close();
    expect(logged).toEqual([]);
    const tight = startAreaKeeper({ PouchDB: Pouch, onDisk: true, openFilesLimit: () => 400, log: (line) => logged.push(line) });
    expect(await tight.started).toMatchObject({ units: 60, skipped: 60 });
    await tight.close();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/60 unit databases hold about 300 open files, more than this process may open \(400\): raise the limit .* to at least 1300/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the area database, filled by the server', () => {
  let server: EmbeddedServer;
  const call = caller(() => server.url);

  beforeAll(async () => {
    server = await startEmbeddedServer({ port: 0, inMemory: true, admin, origins: [] });
    await setupArea(server.url, admin, [unitA, unitB], supervisor);
    await server.area.idle();
  }, 60_000);
  afterAll(() => server?.close());

  it('a unit’s write appears in the area with the same revision, well under a second later', async () => {
    const written = await call(A, 'PUT', `${dbA}/report:2024:mzj`, report('mzj', 2024));
    expect(written.status).toBe(201);
    const lag = await until(async () => (await call(supervisor, 'GET', `${area}/report:2024:mzj`)).body._rev === written.body.rev);
    expect(lag).toBeLessThan(1_000);
    const second = await call(A, 'PUT', `${dbA}/report:2024:mzj`, { ...report('mzj', 2024, { v: 2 }), _rev: written.body.rev });
    await until(async () => (await call(supervisor, 'GET', `${area}/report:2024:mzj`)).body._rev === second.body.rev);
    // A review the supervisor writes into the unit's database reaches the area the same way.
    const review = await call(supervisor, 'PUT', `${dbA}/review:2024:mzj`, { type: 'review', year: 2024, status: 'returned' });
    expect(review.status).toBe(201);
    await until(async () => (await call(supervisor, 'GET', `${area}/review:2024:mzj`)).body._rev === review.body.rev);
  });

  it('a conflict in a unit’s database is a conflict in the area', async () => {
    const leaves = (n: string) => ({ _id: 'working:2023:mzj', _rev: `2-${n}`, _revisions: { start: 2, ids: [n, 'a1'] }, type: 'working', year: 2023 });
    const pushed = await call(A, 'POST', `${dbA}/_bulk_docs`, { new_edits: false, docs: [leaves('b1'), leaves('c1')] });
    expect(pushed.status).toBe(201);
    const inUnit = await call(admin, 'GET', `${dbA}/working:2023:mzj?conflicts=true`);
    expect(inUnit.body._conflicts).toHaveLength(1);
    await until(async () => ((await call(supervisor, 'GET', `${area}/working:2023:mzj?conflicts=true`)).body._conflicts as unknown[] | undefined)?.length === 1);
    const inArea = await call(supervisor, 'GET', `${area}/working:2023:mzj?conflicts=true`);
    expect({ rev: inArea.body._rev, conflicts: inArea.body._conflicts }).toEqual({ rev: inUnit.body._rev, conflicts: inUnit.body._conflicts });
  });

  it('design documents and _local documents stay in the unit’s database', async () => {
    expect((await call(admin, 'PUT', `${dbA}/_design/extra`, { views: {} })).status).toBe(201);
    expect((await call(A, 'PUT', `${dbA}/_local/mine`, { at: 1 })).status).toBe(201);
    // A write after them: once it is in the area, they would be too.
    const after = await call(A, 'PUT', `${dbA}/report:2025:mzj`, report('mzj', 2025));
    await until(async () => (await call(supervisor, 'GET', `${area}/report:2025:mzj`)).status === 200);
    expect((await call(admin, 'GET', `${area}/_design/extra`)).status).toBe(404);
    expect((await call(admin, 'GET', `${area}/_local/mine`)).status).toBe(404);
    const ids = ((await call(admin, 'GET', `${area}/_all_docs`)).body.rows as { id: string }[]).map((r) => r.id);
    expect(ids.filter((id) => !/^(report|working|review):\d{4}:(mzj|jyj)$/.test(id))).toEqual(['_design/nianbao', 'roster']);
    expect(after.status).toBe(201);
  });

  it('a unit cannot read the area; the supervisor reads it but cannot write it', async () => {
    expect([401, 403]).toContain((await call(A, 'GET', `${area}/_all_docs`)).status);
    expect([401, 403]).toContain((await call(A, 'GET', `${area}/report:2024:mzj`)).status);
    expect((await call(supervisor, 'GET', `${area}/_all_docs`)).status).toBe(200);
    const forged = await call(supervisor, 'PUT', `${area}/report:2024:jyj`, report('jyj', 2024));
    expect(forged.status).toBe(403);
    const current = await call(supervisor, 'GET', `${area}/report:2024:mzj`);
    expect((await call(supervisor, 'PUT', `${area}/report:2024:mzj`, { ...current.body, tampered: true })).status).toBe(403);
    const bulk = await call(supervisor, 'POST', `${area}/_bulk_docs`, { new_edits: false, docs: [{ ...report('jyj', 2019), _rev: '1-abc' }] });
    expect(JSON.stringify(bulk.body)).toMatch(/forbidden/);
    expect((await call(admin, 'GET', `${area}/report:2019:jyj`)).status).toBe(404);
    expect((await call(admin, 'GET', `${area}/report:2024:jyj`)).status).toBe(404);
  });

  it('setup run again writes the area’s design document once; a longer roster brings the new unit in', async () => {
    const design = await call(admin, 'GET', `${area}/_design/nianbao`);
    const unitC: RosterUnit = { agency: '平罗县财政局', user: 'czj', password: 'czj-password-1' };
    // The new unit's database exists, with a report, before the roster lists it.
    const again = await setupArea(server.url, admin, [unitA, unitB], supervisor);
    expect(again.area.created).toEqual([]);
    expect(again.server).toBe('embedded');
    // The embedded server fills the area itself: no replication documents (express-pouchdb's
    // replicator restarts them all at every start).
    const replications = await call(admin, 'GET', '/_replicator/_all_docs');
    expect(JSON.stringify(replications.body)).not.toContain('nianbao-area-');
    expect((await call(admin, 'GET', `${area}/_design/nianbao`)).body._rev).toBe(design.body._rev);
    const longer = await setupArea(server.url, admin, [unitA, unitB, unitC], supervisor);
    expect(longer.area.created).toEqual(['roster']);
    // The roster written, the keeper passes over it: the new unit is copied, the others unchanged.
    await server.area.idle();
    expect(server.area.lastPass).toMatchObject({ units: 3, replicated: 1, skipped: 2, failed: 0 });
    const C = { name: unitC.user, password: unitC.password };
    expect((await call(C, 'PUT', `/${unitDbName('czj')}/report:2024:czj`, report('czj', 2024))).status).toBe(201);
    await until(async () => (await call(supervisor, 'GET', `${area}/report:2024:czj`)).status === 200);
  });
});

describe('a copy that fails', () => {
  it('is logged without credentials and made again on the next write', async () => {
    const logged: string[] = [];
    const server = await startEmbeddedServer({ port: 0, inMemory: true, admin, origins: [], log: (line) => logged.push(line) });
    const call = caller(() => server.url);
    try {
      // A unit database made by hand before the area exists: its write cannot be copied yet.
      expect((await call(admin, 'PUT', `/${unitDbName('early')}`)).status).toBe(201);
      expect((await call(admin, 'PUT', `/${unitDbName('early')}/report:2024:early`, report('early', 2024))).status).toBe(201);
      await server.area.idle();
      expect(logged.join('\n')).toMatch(/copying nianbao-unit-early into nianbao-area failed .*nianbao-area does not exist/);
      expect(logged.join('\n')).not.toContain(admin.password);
      await setupArea(server.url, admin, [{ agency: '早到的单位', user: 'early', password: 'early-password' }], supervisor);
      const written = await call(admin, 'PUT', `/${unitDbName('early')}/report:2025:early`, report('early', 2025));
      await until(async () => (await call(supervisor, 'GET', `${area}/report:2025:early`)).body._rev === written.body.rev);
      expect((await call(supervisor, 'GET', `${area}/report:2024:early`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('a persistent server’s restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-area-'));
  let server: EmbeddedServer | undefined;
  const call = caller(() => server!.url);
  const units: RosterUnit[] = Array.from({ length: 6 }, (_, i) => ({ agency: `单位${i}`, user: `u${i}`, password: `u${i}-password` }));
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies nothing again when nothing changed, and catches up a unit changed while it was down', async () => {
    const logged: string[] = [];
    server = await startEmbeddedServer({ port: 0, dir, admin, origins: [], log: (line) => logged.push(line) });
    expect(await server.area.started).toMatchObject({ units: 0 });
    await setupArea(server.url, admin, units, supervisor);
    for (const u of units) expect((await call(admin, 'PUT', `/${unitDbName(u.user)}/report:2024:${u.user}`, report(u.user, 2024))).status).toBe(201);
    await server.area.idle();
    expect(server.area.lastPass).toMatchObject({ units: 6 });
    await server.close();

    server = await startEmbeddedServer({ port: 0, dir, admin, origins: [] });
    expect(await server.area.started).toMatchObject({ units: 6, replicated: 0, skipped: 6, failed: 0 });
    expect(server.area.runs).toBe(0);
    expect((await call(supervisor, 'GET', `${area}/report:2024:u3`)).status).toBe(200);
    await server.close();

    // A unit's database changed without the server's front (as a restore would): the keeper
    // was not told; its next start sees the update_seq moved.
    const { basePouchDB } = await import('./embedded.ts');
    const Local = basePouchDB().defaults({ adapter: 'leveldb', prefix: `${dir}/` }) as new (name: string) => { put(doc: object): Promise<{ rev: string }> };
    const direct = new Local(unitDbName('u4'));
    const { rev } = await direct.put(report('u4', 2023));

    server = await startEmbeddedServer({ port: 0, dir, admin, origins: [] });
    expect(await server.area.started).toMatchObject({ units: 6, replicated: 1, skipped: 5, failed: 0 });
    expect((await call(supervisor, 'GET', `${area}/report:2023:u4`)).body._rev).toBe(rev);
    expect(logged.join('\n')).not.toContain(admin.password);
  }, 60_000);
});
