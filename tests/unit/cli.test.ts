// @vitest-environment node
/** The command line in-process: main(args, io) with in-memory streams, on fixture files. */
import { mkdtempSync, mkdirSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { COMMANDS, main } from '../../src/cli/main.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { decode, ENTERED_CELLS, type Report } from '../../src/report/index.ts';
import { FIXTURES_DIR, SEED_FILE, edited, seed } from './helpers.ts';

const UNBALANCED = `${FIXTURES_DIR}pingluo-2022-unbalanced.json`;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeJson(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

async function cli(args: string[], stdin?: string) {
  const io = memoryIo(stdin);
  const code = await main(args, io);
  const lines = (text: string) => text.split('\n').filter((l) => l.length > 0);
  return { code, out: io.out(), err: io.err(), outLines: lines(io.out()), errLines: lines(io.err()) };
}

/** Last year's report of the same office: it carried 2 applications forward. */
function lastYear(): Report {
  return edited(seed(), (r) => {
    r.meta.year = 2021;
    r.narrative.preamble = r.narrative.preamble.replaceAll('2022', '2021');
    for (const id of ['overview', 'problems', 'other'] as const) r.narrative[id] = r.narrative[id].map((p) => ({ title: p.title.replaceAll('2022', '2021'), text: `上年：${p.text}` }));
    r.applications.newReceived.naturalPerson = 12;
    r.applications.granted.naturalPerson = 5;
    r.applications.unavailable.notHeld.naturalPerson = 3;
    r.applications.carriedForward.naturalPerson = 2;
  });
}

describe('nianbao check', () => {
  test('the seed: no finding, one summary line, exit 0', async () => {
    const r = await cli(['check', SEED_FILE]);
    expect(r.code).toBe(0);
    expect(r.outLines).toEqual([`${SEED_FILE}：错误 0，警告 0，提示 0 —— 通过`]);
    expect(r.err).toBe('');
  });

  test('carriedForward.naturalPerson = 1: exit 1, one line naming balance and the cell', async () => {
    const r = await cli(['check', UNBALANCED]);
    expect(r.code).toBe(1);
    expect(r.outLines).toEqual([
      `${UNBALANCED}: error balance applications.newReceived.naturalPerson,applications.carriedOver.naturalPerson,applications.resultsTotal.naturalPerson,applications.carriedForward.naturalPerson 自然人栏不平衡：一、本年新收 + 二、上年结转 = 24，（七）总计 + 四、结转下年度 = 25，相差 -1`,
      `${UNBALANCED}：错误 1，警告 0，提示 0 —— 有错误`,
    ]);
  });

  test('--lang en', async () => {
    const r = await cli(['check', '--lang', 'en', UNBALANCED]);
    expect(r.outLines[0]).toContain('error balance');
    expect(r.outLines[0]).toContain('Column “Natural persons” does not balance');
    expect(r.outLines[1]).toBe(`${UNBALANCED}: 1 error, 0 warnings, 0 hints — has errors`);
  });

  test('--json: one object per file and line', async () => {
    const r = await cli(['check', '--json', SEED_FILE, UNBALANCED]);
    expect(r.code).toBe(1);
    const [good, bad] = r.outLines.map((l) => JSON.parse(l));
    expect(r.outLines).toHaveLength(2);
    expect(good).toEqual({ file: SEED_FILE, ok: true, summary: { errors: 0, warnings: 0, unexplainedWarnings: 0, explainedWarnings: 0, hints: 0 }, findings: [] });
    expect(bad).toMatchObject({ file: UNBALANCED, ok: false, summary: { errors: 1 } });
    expect(bad.findings).toEqual([
      expect.objectContaining({
        key: 'balance:naturalPerson',
        rule: 'balance',
        severity: 'error',
        cells: expect.arrayContaining(['applications.carriedForward.naturalPerson']),
        left: 24,
        right: 25,
        delta: -1,
        message: { zh: expect.stringContaining('自然人栏不平衡'), en: expect.stringContaining('does not balance') },
      }),
    ]);
  });

  test('--json for a file that cannot be decoded: problems by path, exit 2', async () => {
    const broken = JSON.parse(JSON.stringify(seed()));
    broken.applications.granted.commercial = -1;
    broken.proactive.fees = '0';
    const file = writeJson('broken.json', broken);
    const r = await cli(['check', '--json', file]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.outLines[0]!)).toEqual({
      file,
      ok: false,
      problems: [
        expect.objectContaining({ path: 'proactive.fees', code: 'decode.expectedNumber' }),
        expect.objectContaining({ path: 'applications.granted.commercial', code: 'decode.negative' }),
      ],
    });
  });

  test('a file that cannot be decoded, in words: one line per problem on stderr', async () => {
    const broken = JSON.parse(JSON.stringify(seed()));
    broken.applications.granted.commercial = 1.5;
    const file = writeJson('fraction.json', broken);
    const r = await cli(['check', file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.errLines).toEqual([`${file}: applications.granted.commercial: 件数应为整数，不能有小数：1.5`]);
  });

  test('exit 2 wins over 1: every file is still checked', async () => {
    const r = await cli(['check', UNBALANCED, join(dir, 'missing.json'), SEED_FILE]);
    expect(r.code).toBe(2);
    expect(r.outLines.filter((l) => l.includes('—— '))).toHaveLength(2);
    expect(r.errLines).toEqual([`${join(dir, 'missing.json')}: 找不到文件`]);
  });

  test('warnings and hints do not change the exit code', async () => {
    const file = writeJson('warned.json', edited(seed(), (r) => ((r.meta.publishedOn = '2023-03-01'), (r.proactive.regulations.inForce = 2))));
    const r = await cli(['check', file]);
    expect(r.code).toBe(0);
    expect(r.outLines.map((l) => l.split(' ').slice(1, 3).join(' '))).toEqual(['warning deadline', 'hint regulations', expect.any(String)]);
    expect(r.outLines[2]).toBe(`${file}：错误 0，警告 1，提示 1 —— 无错误，有警告未说明`);
  });

  test('--previous: the carry-over from last year', async () => {
    const previous = writeJson('pingluo-2021.json', lastYear());
    const r = await cli(['check', '--previous', previous, SEED_FILE]);
    expect(r.code).toBe(0);
    expect(r.outLines[0]).toBe(
      `${SEED_FILE}: warning carryover applications.carriedOver.naturalPerson 自然人：上年结转 0 与上年报告的结转下年度 2 不一致，相差 -2`,
    );
    expect(r.err).toBe('');
  });

  test('an explained warning is shown as explained, with the explanation on the same line', async () => {
    const previous = writeJson('pingluo-2021b.json', lastYear());
    const file = writeJson('explained.json', edited(seed(), (r) => (r.explanations['carryover:naturalPerson'] = '上年报告结转数\n填报有误。')));
    const r = await cli(['check', file, '--previous', previous]);
    expect(r.outLines[0]).toMatch(/^.*warning carryover .* \[已说明：上年报告结转数 填报有误。\]$/);
    expect(r.outLines[1]).toBe(`${file}：错误 0，警告 1（已说明 1），提示 0 —— 通过`);
  });

  test('an explanation of "ok" does not clear the warning: the CLI holds the editor\'s rule (core)', async () => {
    const previous = writeJson('pingluo-2021c.json', lastYear());
    const file = writeJson('explained-ok.json', edited(seed(), (r) => (r.explanations['carryover:naturalPerson'] = 'ok')));
    const r = await cli(['check', file, '--previous', previous]);
    expect(r.outLines[0]).not.toMatch(/已说明/);
    expect(r.outLines[1]).toMatch(/警告 1，/);
  });

  test('--previous for another year than the one before: a note on stderr, the check still runs', async () => {
    const previous = writeJson('pingluo-2019.json', edited(lastYear(), (r) => (r.meta.year = 2019)));
    const r = await cli(['check', '--previous', previous, SEED_FILE]);
    expect(r.errLines).toEqual([`注意：--previous 是 2019 年的报告，而 ${SEED_FILE} 是 2022 年的`]);
    expect(r.code).toBe(0);
  });

  test('an unreadable --previous stops the check with exit 2', async () => {
    const r = await cli(['check', '--previous', join(dir, 'nope.json'), SEED_FILE]);
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual([`--previous ${join(dir, 'nope.json')}: 找不到文件`]);
    expect(r.out).toBe('');
  });

  test('--draft: blanks are not errors', async () => {
    const blank = writeJson('blank.json', edited(seed(), (r) => (r.applications.granted.commercial = null)));
    expect((await cli(['check', blank])).code).toBe(1);
    expect((await cli(['check', '--draft', blank])).code).toBe(0);
  });

  test('a blank section names its first cells and how many more', async () => {
    const blank = writeJson('blank-appeals.json', edited(seed(), (r) => (r.appeals.review = { upheld: null, corrected: null, other: null, pending: null })));
    const r = await cli(['check', blank]);
    expect(r.outLines[0]).toBe(
      `${blank}: error count appeals.review.upheld,appeals.review.corrected,appeals.review.other,appeals.review.pending 四、政府信息公开行政复议、行政诉讼情况有 4 个单元格未填写（没有的请填 0）`,
    );
    const empty = await cli(['check', '-'], JSON.stringify(decodeOk(await cli(['new', '--agency', '某局', '--year', '2023']))));
    expect(empty.outLines[1]).toContain('applications.newReceived.naturalPerson,applications.newReceived.commercial,applications.newReceived.research,…(+141)');
  });

  test('- reads standard input', async () => {
    const r = await cli(['check', '-'], JSON.stringify(seed()));
    expect(r.outLines).toEqual(['-：错误 0，警告 0，提示 0 —— 通过']);
  });
});

describe('bad input: one clear line on stderr, exit 2, never a stack trace', () => {
  const cases: [string, () => string, string][] = [
    ['a missing file', () => join(dir, 'does-not-exist.json'), '找不到文件'],
    ['a directory', () => dir, '这是一个文件夹，不是文件'],
    ['not JSON', () => writeJson('text.json', '平罗县人民政府办公室2022年政府信息公开工作年度报告\n一、总体情况'), '不是 JSON 文件：'],
    ['an empty file', () => writeJson('empty.json', ''), '文件是空的'],
    ['a JSON array', () => writeJson('array.json', [seed()]), '不是年报文件：应为一个 JSON 对象'],
    ['JSON null', () => writeJson('null.json', 'null'), '不是年报文件：应为一个 JSON 对象'],
    ['another kind of document', () => writeJson('website.json', { kind: 'gov-website-annual-report' }), '文件类型不对'],
    ['a 2019-format report', () => writeJson('old.json', { ...seed(), formatVersion: '2019' }), '2019 年试行格式'],
    ['a file from a newer version', () => writeJson('newer.json', { ...seed(), schemaVersion: 99 }), '更新版本的程序'],
    [
      'a GBK-encoded file',
      () => {
        const file = join(dir, 'gbk.json');
        writeFileSync(file, Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc6, 0xbd, 0xc2, 0xde, 0x22, 0x7d]));
        return file;
      },
      '文件不是 UTF-8 编码的文字',
    ],
    [
      'a 2 GB file (sparse: the size is checked before reading)',
      () => {
        const file = join(dir, 'huge.json');
        const fd = openSync(file, 'w');
        ftruncateSync(fd, 2 * 1024 ** 3);
        closeSync(fd);
        return file;
      },
      '文件过大（2.0 GB）',
    ],
  ];

  test.each(cases)('%s', async (_name, make, expected) => {
    const file = make();
    const r = await cli(['check', file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]!.startsWith(`${file}: `)).toBe(true);
    expect(r.errLines[0]).toContain(expected);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test('a file named like a directory inside a file path', async () => {
    const r = await cli(['check', join(SEED_FILE, 'x.json')]);
    expect(r).toMatchObject({ code: 2, errLines: [`${join(SEED_FILE, 'x.json')}: 找不到文件`] });
  });
});

function decodeOk(r: { code: number; out: string }): Report {
  expect(r.code).toBe(0);
  const result = decode(JSON.parse(r.out));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.report;
}

describe('nianbao new', () => {
  test('prints an empty report that decodes, for the agency, year and kind given', async () => {
    const report = decodeOk(await cli(['new', '--agency', ' 某县民政局 ', '--year', '2023', '--kind', 'township', '--contact', '0952-1234567']));
    expect(report.meta).toEqual({ agency: '某县民政局', agencyKind: 'township', year: 2023, contact: '0952-1234567', publishedOn: null });
    expect(report.status).toBe('draft');
    expect(report.narrative.preamble).toContain('本报告统计数据从2023年1月1日至2023年12月31日');
    for (const cell of ENTERED_CELLS) expect(cell.id.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], report)).toBeNull();
  });

  test('the kind defaults to department', async () => {
    expect(decodeOk(await cli(['new', '--agency', '某局', '--year', '2022'])).meta.agencyKind).toBe('department');
  });

  test.each([
    [['new', '--year', '2023'], '--agency NAME is required'],
    [['new', '--agency', '  ', '--year', '2023'], '--agency NAME is required'],
    [['new', '--agency', '某局'], '--year YYYY is required'],
    [['new', '--agency', '某局', '--year', '23'], '--year must be a year between 1990 and 2200, not "23"'],
    [['new', '--agency', '某局', '--year', '二〇二三'], '--year must be a year'],
    [['new', '--agency', '某局', '--year', '2023', '--kind', 'county'], '--kind must be one of department, government, governmentOffice, township, other'],
    [['new', '--agency', '某局', '--year'], 'option --year needs a value'],
    [['new', '--agency', '某局', '--year', '2023', '--colour', 'red'], 'unknown option --colour'],
    [['new', '某局', '2023'], 'unexpected argument 某局'],
  ])('%j → exit 2: %s', async (args, expected) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toContain(expected);
    expect(r.errLines[0]).toMatch(/^nianbao new: /);
  });
});

describe('nianbao schema', () => {
  test('prints the JSON Schema of the document: entered cells only', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['kind', 'formatVersion', 'schemaVersion', 'meta', 'narrative', 'proactive', 'applications', 'appeals']));
    const row = schema.properties.applications.properties.newReceived;
    expect(Object.keys(row.properties)).toEqual(['naturalPerson', 'commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg']);
    expect(row.additionalProperties).toBe(false);
    expect(schema.properties.applications.properties.resultsTotal).toBeUndefined();
  });

  test('takes no arguments', async () => {
    expect(await cli(['schema', 'x'])).toMatchObject({ code: 2, errLines: [expect.stringContaining('unexpected argument x')] });
  });
});

describe('help and dispatch', () => {
  test('--help lists every registered command', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(r.out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
  });

  test('no command: the help on stderr, exit 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: nianbao <command>');
  });

  test.each([
    [['check', '--help']],
    [['check', SEED_FILE, '-h']],
    [['help', 'check']],
  ])('%j prints check’s usage', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: nianbao check FILE\.\.\./);
  });

  test.each(['new', 'schema'])('%s --help', async (name) => {
    const r = await cli([name, '--help']);
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(new RegExp(`^Usage: nianbao ${name}`)) });
  });

  test.each([
    [['frob'], 'unknown command "frob"'],
    [['constructor'], 'unknown command "constructor"'],
    [['help', 'frob'], 'unknown command "frob"'],
    [['--frob'], 'unknown option --frob'],
    [['check', '--lang', 'fr', SEED_FILE], '--lang must be zh or en'],
    [['check'], 'no file to check'],
  ])('%j → exit 2, one line', async (args, expected) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toContain(expected);
  });

  test('--version', async () => {
    expect((await cli(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  test('a command that fails inside: one line, exit 2, no stack trace', async () => {
    const registry = COMMANDS as Record<string, (typeof COMMANDS)[string]>;
    registry.boom = async () => ({
      summary: 'fails',
      usage: 'Usage: nianbao boom',
      run: async () => {
        throw new TypeError('cannot read properties of undefined');
      },
    });
    try {
      const r = await cli(['boom']);
      expect(r).toMatchObject({ code: 2, errLines: ['nianbao: internal error: cannot read properties of undefined'] });
    } finally {
      delete registry.boom;
    }
  });

  test('a directory with the name of a fixture is refused even under a file name', async () => {
    const sub = join(dir, 'report.json');
    mkdirSync(sub);
    expect(await cli(['check', sub])).toMatchObject({ code: 2, errLines: [`${sub}: 这是一个文件夹，不是文件`] });
  });
});
