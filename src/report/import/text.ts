/**
 * Reads text copied from a web page or a PDF viewer into the neutral shape. Real sites give the
 * tables in four forms, often mixed on one page:
 *   - tab-separated cells (a browser's copy of an HTML table);
 *   - cells separated by `|`, with or without Markdown's outer pipes and padding, sometimes one
 *     cell per line ("规章 |" / "0 |" / "|");
 *   - one cell per line with no separator at all (many CMS pages);
 *   - columns aligned with spaces, as copied out of a PDF viewer ("规章  0  0  3").
 * A line with separators becomes a table row; consecutive rows make one table. Anything else is
 * a paragraph — the matcher reads the cells of one-cell-per-line tables from those, in order.
 */
import { paragraph, table, type NeutralBlock, type NeutralDocument } from './neutral.ts';

/** A cell that can only be a value: a number (with unit or separators), a blank mark. */
const VALUE_TOKEN = /^(?:[0-9０-９][0-9０-９,，.．]*(?:件|万元|元|个|次|条)?|[/／\\—–\-－]+|无)$/;
/** A Markdown table's rule line: |---|:--:| */
const MARKDOWN_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

type LineForm = 'tabs' | 'pipes' | 'spaces' | 'text';

function splitLine(line: string): { form: LineForm; cells: string[] } {
  if (line.includes('\t')) return { form: 'tabs', cells: line.split('\t').map((c) => c.trim()) };
  if (line.includes('|') || line.includes('｜')) {
    let body = line.trim().replace(/｜/g, '|');
    // One pair of outer pipes is Markdown's frame, not an empty cell.
    if (body.startsWith('|')) body = body.slice(1);
    if (body.endsWith('|')) body = body.slice(0, -1);
    return { form: 'pipes', cells: body.split('|').map((c) => c.trim()) };
  }
  const aligned = spaceAligned(line);
  if (aligned) return { form: 'spaces', cells: aligned };
  return { form: 'text', cells: [line.trim()] };
}

/**
 * A line of a PDF viewer's copy: a label followed by two or more values separated by spaces, or
 * cells separated by runs of two or more spaces. Prose (a sentence with 。or ，) is never split.
 */
function spaceAligned(line: string): string[] | null {
  const trimmed = line.trim();
  if (!trimmed || /[。，；]/.test(trimmed)) return null;
  const byRuns = trimmed.split(/\s{2,}|\u3000+/).filter((c) => c !== '');
  if (byRuns.length >= 2 && byRuns.slice(1).some((c) => VALUE_TOKEN.test(c))) {
    // Values inside a run may still be one space apart: "24 0 0".
    return byRuns.flatMap((c, i) => (i > 0 && c.split(/\s+/).every((t) => VALUE_TOKEN.test(t)) ? c.split(/\s+/) : [c]));
  }
  const tokens = trimmed.split(/\s+/);
  let first = tokens.length;
  while (first > 0 && VALUE_TOKEN.test(tokens[first - 1]!)) first--;
  if (tokens.length - first >= 2 && first >= 1) return [tokens.slice(0, first).join(' '), ...tokens.slice(first)];
  if (first === 0 && tokens.length >= 3) return tokens;
  return null;
}

/** Reads text into blocks; `source` names the table form met most often. */
export function textToNeutral(text: string): NeutralDocument {
  const blocks: NeutralBlock[] = [];
  const counts: Record<LineForm, number> = { tabs: 0, pipes: 0, spaces: 0, text: 0 };
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) blocks.push(table(rows));
    rows = [];
  };
  for (const raw of text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\u00A0/g, ' ').replace(/\s+$/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (MARKDOWN_RULE.test(line.trim())) continue;
    const { form, cells } = splitLine(line);
    counts[form]++;
    if (form === 'text') {
      flush();
      blocks.push(paragraph(cells[0]!));
    } else rows.push(cells);
  }
  flush();
  const tableForms = (['tabs', 'pipes', 'spaces'] as const).filter((f) => counts[f] > 0).sort((a, b) => counts[b] - counts[a]);
  return { source: tableForms[0] ?? 'lines', blocks };
}
