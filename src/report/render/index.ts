/** The print renderer: a report → HTML in the official layout (shared by the app and the CLI). */
export { renderReport, renderReportHtml, printedValue, paragraphs, partTitle, aggregateNote, PRINT_TEXT } from './html.ts';
export type { RenderOptions, RenderedReport } from './html.ts';
export { escapeHtml } from './escape.ts';
export { REPORT_CSS, DOCUMENT_CSS, FONT_STACKS, PAGE } from './styles.ts';
export { titleLines, agencyLines, titleWidthEm, TITLE_LINE_EM, TITLE_PT } from './title.ts';
