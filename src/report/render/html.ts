/**
 * The report in the official layout as HTML: one renderer for the app's print view, the
 * printable file and the CLI. Pure string building; every piece of user text goes through
 * escapeHtml. Every label is read from the format model.
 */
import {
  APPEAL_KINDS,
  APPEAL_OUTCOMES,
  APPEALS_COLUMN_IDS,
  APPEALS_LITIGATION,
  APPEALS_TOTAL_COLUMN,
  APPLICANT_COLUMNS,
  APPLICATIONS_COLUMN_IDS,
  APPLICATIONS_GROUPS,
  APPLICATIONS_HEADER,
  APPLICATIONS_ROWS,
  APPLICATIONS_TOTAL_COLUMN,
  CELL_BY_ID,
  META_FIELDS,
  PROACTIVE_CONTENT_HEADER,
  PROACTIVE_DOCUMENT_COLUMNS,
  PROACTIVE_TABLES,
  SECTIONS,
  partNumber,
  reportTitle,
  type ApplicationsGroupId,
  type ApplicationsRowDef,
  type Label,
  type NarrativeSectionId,
  type SectionDef,
} from '../format.ts';
import { getCell, type NarrativePart, type Report } from '../document.ts';
import { cellValue } from '../totals.ts';
import { escapeHtml } from './escape.ts';
import { DOCUMENT_CSS, REPORT_CSS } from './styles.ts';

export interface RenderOptions {
  /** Adds the block for the paper copy: 单位负责人签字, 盖章, date. */
  paperCopyBlock?: boolean;
  /** The document's <title>; the report's title by default. */
  title?: string;
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
} as const;

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

/** A number as printed: plain digits, no grouping; a cell not filled prints empty, not 0. */
export function formatValue(value: number | null): string {
  if (value === null) return '';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

/**
 * The printed value of a cell. A computed total whose parts are all not filled prints empty
 * too: a 0 there would claim a figure nobody entered.
 */
export function printedValue(report: Report, cellId: string): string {
  const def = CELL_BY_ID.get(cellId);
  if (def?.sumOf && def.sumOf.every((id) => getCell(report, id) === null)) return '';
  return formatValue(cellValue(report, cellId));
}

function valueCell(report: Report, cellId: string, a: CellAttrs = {}): string {
  const computed = CELL_BY_ID.get(cellId)?.computed === true;
  return td(printedValue(report, cellId), { ...a, cell: cellId, className: computed ? 'nb-computed' : undefined });
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
// 二: the four small tables, on one grid of four columns as in the template
// ---------------------------------------------------------------------------------------------

function renderProactive(report: Report): string {
  const width = 1 + PROACTIVE_DOCUMENT_COLUMNS.length;
  let out = `<table class="nb-proactive" style="${TABLE_STYLE}">${cols(Array(width).fill(100 / width))}`;
  for (const table of PROACTIVE_TABLES) {
    const span = (width - 1) / table.columns.length;
    out += `<tbody data-table="${table.id}">`;
    out += `<tr>${th(zh(table.caption), { colspan: width, scope: 'colgroup', className: 'nb-caption' })}</tr>`;
    out += `<tr>${th(zh(PROACTIVE_CONTENT_HEADER), { scope: 'col' })}${table.columns
      .map((c) => th(zh(c), { scope: 'col', colspan: span }))
      .join('')}</tr>`;
    for (const row of table.rows) {
      const cells =
        row.shape === 'documents'
          ? PROACTIVE_DOCUMENT_COLUMNS.map((c) => valueCell(report, `proactive.${row.id}.${c.id}`)).join('')
          : valueCell(report, `proactive.${row.id}`, { colspan: span });
      out += `<tr>${th(zh(row.label), { scope: 'row' })}${cells}</tr>`;
    }
    out += '</tbody>';
  }
  return `${out}</table>`;
}

// ---------------------------------------------------------------------------------------------
// 三: the big table
// ---------------------------------------------------------------------------------------------

/** The groups a row sits in, outermost first (三、本年度办理结果 › （三）不予公开). */
function groupChain(row: ApplicationsRowDef): ApplicationsGroupId[] {
  const chain: ApplicationsGroupId[] = [];
  let id = row.group;
  while (id) {
    chain.unshift(id);
    id = APPLICATIONS_GROUPS.find((g) => g.id === id)?.parent;
  }
  return chain;
}

function renderApplications(report: Report): string {
  const chains = APPLICATIONS_ROWS.map(groupChain);
  // Label columns: one per level of grouping, plus the row's own label.
  const labelColumns = 1 + Math.max(...chains.map((c) => c.length));
  const rowsIn = (group: ApplicationsGroupId) => chains.filter((c) => c.includes(group)).length;
  const organisations = APPLICANT_COLUMNS.slice(1);
  const valueColumns = APPLICATIONS_COLUMN_IDS.length;

  // Label columns ≈ 51% of the width (the item column widest), value columns share the rest.
  const labelWidths = labelColumns === 3 ? [7.5, 12.5, 31] : Array(labelColumns).fill(51 / labelColumns);
  const widths = [...labelWidths, ...Array(valueColumns).fill(49 / valueColumns)];

  let out = `<table class="nb-applications" style="${TABLE_STYLE}">${cols(widths)}<thead>`;
  out += `<tr>${th(zh(APPLICATIONS_HEADER.note), { rowspan: 3, colspan: labelColumns, className: 'nb-note' })}${th(
    zh(APPLICATIONS_HEADER.applicants),
    { colspan: valueColumns, scope: 'colgroup' },
  )}</tr>`;
  out += `<tr>${th(zh(APPLICANT_COLUMNS[0].label), { rowspan: 2, scope: 'col' })}${th(zh(APPLICATIONS_HEADER.organisations), {
    colspan: organisations.length,
    scope: 'colgroup',
  })}${th(zh(APPLICATIONS_TOTAL_COLUMN.label), { rowspan: 2, scope: 'col' })}</tr>`;
  out += `<tr>${organisations.map((c) => th(zh(c.label), { scope: 'col' })).join('')}</tr>`;
  out += '</thead><tbody>';

  const opened = new Set<ApplicationsGroupId>();
  APPLICATIONS_ROWS.forEach((row, i) => {
    const chain = chains[i]!;
    let cells = '';
    for (const group of chain) {
      if (opened.has(group)) continue;
      opened.add(group);
      const def = APPLICATIONS_GROUPS.find((g) => g.id === group)!;
      cells += th(zh(def.label), { rowspan: rowsIn(group), scope: 'rowgroup', className: 'nb-group' });
    }
    cells += th(zh(row.label), { colspan: labelColumns - chain.length, scope: 'row' });
    for (const col of APPLICATIONS_COLUMN_IDS) cells += valueCell(report, `applications.${row.id}.${col}`);
    out += `<tr data-row="${row.id}"${row.computed ? ' class="nb-computed-row"' : ''}>${cells}</tr>`;
  });
  return `${out}</tbody></table>`;
}

// ---------------------------------------------------------------------------------------------
// 四: 行政复议 / 行政诉讼 › 未经复议直接起诉 / 复议后起诉, one row of values
// ---------------------------------------------------------------------------------------------

const APPEAL_PARENT_LABELS: Record<string, Label> = { litigation: APPEALS_LITIGATION };

function renderAppeals(report: Report): string {
  const outcomeLabels = [...APPEAL_OUTCOMES.map((o) => o.label), APPEALS_TOTAL_COLUMN.label];
  const span = outcomeLabels.length;
  const outcomeCells = (rowspan: number) => outcomeLabels.map((l) => th(zh(l), { scope: 'col', rowspan })).join('');

  // Top row: a kind of its own spans its outcomes; kinds with a parent gather under it.
  let top = '';
  let middle = '';
  let bottom = '';
  const seenParents = new Set<string>();
  for (const kind of APPEAL_KINDS) {
    const parent = 'parent' in kind ? kind.parent : undefined;
    if (!parent) {
      top += th(zh(kind.label), { colspan: span, scope: 'colgroup' });
      middle += outcomeCells(2);
      continue;
    }
    if (!seenParents.has(parent)) {
      seenParents.add(parent);
      const children = APPEAL_KINDS.filter((k) => 'parent' in k && k.parent === parent).length;
      top += th(zh(APPEAL_PARENT_LABELS[parent]!), { colspan: span * children, scope: 'colgroup' });
    }
    middle += th(zh(kind.label), { colspan: span, scope: 'colgroup' });
    bottom += outcomeCells(1);
  }
  const values = APPEAL_KINDS.flatMap((k) => APPEALS_COLUMN_IDS.map((c) => valueCell(report, `appeals.${k.id}.${c}`))).join('');
  const count = APPEAL_KINDS.length * span;
  return (
    `<table class="nb-appeals" style="${TABLE_STYLE}">${cols(Array(count).fill(100 / count))}` +
    `<thead><tr>${top}</tr><tr>${middle}</tr><tr>${bottom}</tr></thead>` +
    `<tbody><tr>${values}</tr></tbody></table>`
  );
}

// ---------------------------------------------------------------------------------------------
// The whole report
// ---------------------------------------------------------------------------------------------

function renderSection(report: Report, section: SectionDef): string {
  let content: string;
  switch (section.id) {
    case 'proactive':
      content = `<div class="nb-table-wrap">${renderProactive(report)}</div>`;
      break;
    case 'applications':
      content = `<div class="nb-table-wrap">${renderApplications(report)}</div>`;
      break;
    case 'appeals':
      content = `<div class="nb-table-wrap">${renderAppeals(report)}</div>`;
      break;
    default:
      content = renderParts(report.narrative[section.id as NarrativeSectionId]);
  }
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
  const title = reportTitle(report.meta.agency.replace(/\s+/g, ' ').trim(), report.meta.year);
  const draft = report.status !== 'ready';
  let body = `<article class="nb-report" data-status="${draft ? 'draft' : 'ready'}" lang="zh-CN">`;
  if (draft) {
    body += `<div class="nb-draft-mark" aria-hidden="true"><span>${escapeHtml(PRINT_TEXT.draftMark)}</span></div>`;
    body += `<p class="nb-draft-note" role="note">${escapeHtml(PRINT_TEXT.draftNote)}</p>`;
  }
  body += `<h1 class="nb-title">${escapeHtml(title)}</h1>`;
  body += renderPreamble(report);
  for (const section of SECTIONS) body += renderSection(report, section);
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
