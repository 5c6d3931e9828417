/**
 * Reads an HTML document into the neutral shape. The core parses nothing itself: the app hands
 * in the browser's DOMParser result and the CLI parse5's tree, each turned into this small
 * `HtmlNode` form by a few lines of adapter (fromDom / fromParse5 below take the structural
 * subset both have). Tables keep their grid: rowspan and colspan are expanded, so every row
 * of the official template has all its columns; `<p>`, `<span>`, `<br>` inside a cell are the
 * cell's text; `&nbsp;` alone is an empty cell. Page chrome that is marked as such (nav, header,
 * footer, aside, script, style, forms) is skipped; the matcher drops the rest by content.
 */
import { paragraph, table, type NeutralBlock, type NeutralDocument } from './neutral.ts';

export type HtmlNode =
  | { readonly type: 'element'; readonly tag: string; readonly attrs: Readonly<Record<string, string>>; readonly children: readonly HtmlNode[] }
  | { readonly type: 'text'; readonly text: string };

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'header', 'footer', 'aside', 'form', 'select', 'button', 'iframe', 'svg', 'object', 'title', 'meta', 'link']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'center', 'body', 'html', 'tr', 'td', 'th', 'caption', 'hr', 'address', 'figure', 'figcaption',
]);

function isElement(node: HtmlNode): node is Extract<HtmlNode, { type: 'element' }> {
  return node.type === 'element';
}

/** Collapsed text of a node: runs of white space become one space; a <br> or block breaks to '\n'. */
function textOf(node: HtmlNode): string {
  if (!isElement(node)) return node.text;
  if (SKIP.has(node.tag)) return '';
  if (node.tag === 'br') return '\n';
  const inner = node.children.map(textOf).join('');
  return BLOCK.has(node.tag) ? `\n${inner}\n` : inner;
}

function cellText(node: HtmlNode): string {
  return textOf(node)
    .replace(/[\u00A0\u3000]/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f]+/g, ' ').trim())
    .filter(Boolean)
    .join(' ');
}

function childElements(node: HtmlNode, tags: ReadonlySet<string>): Extract<HtmlNode, { type: 'element' }>[] {
  if (!isElement(node)) return [];
  return node.children.filter(isElement).flatMap((c) => (tags.has(c.tag) ? [c] : c.tag === 'table' ? [] : childElements(c, tags)));
}

const ROW = new Set(['tr']);
const CELL = new Set(['td', 'th']);

function span(node: Extract<HtmlNode, { type: 'element' }>, name: string): number {
  const n = Number.parseInt(node.attrs[name] ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 200) : 1;
}

/** The grid of a table with its merges expanded. */
export function tableGrid(tableNode: HtmlNode): string[][] {
  const grid: string[][] = [];
  const rows = childElements(tableNode, ROW);
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const td of childElements(tr, CELL)) {
      while (grid[r]![c] !== undefined) c++;
      const text = cellText(td);
      const rowSpan = Math.min(span(td, 'rowspan'), rows.length - r);
      const colSpan = span(td, 'colspan');
      for (let dr = 0; dr < rowSpan; dr++) {
        const row = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++) row[c + dc] = text;
      }
      c += colSpan;
    }
  });
  return grid.map((row) => Array.from(row, (cell) => cell ?? ''));
}

function containsTable(node: HtmlNode): boolean {
  return isElement(node) && node.children.some((c) => isElement(c) && (c.tag === 'table' || containsTable(c)));
}

/** A table used for page layout (it holds another table, or is one cell wide) is read as blocks. */
function isLayoutTable(node: HtmlNode, grid: string[][]): boolean {
  return containsTable(node) || grid.every((row) => row.length <= 1);
}

export function htmlToNeutral(root: HtmlNode, source = 'html'): NeutralDocument {
  const blocks: NeutralBlock[] = [];
  let buffer = '';
  const flush = () => {
    for (const line of buffer.split('\n')) {
      const text = line.replace(/[\u00A0\u3000]/g, ' ').replace(/[ \t\r\f]+/g, ' ').trim();
      if (text) blocks.push(paragraph(text));
    }
    buffer = '';
  };
  const walk = (node: HtmlNode) => {
    if (!isElement(node)) {
      buffer += node.text;
      return;
    }
    if (SKIP.has(node.tag)) return;
    if (node.tag === 'br') {
      buffer += '\n';
      return;
    }
    if (node.tag === 'table') {
      const grid = tableGrid(node);
      if (!isLayoutTable(node, grid)) {
        flush();
        if (grid.length) blocks.push(table(grid));
        return;
      }
    }
    const block = BLOCK.has(node.tag);
    if (block) buffer += '\n';
    node.children.forEach(walk);
    if (block) buffer += '\n';
  };
  walk(root);
  flush();
  return { source, blocks };
}

// ---------------------------------------------------------------------------------------------
// Adapters: the structural subset of the DOM and of parse5's default tree
// ---------------------------------------------------------------------------------------------

/** What both a DOM node and a parse5 node have, read structurally (no DOM types in the core). */
interface DomLike {
  readonly nodeType?: number;
  readonly nodeName?: string;
  readonly nodeValue?: string | null;
  readonly childNodes?: ArrayLike<DomLike>;
  readonly attributes?: ArrayLike<{ readonly name: string; readonly value: string }>;
  /** parse5 */
  readonly attrs?: readonly { readonly name: string; readonly value: string }[];
  readonly value?: string;
  /** parse5's <template> */
  readonly content?: DomLike;
}

/** A DOM node (DOMParser's document, an element) or a parse5 node as an HtmlNode. */
export function fromDomLike(node: DomLike): HtmlNode {
  const name = (node.nodeName ?? '').toLowerCase();
  if (name === '#text') return { type: 'text', text: node.nodeValue ?? node.value ?? '' };
  if (name === '#comment' || name === '#documenttype' || name === '#document-type' || node.nodeType === 8) return { type: 'text', text: '' };
  const attrs: Record<string, string> = {};
  const list = node.attrs ?? (node.attributes ? Array.from(node.attributes) : []);
  for (const a of list) attrs[a.name.toLowerCase()] = a.value;
  const children = node.childNodes ? Array.from(node.childNodes, fromDomLike) : [];
  return { type: 'element', tag: name.startsWith('#') ? 'div' : name, attrs, children };
}
