// @vitest-environment node
/** The real command: `node bin/nianbao.mjs …` in a child process, on fixture files. */
import { spawn } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { FIXTURES_DIR, SEED_FILE } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'nianbao.mjs');
const UNBALANCED = join(FIXTURES_DIR, 'pingluo-2022-unbalanced.json');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command to its end; `input` goes to its stdin; `cwd` defaults to the project. */
function nianbao(args: string[], { input, cwd = ROOT }: { input?: string; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const SPAWN_TIMEOUT = 30_000;
const lines = (text: string) => text.split('\n').filter((l) => l);

// One at a time: each child compiles the sources through tsx; ten at once on two cores thrash.
describe('node bin/nianbao.mjs', () => {
  test(
    'check on the seed: no error, exit 0',
    async () => {
      const r = await nianbao(['check', 'tests/fixtures/pingluo-2022.json']);
      expect(r).toEqual({ code: 0, stdout: 'tests/fixtures/pingluo-2022.json：错误 0，警告 0，提示 0 —— 通过\n', stderr: '' });
    },
    SPAWN_TIMEOUT,
  );

  test(
    'check on the unbalanced copy: exit 1 naming balance and applications.carriedForward.naturalPerson',
    async () => {
      const r = await nianbao(['check', 'tests/fixtures/pingluo-2022-unbalanced.json']);
      expect(r.code).toBe(1);
      const [finding, summary] = lines(r.stdout);
      expect(finding).toMatch(/^tests\/fixtures\/pingluo-2022-unbalanced\.json: error balance \S*applications\.carriedForward\.naturalPerson\S* 自然人栏不平衡/);
      expect(summary).toBe('tests/fixtures/pingluo-2022-unbalanced.json：错误 1，警告 0，提示 0 —— 有错误');
      expect(r.stderr).toBe('');
    },
    SPAWN_TIMEOUT,
  );

  test(
    'check --json on two files: one object per line',
    async () => {
      const r = await nianbao(['check', '--json', SEED_FILE, UNBALANCED]);
      expect(r.code).toBe(1);
      const objects = lines(r.stdout).map((l) => JSON.parse(l));
      expect(objects.map((o) => [o.file, o.ok, o.findings.map((f: { rule: string }) => f.rule)])).toEqual([
        [SEED_FILE, true, []],
        [UNBALANCED, false, ['balance']],
      ]);
    },
    SPAWN_TIMEOUT,
  );

  test(
    'bad input: a missing file, a JSON array, a 2 GB file — one line each, exit 2, no stack trace',
    async () => {
      const array = join(dir, 'array.json');
      writeFileSync(array, '[{"kind": "gov-info-disclosure-annual-report"}]');
      const huge = join(dir, 'huge.json');
      const fd = openSync(huge, 'w');
      ftruncateSync(fd, 2 * 1024 ** 3);
      closeSync(fd);
      const missing = join(dir, 'missing.json');
      const r = await nianbao(['check', missing, array, huge]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toEqual([`${missing}: 找不到文件`, `${array}: 不是年报文件：应为一个 JSON 对象`, `${huge}: 文件过大（2.0 GB），上限为 5.0 MB（年报文件一般不超过 1 MB）`]);
    },
    SPAWN_TIMEOUT,
  );

  test(
    'not JSON: one line, exit 2',
    async () => {
      const r = await nianbao(['check', 'tests/fixtures/pingluo-2022-zhengfuban.txt']);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(/^tests\/fixtures\/pingluo-2022-zhengfuban\.txt: 不是 JSON 文件：/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
    SPAWN_TIMEOUT,
  );

  test(
    'new | check -: an empty report is a valid file with blanks to fill',
    async () => {
      const created = await nianbao(['new', '--agency', '某县民政局', '--year', '2023']);
      expect(created.code).toBe(0);
      const checked = await nianbao(['check', '--json', '-'], { input: created.stdout });
      expect(checked.code).toBe(1);
      const [result] = lines(checked.stdout).map((l) => JSON.parse(l));
      expect(result.findings.map((f: { key: string }) => f.key)).toEqual([
        'count:blank.proactive',
        'count:blank.applications',
        'count:blank.appeals',
        'required:narrative.overview',
        'required:narrative.problems',
        'required:narrative.other',
        'feeStatement:other',
      ]);
    },
    SPAWN_TIMEOUT,
  );

  test(
    'new with a bad year: one line, exit 2',
    async () => {
      const r = await nianbao(['new', '--agency', '某局', '--year', 'next']);
      expect(r).toEqual({ code: 2, stdout: '', stderr: 'nianbao new: --year must be a year between 1990 and 2200, not "next" (see: nianbao new --help)\n' });
    },
    SPAWN_TIMEOUT,
  );

  test(
    'schema into a pipe closed early: no EPIPE trace',
    async () => {
      const child = spawn(process.execPath, [BIN, 'schema'], { cwd: ROOT });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString('utf8'))));
      child.stdout.destroy();
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(first).toMatch(/^\{\n {2}"\$schema"/);
      expect(stderr).toBe('');
      expect(code).toBe(0);
    },
    SPAWN_TIMEOUT,
  );

  test(
    'works from another directory, and unknown commands exit 2',
    async () => {
      const r = await nianbao(['check', SEED_FILE], { cwd: dir });
      expect(r.code).toBe(0);
      const unknown = await nianbao(['chek', SEED_FILE], { cwd: dir });
      expect(unknown.code).toBe(2);
      expect(lines(unknown.stderr)).toEqual([expect.stringContaining('unknown command "chek"')]);
    },
    SPAWN_TIMEOUT,
  );

  test(
    '--help',
    async () => {
      const r = await nianbao(['--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: nianbao <command>');
    },
    SPAWN_TIMEOUT,
  );
});
