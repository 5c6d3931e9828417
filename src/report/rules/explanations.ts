/**
 * The one rule of an explanation that clears a warning (说明原因), for the editor, the review
 * workspace, the CLI and every file read alike: at least one sentence — a few characters of
 * words, not "ok" or "。。。". Whitespace and punctuation do not count.
 */
export const MIN_EXPLANATION_LENGTH = 5;

export function isExplanationLongEnough(text: string): boolean {
  return text.replace(/[\s\p{P}]/gu, '').length >= MIN_EXPLANATION_LENGTH;
}
