// @vitest-environment node
/**
 * `nianbao` as an agency's server installs it: `npm ci --omit=dev` in a copy of the project (the
 * files the command needs, the lock as committed), then the real command on the seed. A runtime
 * import from a devDependency (tsx once was one) fails here, where the full checkout would hide it.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SEED_FILE } from './helpers.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const copy = mkdtempSync(join(tmpdir(), 'nianbao-production-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

beforeAll(async () => {
  for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'bin', 'src']) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  // The packages come from npm's cache that the checkout's own `npm ci` filled; the registry only when missing.
  await run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: copy, env: { ...process.env, NODE_ENV: 'production' } });
}, 180_000);

describe('after npm ci --omit=dev', () => {
  test('no devDependency is installed (the copy is really a production install)', () => {
    for (const dev of ['vitest', 'vite', 'eslint', 'playwright-core']) expect(existsSync(join(copy, 'node_modules', dev)), dev).toBe(false);
  });

  test('nianbao check on the seed runs: exit 0, the summary line', async () => {
    const { stdout, stderr } = await run(process.execPath, [join(copy, 'bin', 'nianbao.mjs'), 'check', SEED_FILE], { cwd: copy });
    expect(stderr).toBe('');
    expect(stdout).toBe(`${SEED_FILE}：错误 0，警告 0，提示 0 —— 通过\n`);
  }, 60_000);

  test('nianbao new and render run too (every command loads its modules)', async () => {
    const bin = join(copy, 'bin', 'nianbao.mjs');
    const created = await run(process.execPath, [bin, 'new', '--agency', '某县民政局', '--year', '2023'], { cwd: copy });
    expect(JSON.parse(created.stdout)).toMatchObject({ meta: { agency: '某县民政局', year: 2023 } });
    const rendered = await run(process.execPath, [bin, 'render', SEED_FILE], { cwd: copy, maxBuffer: 64 * 1024 * 1024 });
    expect(rendered.stdout).toMatch(/^<!doctype html>/i);
    expect(rendered.stdout).toContain('平罗县');
  }, 60_000);

  test('nianbao import reads HTML, Word and PDF (parse5, mammoth and pdf.js are runtime dependencies)', async () => {
    const bin = join(copy, 'bin', 'nianbao.mjs');
    for (const ext of ['html', 'docx', 'pdf']) {
      const file = join(ROOT, `tests/fixtures/import/zhanjiang-dfz-2023.${ext}`);
      const { stdout } = await run(process.execPath, [bin, 'import', file], { cwd: copy, maxBuffer: 16 * 1024 * 1024 });
      expect(JSON.parse(stdout), ext).toMatchObject({ meta: { agency: '湛江市人民政府地方志办公室', year: 2023 } });
    }
  }, 90_000);
});
