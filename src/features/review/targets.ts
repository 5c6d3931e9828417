/** Comment targets of a report: what a comment can be about, and how to name it. */
import {
  CELLS,
  META_FIELDS,
  NARRATIVE_SECTION_IDS,
  SECTIONS,
  cellLabel,
  chineseNumeral,
  type Lang,
  type Report,
  type SectionId,
} from '../../report/index.ts';
import { currentTarget, parseNarrativeTarget } from '../../report/review/targets.ts';


export interface TargetWords {
  /** The whole report. */
  readonly whole: string;
  readonly preamble: string;
  readonly untitledPart: string;
}

const heading = (id: SectionId, lang: Lang) => SECTIONS.find((s) => s.id === id)!.heading[lang];

/** （一） for the n-th titled part; untitled parts take no number (as printed). */
function partName(report: Report, section: (typeof NARRATIVE_SECTION_IDS)[number], index: number, lang: Lang, words: TargetWords): string {
  const parts = report.narrative[section];
  const part = parts[index];
  if (!part) return `${heading(section, lang)} #${index + 1}`;
  if (!part.title) return `${heading(section, lang)} · ${words.untitledPart} ${index + 1}`;
  const n = parts.slice(0, index + 1).filter((p) => p.title).length;
  const number = lang === 'zh' ? `（${chineseNumeral(n)}）` : `(${n}) `;
  return `${heading(section, lang)} · ${number}${part.title}`;
}

/** A comment target's name, e.g. "三、… · （一）予以公开 自然人" or "一、总体情况 · （二）依申请公开". */
export function targetLabel(report: Report, target: string, lang: Lang, words: TargetWords): string {
  if (target === '') return words.whole;
  const cell = CELLS.find((c) => c.id === target);
  // The section's numeral, then the row and column: "三 · （一）予以公开 自然人".
  if (cell) return `${heading(cell.section, lang).split(/[、.]/)[0]} · ${cellLabel(target, lang)}`;
  if (target.startsWith('meta.')) {
    const field = META_FIELDS[target.slice(5) as keyof typeof META_FIELDS];
    return field ? field[lang] : target;
  }
  const narrative = parseNarrativeTarget(target);
  if (narrative?.section === 'preamble') return words.preamble;
  if (narrative) return partName(report, narrative.section, narrative.index, lang, words);
  // A finding about a whole narrative section (一 left empty): its heading, not its id.
  const section = /^narrative\.(\w+)$/.exec(target)?.[1];
  if (section && (NARRATIVE_SECTION_IDS as readonly string[]).includes(section)) return heading(section as SectionId, lang);
  return target;
}

export interface TargetGroup {
  readonly label: string;
  readonly options: readonly { value: string; label: string }[];
}

/** Every target of the report, grouped as the report reads: whole, meta, narrative, 二, 三, 四. */
export function targetGroups(report: Report, lang: Lang, words: TargetWords & { general: string }): TargetGroup[] {
  const option = (value: string) => ({ value, label: targetLabel(report, value, lang, words) });
  const groups: TargetGroup[] = [
    {
      label: words.general,
      options: [option(''), ...Object.keys(META_FIELDS).map((k) => option(`meta.${k}`)), option('narrative.preamble')],
    },
  ];
  for (const section of SECTIONS) {
    if (section.kind === 'narrative') {
      const parts = report.narrative[section.id as (typeof NARRATIVE_SECTION_IDS)[number]];
      if (parts.length === 0) continue;
      groups.push({
        label: section.heading[lang],
        options: parts.map((_, i) => ({
          value: `narrative.${section.id}.${i}`,
          label: partName(report, section.id as (typeof NARRATIVE_SECTION_IDS)[number], i, lang, words).split(' · ').slice(1).join(' · '),
        })),
      });
    } else {
      groups.push({
        label: section.heading[lang],
        options: CELLS.filter((c) => c.section === section.id).map((c) => ({ value: c.id, label: cellLabel(c.id, lang) })),
      });
    }
  }
  return groups;
}

/** Count of open comments per target (for marks in the report view). */
export function openCommentsByTarget(report: Report): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of report.review.comments) {
    if (c.resolved) continue;
    const target = currentTarget(report, c);
    counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  return counts;
}
