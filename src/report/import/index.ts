/**
 * Importing a published report (issue 14): readers turn an input into the neutral shape
 * (neutral.ts), one matcher maps that onto the format model (match.ts).
 *   text  — textToNeutral (tabs, pipes, one cell per line, space-aligned)
 *   HTML  — htmlToNeutral over an HtmlNode tree (the app's DOMParser or the CLI's parse5,
 *           through fromDomLike)
 *   DOCX, PDF — their readers load their libraries lazily (docx.ts, pdf.ts) and give the same shape.
 */
export * from './neutral.ts';
export { textToNeutral } from './text.ts';
export { htmlToNeutral, fromDomLike, tableGrid, type HtmlNode } from './html.ts';
export { matchPublished, guessAgencyKind, type PublishedImport, type ImportNote, type ImportNoteKind, type CellRead, type ImportHeader } from './match.ts';
export { readCell, type CellReading } from './values.ts';
export { foldLabel, labelKey, matchLabel, matchHeading } from './labels.ts';
export { importPublishedText } from './publishedText.ts';
export { IMPORT_NOTE_MESSAGES, noteMessage, notePlace } from './notes.ts';
