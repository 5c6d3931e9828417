/**
 * The report for a website's content editor (复制网页版): HTML with inline styles only — no
 * `<style>`, `<script>`, class names or external URLs, which such editors (UEditor, KindEditor,
 * TinyMCE…) drop or refuse — and the same report as plain text. Written from the published
 * document model: tables with borders on every cell and the template's merged cells.
 */
import { escapeHtml } from '../render/escape.ts';
import { FONT_STACKS } from '../render/styles.ts';
import { publishedDocument, type PublishOptions, type PublishedBlock, type PublishedTable } from './published.ts';
import type { Report } from '../document.ts';

export interface ReportFragment {
  /** One `<div>` holding the report, every style inline. */
  readonly html: string;
  /** The report as text: paragraphs a line each, table rows as tab-separated cells. */
  readonly text: string;
}

const style = (declarations: Record<string, string | number>) =>
  escapeHtml(
    Object.entries(declarations)
      .map(([k, v]) => `${k}:${v}`)
      .join(';'),
  );

const BODY = { 'font-family': FONT_STACKS.fangsong, 'font-size': '16pt', 'line-height': '1.75', color: '#000' };
const PARAGRAPH = { margin: '0', 'text-indent': '2em', 'text-align': 'justify' };
const HEADING = { margin: '0', 'text-indent': '2em', 'font-size': '16pt', 'font-weight': 'normal', 'line-height': '1.75' };
const CELL_BORDER = '1px solid #000';

function tableHtml(t: PublishedTable): string {
  const cols = t.columns.map((w) => `<col style="${style({ width: `${Number(w.toFixed(3))}%` })}">`).join('');
  let head = '';
  let body = '';
  for (const row of t.rows) {
    const cells = row.cells
      .map((cell) => {
        const tag = cell.header ? 'th' : 'td';
        let attrs = '';
        if (cell.rowSpan > 1) attrs += ` rowspan="${cell.rowSpan}"`;
        if (cell.colSpan > 1) attrs += ` colspan="${cell.colSpan}"`;
        const css = style({ border: CELL_BORDER, padding: '2px 4px', 'text-align': cell.align, 'vertical-align': 'middle', 'font-weight': 'normal' });
        return `<${tag}${attrs} style="${css}">${escapeHtml(cell.text)}</${tag}>`;
      })
      .join('');
    if (row.repeat) head += `<tr>${cells}</tr>`;
    else body += `<tr>${cells}</tr>`;
  }
  const tableStyle = style({
    width: '100%',
    'border-collapse': 'collapse',
    border: CELL_BORDER,
    'font-family': FONT_STACKS.song,
    'font-size': t.small ? '10pt' : '10.5pt',
    'line-height': '1.4',
    margin: '0.5em 0',
  });
  return `<table style="${tableStyle}"><colgroup>${cols}</colgroup>${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table>`;
}

function blockHtml(block: PublishedBlock): string {
  switch (block.kind) {
    case 'heading': {
      const family = block.level === 1 ? FONT_STACKS.hei : FONT_STACKS.kai;
      const tag = block.level === 1 ? 'h2' : 'h3';
      return `<${tag} style="${style({ ...HEADING, 'font-family': family })}">${escapeHtml(block.text)}</${tag}>`;
    }
    case 'paragraph':
      return `<p style="${style(PARAGRAPH)}">${escapeHtml(block.text)}</p>`;
    case 'table':
      return tableHtml(block.table);
  }
}

/** A table as text: each row's cells by tab, a merged cell's text once, where it starts. */
function tableText(t: PublishedTable): string {
  const width = t.columns.length;
  const taken: number[] = Array<number>(width).fill(0);
  const lines: string[] = [];
  for (const row of t.rows) {
    const line: string[] = Array<string>(width).fill('');
    let col = 0;
    for (const cell of row.cells) {
      while (col < width && taken[col]! > 0) col++;
      line[col] = cell.text;
      for (let c = col; c < col + cell.colSpan; c++) taken[c] = cell.rowSpan;
      col += cell.colSpan;
    }
    for (let c = 0; c < width; c++) taken[c] = Math.max(0, taken[c]! - 1);
    lines.push(line.join('\t'));
  }
  return lines.join('\n');
}

export function renderReportFragment(report: Report, options: PublishOptions = {}): ReportFragment {
  const doc = publishedDocument(report, options);
  const html: string[] = [];
  const text: string[] = [];
  if (doc.draft) {
    html.push(`<p style="${style({ margin: '0 0 0.5em', padding: '2px 8px', border: '2px solid #b42318', color: '#b42318', 'text-align': 'center', 'font-size': '12pt' })}">${escapeHtml(doc.draft.note)}</p>`);
    text.push(doc.draft.note, '');
  }
  html.push(
    `<h1 style="${style({ margin: '0 0 0.75em', 'text-align': 'center', 'font-family': FONT_STACKS.xiaobiaosong, 'font-size': '22pt', 'font-weight': 'normal', 'line-height': '1.5' })}">${doc.titleLines.map(escapeHtml).join('<br>')}</h1>`,
  );
  text.push(doc.title, '');
  for (const block of doc.blocks) {
    html.push(blockHtml(block));
    text.push(block.kind === 'table' ? tableText(block.table) : block.text);
  }
  if (doc.paperCopy) {
    const p = doc.paperCopy;
    const right = style({ margin: '1.5em 4em 0 0', 'text-align': 'right', 'text-indent': '0' });
    html.push(`<p style="${right}">${escapeHtml(p.signature)}</p>`, `<p style="${right}">${escapeHtml(`${p.issuer}${p.seal}`)}<br>${escapeHtml(p.date)}</p>`);
    text.push('', p.signature, `${p.issuer}${p.seal}`, p.date);
  }
  return { html: `<div style="${style(BODY)}">${html.join('')}</div>`, text: `${text.join('\n')}\n` };
}
