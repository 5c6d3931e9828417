/** Small helpers for reading the Chinese narrative: normalised text, sentences, numbers. */
import { NARRATIVE_SECTION_IDS, sectionDef, type NarrativeSectionId } from '../format.ts';
import type { Report } from '../document.ts';

interface SharedTexts {
  readonly normalised: Map<string, string>;
  readonly sentences: Map<string, readonly string[]>;
}

/**
 * Texts normalised and split during one evaluation: several rules read the same narrative, and
 * NFKC over every text once per rule (and a part's title once per sentence) was most of their
 * cost. Shared while `sharingTexts` runs; the texts of the last evaluation are offered to the
 * next one (an editor evaluates the same narrative again after each number typed), so at most
 * two evaluations' texts are held, and none outside `sharingTexts`.
 */
let shared: SharedTexts | null = null;
let lastEvaluation: SharedTexts | null = null;

/** Runs `evaluate` with each text normalised and split at most once. */
export function sharingTexts<T>(run: () => T): T {
  if (shared) return run();
  shared = { normalised: new Map(), sentences: new Map() };
  let completed = false;
  try {
    const result = run();
    completed = true;
    return result;
  } finally {
    lastEvaluation = completed ? shared : null;
    shared = null;
  }
}

/**
 * The white space that can remain after NFKC: of the characters `\s` matches, NFKC turns all but
 * these into U+0020 (U+3000, U+00A0, U+2000–U+200A …). Removing these from the NFKC text is
 * removing `[\s\u3000]`, at a third of the cost on Chinese text (text.test.ts checks every code point).
 */
export const SPACE_AFTER_NFKC = /[\t-\r \u1680\u2028\u2029\ufeff]+/g;

function normaliseNow(text: string): string {
  return text.normalize('NFKC').replace(SPACE_AFTER_NFKC, '');
}

/** NFKC (full-width digits and brackets to ASCII), spaces removed: "2022 年" → "2022年". */
export function normalise(text: string): string {
  return shared ? remembered(shared.normalised, lastEvaluation?.normalised, text, normaliseNow) : normaliseNow(text);
}

/** `make(text)` once per evaluation, or as the last evaluation made it. */
function remembered<V>(now: Map<string, V>, last: Map<string, V> | undefined, text: string, make: (text: string) => V): V {
  let done = now.get(text);
  if (done === undefined) {
    done = last?.get(text) ?? make(text);
    now.set(text, done);
  }
  return done;
}

export interface TextPlace {
  /** Document path, e.g. `narrative.overview.1.text` or `narrative.preamble`. */
  readonly path: string;
  readonly section: NarrativeSectionId | 'preamble';
  readonly title: string;
  readonly text: string;
}

/** Paths of parts' titles and texts, built once per section and index, not per evaluation. */
const PART_PATHS = new Map<NarrativeSectionId, { title: string; text: string }[]>(NARRATIVE_SECTION_IDS.map((id) => [id, []]));
/** A document has at most 200 parts a section; beyond that (an editor's draft) paths are built each time. */
const MAX_CACHED_PARTS = 200;

function partPaths(id: NarrativeSectionId, i: number): { title: string; text: string } {
  const paths = PART_PATHS.get(id)!;
  const known = paths[i];
  if (known) return known;
  // Built inline, not by a local arrow function: under tsx (the CLI) keepNames gives each one
  // made a defineProperty call, which was a tenth of an evaluation.
  const built = { title: `narrative.${id}.${i}.title`, text: `narrative.${id}.${i}.text` };
  if (i < MAX_CACHED_PARTS) paths[i] = built;
  return built;
}

/** Every narrative text of the report with its path; titles and texts of parts separately. */
export function narrativePlaces(report: Report, include: { titles?: boolean } = {}): TextPlace[] {
  const places: TextPlace[] = [{ path: 'narrative.preamble', section: 'preamble', title: '', text: report.narrative.preamble }];
  for (const id of NARRATIVE_SECTION_IDS) {
    report.narrative[id].forEach((part, i) => {
      const paths = partPaths(id, i);
      if (include.titles && part.title) places.push({ path: paths.title, section: id, title: part.title, text: part.title });
      places.push({ path: paths.text, section: id, title: part.title, text: part.text });
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

function sentencesNow(text: string): string[] {
  return normalise(text.includes('\n') ? text.replace(/\r?\n/g, '。') : text)
    .split(/[。！？；!?;]/)
    .filter((s) => s.length > 0);
}

/** Sentences split at 。！？； and line breaks, normalised. */
export function sentences(text: string): readonly string[] {
  return shared ? remembered(shared.sentences, lastEvaluation?.sentences, text, sentencesNow) : sentencesNow(text);
}

/**
 * The matches of a global pattern, as `[...text.matchAll(pattern)]` finds them when the pattern's
 * lastIndex is 0 (as it is for a pattern only read through here), without the copy of the
 * pattern matchAll makes on every call (half the time of a search in a short text).
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError('allMatches needs a global pattern');
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    found.push(m);
    // An empty match moves on by one character, as matchAll does (a code point with u or v).
    if (m[0] === '') {
      const wide = /[uv]/.test(pattern.flags) && (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff;
      pattern.lastIndex += wide ? 2 : 1;
    }
  }
  pattern.lastIndex = 0;
  return found;
}
