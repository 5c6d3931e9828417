import { describe, expect, test } from 'vitest';
import { hintRange } from './textPlace.ts';

const selected = (text: string, range: readonly [number, number] | null) => (range ? text.slice(range[0], range[1]) : null);

describe('hintRange: where a finding’s number is in the clerk’s text', () => {
  test.each<[string, string, string, number | undefined, string | null]>([
    ['the number in the quote', '全年共受理25件申请，另有3件咨询。', '受理25件', 25, '25'],
    ['full-width digits and a space, as the clerk typed them', '全年共受理 ２５ 件申请。', '受理25件', 25, '２５'],
    ['not the 5 of 25 when the number is 5', '受理25件，办结5件。', '办结5件', 5, '5'],
    ['the quote when it holds no number (a zero claim)', '本年度未收到行政复议申请。', '未收到行政复议', 0, '未收到行政复议'],
    ['the quote without a number', '依据国办公开办函〔2019〕60号编制。', '国办公开办函〔2019〕60号', undefined, '国办公开办函〔2019〕60号'],
    ['the number alone when the quote is gone', '受理了25件。', '受理25件申请', 25, '25'],
    ['nothing when neither is there', '全年无申请。', '受理25件', 25, null],
  ])('%s', (_, text, quote, number, expected) => {
    expect(selected(text, hintRange(text, number === undefined ? { quote } : { quote, number }))).toBe(expected);
  });
});
