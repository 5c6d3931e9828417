// @vitest-environment node
/** The narrative helpers: normalisation, sentences, and their sharing within one evaluation. */
import { describe, expect, test } from 'vitest';
import { SPACE_AFTER_NFKC, allMatches, normalise, sentences, sharingTexts } from './text.ts';

/** The definition: NFKC, then every white space character of JavaScript removed. */
const reference = (text: string) => text.normalize('NFKC').replace(/[\s\u3000]+/g, '');

describe('normalise', () => {
  test('every white space character left by NFKC is one SPACE_AFTER_NFKC removes', () => {
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!/\s/.test(c)) continue;
      // What NFKC leaves of it must be removed as \s would remove it.
      const after = c.normalize('NFKC');
      if (after.replace(SPACE_AFTER_NFKC, '') !== after.replace(/\s+/g, '')) missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
  });

  test.each([
    '2022 年，全年收到申请１２件',
    '\u3000\u3000一、总体情况\r\n（一）主动公开\t 共 3 件\u00a0\u2003\u202f\u205f\ufeff\u1680\u2028\u2029\u000b\u000c。',
    '本报告统计数据从２０２２年１月１日至２０２２年１２月３１日',
    'e\u0301 ﬁ ¨ ① ㈱ …',
    '',
  ])('is NFKC without white space: %j', (text) => {
    expect(normalise(text)).toBe(reference(text));
    expect(sharingTexts(() => [normalise(text), normalise(text)])).toEqual([reference(text), reference(text)]);
  });
});

describe('sentences', () => {
  test('split at 。！？； and line breaks, normalised, empty ones dropped', () => {
    const text = '全年收到申请１２件！予以公开 3 件？\r\n无。；其他\n完';
    expect(sentences(text)).toEqual(['全年收到申请12件', '予以公开3件', '无', '其他', '完']);
    expect(sharingTexts(() => sentences(text))).toEqual(sentences(text));
  });

  test('a text without line breaks splits as one with them replaced', () => {
    expect(sentences('一是公开。二是解读；三是回应')).toEqual(['一是公开', '二是解读', '三是回应']);
  });
});

describe('sharingTexts', () => {
  test('shares within one run and keeps nothing after it', () => {
    const text = '共 5 件';
    const [a, b] = sharingTexts(() => [sentences(text), sentences(text)]);
    expect(a).toBe(b);
    expect(sentences(text)).not.toBe(a);
    expect(sentences(text)).toEqual(a);
  });

  test('the next evaluation reuses the last one\'s texts; a text no longer read is dropped', () => {
    const [a, first] = sharingTexts(() => [sentences('共 5 件'), sentences('旧文本。')]);
    const [again, other] = sharingTexts(() => [sentences('共 5 件'), sentences('新文本。')]);
    expect(again).toBe(a);
    expect(other).toEqual(['新文本']);
    // '旧文本。' was not read by the second evaluation: the third splits it anew.
    const [old] = sharingTexts(() => [sentences('旧文本。')]);
    expect(old).not.toBe(first);
    expect(old).toEqual(first);
    const [oldAgain] = sharingTexts(() => [sentences('旧文本。')]);
    expect(oldAgain).toBe(old);
    expect(sharingTexts(() => sentences('共 5 件'))).not.toBe(a);
  });

  test('ends the sharing when the run throws', () => {
    expect(() =>
      sharingTexts(() => {
        throw new Error('rule failed');
      }),
    ).toThrow('rule failed');
    expect(sentences('共 5 件')).not.toBe(sentences('共 5 件'));
  });
});

describe('allMatches', () => {
  const matches = (found: readonly RegExpMatchArray[]) => found.map((m) => [m.index, [...m]]);
  test.each([
    [/(\d{4})年/g, '2021年至2022年，2023 年'],
    [/国办公开办函[^。，；]{0,12}?号|[〔[［(（]?2021[〕\]］)）]?30号/g, '依据国办公开办函〔2021〕30号和（2021）30号'],
    [/x/g, 'abc'],
    [/x/g, ''],
    [/a*/g, 'baaac'],
    [/(?:)/g, '年𠀀a'],
    [/(?:)/gu, '年𠀀a'],
    [/\p{Script=Han}?/gu, 'a𠀀年'],
    [/a/gy, 'aab'],
    [/a/gi, 'AaA'],
  ])('finds what matchAll finds: %s in %j', (pattern, text) => {
    expect(matches(allMatches(pattern, text))).toEqual(matches([...text.matchAll(pattern)]));
    expect(allMatches(pattern, text)).toEqual([...text.matchAll(pattern)]);
    // And again: nothing is left behind in the pattern.
    expect(pattern.lastIndex).toBe(0);
    expect(matches(allMatches(pattern, text))).toEqual(matches([...text.matchAll(pattern)]));
  });

  test('refuses a pattern that is not global, as matchAll does', () => {
    expect(() => allMatches(/a/, 'a')).toThrow(TypeError);
    expect(() => 'a'.matchAll(/a/)).toThrow(TypeError);
  });
});
