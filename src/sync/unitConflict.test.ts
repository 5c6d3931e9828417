// @vitest-environment node
/**
 * A conflict in the unit's own report, against the embedded server (in memory, a free port),
 * PouchDB in Node standing for two browsers of the same unit (testPouch.ts): both 报送 the same
 * year from the same revision while out of reach; back online, CouchDB keeps both versions and
 * both browsers see the conflict (state.conflicts, conflict(year): who and when for each). Keeping
 * one puts a tombstone on the other (replicated: gone on the server and in the other browser,
 * nothing overwritten); 重新报送 on top writes a new revision on the winner and removes the loser.
 * The supervisor's sync shows the unit's conflict and then not.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, submit, type Report } from '../report/index.ts';
import { startEmbeddedServer, type EmbeddedServer } from '../server/embedded.ts';
import { setupArea } from '../server/setup.ts';
import { createMemoryReviewStore } from '../storage/review/index.ts';
import { unitDbOf } from './session.ts';
import { openSupervisorSync, type SupervisorSync } from './supervisor.ts';
import { nodePouch, readAsAdmin, until as untilWithin } from './testPouch.ts';
import { openUnitSync, type UnitSync } from './unit.ts';
import type { PouchDBConstructor } from './pouch.ts';

// Two browsers settle against one server: 15 s before a wait fails.
const until = <T,>(read: () => T | Promise<T>, ok: (value: T) => boolean, timeout = 15_000) => untilWithin(read, ok, timeout);

const admin = { name: 'admin', password: 'admin-conflict-password' };
const supervisor = { name: 'zwgk', password: 'zwgk-password-1' };
const clerk = { agency: '平罗县民政局', user: 'mzj', password: 'mzj-password-1' };
const decoded = decode(JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8')));
if (!decoded.ok) throw new Error('seed does not decode');
const seed: Report = { ...decoded.report, meta: { ...decoded.report.meta, agency: clerk.agency } };
/** The report as a browser submits it, with its own contact line (so the versions differ). */
const submitted = (contact: string) => submit({ ...seed, meta: { ...seed.meta, contact } }, { actor: clerk.user });

let server: EmbeddedServer;
// Two browsers of the same unit: the office PC and the laptop.
const office = nodePouch({ name: clerk.user, password: clerk.password });
const laptop = nodePouch({ name: clerk.user, password: clerk.password });
const online = (PouchDB: PouchDBConstructor) => openUnitSync({ url: server.url, user: clerk.user, role: 'unit' }, { PouchDB });

const onServer = () => readAsAdmin<{ _rev: string; _conflicts?: string[]; draftId?: string; report: Report }>(server.url, admin, `/${unitDbOf(clerk.user)}/${encodeURIComponent(`report:2022:${clerk.user}`)}?conflicts=true`);

/** Both browsers 报送 while the server is out of reach (the same local databases, no network). */
async function bothSubmitOffline(contacts: [string, string]) {
  for (const [PouchDB, contact, draftId] of [
    [office, contacts[0], 'draft-office'],
    [laptop, contacts[1], 'draft-laptop'],
  ] as const) {
    const away = await openUnitSync({ url: 'http://127.0.0.1:9', user: clerk.user, role: 'unit' }, { PouchDB, answerMs: 500 });
    const put = await away.put(submitted(contact), draftId);
    expect(put.ok).toBe(true);
    await away.close();
  }
}

beforeAll(async () => {
  server = await startEmbeddedServer({ port: 0, inMemory: true, admin, origins: [] });
  await setupArea(server.url, admin, [clerk], supervisor);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('a conflict in the unit’s own report', () => {
  let a: UnitSync;
  let b: UnitSync;
  let boss: SupervisorSync;

  it('two browsers 报送 offline from the same revision: back online, both see two versions, who and when for each', async () => {
    await bothSubmitOffline(['0952-1111111', '0952-2222222']);
    a = await online(office);
    b = await online(laptop);
    const doc = await until(onServer, (d) => (d?._conflicts?.length ?? 0) === 1);
    for (const sync of [a, b]) await until(() => sync.state().conflicts, (years) => years.includes(2022));
    const seen = await a.conflict(2022);
    expect(seen?.kind).toBe('report');
    expect(seen?.year).toBe(2022);
    expect(seen?.winner.rev).toBe(doc!._rev);
    expect(seen?.others.map((v) => v.rev)).toEqual(doc!._conflicts);
    // Each version says who wrote it, when, and from which draft; nothing was overwritten.
    const versions = [seen!.winner, ...seen!.others];
    expect(versions.map((v) => v.by)).toEqual([clerk.user, clerk.user]);
    expect(versions.every((v) => v.at > 0)).toBe(true);
    expect(versions.map((v) => [v.draftId, v.report.meta.contact]).sort()).toEqual([
      ['draft-laptop', '0952-2222222'],
      ['draft-office', '0952-1111111'],
    ]);
    // A year without a conflict has none.
    expect(await a.conflict(2021)).toBeUndefined();

    boss = await openSupervisorSync({ url: server.url, user: supervisor.name, role: 'supervisor' }, createMemoryReviewStore(), { PouchDB: nodePouch(supervisor) });
    const shown = await until(() => boss.state().units.get(clerk.user)?.conflicts ?? [], (c) => c.length === 1, 20_000);
    expect(shown[0]).toMatchObject({ id: `report:2022:${clerk.user}`, kind: 'report', year: 2022 });
  }, 60_000);

  it('keeping one version removes the other (a tombstone, replicated): gone on the server, in the other browser and at the supervisor', async () => {
    const seen = (await b.conflict(2022))!;
    const loser = seen.others[0]!;
    const result = await b.resolve(2022, loser.rev);
    expect(result.ok).toBe(true);
    const doc = await until(onServer, (d) => (d?._conflicts?.length ?? 0) === 0);
    // The kept version is the one chosen, as it was written (not a copy over the other).
    expect(doc!._rev).toBe(loser.rev);
    expect(doc!.report.meta.contact).toBe(loser.report.meta.contact);
    for (const sync of [a, b]) await until(() => sync.state().conflicts, (years) => years.length === 0);
    expect(await a.conflict(2022)).toBeUndefined();
    await until(() => boss.state().units.get(clerk.user)?.conflicts ?? [], (c) => c.length === 0, 20_000);
    // A revision no longer a leaf cannot be kept.
    expect(await b.resolve(2022, seen.winner.rev)).toEqual({ ok: false, reason: 'gone' });
  }, 60_000);

  it('重新报送 on top settles it too: a new revision on the winner, the loser deleted', async () => {
    await a.close();
    await b.close();
    await bothSubmitOffline(['0952-3333333', '0952-4444444']);
    a = await online(office);
    b = await online(laptop);
    await until(onServer, (d) => (d?._conflicts?.length ?? 0) === 1);
    await until(() => a.state().conflicts, (years) => years.includes(2022));
    const before = (await a.conflict(2022))!;
    const put = await a.put(submitted('0952-5555555'), 'draft-office');
    expect(put.ok).toBe(true);
    // Both writes reach the server (the new revision, then the tombstone): one version is left.
    const doc = await until(onServer, (d) => d?.report.meta.contact === '0952-5555555' && (d._conflicts ?? []).length === 0);
    // Written on the winner: its revision is the new one's parent (the generation after it).
    expect(Number(doc!._rev.split('-')[0])).toBe(Number(before.winner.rev.split('-')[0]) + 1);
    for (const sync of [a, b]) await until(() => sync.state().conflicts, (years) => years.length === 0);
    await until(() => boss.state().units.get(clerk.user)?.conflicts ?? [], (c) => c.length === 0, 20_000);
    await boss.close();
    await a.close();
    await b.close();
  }, 60_000);
});
