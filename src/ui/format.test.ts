import { describe, expect, test } from 'vitest';
import { formatClockTime, formatDateTime, formatNumber } from './format.ts';

// 2023-01-10 10:30:05 in the machine's time zone (formatters use it too).
const AT = new Date(2023, 0, 10, 10, 30, 5).getTime();

/** Counts the Intl.DateTimeFormat objects made while `body` runs. */
function dateFormatsMadeBy(body: () => void): number {
  const Original = Intl.DateTimeFormat;
  let made = 0;
  class Counting extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      made++;
    }
  }
  Intl.DateTimeFormat = Counting as typeof Original;
  try {
    body();
  } finally {
    Intl.DateTimeFormat = Original;
  }
  return made;
}

describe('formatDateTime', () => {
  test.each([
    [AT, 'zh', 'short', '2023/1/10 10:30'],
    [AT, 'zh-CN', 'medium', '2023年1月10日 10:30'],
    [AT, 'zh', 'seconds', '2023年1月10日 10:30:05'],
    [AT, 'en', 'short', '10/01/2023, 10:30'],
    [AT, 'en', 'medium', '10 Jan 2023, 10:30'],
    [AT, 'en', 'seconds', '10 Jan 2023, 10:30:05'],
    [new Date(AT).toISOString(), 'zh', 'medium', '2023年1月10日 10:30'],
    ['not a time', 'en', 'medium', 'not a time'],
  ] as const)('%s in %s, %s: %s', (time, lang, style, expected) => {
    expect(formatDateTime(time, lang, style)).toBe(expected);
  });

  test('a table of 50 rows makes no formatter per row: at most one per language and style', () => {
    // Warm the cache for one style and language, then count constructions.
    expect(dateFormatsMadeBy(() => formatDateTime(AT, 'zh', 'short'))).toBeLessThanOrEqual(1);
    expect(dateFormatsMadeBy(() => {
      for (let row = 0; row < 50; row++) formatDateTime(AT + row * 60_000, 'zh', 'short');
    })).toBe(0);
  });
});

describe('formatNumber', () => {
  test.each([
    [1234, 'zh', '1,234'],
    [1234.56789, 'en', '1,234.5679'],
    [0, 'zh', '0'],
    [null, 'zh', '—'],
    [undefined, 'en', '—'],
  ] as const)('%s in %s: %s', (value, lang, expected) => {
    expect(formatNumber(value, lang)).toBe(expected);
  });
});

test('formatClockTime: hh:mm:ss, zero-padded, without Intl', () => {
  expect(dateFormatsMadeBy(() => expect(formatClockTime(new Date(2023, 0, 1, 9, 5, 7).getTime())).toBe('09:05:07'))).toBe(0);
});

test('formatClockTime reads as Intl writes it in zh-CN and en-GB (hh:mm:ss, 24 hours)', () => {
  const day = new Date(2024, 2, 5).getTime();
  for (const seconds of [0, 9, 59, 3600 + 5 * 60 + 7, 12 * 3600, 13 * 3600 + 1, 23 * 3600 + 59 * 60 + 59]) {
    const at = day + seconds * 1000;
    for (const locale of ['zh-CN', 'en-GB']) {
      expect(formatClockTime(at)).toBe(new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at));
    }
  }
});
