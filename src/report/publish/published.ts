/**
 * The report as it is published, as one document model that the writers read (the Word file,
 * the website's inline-styled fragment and its plain text): title, preamble, the six sections
 * with their headings, the narrative's parts and paragraphs, the three tables as rows of cells
 * with their merges (a projection of the core's table layout, report/layout.ts: no label is
 * placed here), the draft's marks and the paper-copy block. Text is plain text here; each
 * writer escapes it for its format.
 */
import { META_FIELDS, SECTIONS, partNumber, type NarrativeSectionId, type SectionId, type TableSectionId } from '../format.ts';
import type { Report } from '../document.ts';
import { REPORT_LAYOUT, shownValue, type LabelRole, type TableLayout } from '../layout.ts';
import { titleLines } from '../render/title.ts';
import { aggregateNote, paragraphs, partTitle, PRINT_TEXT } from '../render/index.ts';

export interface PublishedCell {
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** A label (a header of the table); else a value. */
  readonly header: boolean;
  readonly role?: LabelRole;
  readonly align: 'left' | 'center';
  /** A value's cell id (format-2021.md), and whether the report computes it (a total). */
  readonly cellId?: string;
  readonly computed?: boolean;
}

export interface PublishedRow {
  readonly cells: readonly PublishedCell[];
  /** A column header row: repeated at the top of each page the table runs on. */
  readonly repeat: boolean;
}

export interface PublishedTable {
  readonly section: TableSectionId;
  /** Grid columns, and their widths in per cent of the text block. */
  readonly columns: readonly number[];
  readonly rows: readonly PublishedRow[];
  /** 三 and 四 print a slightly smaller type. */
  readonly small: boolean;
}

export type PublishedBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string; readonly section?: SectionId }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly table: PublishedTable };

export interface PublishedDocument {
  readonly title: string;
  /** The title as set, line by line (title.ts: broken at a boundary of meaning); joined, `title`. */
  readonly titleLines: readonly string[];
  /** Not 定稿: every page carries the mark, the first the note. */
  readonly draft: { readonly mark: string; readonly note: string } | null;
  readonly blocks: readonly PublishedBlock[];
  /** The paper copy's block (单位负责人签字, the body's name to seal, the date), when asked for. */
  readonly paperCopy: { readonly signature: string; readonly issuer: string; readonly seal: string; readonly date: string } | null;
}

export interface PublishOptions {
  /** Adds the block for the paper copy: 单位负责人签字, 盖章, date. */
  readonly paperCopyBlock?: boolean;
}

/**
 * Column widths (per cent) of a table: 三's label columns take about half the width (the item
 * column widest), its value columns share the rest; 二 and 四 share it evenly.
 */
export function columnWidths(layout: TableLayout): number[] {
  if (layout.table !== 'applications') return Array<number>(layout.width).fill(100 / layout.width);
  const values = layout.width - layout.labelColumns;
  const labels = layout.labelColumns === 3 ? [7, 12, 29] : Array<number>(layout.labelColumns).fill(48 / layout.labelColumns);
  return [...labels, ...Array<number>(values).fill(49 / values)];
}

/** A table of the layout with the report's values, as rows of cells. */
export function publishedTable(report: Report, layout: TableLayout): PublishedTable {
  const rows: PublishedRow[] = [];
  const push = (repeat: boolean, cells: TableLayout['head'][number]['cells']) =>
    rows.push({
      repeat,
      cells: cells.map((cell): PublishedCell =>
        cell.kind === 'label'
          ? {
              text: cell.label.zh,
              rowSpan: cell.rowSpan,
              colSpan: cell.colSpan,
              header: true,
              role: cell.role,
              // 三's row labels read from the left, as printed; every other label is centred.
              align: layout.table === 'applications' && (cell.role === 'row' || cell.role === 'note') ? 'left' : 'center',
            }
          : {
              text: shownValue(report, cell),
              rowSpan: 1,
              colSpan: cell.colSpan,
              header: false,
              align: 'center',
              cellId: cell.cellId,
              computed: cell.kind === 'computed',
            },
      ),
    });
  for (const row of layout.head) push(true, row.cells);
  for (const body of layout.bodies) for (const row of body.rows) push(false, row.cells);
  return { section: layout.table, columns: columnWidths(layout), rows, small: layout.table !== 'proactive' };
}

function narrativeBlocks(report: Report, section: NarrativeSectionId): PublishedBlock[] {
  const blocks: PublishedBlock[] = [];
  let numbered = 0;
  for (const part of report.narrative[section]) {
    const title = partTitle(part);
    if (title) blocks.push({ kind: 'heading', level: 2, text: `${partNumber(numbered++)}${title}` });
    for (const line of paragraphs(part.text)) blocks.push({ kind: 'paragraph', text: line });
  }
  return blocks;
}

function preambleBlocks(report: Report): PublishedBlock[] {
  const blocks: PublishedBlock[] = paragraphs(report.narrative.preamble).map((text) => ({ kind: 'paragraph', text }));
  const contact = report.meta.contact.replace(/\s+/g, ' ').trim();
  // The contact belongs in the preamble; it follows it when the preamble does not say it.
  if (contact && !report.narrative.preamble.includes(contact)) blocks.push({ kind: 'paragraph', text: `${META_FIELDS.contact.zh}：${contact}` });
  return blocks;
}

/** The report as published: what every writer of a published form reads. */
export function publishedDocument(report: Report, options: PublishOptions = {}): PublishedDocument {
  const aggregate = aggregateNote(report);
  const blocks: PublishedBlock[] = [...(aggregate ? [{ kind: 'paragraph' as const, text: aggregate }] : []), ...preambleBlocks(report)];
  for (const section of SECTIONS) {
    blocks.push({ kind: 'heading', level: 1, text: section.heading.zh, section: section.id });
    if (section.kind === 'table') blocks.push({ kind: 'table', table: publishedTable(report, REPORT_LAYOUT[section.id as TableSectionId]) });
    else blocks.push(...narrativeBlocks(report, section.id as NarrativeSectionId));
  }
  const agency = report.meta.agency.replace(/\s+/g, ' ').trim();
  const lines = titleLines(agency, report.meta.year);
  return {
    title: lines.join(''),
    titleLines: lines,
    draft: report.status === 'ready' ? null : { mark: PRINT_TEXT.draftMark, note: PRINT_TEXT.draftNote },
    blocks,
    paperCopy: options.paperCopyBlock ? { signature: PRINT_TEXT.signature, issuer: agency, seal: PRINT_TEXT.seal, date: PRINT_TEXT.date } : null,
  };
}
