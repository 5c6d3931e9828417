/** Small helpers for reading the Chinese narrative: normalised text, sentences, numbers. */
import { NARRATIVE_SECTION_IDS, sectionDef, type NarrativeSectionId } from '../format.ts';
import type { Report } from '../document.ts';

/** NFKC (full-width digits and brackets to ASCII), spaces removed: "2022 年" → "2022年". */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

export interface TextPlace {
  /** Document path, e.g. `narrative.overview.1.text` or `narrative.preamble`. */
  readonly path: string;
  readonly section: NarrativeSectionId | 'preamble';
  readonly title: string;
  readonly text: string;
}

/** Every narrative text of the report with its path; titles and texts of parts separately. */
export function narrativePlaces(report: Report, include: { titles?: boolean } = {}): TextPlace[] {
  const places: TextPlace[] = [{ path: 'narrative.preamble', section: 'preamble', title: '', text: report.narrative.preamble }];
  for (const id of NARRATIVE_SECTION_IDS) {
    report.narrative[id].forEach((part, i) => {
      if (include.titles && part.title) places.push({ path: `narrative.${id}.${i}.title`, section: id, title: part.title, text: part.title });
      places.push({ path: `narrative.${id}.${i}.text`, section: id, title: part.title, text: part.text });
    });
  }
  return places;
}

/** Where a place is, for messages: "一、总体情况" / "导语". */
export function placeName(place: TextPlace): { zh: string; en: string } {
  if (place.section === 'preamble') return { zh: '导语', en: 'the preamble' };
  const heading = sectionDef(place.section).heading;
  return { zh: heading.zh, en: heading.en };
}

/** Sentences split at 。！？； and line breaks, normalised. */
export function sentences(text: string): string[] {
  return normalise(text.replace(/\r?\n/g, '。'))
    .split(/[。！？；!?;]/)
    .filter((s) => s.length > 0);
}
