/**
 * Reading one printed cell of a table. A blank, "/", "—" or "无" is not filled (null), never 0;
 * units (件, 万元) and thousands separators are read; full-width digits are digits; anything
 * else — "3 0", "约5", "5件（其中2件）" — is unreadable and said so, never guessed.
 */

export type CellReading =
  | { readonly state: 'number'; readonly value: number; readonly raw: string }
  | { readonly state: 'blank' | 'slash'; readonly value: null; readonly raw: string }
  | { readonly state: 'unreadable'; readonly value: null; readonly raw: string };

const SLASH = /^(?:[/／\\—–\-－_一]+|无|空|—+)$/;
const UNIT = /(?:件|万元|元|个|次|条|人次|项)$/;

export function readCell(raw: string, kind: 'count' | 'amount' = 'count'): CellReading {
  const t = raw.normalize('NFKC').replace(/[\u00A0\u3000]/g, ' ').trim();
  if (t === '') return { state: 'blank', value: null, raw };
  if (SLASH.test(t)) return { state: 'slash', value: null, raw };
  let n = t.replace(UNIT, '').trim();
  // Thousands separators only where they sit every three digits: "1,234" but not "1,23".
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(n)) n = n.replace(/,/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(n)) return { state: 'unreadable', value: null, raw };
  const value = Number(n);
  if (kind === 'count' && !Number.isInteger(value)) return { state: 'unreadable', value: null, raw };
  if (kind === 'amount' && /\.\d{5,}$/.test(n)) return { state: 'unreadable', value: null, raw };
  return { state: 'number', value, raw };
}

/** A cell that can only be a value (a number, a blank mark, or empty): not a label, not prose. */
export function isValueLike(raw: string): boolean {
  return readCell(raw, 'amount').state !== 'unreadable';
}
