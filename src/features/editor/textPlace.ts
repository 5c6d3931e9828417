/**
 * Where in a narrative text a finding's words are: the rules read the text folded (NFKC, spaces
 * out: "２５ 件" is "25件"), so the quote they report is found in the folded text and mapped back
 * to the clerk's own characters.
 */

/** What a finding says it found in a text: its words, and the number among them if any. */
export interface TextHint {
  readonly quote: string;
  readonly number?: number;
}

const SPACE = /[\s\ufeff]/;

/**
 * The range [start, end) of the text to select for a hint: the number inside the quote, else
 * the quote, else the number alone; null when neither is there (the text changed since).
 */
export function hintRange(text: string, hint: TextHint): readonly [number, number] | null {
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const piece = text[i]!.normalize('NFKC');
    for (let k = 0; k < piece.length; k++) {
      if (SPACE.test(piece[k]!)) continue;
      folded += piece[k];
      from.push(i);
    }
  }
  const range = (start: number, length: number) => [from[start]!, from[start + length - 1]! + 1] as const;
  const number = (lo: number, hi: number): number => {
    if (hint.number === undefined) return -1;
    const digits = String(hint.number);
    for (let at = folded.indexOf(digits, lo); at >= 0 && at + digits.length <= hi; at = folded.indexOf(digits, at + 1)) {
      // A whole number, not the 5 of 25.
      if (!/\d/.test(folded[at - 1] ?? '') && !/\d/.test(folded[at + digits.length] ?? '')) return at;
    }
    return -1;
  };
  const quote = hint.quote ? folded.indexOf(hint.quote) : -1;
  if (quote >= 0) {
    const inQuote = number(quote, quote + hint.quote.length);
    return inQuote >= 0 ? range(inQuote, String(hint.number).length) : range(quote, hint.quote.length);
  }
  const anywhere = number(0, folded.length);
  return anywhere >= 0 ? range(anywhere, String(hint.number).length) : null;
}
