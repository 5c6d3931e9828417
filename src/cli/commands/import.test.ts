// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, ENTERED_CELLS, cellValue, evaluate } from '../../report/index.ts';
import { memoryIo } from '../io.ts';
import { run as render } from './render.ts';
import { run, whoseReport } from './import.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => join(root, 'tests/fixtures/import', name);
const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nianbao import', () => {
  it.each(['zhanjiang-dfz-2023.txt', 'zhanjiang-dfz-2023.html', 'zhanjiang-dfz-2023.docx', 'zhanjiang-dfz-2023.pdf'])(
    'reads %s into a report file that opens again',
    async (name) => {
      const io = memoryIo();
      expect(await run([fixture(name)], io)).toBe(0);
      const decoded = decode(JSON.parse(io.out()));
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(decoded.report.meta).toMatchObject({ agency: '湛江市人民政府地方志办公室', year: 2023, agencyKind: 'department' });
      expect(decoded.report.proactive.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 0 });
      expect(io.err()).toContain('missingSection narrative.problems');
    },
  );

  it('names each printed blank and "/" on standard error, in English with --lang en', async () => {
    const io = memoryIo();
    expect(await run([fixture('tongji-2023.txt'), '--lang', 'en'], io)).toBe(0);
    expect(io.err()).toContain('slash proactive.regulations.issued: Regulations (规章) — Issued this year: printed “/”, left empty (not taken for 0)');
    expect(io.err()).toContain('blank applications.newReceived.naturalPerson');
    const report = JSON.parse(io.out());
    expect(report.proactive.regulations.issued).toBeNull();
    expect(report.applications.newReceived.naturalPerson).toBeNull();
  });

  it('writes the notes as one JSON object with --json, the report to --output', async () => {
    const out = join(dir, 'out.json');
    const io = memoryIo();
    expect(await run([fixture('xuwen-2023.html'), '--json', '--output', out], io)).toBe(0);
    expect(io.out()).toBe('');
    const notes = JSON.parse(io.err());
    expect(notes).toMatchObject({ source: 'html', template: '2021' });
    expect(notes.notes).toContainEqual(expect.objectContaining({ path: 'applications.carriedOver.naturalPerson', kind: 'blank' }));
    expect(JSON.parse(readFileSync(out, 'utf8')).proactive.normativeDocuments.inForce).toBe(101);
  });

  it('reads standard input for -, told by content', async () => {
    const io = memoryIo(readFileSync(fixture('changchun-2023.txt'), 'utf8'));
    expect(await run(['-'], io)).toBe(0);
    expect(JSON.parse(io.out()).applications.newReceived.naturalPerson).toBe(3);
  });

  it.each([
    ['scanned-report.pdf', '没有文字层'],
    ['corpus.ts', '没有找到政府信息公开工作年度报告的表格或章节'],
    ['no-such-file.html', '找不到文件'],
  ])('refuses %s with exit 2 and one plain line', async (name, message) => {
    const io = memoryIo();
    expect(await run([fixture(name)], io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toContain(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['区统计局', 2023, 'zh', '区统计局 2023'],
    ['', 2022, 'zh', '机关名称未读到, 2022'],
    ['区统计局', null, 'zh', '区统计局, 年度未读到'],
    ['', null, 'zh', '机关名称未读到, 年度未读到'],
    ['  ', null, 'zh', '机关名称未读到, 年度未读到'],
    ['区统计局', 2023, 'en', '区统计局 2023'],
    ['', 2022, 'en', 'agency not found, 2022'],
    ['区统计局', null, 'en', '区统计局, year not found'],
    ['', null, 'en', 'agency not found, year not found'],
  ] as const)('says whose report it read: agency %j, year %j (%s) → %s', (agency, year, lang, said) => {
    expect(whoseReport({ agency, year }, lang)).toBe(said);
  });

  it.each([
    ['changchun-2023.txt', 'zh', 'pipes, 机关名称未读到, 年度未读到, 28 条说明'],
    ['changchun-2023.txt', 'en', 'pipes, agency not found, year not found, 28 notes'],
    ['hanyang-2022.txt', 'zh', 'pipes, 机关名称未读到, 2022, 28 条说明'],
    ['hanyang-2022.txt', 'en', 'pipes, agency not found, 2022, 28 notes'],
    ['tongji-2023.txt', 'zh', 'pipes, 区统计局 2023, 41 条说明'],
  ])('the summary line of %s (%s) says what its title did not give, never "?"', async (name, lang, line) => {
    const io = memoryIo();
    expect(await run([fixture(name), '--lang', lang], io)).toBe(0);
    const first = io.err().split('\n')[0]!;
    expect(first).toBe(`${fixture(name)}: ${line}`);
    expect(first).not.toContain('?');
  });

  it('refuses bad usage with exit 2', async () => {
    expect(await run([], memoryIo())).toBe(2);
    expect(await run([fixture('tongji-2023.txt'), '--lang', 'fr'], memoryIo())).toBe(2);
  });

  it('reads a printed 汇总 without its 汇总 note in the text: the figures are the sum, the preamble the report’s', async () => {
    const original = JSON.parse(readFileSync(join(root, 'tests/fixtures/pingluo-2022.json'), 'utf8'));
    const aggregate = { ...original, aggregate: { units: [{ agency: '甲局', status: 'approved' }, { agency: '乙镇', status: 'submitted' }], missing: ['丙乡'], notApproved: ['乙镇'] } };
    const file = join(dir, 'aggregate.json');
    writeFileSync(file, JSON.stringify(aggregate));
    const printed = memoryIo();
    expect(await render([file], printed)).toBe(0);
    expect(printed.out()).toContain('（汇总说明：本报告为 2 个单位');
    // As printed, and as a PDF gives it: the note line by line.
    const lineByLine = printed.out().replace('单位政府信息', '单位政府信息</p><p>').replace('之和：', '之和：</p><p>');
    for (const html of [printed.out(), lineByLine]) {
      const io = memoryIo(html);
      expect(await run(['-'], io)).toBe(0);
      const back = JSON.parse(io.out());
      expect(back.meta).toMatchObject({ agency: original.meta.agency, year: original.meta.year });
      expect(JSON.stringify(back.narrative)).not.toMatch(/汇总说明|逐项相加|甲局/);
      expect(back.narrative.preamble).toBe(original.narrative.preamble);
      for (const cell of ENTERED_CELLS) expect(cellValue(back, cell.id), cell.id).toBe(cellValue(original, cell.id));
    }
  });

  it('round-trips the project’s own printable HTML: every cell back', async () => {
    const printed = memoryIo();
    expect(await render([join(root, 'tests/fixtures/pingluo-2022.json')], printed)).toBe(0);
    const io = memoryIo(printed.out());
    expect(await run(['-', '--json'], io)).toBe(0);
    const original = JSON.parse(readFileSync(join(root, 'tests/fixtures/pingluo-2022.json'), 'utf8'));
    const back = decode(JSON.parse(io.out()));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    for (const cell of ENTERED_CELLS) expect(cellValue(back.report, cell.id), cell.id).toBe(cellValue(original, cell.id));
    expect(back.report.meta).toMatchObject({ agency: original.meta.agency, year: original.meta.year, agencyKind: original.meta.agencyKind });
    expect(back.report.narrative.overview.map((p) => p.title)).toEqual(original.narrative.overview.map((p: { title: string }) => p.title));
    const stated = JSON.parse(io.err()).stated;
    expect(evaluate(back.report, { stated }).filter((f) => f.rule === 'statedTotal')).toEqual([]);
  });
});
