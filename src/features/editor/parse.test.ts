import { describe, expect, test } from 'vitest';
import { parseAmount, parseCount, parseYear, type ParseResult } from './parse.ts';

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
