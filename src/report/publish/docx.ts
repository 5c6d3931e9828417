/**
 * The report as a Word file (.docx) in the official layout, written from the published document
 * model with the `docx` library (loaded only when a Word file is asked for: never import this
 * module statically from the app).
 *
 * GB/T 9704-2012 as offices set it up in Word/WPS: A4 portrait, margins 37 / 35 / 28 / 26 mm
 * (top, bottom, left, right), title 方正小标宋简体 二号 (22 pt) centred, body 仿宋_GB2312 三号
 * (16 pt) at exactly 28 pt a line with a two-character first-line indent, first-level headings
 * 黑体, second-level 楷体_GB2312; tables as real Word tables (merged cells as gridSpan / vMerge,
 * header rows repeated on each page, rows never split, borders, values centred); page numbers
 * “— n —” in 4号 宋体, odd pages right and even pages left, one character in; a draft carries a
 * 草稿 watermark and header on every page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
  type IRunOptions,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { escapeHtml } from '../render/escape.ts';
import { PAGE } from '../render/styles.ts';
import { publishedDocument, type PublishOptions, type PublishedBlock, type PublishedTable } from './published.ts';
import type { Report } from '../document.ts';

/**
 * The fonts of the official layout, as Word and WPS name them on a Chinese PC, each with the name
 * of the font Windows ships for it (仿宋_GB2312 is not on Windows 10+, 仿宋 is): the font table
 * carries that as its alternate name and the GB2312 character set, so a PC without the first
 * picks the second, not a Western font.
 */
export const DOCX_FONTS = {
  title: { name: '方正小标宋简体', alt: '华文中宋', family: 'roman' },
  body: { name: '仿宋_GB2312', alt: '仿宋', family: 'modern' },
  heading1: { name: '黑体', alt: 'SimHei', family: 'modern' },
  heading2: { name: '楷体_GB2312', alt: '楷体', family: 'modern' },
  table: { name: '宋体', alt: 'SimSun', family: 'auto' },
} as const;
type FontRole = keyof typeof DOCX_FONTS;

/** Sizes in points: 二号 22, 三号 16, 4号 14 (page numbers), 五号 10.5 (tables). */
export const DOCX_SIZES = { title: 22, body: 16, pageNumber: 14, table: 10.5, smallTable: 10, draftNote: 12 } as const;
/** Exactly 28 pt a line: 22 lines in the 225 mm text block. */
export const BODY_LINE_PT = 28;

const twip = (pt: number) => Math.round(pt * 20);
const halfPoints = (pt: number) => Math.round(pt * 2);
/** Figures in tables: Times New Roman, narrow digits, as offices set them (a 宋体 digit is wider; five must fit a column). */
export const DOCX_TABLE_DIGITS_FONT = 'Times New Roman';
const font = (role: FontRole, tableDigits = role === 'table') => {
  const name = DOCX_FONTS[role].name;
  const latin = tableDigits ? DOCX_TABLE_DIGITS_FONT : name;
  return { ascii: latin, hAnsi: latin, eastAsia: name, cs: latin, hint: 'eastAsia' };
};
const TEXT_WIDTH_TWIP = convertMillimetersToTwip(PAGE.textWidthMm);
const INDENT_2_CHARS = twip(2 * DOCX_SIZES.body);
const RED = 'B42318';

/** The font table: each font with its alternate and the GB2312 character set (86). */
function fontTableXml(): string {
  const fonts = Object.values(DOCX_FONTS)
    .map(
      (f) =>
        `<w:font w:name="${escapeHtml(f.name)}"><w:altName w:val="${escapeHtml(f.alt)}"/><w:charset w:val="86"/>` +
        `<w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`
  );
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const TABLE_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function table(t: PublishedTable): Table {
  const size = t.small ? DOCX_SIZES.smallTable : DOCX_SIZES.table;
  const columnWidths = t.columns.map((p) => Math.round((p / 100) * TEXT_WIDTH_TWIP));
  return new Table({
    width: { size: TEXT_WIDTH_TWIP, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: t.rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.repeat,
          cantSplit: true,
          children: row.cells.map(
            (cell) =>
              new TableCell({
                rowSpan: cell.rowSpan,
                columnSpan: cell.colSpan,
                verticalAlign: VerticalAlignTable.CENTER,
                margins: { left: 28, right: 28, top: 0, bottom: 0 },
                children: [
                  new Paragraph({
                    style: 'TableText',
                    alignment: cell.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
                    children: [new TextRun({ text: cell.text, size: halfPoints(cell.role === 'note' ? size - 1 : size) })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

function blockElements(block: PublishedBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun(block.text)] })];
    case 'table':
      // A short paragraph after the table, as Word needs between a table and what follows.
      return [table(block.table), new Paragraph({ style: 'AfterTable', children: [] })];
  }
}

function pageNumberFooter(side: 'right' | 'left'): Footer {
  const oneChar = twip(DOCX_SIZES.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({ font: font('table', false), size: halfPoints(DOCX_SIZES.pageNumber), children: ['— ', PageNumber.CURRENT, ' —'] }),
        ],
      }),
    ],
  });
}

function draftHeader(mark: string): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextWatermark({ text: mark, font: DOCX_FONTS.heading1.name, color: RED, opacity: 0.18 }),
          new TextRun({ text: mark, font: font('heading1'), size: halfPoints(DOCX_SIZES.draftNote), color: RED }),
        ],
      }),
    ],
  });
}

const run = (role: FontRole, pt: number, extra: IRunOptions = {}) => ({ font: font(role), size: halfPoints(pt), ...extra });
const exactLines = (pt: number) => ({ line: twip(pt), lineRule: LineRuleType.EXACT });

/** The Word document (the docx library's object), for tests that look inside before packing. */
export function reportDocx(report: Report, options: PublishOptions = {}): Document {
  const doc = publishedDocument(report, options);
  const children: (Paragraph | Table)[] = [];
  if (doc.draft) {
    const border = { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 };
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        border: { top: border, bottom: border, left: border, right: border },
        spacing: { after: twip(BODY_LINE_PT / 2) },
        children: [new TextRun({ text: doc.draft.note, ...run('heading1', DOCX_SIZES.draftNote), color: RED })],
      }),
    );
  }
  // The title's lines as the core broke them (title.ts), each after a line break of its own.
  children.push(new Paragraph({ style: 'ReportTitle', children: doc.titleLines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })) }));
  for (const block of doc.blocks) children.push(...blockElements(block));
  if (doc.paperCopy) {
    const p = doc.paperCopy;
    children.push(
      // The block stays together on one page (keepNext down to the date).
      new Paragraph({ style: 'PaperCopy', keepNext: true, alignment: AlignmentType.RIGHT, spacing: { before: twip(BODY_LINE_PT * 2) }, children: [new TextRun(p.signature), new TextRun({ text: '　'.repeat(6), underline: {} })] }),
      new Paragraph({ style: 'PaperCopy', keepNext: true, alignment: AlignmentType.RIGHT, indent: { right: twip(4 * DOCX_SIZES.body) }, spacing: { before: twip(BODY_LINE_PT * 2) }, children: [new TextRun(`${p.issuer}${p.seal}`)] }),
      new Paragraph({ style: 'PaperCopy', alignment: AlignmentType.RIGHT, indent: { right: twip(4 * DOCX_SIZES.body) }, children: [new TextRun(p.date)] }),
    );
  }

  const mm = convertMillimetersToTwip;
  return new Document({
    creator: 'nianbao',
    title: doc.title,
    description: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: run('body', DOCX_SIZES.body),
          paragraph: { spacing: exactLines(BODY_LINE_PT), indent: { firstLine: INDENT_2_CHARS }, alignment: AlignmentType.JUSTIFIED },
        },
        heading1: { run: run('heading1', DOCX_SIZES.body, { bold: false, color: '000000' }), paragraph: { keepNext: true, spacing: exactLines(BODY_LINE_PT), indent: { firstLine: INDENT_2_CHARS } } },
        heading2: { run: run('heading2', DOCX_SIZES.body, { bold: false, italics: false, color: '000000' }), paragraph: { keepNext: true, spacing: exactLines(BODY_LINE_PT), indent: { firstLine: INDENT_2_CHARS } } },
      },
      paragraphStyles: [
        {
          id: 'ReportTitle',
          name: 'Report Title',
          basedOn: 'Normal',
          run: run('title', DOCX_SIZES.title),
          paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { ...exactLines(36), after: twip(BODY_LINE_PT) } },
        },
        {
          id: 'TableText',
          name: 'Table Text',
          basedOn: 'Normal',
          run: run('table', DOCX_SIZES.table),
          paragraph: { indent: { firstLine: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
        },
        { id: 'AfterTable', name: 'After Table', basedOn: 'Normal', paragraph: { spacing: { line: twip(BODY_LINE_PT / 2), lineRule: LineRuleType.EXACT } } },
        { id: 'PaperCopy', name: 'Paper Copy', basedOn: 'Normal', paragraph: { indent: { firstLine: 0 } } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm), orientation: PageOrientation.PORTRAIT },
            margin: { top: mm(PAGE.topMm), bottom: mm(PAGE.bottomMm), left: mm(PAGE.leftMm), right: mm(PAGE.rightMm), header: mm(15), footer: mm(21), gutter: 0 },
          },
        },
        headers: doc.draft ? { default: draftHeader(doc.draft.mark), even: draftHeader(doc.draft.mark) } : undefined,
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
}

/** The report as the bytes of a .docx file. */
export async function renderReportDocx(report: Report, options: PublishOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await Packer.toArrayBuffer(reportDocx(report, options), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return new Uint8Array(buffer);
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
