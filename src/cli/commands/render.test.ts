// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../io.ts';
import { run } from './render.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = join(root, 'tests/fixtures/pingluo-2022.json');
const dir = mkdtempSync(join(tmpdir(), 'nianbao-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nianbao render', () => {
  it('writes the printable HTML of a report to standard output', async () => {
    const io = memoryIo();
    expect(await run([fixture], io)).toBe(0);
    const html = io.out();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>平罗县人民政府办公室2022年政府信息公开工作年度报告</title>');
    expect(html).toContain('三、收到和处理政府信息公开申请情况');
    expect(html).not.toContain('单位负责人签字');
    expect(io.err()).toBe('');
  });

  it('adds the paper-copy block and writes to a file with --output', async () => {
    const out = join(dir, 'report.html');
    const io = memoryIo();
    expect(await run([fixture, '--paper-copy', '-o', out], io)).toBe(0);
    expect(io.out()).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('单位负责人签字');
  });

  it('writes a Word file with --format docx --output, and refuses docx to standard output', async () => {
    const out = join(dir, 'report.docx');
    const io = memoryIo();
    expect(await run([fixture, '--format', 'docx', '--output', out], io)).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
    const toStdout = memoryIo();
    expect(await run([fixture, '--format', 'docx'], toStdout)).toBe(2);
    expect(toStdout.err()).toContain('--format docx needs --output');
    const unknown = memoryIo();
    expect(await run([fixture, '--format', 'pdf'], unknown)).toBe(2);
    expect(unknown.err()).toContain('--format must be html, docx or fragment');
  });

  it('writes the web fragment with --format fragment: inline styles only', async () => {
    const io = memoryIo();
    expect(await run([fixture, '--format', 'fragment'], io)).toBe(0);
    const html = io.out();
    expect(html.startsWith('<div style="')).toBe(true);
    expect(html).toContain('rowspan="22"');
    expect(html).not.toMatch(/<style|<script|class=|https?:/);
  });

  it('reads standard input for -', async () => {
    const io = memoryIo(readFileSync(fixture, 'utf8'));
    expect(await run(['-'], io)).toBe(0);
    expect(io.out()).toContain('<html lang="zh-CN">');
  });

  it('renders a draft with its mark and says so on standard error', async () => {
    const draft = join(dir, 'draft.json');
    writeFileSync(draft, JSON.stringify({ ...JSON.parse(readFileSync(fixture, 'utf8')), status: 'draft' }));
    const io = memoryIo();
    expect(await run([draft, '--lang', 'en'], io)).toBe(0);
    expect(io.out()).toContain('class="nb-draft-mark"');
    expect(io.err()).toContain('not marked ready');
  });

  it('refuses a file that does not decode: problems on standard error, exit 2, nothing on standard output', async () => {
    const bad = join(dir, 'bad.json');
    const doc = JSON.parse(readFileSync(fixture, 'utf8'));
    doc.applications.newReceived.naturalPerson = -1;
    doc.meta.year = '2022';
    writeFileSync(bad, JSON.stringify(doc));
    const io = memoryIo();
    expect(await run([bad], io)).toBe(2);
    expect(io.out()).toBe('');
    const lines = io.err().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(io.err()).toContain(`${bad}: applications.newReceived.naturalPerson: 不能为负数`);
    expect(io.err()).toContain(`${bad}: meta.year:`);

    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '<html>');
    const io2 = memoryIo();
    expect(await run([notJson], io2)).toBe(2);
    expect(io2.err()).toContain('不是 JSON 文件');

    const io3 = memoryIo();
    expect(await run([join(dir, 'missing.json')], io3)).toBe(2);
    expect(io3.err()).toContain('找不到文件');
  });

  it('reports bad usage with exit 2', async () => {
    for (const args of [[], [fixture, fixture], [fixture, '--colour'], [fixture, '--lang', 'fr']]) {
      const io = memoryIo();
      expect(await run(args, io), args.join(' ')).toBe(2);
      expect(io.err()).toMatch(/^nianbao render: /);
    }
  });

  it('runs as `nianbao render` from the bin script', () => {
    const html = execFileSync(process.execPath, [join(root, 'bin/nianbao.mjs'), 'render', fixture], { encoding: 'utf8' });
    expect(html).toContain(
      '<h1 class="nb-title"><span class="nb-title-line">平罗县人民政府办公室</span><span class="nb-title-line">2022年政府信息公开工作年度报告</span></h1>',
    );
  }, 30_000);
});
