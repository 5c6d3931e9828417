/**
 * The neutral shape every reader of a published report produces, and what the one matcher
 * (match.ts) reads: the document's blocks in reading order, each a paragraph or a table whose
 * rows are plain cell texts with merged cells expanded (a cell spanning two columns or rows
 * appears in each position it covers). Readers know nothing of the format; the matcher knows
 * nothing of where the blocks came from.
 */

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: string;
}

export interface TableBlock {
  readonly kind: 'table';
  /** Rows of cell texts; merged cells expanded, so a row of the official grid has all its columns. */
  readonly rows: readonly (readonly string[])[];
}

export type NeutralBlock = ParagraphBlock | TableBlock;

export interface NeutralDocument {
  /** The input form, for the notes and the review ("tabs", "html", "docx", "pdf"…). */
  readonly source: string;
  readonly blocks: readonly NeutralBlock[];
}

export const paragraph = (text: string): ParagraphBlock => ({ kind: 'paragraph', text });
export const table = (rows: readonly (readonly string[])[]): TableBlock => ({ kind: 'table', rows });

/** The paragraphs of a neutral document, in order. */
export function paragraphsOf(doc: NeutralDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}

/** The tables of a neutral document, in order. */
export function tablesOf(doc: NeutralDocument): TableBlock[] {
  return doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
}
