/**
 * A published report copied from a website as text, in whatever form the site gives its
 * tables (tabs, pipes, one cell per line, space-aligned): the text reader, then the one
 * matcher. See text.ts and match.ts.
 */
import { matchPublished, type PublishedImport } from './match.ts';
import { textToNeutral } from './text.ts';

export { foldLabel } from './labels.ts';
export type { ImportNote, ImportNoteKind, PublishedImport, CellRead, ImportHeader } from './match.ts';

export function importPublishedText(text: string): PublishedImport {
  return matchPublished(textToNeutral(text));
}
