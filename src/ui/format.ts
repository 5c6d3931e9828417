/**
 * Numbers, dates and times as the UI shows them, in the UI's language: the one place they are
 * formatted (lists, tables, indicators, history). Each Intl formatter is made once per language
 * and style, on first use, and kept: a table of 30 rows formats 30 dates with one formatter, and
 * a page that shows none never pays for Intl's locale data.
 */
import { useCallback } from 'react';
// i18next's own hook, not src/i18n's useLang: this module rides in the first load's core chunk,
// which must not import the app's entry chunk back.
import { useTranslation } from 'react-i18next';

/** 'zh' | 'en' (the core's key) or an i18next language ('zh-CN', 'en'): anything but English is Chinese. */
type Language = string;

const DATE_LOCALES = { zh: 'zh-CN', en: 'en-GB' } as const;

/**
 * - `short`: 2023/1/10 10:30 · 10/01/2023, 10:30 — dense tables and lists (the review workspace).
 * - `medium`: 2023年1月10日 10:30 · 10 Jan 2023, 10:30 — the drafts list, comments.
 * - `seconds`: medium with seconds — a draft's versions, which can be seconds apart.
 */
export type DateTimeStyle = 'short' | 'medium' | 'seconds';

const DATE_OPTIONS: Record<DateTimeStyle, Intl.DateTimeFormatOptions> = {
  short: { dateStyle: 'short', timeStyle: 'short' },
  medium: { dateStyle: 'medium', timeStyle: 'short' },
  seconds: { dateStyle: 'medium', timeStyle: 'medium' },
};

const langOf = (language: Language): 'zh' | 'en' => (language === 'en' ? 'en' : 'zh');

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(language: Language, style: DateTimeStyle): Intl.DateTimeFormat {
  const lang = langOf(language);
  const key = `${lang}:${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[lang], DATE_OPTIONS[style]);
    dateFormats.set(key, format);
  }
  return format;
}

/** A time (ms since epoch, or an ISO string as comments carry) as date and time; an unreadable string as it is. */
export function formatDateTime(time: number | string, language: Language, style: DateTimeStyle = 'medium'): string {
  const ms = typeof time === 'number' ? time : Date.parse(time);
  if (Number.isNaN(ms)) return String(time);
  return dateFormat(language, style).format(ms);
}

/** `formatDateTime` in the UI's current language. */
export function useFormatDateTime(style: DateTimeStyle = 'medium'): (time: number | string) => string {
  const lang = langOf(useTranslation().i18n.language);
  return useCallback((time: number | string) => formatDateTime(time, lang, style), [lang, style]);
}

/**
 * The clock time hh:mm:ss, as zh-CN and en-GB both write it (the save indicator). Written out
 * rather than through Intl: its first use loads locale data, some 25 ms of the editor's first
 * paint, and the indicator shows the draft's last save as soon as it opens.
 */
export function formatClockTime(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** A count or amount with digit grouping (1,234.5), up to four decimals; a blank as —. */
export function formatNumber(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined) return '—';
  const lang = langOf(language);
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 4 });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}
