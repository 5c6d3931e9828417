// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTERED_CELLS, decodeText, getCell, setCell, type Report } from '../../report/index.ts';
import { memoryIo } from '../io.ts';
import { run } from './aggregate.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const decoded = decodeText(readFileSync(join(root, 'tests/fixtures/pingluo-2022.json'), 'utf8'));
if (!decoded.ok) throw new Error('seed does not decode');
const seed = decoded.report;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-aggregate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A unit's report: the seed under another name, with some numbers changed, in a review status. */
function unit(agency: string, status: Report['review']['status'], newReceived: number, year = 2022): Report {
  let r: Report = { ...seed, meta: { ...seed.meta, agency, year }, review: { ...seed.review, status } };
  // Keep the balance: the extra applications were granted.
  r = setCell(r, 'applications.newReceived.naturalPerson', newReceived);
  r = setCell(r, 'applications.granted.naturalPerson', 3 + newReceived - 24);
  return r;
}

function write(name: string, content: Report | string): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const jia = write('jia.json', unit('甲局', 'approved', 30));
const yi = write('yi.json', unit('乙镇', 'approved', 26));
const bing = write('bing.json', unit('丙街道', 'submitted', 25));
const ding2021 = write('ding-2021.json', unit('丁局', 'approved', 24, 2021));
const broken = write('broken.json', '{"kind": "gov-info-disclosure-annual-report",');

describe('nianbao aggregate (the real command)', () => {
  it('sums the approved reports to stdout, names every unit left out on stderr, exit 1 for a broken file', () => {
    const result = spawnSync('node', [join(root, 'bin/nianbao.mjs'), 'aggregate', jia, yi, bing, ding2021, broken, '--agency', '某县人民政府'], {
      encoding: 'utf8',
      cwd: root,
    });
    expect(result.status).toBe(1);
    const total = decodeText(result.stdout);
    if (!total.ok) throw new Error(`stdout is no report: ${JSON.stringify(total.problems)}`);
    const report = total.report;
    expect(report.meta).toMatchObject({ agency: '某县人民政府', agencyKind: 'government', year: 2022 });
    // Independently: every entered cell is the sum of 甲局's and 乙镇's.
    const a = unit('甲局', 'approved', 30);
    const b = unit('乙镇', 'approved', 26);
    for (const cell of ENTERED_CELLS) {
      const va = getCell(a, cell.id);
      const vb = getCell(b, cell.id);
      expect(getCell(report, cell.id), cell.id).toBe(va === null && vb === null ? null : (va ?? 0) + (vb ?? 0));
    }
    expect(report.applications.newReceived.naturalPerson).toBe(56);
    expect(report.aggregate).toEqual({
      units: [
        { agency: '甲局', status: 'approved' },
        { agency: '乙镇', status: 'approved' },
      ],
      missing: ['丁局'],
      notApproved: ['丙街道'],
    });
    expect(result.stderr).toContain('broken.json: 文件不完整');
    expect(result.stderr).toContain('未通过审核，未计入（1）：丙街道');
    expect(result.stderr).toContain('其他年度的报告，未计入（1）：丁局 (2021)');
    expect(result.stderr).toContain('没有本年度报告（1）：丁局');
  }, 60_000);

  it('is listed in nianbao --help', () => {
    const result = spawnSync('node', [join(root, 'bin/nianbao.mjs'), '--help'], { encoding: 'utf8', cwd: root });
    expect(result.stdout).toMatch(/aggregate\s+Sum up/);
  }, 60_000);
});

describe('nianbao aggregate (in process)', () => {
  it('exit 0 when every file reads; --include-unapproved sums the unapproved and still names them', async () => {
    const io = memoryIo();
    expect(await run([jia, bing, '--agency', '某县人民政府', '--include-unapproved', '--lang', 'en'], io)).toBe(0);
    const total = JSON.parse(io.out()) as Report;
    expect(total.applications.newReceived.naturalPerson).toBe(55);
    expect(io.err()).toContain('summed although not approved (1): 丙街道');
    expect(io.err()).toContain('summed the 2022 reports of 2 unit(s)');
  });

  it('a unit given twice counts once (the later file), and says so', async () => {
    const newer = write('jia-v2.json', unit('甲局', 'approved', 40));
    const io = memoryIo();
    expect(await run([jia, newer, '--agency', 'X'], io)).toBe(0);
    expect((JSON.parse(io.out()) as Report).applications.newReceived.naturalPerson).toBe(40);
    expect(io.err()).toContain(`甲局 2022 有两个文件：使用 ${newer}，不用 ${jia}`);
  });

  it('blank is not zero: units summed with blank cells are named on stderr, with how many', async () => {
    const partly = write('geng.json', setCell(setCell(unit('庚乡', 'approved', 24), 'proactive.licensing', null), 'proactive.fees', null));
    const io = memoryIo();
    expect(await run([jia, partly, '--agency', 'X'], io)).toBe(0);
    expect(io.err()).toContain('有未填的格子，未按 0 计（1）：庚乡（2 格）');
    const en = memoryIo();
    await run([jia, partly, '--agency', 'X', '--lang', 'en'], en);
    expect(en.err()).toContain('summed with blank cells, not read as 0 (1): 庚乡 (2 cells)');
  });

  it('--expected names units without a report; --year picks the year', async () => {
    const list = write('expected.txt', '甲局\n乙镇\n庚乡\n\n');
    const io = memoryIo();
    expect(await run([jia, ding2021, '--year', '2021', '--expected', list, '--agency', 'X'], io)).toBe(0);
    const total = JSON.parse(io.out()) as Report;
    expect(total.meta.year).toBe(2021);
    expect(total.aggregate?.units).toEqual([{ agency: '丁局', status: 'approved' }]);
    expect(total.aggregate?.missing).toEqual(['甲局', '乙镇', '庚乡']);
  });

  it('nothing approved: an empty aggregate, said on stderr; no --agency is said too', async () => {
    const io = memoryIo();
    expect(await run([bing], io)).toBe(0);
    expect(io.err()).toContain('未给出 --agency');
    expect(io.err()).toContain('没有可汇总的报告');
    expect((JSON.parse(io.out()) as Report).applications.newReceived.naturalPerson).toBeNull();
  });

  it.each([
    [[], 'no file to sum up'],
    [[jia, '--year', '22'], '--year must be a year'],
    [[jia, '--lang', 'fr'], '--lang must be zh or en'],
    [[jia, '--bogus'], 'unknown option --bogus'],
    [[jia, '--expected', join(dir, 'nope.txt')], 'cannot read --expected'],
  ])('bad usage %j: one line, exit 2', async (args, text) => {
    const io = memoryIo();
    expect(await run(args, io)).toBe(2);
    expect(io.err()).toContain(text);
    expect(io.out()).toBe('');
  });
});
