/**
 * Label keys for matching what a published report prints against the format model. Every label
 * comes from format.ts; this file only says how two spellings are the same label: NFKC (full-
 * and half-width), no spaces, no punctuation or quotes, and the item number (（一）, (一), 一、,
 * 1., 1、, （1）) read apart from the words.
 */
import { REPORT_LAYOUT, type TableLayout } from '../layout.ts';
import {
  APPLICATIONS_GROUPS,
  APPLICATIONS_ROWS,
  PROACTIVE_ROWS,
  SECTIONS,
  type ApplicationsGroupId,
  type ApplicationsRowDef,
  type ProactiveRowDef,
  type SectionId,
} from '../format.ts';

/** NFKC, no white space, one kind of quote and bracket: for matching whole texts. */
export function foldLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"「」『』]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[<《〈]/g, '《')
    .replace(/[>》〉]/g, '》')
    .replace(/[、,，]/g, ',');
}

const PUNCTUATION = /[\s()（）[\]【】{}<>《》〈〉"'“”‘’「」『』,，、.。．:：;；!！?？·•\-－—–_/／\\|｜]+/g;

/** The words of a label: NFKC, nothing but letters and digits. */
export function labelBody(text: string): string {
  return text.normalize('NFKC').replace(PUNCTUATION, '');
}

const NUMBERING = /^\s*(?:[(（]\s*([一二三四五六七八九十]+|\d{1,2})\s*[)）]|([一二三四五六七八九十]+)\s*[、.．,，]|(\d{1,2})\s*[、.．,，]?(?=\D))\s*/;

export interface LabelKey {
  /** The item number as printed, without its brackets or stop ("一", "3"), or null. */
  readonly num: string | null;
  readonly body: string;
}

export function labelKey(text: string): LabelKey {
  const t = text.normalize('NFKC');
  const m = t.match(NUMBERING);
  if (!m) return { num: null, body: labelBody(t) };
  return { num: m[1] ?? m[2] ?? m[3] ?? null, body: labelBody(t.slice(m[0].length)) };
}

export type LabelTarget =
  | { readonly kind: 'applications'; readonly row: ApplicationsRowDef }
  | { readonly kind: 'proactive'; readonly row: ProactiveRowDef }
  | { readonly kind: 'group'; readonly group: ApplicationsGroupId };

interface Entry {
  readonly key: LabelKey;
  readonly target: LabelTarget;
}

const ENTRIES: readonly Entry[] = [
  ...APPLICATIONS_ROWS.map((row) => ({ key: labelKey(row.label.zh), target: { kind: 'applications', row } as const })),
  ...PROACTIVE_ROWS.map((row) => ({ key: labelKey(row.label.zh), target: { kind: 'proactive', row } as const })),
  ...APPLICATIONS_GROUPS.map((g) => ({ key: labelKey(g.label.zh), target: { kind: 'group', group: g.id } as const })),
];

/** A body this short ("其他", "总计") names a row only with its number: it is also a column's. */
const SHORT = 2;
/** A cut-off label ("（二）部分公开") names its row when this many characters agree. */
const PREFIX = 4;

function compatible(cell: LabelKey, label: LabelKey): boolean {
  if (label.body.length <= SHORT && label.num !== null) return cell.num === label.num;
  return cell.num === null || label.num === null || cell.num === label.num;
}

/**
 * The row or group a printed cell names, or undefined. Whole labels first; then a label cut
 * short or wrapped (its first ≥ 4 characters), when only one label starts so.
 */
export function matchLabel(text: string): { target: LabelTarget; partial: boolean; key: LabelKey } | undefined {
  const key = labelKey(text);
  if (!key.body || /^\d/.test(key.body)) return undefined;
  const exact = ENTRIES.filter((e) => e.key.body === key.body && compatible(key, e.key));
  if (exact.length) return { target: exact[0]!.target, partial: false, key };
  if (key.body.length < PREFIX) return undefined;
  const partial = ENTRIES.filter((e) => e.key.body.startsWith(key.body) && compatible(key, e.key));
  if (partial.length === 1) return { target: partial[0]!.target, partial: true, key };
  return undefined;
}

/** Does `body` complete a label that a cut-off cell began (the wrapped rest of a long label)? */
export function continuesLabel(target: LabelTarget, soFar: string, next: string): boolean {
  if (target.kind === 'group') return false;
  const full = labelKey(target.row.label.zh).body;
  const joined = soFar + labelBody(next);
  return joined.length > soFar.length && full.startsWith(joined);
}

// ---------------------------------------------------------------------------------------------
// Headers: which official header labels a table shows
// ---------------------------------------------------------------------------------------------

/** The header labels a table of the layout prints (its head rows and captioned header rows). */
function headerLabels(table: TableLayout): string[] {
  const rows = [...table.head, ...table.bodies.flatMap((b) => b.rows.filter((r) => r.kind === 'header'))];
  const labels = rows.flatMap((r) => r.cells.flatMap((c) => (c.kind === 'label' && c.role !== 'note' ? [c.label.zh] : [])));
  return [...new Set(labels)];
}

export const PROACTIVE_HEADER_LABELS: readonly string[] = headerLabels(REPORT_LAYOUT.proactive);
export const APPLICATIONS_HEADER_LABELS: readonly string[] = headerLabels(REPORT_LAYOUT.applications);
export const APPEALS_HEADER_LABELS: readonly string[] = headerLabels(REPORT_LAYOUT.appeals);

/** The cell ids of a value row of the layout whose ids start with `prefix`, left to right. */
export function layoutRow(table: TableLayout, prefix: string): readonly string[] {
  return table.valueRows.find((ids) => ids.every((id) => id === prefix || id.startsWith(`${prefix}.`))) ?? [];
}

/** Which of `labels` the folded text shows. */
export function labelsFound(labels: readonly string[], folded: string): string[] {
  const text = labelBody(folded);
  return labels.filter((l) => text.includes(labelBody(l)));
}

// ---------------------------------------------------------------------------------------------
// Section headings in their common variants
// ---------------------------------------------------------------------------------------------

const HEADING = /^\s*(?:([一二三四五六])\s*[、.．,，]|[(（]\s*([一二三四五六])\s*[)）])\s*(\S.{1,50})$/s;

/** Pairs of characters; 情况 ("the situation of") ends most headings and part titles alike. */
function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  out.delete('情况');
  return out;
}

const SECTION_BIGRAMS = SECTIONS.map((s) => ({ id: s.id, numeral: s.numeral, grams: bigrams(labelKey(s.heading.zh).body) }));

export type HeadingStyle = 'dun' | 'bracket';

/**
 * The section a paragraph heads, if it is a heading: its number is the section's (一、 or （一）,
 * in the style the report uses) and its words share enough of the official heading's (so that
 * "五、存在问题及改进措施" heads 五, and "四、结转下年度继续办理" inside the table does not head 四).
 */
export function matchHeading(text: string, style: HeadingStyle | null): { id: SectionId; style: HeadingStyle } | undefined {
  const t = text.normalize('NFKC').trim();
  if (t.length > 56 || /[。;；]./.test(t)) return undefined;
  const m = t.match(HEADING);
  if (!m) return undefined;
  const headingStyle: HeadingStyle = m[1] ? 'dun' : 'bracket';
  if (style && style !== headingStyle) return undefined;
  const numeral = m[1] ?? m[2]!;
  const section = SECTION_BIGRAMS.find((s) => s.numeral === numeral)!;
  const grams = bigrams(labelBody(m[3]!));
  if (grams.size === 0) return undefined;
  let common = 0;
  for (const g of grams) if (section.grams.has(g)) common++;
  return common / Math.min(grams.size, section.grams.size) >= 0.5 ? { id: section.id, style: headingStyle } : undefined;
}
