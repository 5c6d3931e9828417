/**
 * Comparing two reports of one body (two versions, or this year against last): cell by cell
 * (old, new, difference) and narrative part by part, sentence by sentence.
 */
import { CELLS, NARRATIVE_SECTION_IDS, type NarrativeSectionId } from '../format.ts';
import type { Report } from '../document.ts';
import { cellValue } from '../totals.ts';

export interface CellChange {
  readonly cell: string;
  readonly before: number | null;
  readonly after: number | null;
  /** after − before, counting not filled as 0; null when either side is not filled. */
  readonly delta: number | null;
}

export type SentenceMark = 'same' | 'added' | 'removed';
export interface SentenceDiff {
  readonly mark: SentenceMark;
  readonly text: string;
}

export interface PartChange {
  readonly section: NarrativeSectionId | 'preamble';
  /** Index in the newer report (or in the older one for a removed part). */
  readonly index: number;
  readonly title: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly sentences: readonly SentenceDiff[];
}

export interface ReportComparison {
  readonly cells: readonly CellChange[];
  readonly parts: readonly PartChange[];
}

/** Sentences kept with their closing punctuation, so that a diff reads like the text. */
export function splitSentences(text: string): string[] {
  return (text.match(/[^。！？；!?;\n]+[。！？；!?;]?|\n/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

/** Longest-common-subsequence diff of two lists of sentences. */
export function diffSentences(before: readonly string[], after: readonly string[]): SentenceDiff[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: SentenceDiff[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ mark: 'same', text: before[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ mark: 'removed', text: before[i++]! });
    } else {
      out.push({ mark: 'added', text: after[j++]! });
    }
  }
  while (i < n) out.push({ mark: 'removed', text: before[i++]! });
  while (j < m) out.push({ mark: 'added', text: after[j++]! });
  return out;
}

const normaliseTitle = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');

export function compareReports(before: Report, after: Report): ReportComparison {
  const cells: CellChange[] = [];
  for (const cell of CELLS) {
    const a = cellValue(before, cell.id);
    const b = cellValue(after, cell.id);
    if (a === b) continue;
    cells.push({ cell: cell.id, before: a, after: b, delta: a === null || b === null ? null : b - a });
  }

  const parts: PartChange[] = [];
  const comparePart = (section: PartChange['section'], index: number, title: string, a: string, b: string) => {
    if (a === b) return;
    parts.push({ section, index, title, change: 'changed', sentences: diffSentences(splitSentences(a), splitSentences(b)) });
  };
  comparePart('preamble', 0, '', before.narrative.preamble, after.narrative.preamble);
  for (const id of NARRATIVE_SECTION_IDS) {
    const old = before.narrative[id];
    const now = after.narrative[id];
    // Parts are matched by title (they get reordered and renumbered), untitled ones in order.
    const used = new Set<number>();
    now.forEach((part, index) => {
      const match = part.title
        ? old.findIndex((p, i) => !used.has(i) && normaliseTitle(p.title) === normaliseTitle(part.title))
        : old.findIndex((p, i) => !used.has(i) && !p.title);
      if (match < 0) {
        parts.push({ section: id, index, title: part.title, change: 'added', sentences: splitSentences(part.text).map((text) => ({ mark: 'added', text })) });
        return;
      }
      used.add(match);
      comparePart(id, index, part.title, old[match]!.text, part.text);
    });
    old.forEach((part, index) => {
      if (used.has(index)) return;
      parts.push({ section: id, index, title: part.title, change: 'removed', sentences: splitSentences(part.text).map((text) => ({ mark: 'removed', text })) });
    });
  }
  return { cells, parts };
}
