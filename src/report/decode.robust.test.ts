// @vitest-environment node
// Issue 20, points 5, 6 and 7: what decode refuses and how it says so.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MAX_DEPTH, MAX_FILE_BYTES, decode, decodeBytes, decodeText, type DecodeResult } from './decode.ts';
import { FIXTURES_DIR, seedJson, setPath } from '../../tests/unit/helpers.ts';

const seedText = readFileSync(`${FIXTURES_DIR}pingluo-2022.json`, 'utf8');
const v1Text = readFileSync(`${FIXTURES_DIR}pingluo-2022-v1.json`, 'utf8');

function problemsOf(result: DecodeResult): [string, string][] {
  return result.ok ? [] : result.problems.map((p) => [p.path, p.code]);
}
const messagesOf = (result: DecodeResult) => (result.ok ? [] : result.problems.map((p) => `${p.message.zh} | ${p.message.en}`));

describe('ill-formed Unicode (point 5)', () => {
  test.each([
    ['meta.agency', '\ud800平罗县'],
    ['meta.contact', '0952\udc00'],
    ['narrative.preamble', '结尾\ud83d'],
  ])('a lone surrogate in %s is refused, naming the field', (path, value) => {
    const doc = seedJson();
    setPath(doc, path, value);
    expect(problemsOf(decode(doc))).toEqual([[path, 'decode.illFormedText']]);
    // And through the text of a file (JSON escapes keep the lone surrogate).
    expect(problemsOf(decodeText(JSON.stringify(doc)))).toEqual([[path, 'decode.illFormedText']]);
  });

  test('a lone surrogate in an explanation key or a comment text is refused too', () => {
    const doc = seedJson();
    setPath(doc, 'explanations', { 'balance:\udfff': '已核实' });
    expect(problemsOf(decode(doc))).toEqual([['explanations', 'decode.illFormedText']]);
  });

  test('a well-formed pair (an emoji, a rare 汉字 outside the BMP) is fine', () => {
    const doc = seedJson();
    setPath(doc, 'meta.agency', '平罗县𠀀办公室😀');
    expect(decode(doc).ok).toBe(true);
  });
});

describe('duplicated keys and replaced keys (point 6)', () => {
  test('a duplicated key is refused, naming its path', () => {
    const text = seedText.replace('"naturalPerson": 24,', '"naturalPerson": 1, "naturalPerson": 24,');
    expect(text).not.toBe(seedText);
    const result = decodeText(text);
    expect(problemsOf(result)).toEqual([['applications.newReceived.naturalPerson', 'decode.duplicateKey']]);
    expect(messagesOf(result)[0]).toContain('naturalPerson');
  });

  test('a duplicate spelled with escapes is the same key; the same key in sibling objects is not a duplicate', () => {
    expect(problemsOf(decodeText('{"kind":1,"ki\\u006ed":2}'))).toEqual([['kind', 'decode.duplicateKey']]);
    expect(problemsOf(decodeText(seedText))).toEqual([]);
  });

  test('a duplicated key at the top and in an array element', () => {
    expect(problemsOf(decodeText(seedText.replace('{', '{"status":"draft",')))).toEqual([['status', 'decode.duplicateKey']]);
    expect(problemsOf(decodeText('{"a":[{"x":1},{"x":1,"x":2}]}'))).toEqual([['a.1.x', 'decode.duplicateKey']]);
  });

  test.each(['review', 'aggregate'])('a schemaVersion 1 file with %s (which its migration makes) is refused naming it', (key) => {
    const doc = JSON.parse(v1Text);
    doc[key] = key === 'review' ? { status: 'approved', comments: [], history: [] } : null;
    expect(problemsOf(decode(doc))).toEqual([[key, 'decode.replacedByMigration']]);
  });
});

describe('messages that say what is wrong (point 7)', () => {
  test('a file cut off anywhere is "incomplete", with where, never "not UTF-8"', () => {
    const bytes = new TextEncoder().encode(seedText);
    let notUtf8 = 0;
    for (let cut = 1; cut < bytes.length - 1; cut += 97) {
      const result = decodeBytes(bytes.subarray(0, cut));
      const codes = problemsOf(result).map(([, code]) => code);
      if (codes.includes('decode.notUtf8')) notUtf8++;
      expect(codes, `cut at ${cut}`).toEqual(['decode.truncated']);
    }
    expect(notUtf8).toBe(0);
    const inside = decodeBytes(bytes.subarray(0, new TextEncoder().encode(seedText.slice(0, seedText.indexOf('"naturalPerson"'))).length + 18));
    expect(problemsOf(inside)).toEqual([['applications.newReceived.naturalPerson', 'decode.truncated']]);
    expect(messagesOf(inside)[0]).toMatch(/第 \d+ 行/);
  });

  test('an empty file says it is empty', () => {
    expect(problemsOf(decodeText(''))).toEqual([['', 'decode.empty']]);
    expect(problemsOf(decodeText('  \n'))).toEqual([['', 'decode.empty']]);
  });

  test('nesting too deep is named by its path and states the limit, also through a migration', () => {
    const deep = `${'['.repeat(MAX_DEPTH + 5)}${']'.repeat(MAX_DEPTH + 5)}`;
    const text = seedText.replace('"publishedOn": null', `"publishedOn": ${deep}`);
    const result = decodeText(text);
    expect(problemsOf(result)[0]?.[1]).toBe('decode.tooDeep');
    expect(problemsOf(result)[0]?.[0]).toMatch(/^meta\.publishedOn(\.0)+$/);
    expect(messagesOf(result)[0]).toContain(String(MAX_DEPTH));
    // A version-1 document nested 20,000 deep: the migration would copy it (structuredClone).
    const v1 = JSON.parse(v1Text);
    let node: unknown[] = [];
    v1.meta.contact = node;
    for (let i = 0; i < 20_000; i++) node = (node[0] = []) as unknown[];
    const migrated = decode(v1);
    expect(problemsOf(migrated)[0]?.[1]).toBe('decode.tooDeep');
    expect(messagesOf(migrated).join()).not.toMatch(/stack|structuredClone/i);
  });

  test('a numeric formatVersion 2021 is told it must be the text "2021"', () => {
    const doc = seedJson();
    doc.formatVersion = 2021;
    const result = decode(doc);
    expect(problemsOf(result)).toEqual([['formatVersion', 'decode.formatVersionNotText']]);
    expect(messagesOf(result)[0]).toContain('"2021"');
  });

  test('every size message states the limit', () => {
    const big = decodeBytes(new Uint8Array(MAX_FILE_BYTES + 1));
    expect(messagesOf(big)[0]).toContain('5.0 MB');
    const cases: [string, unknown, string, string][] = [
      ['narrative.preamble', '年'.repeat(100_001), 'decode.tooLong', '100000'],
      ['appeals.review.pending', 1e12, 'decode.tooLarge', '100000000'],
      ['explanations', { ['k'.repeat(300)]: '说明' }, 'decode.tooLong', '200'],
    ];
    for (const [path, value, code, limit] of cases) {
      const doc = seedJson();
      setPath(doc, path, value);
      const result = decode(doc);
      expect(problemsOf(result)).toEqual([[path, code]]);
      expect(messagesOf(result)[0]).toContain(limit);
    }
  });
});
