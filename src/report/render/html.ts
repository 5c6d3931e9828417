/**
 * The report in the official layout as HTML: one renderer for the app's print view, the
 * printable file and the CLI. Pure string building; every piece of user text goes through
 * escapeHtml. Every label is read from the format model; the tables are laid out by layout.ts.
 */
import {
  META_FIELDS,
  SECTIONS,
  partNumber,
  type Label,
  type NarrativeSectionId,
  type SectionDef,
  type TableSectionId,
} from '../format.ts';
import type { NarrativePart, Report } from '../document.ts';
import { REPORT_LAYOUT, shownValue, type LabelCell, type LayoutCell, type LayoutRow, type ReportLayout, type TableLayout } from '../layout.ts';
import { titleLines } from './title.ts';
import { escapeHtml } from './escape.ts';
import { DOCUMENT_CSS, REPORT_CSS } from './styles.ts';

export interface RenderOptions {
  /** Adds the block for the paper copy: 单位负责人签字, 盖章, date. */
  paperCopyBlock?: boolean;
  /** The document's <title>; the report's title by default. */
  title?: string;
  /** The tables' layout; the format's (REPORT_LAYOUT) by default — a test passes a changed one. */
  layout?: ReportLayout;
}

export interface RenderedReport {
  /** The report's title, `<机关名称><年份>年政府信息公开工作年度报告`. */
  title: string;
  /** The CSS the body needs (scoped under `.nb-report`, plus the global `@page`). */
  css: string;
  /** The report as one `<article class="nb-report">` element. */
  body: string;
}

/** Wording of the print itself (not of the format): the draft mark and the paper-copy block. */
export const PRINT_TEXT = {
  draftMark: '草稿',
  draftNote: '草稿：本报告尚未定稿，仅供审核，不得印发或公开。',
  signature: '单位负责人签字：',
  seal: '（盖章）',
  date: '　　　　年　　月　　日',
  /** How the 汇总 note begins (the importer drops a paragraph that begins so: it is not the report's text). */
  aggregateNoteHead: '汇总说明：',
} as const;

/**
 * What an aggregate (汇总) report says of itself, from what it carries (report.aggregate): how
 * many units' reports it sums and which, those summed though not approved, and those left out
 * (not approved, or no report for the year). One sentence in parentheses under the title, as a
 * 附注 is set (GB/T 9704 §7.3.6: 3号仿宋, two characters in); null for a unit's own report.
 */
export function aggregateNote(report: Report): string | null {
  const info = report.aggregate;
  if (!info) return null;
  const names = (list: readonly string[]) => list.map((a) => a.replace(/\s+/g, ' ').trim()).join('、');
  const included = info.units.map((u) => u.agency);
  const unapproved = info.units.filter((u) => u.status !== 'approved').map((u) => u.agency);
  const leftOutUnapproved = info.notApproved.filter((a) => !included.includes(a));
  const parts = [
    included.length > 0
      ? `本报告为 ${included.length} 个单位政府信息公开工作年度报告的汇总，表中数字为以下单位逐项相加之和：${names(included)}`
      : '本报告为汇总报告，未计入任何单位的年度报告',
  ];
  if (unapproved.length > 0) parts.push(`其中尚未审核通过的 ${unapproved.length} 个：${names(unapproved)}`);
  if (leftOutUnapproved.length > 0) parts.push(`未审核通过、未计入的 ${leftOutUnapproved.length} 个：${names(leftOutUnapproved)}`);
  if (info.missing.length > 0) parts.push(`未报送本年度报告、未计入的 ${info.missing.length} 个：${names(info.missing)}`);
  return `（${PRINT_TEXT.aggregateNoteHead}${parts.join('；')}。）`;
}

const zh = (label: Label) => escapeHtml(label.zh);

// Tables keep their grid where a website's editor strips <style>: borders are also inline.
const CELL_STYLE = 'border:1px solid #000';
const TABLE_STYLE = 'width:100%;border-collapse:collapse';

interface CellAttrs {
  rowspan?: number;
  colspan?: number;
  scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  className?: string;
  cell?: string;
}

function attrs(a: CellAttrs): string {
  let out = '';
  if (a.className) out += ` class="${a.className}"`;
  if (a.scope) out += ` scope="${a.scope}"`;
  if (a.rowspan && a.rowspan > 1) out += ` rowspan="${a.rowspan}"`;
  if (a.colspan && a.colspan > 1) out += ` colspan="${a.colspan}"`;
  if (a.cell) out += ` data-cell="${escapeHtml(a.cell)}"`;
  return `${out} style="${CELL_STYLE}"`;
}

const th = (content: string, a: CellAttrs = {}) => `<th${attrs(a)}>${content}</th>`;
const td = (content: string, a: CellAttrs = {}) => `<td${attrs(a)}>${content}</td>`;
const cols = (widths: readonly number[]) =>
  `<colgroup>${widths.map((w) => `<col style="width:${Number(w.toFixed(3))}%">`).join('')}</colgroup>`;

/**
 * The printed value of a cell: the one rule of layout.ts (shownValue) — plain digits, a cell
 * not filled empty, a total of cells none of which is filled empty too.
 */
export function printedValue(report: Report, cellId: string, layout: ReportLayout = REPORT_LAYOUT): string {
  return shownValue(report, cellId, layout);
}

/** Lines of a text as paragraphs; blank lines and the clerk's own indent spaces dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

// A title typed with its own number (“（一）主动公开”) would print as （一）（一）: parts are
// numbered from their order, so a leading enumerator of the clerk's is dropped.
const LEADING_ENUMERATOR = /^\s*[（(]\s*[一二三四五六七八九十]+\s*[)）]\s*[、.．]?\s*/;

/** A part's title as printed, without a number of its own; '' for a plain paragraph. */
export function partTitle(part: NarrativePart): string {
  return part.title.replace(/\s+/g, ' ').trim().replace(LEADING_ENUMERATOR, '').trim();
}

function renderParts(parts: readonly NarrativePart[]): string {
  let out = '';
  let numbered = 0;
  for (const part of parts) {
    const title = partTitle(part);
    if (title) {
      out += `<h3 class="nb-part-title">${escapeHtml(partNumber(numbered))}${escapeHtml(title)}</h3>`;
      numbered++;
    }
    for (const line of paragraphs(part.text)) out += `<p>${escapeHtml(line)}</p>`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 二, 三, 四: the tables as layout.ts lays them out
// ---------------------------------------------------------------------------------------------

const LABEL_CLASS: Partial<Record<LabelCell['role'], string>> = { caption: 'nb-caption', note: 'nb-note', rowGroup: 'nb-group' };

function layoutCell(report: Report, cell: LayoutCell, layout: ReportLayout): string {
  if (cell.kind === 'label') {
    return th(zh(cell.label), { rowspan: cell.rowSpan, colspan: cell.colSpan, scope: cell.scope, className: LABEL_CLASS[cell.role] });
  }
  return td(escapeHtml(shownValue(report, cell, layout)), {
    colspan: cell.colSpan,
    cell: cell.cellId,
    className: cell.kind === 'computed' ? 'nb-computed' : undefined,
  });
}

function layoutRow(report: Report, row: LayoutRow, layout: ReportLayout): string {
  const def = row.applicationsRow;
  const rowAttrs = def ? ` data-row="${escapeHtml(def.id)}"${def.computed ? ' class="nb-computed-row"' : ''}` : '';
  return `<tr${rowAttrs}>${row.cells.map((c) => layoutCell(report, c, layout)).join('')}</tr>`;
}

/** Column widths in %: 三's label columns ≈ 51% (the item column widest), values share the rest. */
function columnWidths(table: TableLayout): number[] {
  if (table.table !== 'applications') return Array(table.width).fill(100 / table.width);
  const labels = table.labelColumns;
  const values = table.width - labels;
  return [...(labels === 3 ? [7.5, 12.5, 31] : Array(labels).fill(51 / labels)), ...Array(values).fill(49 / values)];
}

function renderTable(report: Report, table: TableLayout, layout: ReportLayout): string {
  let out = `<table class="nb-${table.table}" style="${TABLE_STYLE}">${cols(columnWidths(table))}`;
  if (table.head.length > 0) out += `<thead>${table.head.map((r) => layoutRow(report, r, layout)).join('')}</thead>`;
  // 二's four small tables each keep their own body (their caption and header row with them).
  const named = table.bodies.length > 1;
  for (const body of table.bodies) {
    out += `<tbody${named ? ` data-table="${escapeHtml(body.key)}"` : ''}>${body.rows.map((r) => layoutRow(report, r, layout)).join('')}</tbody>`;
  }
  return `${out}</table>`;
}

// ---------------------------------------------------------------------------------------------
// The whole report
// ---------------------------------------------------------------------------------------------

function renderSection(report: Report, section: SectionDef, layout: ReportLayout): string {
  const content =
    section.kind === 'table'
      ? `<div class="nb-table-wrap">${renderTable(report, layout[section.id as TableSectionId], layout)}</div>`
      : renderParts(report.narrative[section.id as NarrativeSectionId]);
  return `<section class="nb-section" data-section="${section.id}"><h2>${zh(section.heading)}</h2>${content}</section>`;
}

function renderPreamble(report: Report): string {
  let out = paragraphs(report.narrative.preamble)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  const contact = report.meta.contact.replace(/\s+/g, ' ').trim();
  // The contact belongs in the preamble; print it after it when the preamble does not say it.
  if (contact && !report.narrative.preamble.includes(contact)) {
    out += `<p class="nb-contact">${zh(META_FIELDS.contact)}：${escapeHtml(contact)}</p>`;
  }
  return out ? `<div class="nb-preamble">${out}</div>` : '';
}

function renderPaperCopy(report: Report): string {
  const agency = report.meta.agency.trim();
  return (
    '<div class="nb-paper-copy">' +
    `<p class="nb-signature">${escapeHtml(PRINT_TEXT.signature)}<span class="nb-blank"></span></p>` +
    '<div class="nb-issuer">' +
    `<p class="nb-seal">${escapeHtml(agency)}${escapeHtml(PRINT_TEXT.seal)}</p>` +
    `<p class="nb-date">${escapeHtml(PRINT_TEXT.date)}</p>` +
    '</div></div>'
  );
}

/** The report as a body fragment and the CSS it needs, for the app's print view. */
export function renderReport(report: Report, options: RenderOptions = {}): RenderedReport {
  const lines = titleLines(report.meta.agency, report.meta.year);
  const title = lines.join('');
  const draft = report.status !== 'ready';
  let body = `<article class="nb-report" data-status="${draft ? 'draft' : 'ready'}" lang="zh-CN">`;
  if (draft) {
    // The mark is drawn by CSS from data-mark: faint by design, it is decoration (WCAG 1.4.3's
    // incidental text), not text to read: the draft note below says it in full contrast.
    body += `<div class="nb-draft-mark" aria-hidden="true" data-mark="${escapeHtml(PRINT_TEXT.draftMark)}"></div>`;
    body += `<p class="nb-draft-note" role="note">${escapeHtml(PRINT_TEXT.draftNote)}</p>`;
  }
  // The title's lines as the core broke them (title.ts): one block each, never broken again in print.
  body += `<h1 class="nb-title">${lines.map((line) => `<span class="nb-title-line">${escapeHtml(line)}</span>`).join('')}</h1>`;
  const aggregate = aggregateNote(report);
  if (aggregate) body += `<p class="nb-aggregate-note">${escapeHtml(aggregate)}</p>`;
  body += renderPreamble(report);
  for (const section of SECTIONS) body += renderSection(report, section, options.layout ?? REPORT_LAYOUT);
  if (options.paperCopyBlock) body += renderPaperCopy(report);
  body += '</article>';
  return { title, css: REPORT_CSS, body };
}

/** The report as one self-contained HTML document: inline CSS, no script, no external URL. */
export function renderReportHtml(report: Report, options: RenderOptions = {}): string {
  const rendered = renderReport(report, options);
  const title = options.title ?? rendered.title;
  return (
    '<!DOCTYPE html>\n' +
    '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="color-scheme" content="light">\n' +
    '<meta name="generator" content="nianbao">\n' +
    `<title>${escapeHtml(title)}</title>\n` +
    `<style>\n${DOCUMENT_CSS}${rendered.css}</style>\n` +
    `</head>\n<body>\n${rendered.body}\n</body>\n</html>\n`
  );
}
