/**
 * What a clerk types or pastes into a cell, read as a count or an amount. Pure functions that
 * return a result object and never throw: the grid shows the reason inline and keeps the text.
 *
 * Accepted: full-width digits and punctuation (１２３, ，), thousands separators in their proper
 * places (1,234), surrounding spaces (also the ideographic space), a count written with zero
 * decimals (12.0 from a spreadsheet). Empty means "not filled" (null), which is not 0.
 */

/** Why a text is not a value; the UI names the reason (editor.parse.<reason>). */
export type ParseFailureReason =
  | 'notNumber'
  | 'negative'
  | 'fraction'
  | 'decimals'
  | 'tooLarge'
  | 'placeholder'
  | 'year';

export type ParseResult =
  | { readonly ok: true; readonly value: number | null; readonly canonical: string }
  | { readonly ok: false; readonly reason: ParseFailureReason; readonly text: string };

/** The schema's upper bound for counts and amounts. */
export const MAX_VALUE = 100_000_000;
export const MAX_FEE_DECIMALS = 4;

/** Marks published reports use for "none"; a finished report writes 0 instead. */
const PLACEHOLDERS = new Set(['/', '-', '—', '–', '－', '——', '无', '空', 'n/a', 'na']);

/** NFKC folds full-width digits, comma, minus and point to ASCII; then spaces are trimmed. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00a0\u3000]/g, ' ')
    .trim();
}

/** "1,234,567" → "1234567"; null when commas are not in thousands positions ("12,34"). */
function withoutGrouping(text: string): string | null {
  if (!text.includes(',')) return text;
  const [whole, fraction] = text.split('.', 2) as [string, string | undefined];
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  if (!/^\d{1,3}(,\d{3})+$/.test(digits)) return null;
  return sign + digits.replace(/,/g, '') + (fraction === undefined ? '' : `.${fraction}`);
}

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)$/;

interface Decimal {
  readonly negative: boolean;
  readonly whole: string;
  readonly fraction: string;
}

function readDecimal(raw: string): Decimal | 'placeholder' | 'empty' | null {
  const text = normalise(raw);
  if (text === '') return 'empty';
  if (PLACEHOLDERS.has(text.toLowerCase())) return 'placeholder';
  const plain = withoutGrouping(text);
  if (plain === null || !DECIMAL.test(plain)) return null;
  const negative = plain.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? plain.slice(1) : plain).split('.');
  return { negative, whole: whole || '0', fraction };
}

function isZero(d: Decimal): boolean {
  return /^0*$/.test(d.whole) && /^0*$/.test(d.fraction);
}

/** A count: a whole number from 0 to 100,000,000, or empty (not filled). */
export function parseCount(raw: string): ParseResult {
  const d = readDecimal(raw);
  if (d === 'empty') return { ok: true, value: null, canonical: '' };
  if (d === 'placeholder') return { ok: false, reason: 'placeholder', text: raw };
  if (d === null) return { ok: false, reason: 'notNumber', text: raw };
  if (d.negative && !isZero(d)) return { ok: false, reason: 'negative', text: raw };
  if (!/^0*$/.test(d.fraction)) return { ok: false, reason: 'fraction', text: raw };
  const value = Number(d.whole);
  if (!Number.isSafeInteger(value) || value > MAX_VALUE) return { ok: false, reason: 'tooLarge', text: raw };
  return { ok: true, value, canonical: String(value) };
}

/** An amount in 万元: a decimal from 0 with at most 4 decimal places, or empty (not filled). */
export function parseAmount(raw: string): ParseResult {
  const d = readDecimal(raw);
  if (d === 'empty') return { ok: true, value: null, canonical: '' };
  if (d === 'placeholder') return { ok: false, reason: 'placeholder', text: raw };
  if (d === null) return { ok: false, reason: 'notNumber', text: raw };
  if (d.negative && !isZero(d)) return { ok: false, reason: 'negative', text: raw };
  const fraction = d.fraction.replace(/0+$/, '');
  if (fraction.length > MAX_FEE_DECIMALS) return { ok: false, reason: 'decimals', text: raw };
  const value = Number(`${d.whole}.${fraction || '0'}`);
  if (!Number.isFinite(value) || value > MAX_VALUE) return { ok: false, reason: 'tooLarge', text: raw };
  return { ok: true, value, canonical: String(value) };
}

/** The report's year: four digits within the schema's range, or empty. */
export function parseYear(raw: string): ParseResult {
  const text = normalise(raw).replace(/年$/, '');
  if (text === '') return { ok: true, value: null, canonical: '' };
  if (!/^\d{4}$/.test(text)) return { ok: false, reason: 'year', text: raw };
  const value = Number(text);
  if (value < 1990 || value > 2200) return { ok: false, reason: 'year', text: raw };
  return { ok: true, value, canonical: String(value) };
}

// ---------------------------------------------------------------------------------------------
// A block pasted from Excel or WPS
// ---------------------------------------------------------------------------------------------

/** Whether a clipboard text is a block (more than one cell) rather than one value. */
export function isBlock(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/(\r\n|\n|\r)+$/, ''));
}
