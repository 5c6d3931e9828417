import { describe, expect, test } from 'vitest';
import { isBlock, parseAmount, parseCount, parsePasteBlock, parseYear, type ParseResult } from './parse.ts';

const ok = (value: number | null): ParseResult => ({ ok: true, value, canonical: value === null ? '' : String(value) });
const bad = (reason: string, text: string) => ({ ok: false, reason, text });

describe('parseCount', () => {
  test.each<[string, ParseResult | ReturnType<typeof bad>]>([
    ['', ok(null)],
    ['   ', ok(null)],
    ['\u3000', ok(null)],
    ['0', ok(0)],
    ['7', ok(7)],
    ['007', ok(7)],
    [' 24 ', ok(24)],
    ['１２３', ok(123)],
    ['\u3000１２\u3000', ok(12)],
    ['1,234', ok(1234)],
    ['1，234', ok(1234)],
    ['12,345,678', ok(12345678)],
    ['12.0', ok(12)],
    ['12.', ok(12)],
    ['-0', ok(0)],
    ['100000000', ok(100_000_000)],
    ['-3', bad('negative', '-3')],
    ['－３', bad('negative', '－３')],
    ['1.5', bad('fraction', '1.5')],
    ['０.５', bad('fraction', '０.５')],
    ['12,34', bad('notNumber', '12,34')],
    ['1 234', bad('notNumber', '1 234')],
    ['abc', bad('notNumber', 'abc')],
    ['3件', bad('notNumber', '3件')],
    ['1e3', bad('notNumber', '1e3')],
    ['/', bad('placeholder', '/')],
    ['—', bad('placeholder', '—')],
    ['无', bad('placeholder', '无')],
    ['100000001', bad('tooLarge', '100000001')],
    ['99999999999999999999', bad('tooLarge', '99999999999999999999')],
  ])('%j', (text, expected) => {
    expect(parseCount(text)).toEqual(expected);
  });
});

describe('parseAmount', () => {
  test.each<[string, ParseResult | ReturnType<typeof bad>]>([
    ['', ok(null)],
    ['0', ok(0)],
    ['0.5', ok(0.5)],
    ['.5', ok(0.5)],
    ['1.2345', ok(1.2345)],
    ['1.23450', ok(1.2345)],
    ['１.２', ok(1.2)],
    ['1,234.5', ok(1234.5)],
    [' 3 ', ok(3)],
    ['1.23456', bad('decimals', '1.23456')],
    ['-0.1', bad('negative', '-0.1')],
    ['1.2.3', bad('notNumber', '1.2.3')],
    ['/', bad('placeholder', '/')],
  ])('%j', (text, expected) => {
    expect(parseAmount(text)).toEqual(expected);
  });
});

describe('parseYear', () => {
  test.each<[string, ParseResult | ReturnType<typeof bad>]>([
    ['', ok(null)],
    ['2022', ok(2022)],
    ['２０２２', ok(2022)],
    ['2022年', ok(2022)],
    ['22', bad('year', '22')],
    ['1800', bad('year', '1800')],
    ['20a2', bad('year', '20a2')],
  ])('%j', (text, expected) => {
    expect(parseYear(text)).toEqual(expected);
  });
});

describe('parsePasteBlock', () => {
  test.each<[string, string, string[][]]>([
    ['one value', '5', [['5']]],
    ['LF rows', '1\t2\n3\t4', [['1', '2'], ['3', '4']]],
    ['CRLF with the trailing newline Excel adds', '1\t2\r\n3\t4\r\n', [['1', '2'], ['3', '4']]],
    ['CR (old Mac)', '1\t2\r3\t4\r', [['1', '2'], ['3', '4']]],
    ['empty cells kept', '1\t\t3\n\t\t\n', [['1', '', '3'], ['', '', '']]],
    ['ragged rows keep their own length', '1\t2\t3\n4\n', [['1', '2', '3'], ['4']]],
    ['quoted cells', '"1,234"\t"a""b"', [['1,234', 'a"b']]],
    ['several trailing newlines', '7\n\n\n', [['7']]],
  ])('%s', (_, text, rows) => {
    const result = parsePasteBlock(text);
    expect(result).toEqual({ ok: true, rows, height: rows.length, width: Math.max(...rows.map((r) => r.length)) });
  });

  test.each(['', '\n', '\r\n\r\n', '  \n '])('empty %j', (text) => {
    expect(parsePasteBlock(text)).toEqual({ ok: false, reason: 'empty' });
  });

  test.each<[string, boolean]>([
    ['12', false],
    ['12\n', false],
    ['12\r\n', false],
    ['1\t2', true],
    ['1\n2', true],
  ])('isBlock(%j) = %s', (text, expected) => {
    expect(isBlock(text)).toBe(expected);
  });
});
