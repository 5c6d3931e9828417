/**
 * Reads a published report copied from a website as text (tables as tab-separated cells, the
 * numbers of a row at varying tab offsets) into a report document. Labels are matched against
 * the format model after normalising (NFKC, quotes and spaces folded), never retyped here.
 *
 * Blank cells and "/" or "—" are kept as not filled (null) and reported, never taken for 0.
 * Totals as printed are returned as `stated.totals` so that the statedTotal rule can compare
 * them, and labels of the 2019 template as `stated.templateMarkers`.
 */
import {
  APPEAL_KIND_IDS,
  APPEALS_COLUMN_IDS,
  APPLICANT_COLUMN_IDS,
  APPLICATIONS_ROWS,
  NARRATIVE_SECTION_IDS,
  PROACTIVE_DOCUMENT_COLUMNS,
  PROACTIVE_ROWS,
  SECTIONS,
  TEMPLATE_2019_MARKERS,
  TITLE_SUFFIX,
  type NarrativeSectionId,
  type SectionId,
} from '../format.ts';
import { emptyReport, setCell, type NarrativePart, type Report } from '../document.ts';
import type { RuleContext } from '../rules/types.ts';

export interface ImportNote {
  /** Cell id or document path the note is about. */
  readonly path: string;
  readonly kind: 'blank' | 'slash' | 'unreadable' | 'missingRow' | 'missingSection' | 'template';
  /** What stood in the text. */
  readonly found: string;
}

export interface PublishedImport {
  readonly report: Report;
  readonly stated: NonNullable<RuleContext['stated']>;
  readonly notes: readonly ImportNote[];
}

/** NFKC, no spaces, one kind of quote and bracket: for matching labels. */
export function foldLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"「」『』]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[<《]/g, '《')
    .replace(/[>》]/g, '》')
    .replace(/[、,，]/g, ',');
}

const SLASH = /^[/／\\—–\-－_]+$|^无$/;

type Cell = { value: number | null; raw: string };

function readNumber(raw: string): Cell | 'text' {
  const t = raw.normalize('NFKC').replace(/[\s,]/g, '');
  if (t === '') return { value: null, raw };
  if (SLASH.test(t)) return { value: null, raw };
  if (/^\d+(\.\d+)?$/.test(t)) return { value: Number(t), raw };
  return 'text';
}

const HEADING_BY_FOLD = new Map(SECTIONS.map((s) => [foldLabel(s.heading.zh), s.id]));
const ROW_BY_FOLD = new Map(APPLICATIONS_ROWS.map((r) => [foldLabel(r.label.zh), r]));
const PROACTIVE_BY_FOLD = new Map(PROACTIVE_ROWS.map((r) => [foldLabel(r.label.zh), r]));
const PART_TITLE = /^[(（]([一二三四五六七八九十]+)[)）]\s*(.+?)[。.]?$/;
const PART_TITLE_WITH_TEXT = /^[(（]([一二三四五六七八九十]+)[)）]\s*([^。]{1,40}?)。(.+)$/s;

function splitSections(lines: string[]): { head: string[]; sections: Map<SectionId, string[]> } {
  const sections = new Map<SectionId, string[]>();
  const head: string[] = [];
  let current: string[] = head;
  for (const line of lines) {
    const id = HEADING_BY_FOLD.get(foldLabel(line));
    if (id && !sections.has(id)) {
      current = [];
      sections.set(id, current);
    } else {
      current.push(line);
    }
  }
  return { head, sections };
}

/** Paragraphs of narrative text: a line that does not end a sentence continues on the next. */
function paragraphs(lines: string[]): string[] {
  const out: string[] = [];
  let open = false;
  for (const raw of lines) {
    const line = raw.replace(/\*\*/g, '').trim();
    if (!line) continue;
    if (open && out.length) out[out.length - 1] += line;
    else out.push(line);
    open = !/[。！？!?:：；;）)]$/.test(line);
  }
  return out;
}

function narrativeParts(lines: string[]): NarrativePart[] {
  const parts: NarrativePart[] = [];
  for (const p of paragraphs(lines)) {
    const withText = p.match(PART_TITLE_WITH_TEXT);
    const titleOnly = withText ? null : p.match(PART_TITLE);
    if (withText) parts.push({ title: withText[2]!.trim(), text: withText[3]!.trim() });
    else if (titleOnly) parts.push({ title: titleOnly[2]!.trim(), text: '' });
    else {
      const last = parts[parts.length - 1];
      if (last && last.title && !last.text) last.text = p;
      else if (last && last.title) last.text += `\n${p}`;
      else if (last && !last.title) last.text += `\n${p}`;
      else parts.push({ title: '', text: p });
    }
  }
  return parts;
}

/** The cells of a table line after its label: leading and trailing blanks are layout, not data. */
function valuesAfter(cells: string[], labelIndex: number): string[] {
  const rest = cells.slice(labelIndex + 1);
  while (rest.length && rest[0]!.trim() === '') rest.shift();
  while (rest.length && rest[rest.length - 1]!.trim() === '') rest.pop();
  return rest;
}

export function importPublishedText(text: string): PublishedImport {
  const notes: ImportNote[] = [];
  const stated: Record<string, number | null> = {};
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const { head, sections } = splitSections(lines.map((l) => l.replace(/\s+$/, '')));

  // Title and preamble
  const headText = head.map((l) => l.trim()).filter(Boolean);
  let agency = '';
  let year: number | null = null;
  const titleLine = headText.find((l) => foldLabel(l).includes(foldLabel(TITLE_SUFFIX)));
  if (titleLine) {
    const m = foldLabel(titleLine).match(new RegExp(`^(.*?)(\\d{4})${foldLabel(TITLE_SUFFIX)}`));
    if (m) {
      agency = m[1]!;
      year = Number(m[2]);
    }
  }
  const preamble = paragraphs(headText.filter((l) => l !== titleLine)).join('\n');
  const contact = preamble.match(/联系(?:方式|电话)[:：]?\s*([0-9０-９\-－—\s]{7,})/)?.[1]?.trim() ?? '';

  let report = emptyReport({ agency, year, contact, agencyKind: /人民政府$/.test(agency) ? 'government' : /办公室$/.test(agency) ? 'governmentOffice' : /(乡|镇|街道)/.test(agency) ? 'township' : 'department' });
  report = { ...report, narrative: { ...report.narrative, preamble } };

  // Narrative sections
  const narrative = { ...report.narrative };
  for (const id of NARRATIVE_SECTION_IDS) {
    const sectionLines = sections.get(id);
    if (!sectionLines) {
      notes.push({ path: `narrative.${id}`, kind: 'missingSection', found: '' });
      narrative[id as NarrativeSectionId] = [];
      continue;
    }
    narrative[id as NarrativeSectionId] = narrativeParts(sectionLines);
  }
  report = { ...report, narrative };

  const put = (cellId: string, cell: Cell) => {
    report = setCell(report, cellId, cell.value);
    if (cell.value === null) notes.push({ path: cellId, kind: cell.raw.trim() === '' ? 'blank' : 'slash', found: cell.raw });
  };

  // 二: rows by label
  const seenProactive = new Set<string>();
  for (const line of sections.get('proactive') ?? []) {
    const cells = line.split('\t');
    const labelIndex = cells.findIndex((c) => PROACTIVE_BY_FOLD.has(foldLabel(c)));
    if (labelIndex < 0) continue;
    const row = PROACTIVE_BY_FOLD.get(foldLabel(cells[labelIndex]!))!;
    const values = valuesAfter(cells, labelIndex);
    seenProactive.add(row.id);
    const ids = row.shape === 'documents' ? PROACTIVE_DOCUMENT_COLUMNS.map((c) => `proactive.${row.id}.${c.id}`) : [`proactive.${row.id}`];
    ids.forEach((id, i) => {
      const cell = readNumber(values[i] ?? '');
      if (cell === 'text') notes.push({ path: id, kind: 'unreadable', found: values[i] ?? '' });
      else put(id, cell);
    });
  }
  for (const row of PROACTIVE_ROWS) if (!seenProactive.has(row.id)) notes.push({ path: `proactive.${row.id}`, kind: 'missingRow', found: '' });

  // 三: rows by label; the last label-like cell of a line names the row
  const seenRows = new Set<string>();
  for (const line of sections.get('applications') ?? []) {
    const cells = line.split('\t');
    let labelIndex = -1;
    for (let i = cells.length - 1; i >= 0; i--) {
      if (ROW_BY_FOLD.has(foldLabel(cells[i]!))) {
        labelIndex = i;
        break;
      }
    }
    if (labelIndex < 0) continue;
    const row = ROW_BY_FOLD.get(foldLabel(cells[labelIndex]!))!;
    if (seenRows.has(row.id)) continue;
    seenRows.add(row.id);
    const values = valuesAfter(cells, labelIndex);
    const columns = [...APPLICANT_COLUMN_IDS, 'total'];
    columns.forEach((col, i) => {
      const id = `applications.${row.id}.${col}`;
      const raw = values[i] ?? '';
      const cell = readNumber(raw);
      if (cell === 'text') {
        notes.push({ path: id, kind: 'unreadable', found: raw });
        return;
      }
      if (row.computed || col === 'total') stated[id] = cell.value;
      else put(id, cell);
    });
  }
  for (const row of APPLICATIONS_ROWS) if (!row.computed && !seenRows.has(row.id)) notes.push({ path: `applications.${row.id}`, kind: 'missingRow', found: '' });

  // 四: the one line of 15 numbers
  const appealLine = (sections.get('appeals') ?? [])
    .map((l) => l.split('\t').map((c) => c.trim()))
    .map((cells) => {
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      return cells;
    })
    .find((cells) => cells.length >= 15 && cells.every((c) => readNumber(c) !== 'text'));
  if (appealLine) {
    const values = appealLine.slice(appealLine.length - 15);
    APPEAL_KIND_IDS.forEach((kind, k) =>
      APPEALS_COLUMN_IDS.forEach((col, c) => {
        const id = `appeals.${kind}.${col}`;
        const cell = readNumber(values[k * 5 + c]!) as Cell;
        if (col === 'total') stated[id] = cell.value;
        else put(id, cell);
      }),
    );
  } else {
    notes.push({ path: 'appeals', kind: 'missingRow', found: '' });
  }

  const folded = foldLabel(text);
  const templateMarkers = TEMPLATE_2019_MARKERS.filter((m) => folded.includes(foldLabel(m)));
  for (const marker of templateMarkers) notes.push({ path: 'proactive', kind: 'template', found: marker });

  return { report, stated: { totals: stated, templateMarkers }, notes };
}
