/**
 * Drills (issue 20 point 11): a seeded generator of bad report files, each the way a real file
 * goes wrong (cut off, edited by hand, saved by another program, made by an attacker), with
 * where its refusal must point. The unit suite sends every file through decode; the browser
 * drills send a sample of every kind through both imports. Same seed, same files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const SEED_TEXT = readFileSync(`${FIXTURES}pingluo-2022.json`, 'utf8');
const V1_TEXT = readFileSync(`${FIXTURES}pingluo-2022-v1.json`, 'utf8');

export interface BadFile {
  readonly kind: BadKind;
  /** Which variant of the kind, for messages. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /**
   * Where a refusal must point: the field's path (a problem's path equals it or lies under it),
   * or '' when the file as a whole is wrong (not JSON, empty, too big, not UTF-8).
   */
  readonly field: string;
}

/** A small fast PRNG (mulberry32): the same seed gives the same files on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = Record<string, unknown>;
const seed = (): Json => JSON.parse(SEED_TEXT) as Json;
const encode = (text: string) => new TextEncoder().encode(text);

/** Every leaf of the seed by path (a count, a text, a date…), and every object by path. */
function walk(doc: unknown, path: string[] = [], leaves: string[][] = [], objects: string[][] = []) {
  if (doc !== null && typeof doc === 'object') {
    if (!Array.isArray(doc)) objects.push(path);
    for (const [k, v] of Object.entries(doc)) walk(v, [...path, k], leaves, objects);
  } else {
    leaves.push(path);
  }
  return { leaves, objects };
}
const SEED_PATHS = walk(seed());
/** Free texts (not the enums, versions and dates, which a pattern checks first). */
const STRING_LEAVES = SEED_PATHS.leaves.filter(
  (p) => typeof getAt(seed(), p) === 'string' && !['kind', 'formatVersion', 'status', 'agencyKind', 'action', 'at', 'resolvedAt', 'publishedOn'].includes(p[p.length - 1]!),
);
/** Counts of the tables (numbers or blanks in 二, 三, 四). */
const COUNT_LEAVES = SEED_PATHS.leaves.filter((p) => ['applications', 'proactive', 'appeals'].includes(p[0]!) && p[p.length - 1] !== 'fees');
/** Objects of the document with a fixed set of keys (not the free-keyed explanations). */
const FIXED_OBJECTS = SEED_PATHS.objects.filter((p) => p.length > 0 && p[0] !== 'explanations');

function getAt(doc: unknown, path: readonly string[]): unknown {
  let node = doc;
  for (const k of path) node = (node as Json)[k];
  return node;
}
function setAt(doc: Json, path: readonly string[], value: unknown) {
  (getAt(doc, path.slice(0, -1)) as Json)[path[path.length - 1]!] = value;
}
const dotted = (path: readonly string[]) => path.join('.');

type Maker = (random: () => number, i: number) => { name: string; text?: string; bytes?: Uint8Array; field: string };

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** Text with a key's value replaced by raw JSON text (for what JSON.stringify cannot write). */
function withRaw(path: readonly string[], raw: string): string {
  const doc = seed();
  setAt(doc, path, '@@RAW@@');
  const text = JSON.stringify(doc, null, 2);
  if (!text.includes('"@@RAW@@"')) throw new Error(`withRaw: no marker at ${dotted(path)}`);
  return text.replace('"@@RAW@@"', () => raw);
}

export const BAD_KINDS = {
  /** Cut off at a random byte: a download or a copy that did not finish. */
  truncated: (random) => {
    const bytes = encode(SEED_TEXT);
    const cut = 1 + Math.floor(random() * (bytes.length - 3));
    return { name: `cut at byte ${cut}`, bytes: bytes.slice(0, cut), field: '*' };
  },
  /** A value of the wrong type in a random field (text for a count, a count for a text…). */
  wrongType: (random) => {
    const path = pick(random, [...COUNT_LEAVES, ...STRING_LEAVES]);
    const isText = typeof getAt(seed(), path) === 'string';
    const value = isText ? pick(random, [12, true, [], {}, null]) : pick(random, ['12', '十二', true, [], { n: 1 }]);
    const doc = seed();
    setAt(doc, path, value);
    return { name: `${dotted(path)} = ${JSON.stringify(value)}`, text: JSON.stringify(doc), field: dotted(path) };
  },
  /** A required key left out. */
  missingKey: (random) => {
    const path = pick(random, [...COUNT_LEAVES, ...FIXED_OBJECTS.filter((p) => p.length <= 2)]);
    const doc = seed();
    delete (getAt(doc, path.slice(0, -1)) as Json)[path[path.length - 1]!];
    return { name: `without ${dotted(path)}`, text: JSON.stringify(doc), field: dotted(path) };
  },
  /** A key the format does not have. */
  extraKey: (random) => {
    const path = pick(random, FIXED_OBJECTS);
    const key = pick(random, ['remark', 'total2', '备注', 'x-extra']);
    const doc = seed();
    (getAt(doc, path) as Json)[key] = 1;
    return { name: `${dotted(path)}.${key}`, text: JSON.stringify(doc), field: dotted([...path, key]) };
  },
  /** A text far over its limit. */
  hugeString: (random) => {
    const path = pick(random, STRING_LEAVES);
    const doc = seed();
    setAt(doc, path, '年'.repeat(100_001 + Math.floor(random() * 1000)));
    return { name: `huge ${dotted(path)}`, text: JSON.stringify(doc), field: dotted(path) };
  },
  /** Arrays nested deeper than any report, in place of a field. */
  deepNesting: (random) => {
    const path = pick(random, [...COUNT_LEAVES, ...STRING_LEAVES]);
    const depth = pick(random, [40, 500, 20_000]);
    return { name: `${dotted(path)} nested ${depth}`, text: withRaw(path, '['.repeat(depth) + ']'.repeat(depth)), field: dotted(path) };
  },
  /** `__proto__`, `constructor` or `prototype` as a key (prototype pollution). */
  prototypeKey: (random) => {
    const path = pick(random, [[], ...FIXED_OBJECTS]);
    const key = pick(random, ['__proto__', 'constructor', 'prototype']);
    const text = withRaw([...(path.length ? path : []), '\u0001'], '{"polluted": true, "isAdmin": true}').replace('"\\u0001"', JSON.stringify(key));
    return { name: `${dotted(path) || '(top)'}.${key}`, text, field: dotted([...path, key]) };
  },
  /** Byte order marks where they do not belong: UTF-16, two BOMs, a BOM inside the text. */
  bom: (random) => {
    const variant = pick(random, ['utf16le', 'utf16be', 'inside']);
    if (variant === 'utf16le' || variant === 'utf16be') {
      const units = new Uint8Array(2 + SEED_TEXT.length * 2);
      units.set(variant === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff]);
      for (let i = 0; i < SEED_TEXT.length; i++) {
        const c = SEED_TEXT.charCodeAt(i);
        const [lo, hi] = [c & 0xff, c >> 8];
        units.set(variant === 'utf16le' ? [lo, hi] : [hi, lo], 2 + i * 2);
      }
      return { name: variant, bytes: units, field: '' };
    }
    return { name: variant, text: SEED_TEXT.replace('"meta"', '\ufeff"meta"'), field: '' };
  },
  /** Bytes that are not UTF-8: GBK text, stray bytes, an overlong encoding. */
  invalidUtf8: (random) => {
    const bytes = encode(SEED_TEXT);
    const at = SEED_TEXT.indexOf('平罗县');
    const offset = encode(SEED_TEXT.slice(0, at)).length;
    const bad = pick(random, [[0xc6, 0xbd, 0xc2, 0xde], [0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]);
    const out = new Uint8Array(bytes.length + bad.length);
    out.set(bytes.slice(0, offset));
    out.set(bad, offset);
    out.set(bytes.slice(offset), offset + bad.length);
    return { name: `bytes ${bad.map((b) => b.toString(16)).join(' ')}`, bytes: out, field: '' };
  },
  /** A lone UTF-16 surrogate (escaped) in a text. */
  loneSurrogate: (random) => {
    const path = pick(random, STRING_LEAVES);
    const lone = pick(random, ['\\ud800', '\\udfff', '\\ud83d']);
    const text = withRaw(path, `"${pick(random, ['', '平罗县'])}${lone}${pick(random, ['', '办公室'])}"`);
    return { name: `${dotted(path)} ${lone}`, text, field: dotted(path) };
  },
  /** A key given twice in one object. */
  duplicateKey: (random) => {
    const path = pick(random, [...COUNT_LEAVES, ...STRING_LEAVES]);
    const key = path[path.length - 1]!;
    const value = JSON.stringify(getAt(seed(), path));
    const text = withRaw(path, `${value}, ${JSON.stringify(key)}: ${value}`);
    return { name: dotted(path), text, field: dotted(path) };
  },
  /** Numbers JSON has no words for, written as words: NaN, Infinity, undefined, 0x10. */
  nanText: (random) => {
    const path = pick(random, COUNT_LEAVES);
    const raw = pick(random, ['NaN', 'Infinity', '-Infinity', 'undefined', '0x10', '+1', '.5', '01']);
    return { name: `${dotted(path)} = ${raw}`, text: withRaw(path, raw), field: '' };
  },
  /** A number too large for a double (1e309 reads as Infinity) or for a count. */
  hugeNumber: (random) => {
    const path = pick(random, COUNT_LEAVES);
    const raw = pick(random, ['1e309', '-1e309', '1e21', '9007199254740993', '100000001']);
    return { name: `${dotted(path)} = ${raw}`, text: withRaw(path, raw), field: dotted(path) };
  },
  /** A fraction in a count. */
  fraction: (random) => {
    const path = pick(random, COUNT_LEAVES);
    const raw = pick(random, ['1.5', '0.1', '2.000001', '1e-7']);
    return { name: `${dotted(path)} = ${raw}`, text: withRaw(path, raw), field: dotted(path) };
  },
  /** A negative count. */
  negative: (random) => {
    const path = pick(random, COUNT_LEAVES);
    const raw = pick(random, ['-1', '-0.5', '-100000']);
    return { name: `${dotted(path)} = ${raw}`, text: withRaw(path, raw), field: dotted(path) };
  },
  /** Versions this program does not read: the 2019 format, a number for the text, a newer schema. */
  wrongVersion: (random) => {
    const [key, value] = pick(random, [
      ['formatVersion', '2019'],
      ['formatVersion', 2021],
      ['formatVersion', '2022'],
      ['formatVersion', null],
      ['schemaVersion', 0],
      ['schemaVersion', 99],
      ['schemaVersion', '2'],
      ['schemaVersion', 1.5],
    ] as const);
    const doc = seed();
    doc[key] = value;
    return { name: `${key} = ${JSON.stringify(value)}`, text: JSON.stringify(doc), field: key };
  },
  /** Another kind of JSON file, or none. */
  wrongKind: (random) => {
    const value = pick(random, ['gov-info-disclosure-annual-report-2019', 'package', undefined, 1]);
    const doc = seed();
    if (value === undefined) delete doc.kind;
    else doc.kind = value;
    return { name: `kind = ${JSON.stringify(value)}`, text: JSON.stringify(doc), field: 'kind' };
  },
  /** Nothing in the file, or only white space or a BOM. */
  empty: (random) => ({ name: 'empty', text: pick(random, ['', ' ', '\n\n', '\ufeff', '\t \r\n']), field: '' }),
  /** Over the size limit (5 MB), padded with white space so that it is otherwise a report. */
  oversized: (random) => ({ name: 'oversized', text: SEED_TEXT + ' '.repeat(5 * 1024 * 1024 + Math.floor(random() * 1000)), field: '' }),
  /** Not JSON at all: HTML, CSV, XML, YAML, a word document's first bytes, JSON with comments. */
  notJson: (random) => {
    const text = pick(random, [
      '<html><body>年报</body></html>',
      '机关名称,年度\n平罗县,2022\n',
      '<?xml version="1.0"?><report/>',
      'kind: gov-info-disclosure-annual-report\n',
      'PK\u0003\u0004\u0014\u0000',
      `// 年报\n${SEED_TEXT}`,
      `${SEED_TEXT}\n{}`,
      SEED_TEXT.replace('"2021"', "'2021'"),
    ]);
    return { name: text.slice(0, 20), text, field: '' };
  },
  /** JSON, but not an object: a list, a number, a text, null. */
  notObject: (random) => ({ name: 'not an object', text: pick(random, ['[]', `[${SEED_TEXT}]`, '42', '"年报"', 'null', 'true']), field: '' }),
  /** A value outside its list or pattern: a status, a kind of agency, a date. */
  badValue: (random) => {
    const [path, value] = pick(random, [
      [['status'], 'done'],
      [['meta', 'agencyKind'], 'ministry'],
      [['meta', 'publishedOn'], '2023-13-01'],
      [['meta', 'publishedOn'], '2023/01/20'],
      [['meta', 'year'], 1900],
      [['meta', 'year'], 22],
    ] as const);
    const doc = seed();
    setAt(doc, path, value);
    return { name: `${dotted(path)} = ${JSON.stringify(value)}`, text: JSON.stringify(doc), field: dotted(path) };
  },
  /** A version 1 file with what its migration makes (review, aggregate): altered, not read. */
  migrationKeys: (random) => {
    const key = pick(random, ['review', 'aggregate']);
    const doc = JSON.parse(V1_TEXT) as Json;
    doc[key] = key === 'review' ? { status: 'approved', comments: [], history: [] } : { units: [], missing: [], notApproved: [] };
    return { name: `v1 with ${key}`, text: JSON.stringify(doc), field: key };
  },
} satisfies Record<string, Maker>;

export type BadKind = keyof typeof BAD_KINDS;

/** The problem codes a refusal of each kind may give (undefined: any, e.g. the many wrong types). */
export const KIND_CODES: Readonly<Record<BadKind, readonly string[] | undefined>> = {
  truncated: ['decode.truncated'],
  wrongType: undefined,
  missingKey: ['decode.missing'],
  extraKey: ['decode.unknownKey'],
  hugeString: ['decode.tooLong'],
  deepNesting: ['decode.tooDeep'],
  prototypeKey: ['decode.unknownKey'],
  bom: ['decode.notUtf8', 'decode.notJson'],
  invalidUtf8: ['decode.notUtf8'],
  loneSurrogate: ['decode.illFormedText'],
  duplicateKey: ['decode.duplicateKey'],
  nanText: ['decode.notJson'],
  hugeNumber: ['decode.tooLarge', 'decode.expectedNumber', 'decode.notWhole'],
  fraction: ['decode.notWhole'],
  negative: ['decode.negative', 'decode.notWhole'],
  wrongVersion: ['decode.format2019', 'decode.formatVersionNotText', 'decode.unknownFormatVersion', 'decode.badSchemaVersion', 'decode.newerSchema'],
  wrongKind: ['decode.wrongKind'],
  empty: ['decode.empty'],
  oversized: ['decode.fileTooLarge'],
  notJson: ['decode.notJson'],
  notObject: ['decode.notObject'],
  badValue: ['decode.badValue', 'decode.badDate', 'decode.tooSmall'],
  migrationKeys: ['decode.replacedByMigration'],
};

/** `perKind` bad files of every kind, from `seedValue` (oversized files: at most 2). */
export function badFiles(seedValue: number, perKind: number): BadFile[] {
  const random = rng(seedValue);
  const files: BadFile[] = [];
  for (const [kind, make] of Object.entries(BAD_KINDS) as [BadKind, Maker][]) {
    const n = kind === 'oversized' ? Math.min(perKind, 2) : perKind;
    for (let i = 0; i < n; i++) {
      const made = make(random, i);
      files.push({ kind, name: made.name, bytes: made.bytes ?? encode(made.text ?? ''), field: made.field });
    }
  }
  return files;
}

/** Whether a refusal's problems name where the file went wrong (see BadFile.field). */
export function namesTheField(file: BadFile, problems: readonly { path: string }[]): boolean {
  if (problems.length === 0) return false;
  if (file.field === '*' || file.field === '') return true; // the whole file (or anywhere): any problem will do
  return problems.some((p) => p.path === file.field || p.path.startsWith(`${file.field}.`) || file.field.startsWith(`${p.path}.`) && p.path !== '');
}

export const SEED_REPORT_TEXT = SEED_TEXT;
