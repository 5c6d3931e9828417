// @vitest-environment node
/** `nianbao server setup` as a 政务公开办 runs it: roster file in, --json out, exit codes. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { memoryIo } from '../cli/io.ts';
import { startEmbeddedServer, type EmbeddedServer } from './embedded.ts';
import { parseRoster } from './roster.ts';

let server: EmbeddedServer;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-roster-'));
const roster = join(dir, 'roster.csv');

beforeAll(async () => {
  server = await startEmbeddedServer({ port: 0, inMemory: true, admin: { name: 'admin', password: 'admin-pw' }, origins: [] });
  writeFileSync(roster, 'agency,user,password,kind\n平罗县民政局,pl-mzj,mzj-secret-1,department\n"平罗县教育体育局, 科技局",pl-jyj,jyj-secret-1\n');
});
afterAll(() => server.close());

describe('nianbao server setup', () => {
  it('prints the units and the supervisor as JSON, and runs again unchanged', async () => {
    const args = ['server', 'setup', '--url', server.url, '--admin', 'admin:admin-pw', '--roster', roster, '--supervisor', 'zwgk:zwgk-secret-1'];
    const io = memoryIo();
    expect(await main([...args, '--json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({
      units: [
        { agency: '平罗县民政局', user: 'pl-mzj', db: 'nianbao-unit-pl-mzj' },
        { agency: '平罗县教育体育局, 科技局', user: 'pl-jyj', db: 'nianbao-unit-pl-jyj' },
      ],
      supervisor: { user: 'zwgk' },
    });
    const again = memoryIo();
    expect(await main(args, again)).toBe(0);
    expect(again.out()).toContain('0 created or changed');
    expect(again.out()).not.toContain('password');
  });

  it('exits 1 on a wrong admin password and 2 on a bad roster or missing option', async () => {
    const wrong = memoryIo();
    expect(await main(['server', 'setup', '--url', server.url, '--admin', 'admin:nope', '--roster', roster, '--supervisor', 'zwgk:zwgk-secret-1'], wrong)).toBe(1);
    expect(wrong.err()).toContain('wrong');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '某局,Bad User,short\n');
    const badIo = memoryIo();
    expect(await main(['server', 'setup', '--url', server.url, '--admin', 'admin:admin-pw', '--roster', bad, '--supervisor', 'zwgk:zwgk-secret-1'], badIo)).toBe(2);
    expect(badIo.err()).toMatch(/line 1: user "Bad User"/);
    expect(badIo.err()).toMatch(/shorter than 8/);
    expect(await main(['server', 'setup', '--url', server.url, '--roster', roster], memoryIo())).toBe(2);
    expect(await main(['server', 'start', '--in-memory'], memoryIo())).toBe(2);
  });
});

describe('parseRoster', () => {
  it.each([
    ['a header and quoted fields', 'agency,user,password\n"A, B",ab,12345678\n', { ok: true, users: ['ab'] }],
    ['a kind column', 'X局,x1,12345678,department\n', { ok: true, users: ['x1'] }],
    ['a duplicate user', 'X局,x1,12345678\nY局,x1,12345678\n', { ok: false, problem: /listed twice/ }],
    ['too few fields', 'X局,x1\n', { ok: false, problem: /expected agency,user,password/ }],
    ['nothing', '\n\n', { ok: false, problem: /no unit/ }],
  ])('%s', (_name, text, expected) => {
    const result = parseRoster(text);
    expect(result.ok).toBe(expected.ok);
    if (result.ok) expect(result.units.map((u) => u.user)).toEqual((expected as { users: string[] }).users);
    else expect(result.problems.join('\n')).toMatch((expected as { problem: RegExp }).problem);
  });
});

describe('a persistent server (--dir)', () => {
  it('keeps databases across a restart and writes the admin password only hashed', async () => {
    const data = mkdtempSync(join(tmpdir(), 'nianbao-data-'));
    const admin = { name: 'admin', password: 'plain-admin-password' };
    const auth = { authorization: `Basic ${Buffer.from('admin:plain-admin-password').toString('base64')}` };
    const first = await startEmbeddedServer({ port: 0, dir: data, admin, origins: [] });
    expect((await fetch(`${first.url}/kept`, { method: 'PUT', headers: auth })).status).toBe(201);
    await first.close();
    const second = await startEmbeddedServer({ port: 0, dir: data, admin, origins: [] });
    try {
      expect((await fetch(`${second.url}/kept`, { headers: auth })).status).toBe(200);
    } finally {
      await second.close();
    }
    const { readFileSync } = await import('node:fs');
    const config = readFileSync(join(data, 'config.json'), 'utf8');
    expect(config).toContain('-pbkdf2-');
    expect(config).not.toContain('plain-admin-password');
  });
});

describe('nianbao server start', () => {
  it('says once when the area database has caught up at start, and stops on SIGTERM', async () => {
    const before = new Set(process.listeners('SIGTERM'));
    const io = memoryIo();
    const running = main(['server', 'start', '--in-memory', '--port', '0', '--admin', 'admin:admin-pw'], io);
    const t0 = Date.now();
    while (!io.out().includes('area database caught up') && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 20));
    expect(io.out()).toMatch(/nianbao server: the area database caught up: 0 units, 0 copied, 0 unchanged, in \d+ ms/);
    // The command's own stop (what Ctrl+C or a service manager's SIGTERM runs), called directly:
    // the test process itself is not signalled.
    const stop = process.listeners('SIGTERM').filter((l) => !before.has(l));
    expect(stop).toHaveLength(1);
    (stop[0] as () => void)();
    expect(await running).toBe(0);
    expect(io.out().match(/caught up/g)).toHaveLength(1);
    expect(io.out()).toContain('nianbao server: stopped');
  }, 20_000);
});
