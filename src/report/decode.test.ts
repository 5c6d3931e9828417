// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { MAX_FILE_BYTES, MIGRATIONS, decode, decodeBytes, decodeText, migrate, type DecodeResult, type Migration } from './decode.ts';
import { SCHEMA_VERSION, emptyReport, getPath } from './document.ts';
import { plainReportSchema, reportSchema } from './schema.ts';
import { ENTERED_CELLS } from './format.ts';
import { readFileSync } from 'node:fs';
import { FIXTURES_DIR, deletePath, seedJson, setPath } from '../../tests/unit/helpers.ts';

/** The problems of a result as `path code` pairs, for exact comparison. */
function problemsOf(result: DecodeResult): [string, string][] {
  if (result.ok) return [];
  return result.problems.map((p) => [p.path, p.code]);
}

describe('the seed', () => {
  test('decodes to exactly the file it was read from', () => {
    const result = decode(seedJson());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.report).toEqual(seedJson());
  });

  test('keeps the order of the fields, as the schema has them (a saved file stays byte for byte)', () => {
    const result = decode(seedJson());
    if (!result.ok) throw new Error('seed');
    expect(JSON.stringify(result.report)).toBe(JSON.stringify(seedJson()));
  });

  test('a reviewed report with comments, history and a publication date decodes as it was', () => {
    const input = seedJson();
    setPath(input, 'meta.publishedOn', '2023-01-20');
    setPath(input, 'review', {
      status: 'returned',
      comments: [
        { id: 'c1', target: 'applications.granted.naturalPerson', text: '请核实', author: '政务公开办', at: '2023-01-10T09:30:00+08:00', resolved: true, resolvedAt: '2023-01-11T10:00:00Z' },
        { id: 'c2', target: 'narrative.overview.1', partTitle: '主动公开情况', text: '', author: '', at: '2023-01-10T09:31:00.123+08:00', resolved: false },
      ],
      history: [{ action: 'returned', at: '2023-01-10T09:32:00+08:00', by: '政务公开办', note: '见批注' }],
    });
    setPath(input, 'explanations', { 'balance:total': '已核实', 'a.b.c': '' });
    const result = decode(input);
    expect(problemsOf(result)).toEqual([]);
    if (result.ok) expect(JSON.stringify(result.report)).toBe(JSON.stringify(input));
  });

  test('an empty report decodes (what `nianbao new` prints is a valid file)', () => {
    expect(decode(JSON.parse(JSON.stringify(emptyReport({ agency: '某县民政局', year: 2023 })))).ok).toBe(true);
  });

  test('the decoded report is a copy: changing it does not change the input', () => {
    const input = seedJson();
    const result = decode(input);
    if (!result.ok) throw new Error('seed');
    result.report.applications.newReceived.naturalPerson = 99;
    expect((input as { applications: { newReceived: { naturalPerson: number } } }).applications.newReceived.naturalPerson).toBe(24);
  });
});

describe('one fault, named by path and code', () => {
  const cases: { name: string; change: (doc: Record<string, unknown>) => void; problems: [string, string][] }[] = [
    // wrong types
    { name: 'a string where a count belongs', change: (d) => setPath(d, 'applications.newReceived.naturalPerson', '24'), problems: [['applications.newReceived.naturalPerson', 'decode.expectedNumber']] },
    { name: 'a string where the fee belongs', change: (d) => setPath(d, 'proactive.fees', '0.5'), problems: [['proactive.fees', 'decode.expectedNumber']] },
    { name: 'a string for the year', change: (d) => setPath(d, 'meta.year', '2022'), problems: [['meta.year', 'decode.expectedNumber']] },
    { name: 'a boolean for a count', change: (d) => setPath(d, 'appeals.review.upheld', true), problems: [['appeals.review.upheld', 'decode.expectedNumber']] },
    { name: '"/" for zero', change: (d) => setPath(d, 'applications.granted.research', '/'), problems: [['applications.granted.research', 'decode.expectedNumber']] },
    { name: 'a number for a narrative text', change: (d) => setPath(d, 'narrative.overview.0.text', 5), problems: [['narrative.overview.0.text', 'decode.expectedString']] },
    { name: 'an object where parts (a list) belong', change: (d) => setPath(d, 'narrative.other', {}), problems: [['narrative.other', 'decode.expectedArray']] },
    { name: 'a list where a row (an object) belongs', change: (d) => setPath(d, 'applications.carriedOver', [0, 0, 0, 0, 0, 0]), problems: [['applications.carriedOver', 'decode.expectedObject']] },
    { name: 'null for a row', change: (d) => setPath(d, 'applications.withheld.stateSecret', null), problems: [['applications.withheld.stateSecret', 'decode.expectedObject']] },
    { name: 'a number for an explanation', change: (d) => setPath(d, 'explanations', { 'carryover:naturalPerson': 1 }), problems: [['explanations.carryover:naturalPerson', 'decode.expectedString']] },
    // counts and fees
    { name: 'a negative count', change: (d) => setPath(d, 'applications.granted.commercial', -1), problems: [['applications.granted.commercial', 'decode.negative']] },
    { name: 'a fractional count', change: (d) => setPath(d, 'applications.unavailable.notHeld.naturalPerson', 18.5), problems: [['applications.unavailable.notHeld.naturalPerson', 'decode.notWhole']] },
    { name: 'a fractional count in 二', change: (d) => setPath(d, 'proactive.licensing', 0.1), problems: [['proactive.licensing', 'decode.notWhole']] },
    { name: 'a negative fee', change: (d) => setPath(d, 'proactive.fees', -0.5), problems: [['proactive.fees', 'decode.negative']] },
    { name: 'a fee with 5 decimals', change: (d) => setPath(d, 'proactive.fees', 1.23456), problems: [['proactive.fees', 'decode.feeDecimals']] },
    { name: 'a fee with 7 decimals (1e-7)', change: (d) => setPath(d, 'proactive.fees', 1e-7), problems: [['proactive.fees', 'decode.feeDecimals']] },
    { name: 'an absurd count', change: (d) => setPath(d, 'appeals.review.pending', 1e12), problems: [['appeals.review.pending', 'decode.tooLarge']] },
    // unknown keys, at any depth
    { name: 'an unknown key at the top', change: (d) => setPath(d, 'comment', 'x'), problems: [['comment', 'decode.unknownKey']] },
    { name: 'an unknown key in meta', change: (d) => setPath(d, 'meta.level', '县级'), problems: [['meta.level', 'decode.unknownKey']] },
    { name: 'an unknown row', change: (d) => setPath(d, 'applications.withheld.other', {}), problems: [['applications.withheld.other', 'decode.unknownKey']] },
    { name: 'an unknown column, three deep', change: (d) => setPath(d, 'applications.withheld.stateSecret.total', 0), problems: [['applications.withheld.stateSecret.total', 'decode.unknownKey']] },
    { name: 'an unknown key in a narrative part', change: (d) => setPath(d, 'narrative.problems.0.number', '（一）'), problems: [['narrative.problems.0.number', 'decode.unknownKey']] },
    {
      name: 'two unknown keys in one object, each by its own path',
      change: (d) => {
        setPath(d, 'appeals.review.sum', 0);
        setPath(d, 'appeals.review.note', '');
      },
      problems: [
        ['appeals.review.sum', 'decode.unknownKey'],
        ['appeals.review.note', 'decode.unknownKey'],
      ],
    },
    { name: 'a __proto__ key', change: (d) => Object.defineProperty(d, '__proto__', { value: { polluted: true }, enumerable: true }), problems: [['__proto__', 'decode.unknownKey']] },
    // missing parts
    { name: 'a missing section', change: (d) => deletePath(d, 'appeals'), problems: [['appeals', 'decode.missing']] },
    { name: 'a missing narrative section', change: (d) => deletePath(d, 'narrative.problems'), problems: [['narrative.problems', 'decode.missing']] },
    { name: 'a missing cell', change: (d) => deletePath(d, 'applications.carriedForward.otherOrg'), problems: [['applications.carriedForward.otherOrg', 'decode.missing']] },
    { name: 'a missing group of rows', change: (d) => deletePath(d, 'applications.notProcessed'), problems: [['applications.notProcessed', 'decode.missing']] },
    // values
    { name: 'an unknown agency kind', change: (d) => setPath(d, 'meta.agencyKind', 'county'), problems: [['meta.agencyKind', 'decode.badValue']] },
    { name: 'an unknown status', change: (d) => setPath(d, 'status', 'final'), problems: [['status', 'decode.badValue']] },
    { name: 'an impossible date', change: (d) => setPath(d, 'meta.publishedOn', '2023-02-30'), problems: [['meta.publishedOn', 'decode.badDate']] },
    { name: 'a date in another notation', change: (d) => setPath(d, 'meta.publishedOn', '2023年1月20日'), problems: [['meta.publishedOn', 'decode.badDate']] },
    { name: 'a year out of range', change: (d) => setPath(d, 'meta.year', 22), problems: [['meta.year', 'decode.tooSmall']] },
    { name: 'a text too long', change: (d) => setPath(d, 'narrative.preamble', '年'.repeat(100_001)), problems: [['narrative.preamble', 'decode.tooLong']] },
    { name: 'an explanation keyed by 300 characters', change: (d) => setPath(d, 'explanations', { ['k'.repeat(300)]: '说明' }), problems: [['explanations', 'decode.tooLong']] },
    // what the document is
    { name: 'wrong kind', change: (d) => setPath(d, 'kind', 'gov-website-annual-report'), problems: [['kind', 'decode.wrongKind']] },
    { name: 'no kind', change: (d) => deletePath(d, 'kind'), problems: [['kind', 'decode.wrongKind']] },
    { name: 'formatVersion "2019"', change: (d) => setPath(d, 'formatVersion', '2019'), problems: [['formatVersion', 'decode.format2019']] },
    { name: 'formatVersion 2019 as a number', change: (d) => setPath(d, 'formatVersion', 2019), problems: [['formatVersion', 'decode.format2019']] },
    { name: 'an unknown formatVersion', change: (d) => setPath(d, 'formatVersion', '2024'), problems: [['formatVersion', 'decode.unknownFormatVersion']] },
    { name: 'a newer schemaVersion', change: (d) => setPath(d, 'schemaVersion', SCHEMA_VERSION + 1), problems: [['schemaVersion', 'decode.newerSchema']] },
    { name: 'schemaVersion as a string', change: (d) => setPath(d, 'schemaVersion', String(SCHEMA_VERSION)), problems: [['schemaVersion', 'decode.badSchemaVersion']] },
    { name: 'schemaVersion 0', change: (d) => setPath(d, 'schemaVersion', 0), problems: [['schemaVersion', 'decode.badSchemaVersion']] },
    { name: 'schemaVersion 1.5', change: (d) => setPath(d, 'schemaVersion', 1.5), problems: [['schemaVersion', 'decode.badSchemaVersion']] },
  ];

  test.each(cases)('$name', ({ change, problems }) => {
    const doc = seedJson();
    change(doc);
    const result = decode(doc);
    expect(problemsOf(result)).toEqual(problems);
    if (!result.ok) {
      for (const p of result.problems) {
        expect(p.message.zh).toMatch(/\S/);
        expect(p.message.en).toMatch(/\S/);
        expect(p.message.zh).not.toContain('{{');
        expect(p.message.en).not.toContain('{{');
      }
    }
  });

  test('every fault of a document is named, not just the first', () => {
    const doc = seedJson();
    setPath(doc, 'applications.granted.commercial', -1);
    setPath(doc, 'proactive.fees', 1.23456);
    setPath(doc, 'meta.extra', 1);
    deletePath(doc, 'narrative.other');
    expect(problemsOf(decode(doc)).sort()).toEqual(
      [
        ['applications.granted.commercial', 'decode.negative'],
        ['proactive.fees', 'decode.feeDecimals'],
        ['meta.extra', 'decode.unknownKey'],
        ['narrative.other', 'decode.missing'],
      ].sort(),
    );
  });

  test('the message quotes what was found', () => {
    const doc = seedJson();
    setPath(doc, 'applications.newReceived.naturalPerson', '二十四');
    const result = decode(doc);
    expect(result.ok ? '' : result.problems[0]!.message.zh).toBe('应为数字，实为"二十四"');
  });
});

describe('not a report at all', () => {
  test.each([
    ['an array', []],
    ['an array of reports', [seedJson()]],
    ['null', null],
    ['a string', 'report'],
    ['a number', 2022],
    ['undefined', undefined],
    ['a function', () => 1],
  ])('%s', (_name, value) => {
    expect(problemsOf(decode(value))).toEqual([['', 'decode.notObject']]);
  });

  test('an empty object is the wrong kind', () => {
    expect(problemsOf(decode({}))).toEqual([['kind', 'decode.wrongKind']]);
  });

  test('an object whose getter throws is a problem, not an exception', () => {
    const hostile = Object.defineProperty({}, 'kind', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(problemsOf(decode(hostile))).toEqual([['', 'decode.invalid']]);
  });
});

describe('decodeText and decodeBytes', () => {
  const seedText = JSON.stringify(seedJson());

  test('the seed as text, with and without a BOM', () => {
    expect(decodeText(seedText).ok).toBe(true);
    expect(decodeText(`\uFEFF${seedText}`).ok).toBe(true);
    expect(decodeBytes(new TextEncoder().encode(`\uFEFF${seedText}`)).ok).toBe(true);
  });

  test.each([
    ['not JSON', 'hello'],
    ['JSON with a trailing comma', '{"kind": 1,}'],
  ])('%s', (_name, text) => {
    expect(problemsOf(decodeText(text))).toEqual([['', 'decode.notJson']]);
  });

  test('a JSON array', () => {
    expect(problemsOf(decodeText('[1, 2]'))).toEqual([['', 'decode.notObject']]);
  });

  test('text over the size limit is refused before parsing', () => {
    expect(problemsOf(decodeText(' '.repeat(MAX_FILE_BYTES + 1)))).toEqual([['', 'decode.fileTooLarge']]);
    expect(problemsOf(decodeBytes(new Uint8Array(MAX_FILE_BYTES + 1)))).toEqual([['', 'decode.fileTooLarge']]);
  });

  test('bytes that are not UTF-8 (GBK) are refused', () => {
    // "平罗" in GBK: C6 BD C2 DE.
    const gbk = Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc6, 0xbd, 0xc2, 0xde, 0x22, 0x7d]);
    expect(problemsOf(decodeBytes(gbk))).toEqual([['', 'decode.notUtf8']]);
  });

  test('deeply nested JSON is a problem, never an exception', () => {
    const depth = 200_000;
    expect(() => decodeText('['.repeat(depth) + ']'.repeat(depth))).not.toThrow();
    expect(decodeText('['.repeat(depth) + ']'.repeat(depth)).ok).toBe(false);
    const inKnownPlace = JSON.stringify(seedJson()).replace('"overview":[', `"overview":[${'['.repeat(5000)}${']'.repeat(5000)},`);
    expect(decodeText(inKnownPlace)).toMatchObject({ ok: false, problems: [{ path: expect.stringMatching(/^narrative\.overview\.0(\.0)+$/), code: 'decode.tooDeep' }] });
  });
});

describe('the fast path of the count groups answers as the plain schema does', () => {
  const plain = plainReportSchema();
  /** Both parses of a document: the same verdict, the same report or the same issues. */
  function same(doc: unknown) {
    const fast = reportSchema.safeParse(doc);
    const slow = plain.safeParse(doc);
    expect(fast.success).toBe(slow.success);
    if (fast.success && slow.success) {
      expect(JSON.stringify(fast.data)).toBe(JSON.stringify(slow.data));
      expect(fast.data).toEqual(slow.data);
      expect(fast.data).not.toBe(doc);
    } else {
      expect(fast.error?.issues).toEqual(slow.error?.issues);
    }
    return fast.success;
  }
  const groups = ['applications.newReceived', 'applications.withheld.stateSecret', 'applications.otherHandling.other', 'proactive.normativeDocuments', 'appeals.litigationAfterReview'];
  const values = [null, 0, -0, 1, 24, 1e8, 1e8 + 1, 2 ** 53, -1, 1.5, 1e-9, NaN, Infinity, -Infinity, '1', '', true, [], {}, undefined];

  test.each(groups)('every kind of value in %s', (group) => {
    for (const value of values) {
      const doc = seedJson();
      const key = Object.keys(getPath(doc, group) as object)[1]!;
      setPath(doc, `${group}.${key}`, value);
      const ok = same(doc);
      expect(ok).toBe(value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1e8));
      if (ok) expect(Object.is(getPath(reportSchema.parse(doc), `${group}.${key}`), value)).toBe(true);
    }
  });

  test.each(groups)('the group itself wrong or odd: %s', (group) => {
    const variants: ((g: Record<string, unknown>) => unknown)[] = [
      () => null,
      () => [],
      () => 'x',
      () => 5,
      (g) => Object.fromEntries(Object.entries(g).slice(1)),
      (g) => ({ ...g, extra: 1 }),
      (g) => ({ ...g, total: 3 }),
      (g) => Object.fromEntries(Object.entries(g).reverse()),
      (g) => Object.assign(Object.create(null) as object, g),
      (g) => Object.assign(Object.create({ inherited: 1 }) as object, g),
      (g) => Object.assign(Object.create({ [Object.keys(g)[0]!]: 7 }) as object, Object.fromEntries(Object.entries(g).slice(1))),
    ];
    for (const variant of variants) {
      const doc = seedJson();
      setPath(doc, group, variant(getPath(doc, group) as Record<string, unknown>));
      same(doc);
    }
  });

  test('the seed, the empty report and documents with random counts', () => {
    expect(same(seedJson())).toBe(true);
    expect(same(JSON.parse(JSON.stringify(emptyReport({ agency: '某县民政局', year: 2023 }))))).toBe(true);
    let state = 7;
    const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let i = 0; i < 200; i++) {
      const doc = seedJson();
      for (const cell of ENTERED_CELLS) if (random() < 0.05) setPath(doc, cell.id, values[Math.floor(random() * values.length)]);
      same(doc);
    }
  });
});

describe('fuzz: decode never throws and never returns half a report', () => {
  // A small deterministic PRNG (mulberry32) so a failure can be replayed.
  function rng(seed: number) {
    let a = seed;
    return () => {
      a |= 0;
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const random = rng(20230131);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const atoms = [null, true, false, 0, -1, 1.5, 1e-9, 2 ** 53, '', '0', '/', '—', '2021', '年', NaN, Infinity];

  function randomValue(depth: number): unknown {
    const r = random();
    if (depth <= 0 || r < 0.5) return pick(atoms);
    if (r < 0.75) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(depth - 1));
    return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, i) => [pick(['kind', 'meta', 'total', `k${i}`, '__proto__']), randomValue(depth - 1)]));
  }

  /** Every path of objects and arrays in a document. */
  function paths(node: unknown, prefix = ''): string[] {
    if (node === null || typeof node !== 'object') return [];
    return Object.keys(node).flatMap((k) => {
      const p = prefix ? `${prefix}.${k}` : k;
      return [p, ...paths((node as Record<string, unknown>)[k], p)];
    });
  }
  const seedPaths = paths(seedJson());

  function check(value: unknown) {
    let result: DecodeResult | undefined;
    expect(() => (result = decode(value))).not.toThrow();
    if (result!.ok) {
      // A whole report: it survives a JSON round trip and decodes again to itself.
      const again = decode(JSON.parse(JSON.stringify(result!.report)));
      expect(again.ok).toBe(true);
      if (again.ok) expect(again.report).toEqual(result!.report);
    } else {
      expect(result!.problems.length).toBeGreaterThan(0);
      for (const p of result!.problems) {
        expect(typeof p.path).toBe('string');
        expect(p.message.zh.length).toBeGreaterThan(0);
      }
      expect(result).not.toHaveProperty('report');
    }
  }

  test('random JSON values', () => {
    for (let i = 0; i < 300; i++) check(randomValue(5));
  });

  test('the seed with one random value replaced, added or removed', () => {
    for (let i = 0; i < 400; i++) {
      const doc = seedJson();
      const path = pick(seedPaths);
      const op = random();
      if (op < 0.6) setPath(doc, path, randomValue(3));
      else if (op < 0.8) deletePath(doc, path);
      else {
        const parent = pick(seedPaths.filter((p) => typeof getAt(doc, p) === 'object' && getAt(doc, p) !== null));
        if (parent) setPath(doc, `${parent}.${pick(['x', 'total', 'kind', '0'])}`, randomValue(2));
      }
      check(doc);
    }
  });

  function getAt(doc: unknown, path: string): unknown {
    return path.split('.').reduce<unknown>((n, k) => (n !== null && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), doc);
  }
});

describe('schemaVersion migrations', () => {
  /** A fake version 0 in which the agency was `meta.name` and there were no explanations. */
  const fakeMigrations: Record<number, Migration> = {
    ...MIGRATIONS,
    0: (doc) => {
      const meta = doc.meta as Record<string, unknown>;
      const { name, ...rest } = meta;
      return { ...doc, meta: { ...rest, agency: name }, explanations: {} };
    },
  };
  /** The seed as a fake version-0 file: a version-1 file with the old name of the agency field. */
  function versionZero(): Record<string, unknown> {
    const doc = JSON.parse(readFileSync(`${FIXTURES_DIR}pingluo-2022-v1.json`, 'utf8')) as Record<string, unknown>;
    const meta = doc.meta as Record<string, unknown>;
    meta.name = meta.agency;
    delete meta.agency;
    delete doc.explanations;
    doc.schemaVersion = 0;
    return doc;
  }

  test('an older document is migrated step by step to the current version', () => {
    const result = decode(versionZero(), { migrations: fakeMigrations });
    expect(result).toMatchObject({ ok: true, migratedFrom: 0 });
    if (result.ok) {
      expect(result.report.meta.agency).toBe('平罗县人民政府办公室');
      expect(result.report.schemaVersion).toBe(SCHEMA_VERSION);
      // Through version 0 → 1 (fake) and every real step after it: the seed as it is today.
      expect(result.report).toEqual(seedJson());
    }
  });

  test('without the migration table that knows version 0, it is a bad schemaVersion', () => {
    expect(problemsOf(decode(versionZero()))).toEqual([['schemaVersion', 'decode.badSchemaVersion']]);
  });

  test('a missing step is a problem', () => {
    const { 1: _one, ...withoutOne } = fakeMigrations;
    expect(problemsOf(decode(versionZero(), { migrations: withoutOne }))).toEqual([['schemaVersion', 'decode.migrationFailed']]);
  });

  test('a step that throws is a problem, not an exception', () => {
    const throwing = {
      ...fakeMigrations,
      0: () => {
        throw new Error('cannot read the old layout');
      },
    };
    const result = decode(versionZero(), { migrations: throwing });
    expect(problemsOf(result)).toEqual([['schemaVersion', 'decode.migrationFailed']]);
    expect(result.ok ? '' : result.problems[0]!.message.en).toContain('cannot read the old layout');
  });

  test('a migrated document that is still wrong is named by path', () => {
    const doc = versionZero();
    setPath(doc, 'applications.granted.naturalPerson', '3');
    expect(problemsOf(decode(doc, { migrations: fakeMigrations }))).toEqual([['applications.granted.naturalPerson', 'decode.expectedNumber']]);
  });

  test('migrate() sets the version of each step and leaves its input alone', () => {
    const input = { schemaVersion: 0, a: 1 };
    const steps: Record<number, Migration> = { 0: (d) => ({ ...d, b: 2 }), 1: (d) => ({ ...d, c: 3 }) };
    expect(migrate(input, 0, steps, 2)).toEqual({ ok: true, doc: { schemaVersion: 2, a: 1, b: 2, c: 3 } });
    expect(input).toEqual({ schemaVersion: 0, a: 1 });
  });
});
