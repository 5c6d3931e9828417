/**
 * The PDF reader's pieces of text: a watermark drawn aslant is left out (its 稿 landed in a cell
 * of 三 of a PDF printed from the print view), text turned by a right angle is kept, and an
 * ideograph given as its radical's code point (人⺠, as pdf.js reads Chromium's PDFs) is the
 * ideograph again.
 */
import { describe, expect, test } from 'vitest';
import { pieceText, toPieces, unifyRadicals, type PdfTextItem } from './pdf.ts';

const item = (str: string, transform: number[]): PdfTextItem => ({ str, transform, width: 10, height: 10 });
const turned = (degrees: number, size = 12) => {
  const r = (degrees * Math.PI) / 180;
  return [size * Math.cos(r), size * Math.sin(r), -size * Math.sin(r), size * Math.cos(r), 100, 200];
};

describe('toPieces', () => {
  test.each([
    [0, true],
    [90, true],
    [-90, true],
    [180, true],
    [45, false],
    [-30, false],
    [60, false],
  ])('text turned by %i° is kept: %s', (degrees, kept) => {
    expect(toPieces([item('草稿', turned(degrees))]).length).toBe(kept ? 1 : 0);
  });

  test('the radical code points of ideographs are read as the ideographs', () => {
    expect(toPieces([item('平罗县人\u2EA0政府办公室', turned(0))])[0]!.text).toBe('平罗县人民政府办公室');
  });
});

describe('unifyRadicals', () => {
  test.each([
    ['中华人\u2EA0共和国', '中华人民共和国'],
    ['\u2ED3期', '长期'],
    ['\u2ED4户网站', '门户网站'],
    ['\u2F47期', '日期'], // a Kangxi radical: its compatibility mapping
    ['（二）部分公开 ０件', '（二）部分公开 ０件'], // full-width forms are the text's own: untouched
  ])('%s → %s', (input, output) => {
    expect(unifyRadicals(input)).toBe(output);
  });
});

describe('pieceText', () => {
  test.each([
    ['（国办公开办函〔2021〕30号 ） 要 求 ， 现 发 布 《 平 罗 县', '（国办公开办函〔2021〕30号）要求，现发布《平罗县'],
    ['平罗县人民政府办公室 2022年', '平罗县人民政府办公室 2022年'], // a space before a digit may be the text's own
    ['Word 文件', 'Word 文件'],
  ])('%s → %s', (input, output) => {
    expect(pieceText(input)).toBe(output);
  });
});
