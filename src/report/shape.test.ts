// @vitest-environment node
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { REPORT_SHAPE, readReport, type Report } from './document.ts';
import { plainReportSchema, reportSchema, shapeSchema } from './schema.ts';
import { DATE_PATTERN, DATETIME_PATTERN, NOT_VALID, readShape, type Shape } from './shape.ts';
import { seedJson, setPath } from '../../tests/unit/helpers.ts';

const plain = plainReportSchema();

/** A report with every optional part filled: review comments, history, an aggregate, explanations. */
function richJson(): Record<string, unknown> {
  const doc = seedJson();
  setPath(doc, 'meta.publishedOn', '2023-01-20');
  setPath(doc, 'review', {
    status: 'returned',
    comments: [
      { id: 'c1', target: 'applications.granted.naturalPerson', text: '请核实', author: '政务公开办', at: '2023-01-10T09:30:00+08:00', resolved: true, resolvedAt: '2023-01-11T10:00:00Z' },
      { id: 'c2', target: 'narrative.overview.1', partTitle: '主动公开情况', text: '', author: '', at: '2023-01-10T09:31:00.123+08:00', resolved: false },
    ],
    history: [
      { action: 'returned', at: '2023-01-10T09:32:00+08:00', by: '政务公开办', note: '见批注' },
      { action: 'submitted', at: '2023-01-09T09:32:00Z', by: '' },
    ],
  });
  setPath(doc, 'aggregate', { units: [{ agency: '某县民政局', status: 'approved' }], missing: ['某县教育局'], notApproved: [] });
  setPath(doc, 'explanations', { 'balance:total': '已核实', 'a.b.c': '' });
  return doc;
}

/** The paths of every value in a JSON document (objects and arrays too), outermost first. */
function paths(node: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(node)) node.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(doc: unknown, path: (string | number)[], value: unknown) {
  let node = doc as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

/**
 * Zod's verdict on a document, and readReport's: readReport accepts exactly what zod accepts
 * (for documents as JSON makes them), with the same report, key order included; and
 * reportSchema (zod with readShape as its fast path) answers as the plain schema, issues too.
 */
function agree(doc: unknown): boolean {
  const slow = plain.safeParse(doc);
  const fast = reportSchema.safeParse(doc);
  const read = readReport(doc);
  expect(read !== undefined).toBe(slow.success);
  expect(fast.success).toBe(slow.success);
  if (slow.success) {
    expect(JSON.stringify(read)).toBe(JSON.stringify(slow.data));
    expect(read).toEqual(slow.data);
    expect(read).not.toBe(doc);
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(slow.data));
  } else {
    expect(fast.error?.issues).toEqual(slow.error?.issues);
  }
  return slow.success;
}

const ODD_VALUES = [
  null, undefined, 0, -0, 1, -1, 1.5, 0.12345, 0.1234, 1e8, 1e8 + 1, 2 ** 53, NaN, Infinity, 1990, 2200, 2201, 1989,
  '', 'x', 'x'.repeat(101), 'x'.repeat(201), 'x'.repeat(501), '2023-02-29', '2024-02-29', '2023-01-20', '2023-01-20T09:30:00+08:00', '2023-01-20T09:30+08:00',
  'draft', 'ready', 'approved', 'commented', 'department', true, false, [], [{}], {}, { title: '', text: '' },
  // Texts at and just over each limit of the shape.
  ...[100, 200, 500, 1000, 10_000, 100_000].flatMap((n) => ['x'.repeat(n), 'x'.repeat(n + 1)]),
];

describe('the shape and zod agree', () => {
  test('the date and time patterns are the ones zod checks with', () => {
    const pattern = (schema: z.ZodMiniType) => (schema._zod.def as { pattern?: RegExp }).pattern?.source;
    expect(DATE_PATTERN.source).toBe(pattern(z.iso.date()));
    expect(DATETIME_PATTERN.source).toBe(pattern(z.iso.datetime({ offset: true })));
  });

  test('the seed, a reviewed aggregate report and an empty one are read as zod reads them', () => {
    expect(agree(seedJson())).toBe(true);
    expect(agree(richJson())).toBe(true);
    expect(readReport(richJson())).toEqual(plain.parse(richJson()));
  });

  test('every value of a full report, replaced by each odd value in turn', () => {
    const base = richJson();
    let accepted = 0;
    let refused = 0;
    // Every path of the document (groups, rows, cells, texts, comments' fields…), one at a time.
    for (const path of paths(base).slice(1)) {
      for (const value of ODD_VALUES) {
        const doc = JSON.parse(JSON.stringify(base)) as unknown;
        setAt(doc, path, value);
        if (agree(JSON.parse(JSON.stringify(doc)) as unknown)) accepted++;
        else refused++;
      }
    }
    // Both verdicts occur often: the comparison is not one-sided.
    expect(accepted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  }, 60_000); // every path × every odd value × three parses: slow on a loaded machine

  test('keys added, removed and reordered anywhere', () => {
    const base = richJson();
    for (const path of paths(base)) {
      const at = path.length ? (path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], base) as unknown) : base;
      if (at === null || typeof at !== 'object' || Array.isArray(at)) continue;
      const entries = Object.entries(at);
      const variants = [
        Object.fromEntries(entries.reverse()),
        Object.fromEntries(entries.slice(1)),
        { ...at, extra: 1 },
        { ...at, ['x'.repeat(201)]: '' },
      ];
      for (const variant of variants) {
        const doc = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
        if (path.length) setAt(doc, path, variant);
        agree(path.length ? doc : variant);
      }
    }
  });

  test('lists at and just over their limits', () => {
    const part = { title: '', text: '' };
    const comment = { id: 'c', target: '', text: '', author: '', at: '2023-01-10T09:30:00Z', resolved: false };
    const cases: [string, unknown, number][] = [
      ['narrative.overview', part, 200],
      ['review.comments', comment, 5000],
      ['review.history', { action: 'submitted', at: '2023-01-10T09:30:00Z', by: '' }, 5000],
      ['aggregate.missing', '某县教育局', 10_000],
    ];
    for (const [path, item, max] of cases) {
      for (const n of [max, max + 1]) {
        const doc = richJson();
        setPath(doc, path, Array.from({ length: n }, () => structuredClone(item)));
        expect(agree(doc)).toBe(n === max);
      }
    }
  });

  test('objects that are not plain, and a __proto__ key: readShape leaves them to zod', () => {
    const doc = seedJson();
    setPath(doc, 'meta', Object.assign(Object.create(null) as object, doc.meta as object));
    expect(readReport(doc)).toBeUndefined();
    expect(reportSchema.safeParse(doc)).toEqual(plain.safeParse(doc));
    const explained = seedJson();
    setPath(explained, 'explanations', JSON.parse('{"__proto__": "x"}'));
    expect(readReport(explained)).toBeUndefined();
    expect(reportSchema.safeParse(explained)).toEqual(plain.safeParse(explained));
  });

  test('an optional key present as undefined is zod’s call', () => {
    const shape: Shape = { kind: 'object', keys: { a: { kind: 'optional', of: { kind: 'boolean' } } } };
    expect(readShape(shape, {})).toEqual({});
    expect(readShape(shape, { a: true })).toEqual({ a: true });
    expect(readShape(shape, { a: undefined })).toBe(NOT_VALID);
  });

  test('the shape is the whole document: every key of a report is in it', () => {
    const keys = (shape: Shape): string[] => (shape.kind === 'object' ? Object.keys(shape.keys) : []);
    const report: Report = plain.parse(richJson());
    expect(keys(REPORT_SHAPE)).toEqual(Object.keys(report));
  });
});

describe('objects read in the shape’s order and in any other', () => {
  const bool: Shape = { kind: 'boolean' };
  const shape: Shape = { kind: 'object', keys: { a: bool, b: { kind: 'optional', of: bool }, c: bool } };
  const schema = shapeSchema(shape);
  // Written as JSON so that each object has its keys in exactly this order.
  test.each([
    ['{"a":true,"b":false,"c":true}', { a: true, b: false, c: true }],
    ['{"a":true,"c":true}', { a: true, c: true }],
    ['{"c":true,"a":true}', { a: true, c: true }],
    ['{"c":true,"b":false,"a":true}', { a: true, b: false, c: true }],
    ['{"a":true,"c":true,"b":false}', { a: true, b: false, c: true }],
    ['{"b":false,"a":true,"c":true}', { a: true, b: false, c: true }],
    ['{"a":true,"b":false}', NOT_VALID],
    ['{"b":false,"c":true}', NOT_VALID],
    ['{"a":true,"c":true,"d":1}', NOT_VALID],
    ['{"d":1,"a":true,"c":true}', NOT_VALID],
    ['{"a":true,"b":false,"c":true,"0":1}', NOT_VALID],
    ['{"a":true,"b":1,"c":true}', NOT_VALID],
    ['{"c":1,"a":true}', NOT_VALID],
    ['{}', NOT_VALID],
  ])('%s', (json, expected) => {
    const value = JSON.parse(json) as unknown;
    const read = readShape(shape, value);
    expect(read).toEqual(expected);
    const zod = schema.safeParse(value);
    expect(zod.success).toBe(expected !== NOT_VALID);
    if (zod.success) expect(JSON.stringify(read)).toBe(JSON.stringify(zod.data));
  });

  test('an optional key present as undefined, in order or not, is zod’s call', () => {
    expect(readShape(shape, { a: true, b: undefined, c: true })).toBe(NOT_VALID);
    expect(readShape(shape, { c: true, b: undefined, a: true })).toBe(NOT_VALID);
  });

  test('a key on Object.prototype is zod’s call, and decode answers as zod does', () => {
    const doc = seedJson();
    expect(readReport(doc)).toBeDefined();
    (Object.prototype as Record<string, unknown>).polluted = 1;
    try {
      expect(readShape(shape, { a: true, c: true })).toBe(NOT_VALID);
      expect(readReport(doc)).toBeUndefined();
      expect(reportSchema.safeParse(doc)).toEqual(plain.safeParse(doc));
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(readReport(doc)).toBeDefined();
  });
});
