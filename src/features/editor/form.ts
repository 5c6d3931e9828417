/**
 * The editor's form: the text of each field as the clerk typed it ("1,234", "3件", a title).
 * The inputs are uncontrolled: while an input shows a field, the input holds its text (a
 * keystroke changes the DOM, tells the form's one listener which field changed, and re-renders
 * nothing); when the input goes (another section is shown), the form keeps its text until an
 * input shows the field again. The store keeps the document, parsed from this text. The text
 * cannot be rebuilt from the document (text that is not a value, a number not yet tidied on
 * leaving its cell), so the form keeps it and the store keeps what it means.
 *
 * Field names are the document's paths: a cell's is its cell id, a header field's `meta.<key>`,
 * a part's `narrative.<section>.<index>.title|text`. A part's fields belong to the part, not to
 * its index, so that a part moved keeps its inputs (and what they hold) as React moves them.
 */
import {
  NARRATIVE_SECTION_IDS,
  formatNumber,
  getCell,
  type AgencyKind,
  type NarrativePart,
  type NarrativeSectionId,
  type Report,
  type ReportLayout,
  type ReportMeta,
} from '../../report/index.ts';
import { parseAmount, parseCount, parseYear, type ParseResult } from './parse.ts';
import type { InvalidInput } from './store.ts';

type FieldElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** What an input spreads to show a field: `<input {...form.register('meta.agency')} />`. */
export interface FieldProps {
  readonly name?: string;
  readonly ref: (element: FieldElement | null) => void;
  readonly onChange: () => void;
}

/** One field: its text, held by its input while one shows it. */
export class Field {
  private text: string;
  private element: FieldElement | null = null;
  /** The same object on every render: React neither detaches the ref nor re-binds the handler. */
  readonly props: FieldProps;

  constructor(text: string, changed: () => void, name?: string) {
    this.text = text;
    this.props = {
      ...(name ? { name } : {}),
      ref: (element) => {
        if (element) {
          element.value = this.text;
          this.element = element;
        } else if (this.element) {
          // The input goes (its section is no longer shown): its text stays here.
          this.text = this.element.value;
          this.element = null;
        }
      },
      onChange: changed,
    };
  }

  get value(): string {
    return this.element ? this.element.value : this.text;
  }

  set value(text: string) {
    this.text = text;
    if (this.element) this.element.value = text;
  }
}

/** A part of 一, 五 or 六 as the form holds it: a key for React and its two fields. */
export interface PartFields {
  readonly key: number;
  readonly title: Field;
  readonly text: Field;
}

/** The header's fields as text. */
export interface MetaValues {
  agency: string;
  agencyKind: AgencyKind;
  year: string;
  contact: string;
  publishedOn: string;
}

const META_KEYS = ['agency', 'agencyKind', 'year', 'contact', 'publishedOn'] as const;
const PART_PATH = /^narrative\.(\w+)\.(\d+)\.(title|text)$/;

export class EditorForm {
  private readonly fields = new Map<string, Field>();
  private readonly parts = {} as Record<NarrativeSectionId, readonly PartFields[]>;
  private readonly partListeners = new Set<() => void>();
  private nextKey = 0;

  /**
   * The inputs' texts of a report (a value as every view shows it, layout.ts's formatNumber; a
   * blank empty). `changed` hears of every field the clerk changes, by its path (for a part's
   * field, its section's: `narrative.<section>`).
   */
  constructor(
    report: Report,
    layout: ReportLayout,
    private readonly changed: (path: string) => void,
  ) {
    const m = report.meta;
    const meta: MetaValues = { agency: m.agency, agencyKind: m.agencyKind, year: formatNumber(m.year), contact: m.contact, publishedOn: m.publishedOn ?? '' };
    for (const key of META_KEYS) this.add(`meta.${key}`, meta[key]);
    this.add('narrative.preamble', report.narrative.preamble);
    for (const cell of layout.cells.values()) if (cell.kind === 'entered') this.add(cell.cellId, formatNumber(getCell(report, cell.cellId)));
    for (const section of NARRATIVE_SECTION_IDS) this.parts[section] = report.narrative[section].map((p) => this.newPart(section, p));
  }

  private add(path: string, text: string): Field {
    const field = new Field(text, () => this.changed(path), path);
    this.fields.set(path, field);
    return field;
  }

  private field(path: string): Field {
    const field = this.fields.get(path);
    if (field) return field;
    const part = PART_PATH.exec(path);
    if (part) {
      const fields = this.parts[part[1] as NarrativeSectionId]?.[Number(part[2])];
      if (!fields) throw new Error(`no part field ${path}`);
      return fields[part[3] as 'title' | 'text'];
    }
    return this.add(path, '');
  }

  /** The props an input spreads to show the field at `path`. */
  register(path: string): FieldProps {
    return this.field(path).props;
  }

  /** The text of a field, as its input holds it now. */
  get(path: string): string {
    return this.field(path).value;
  }

  /**
   * Writes a field's text (into its input, when one shows it). The document follows when the
   * caller says so (`tell`), or when the caller tells the store itself: a paste of 144 cells is
   * one change of the document, not 144.
   */
  set(path: string, text: string, tell = false) {
    this.field(path).value = text;
    if (tell) this.changed(path);
  }

  /** The header's fields as text. */
  meta(): MetaValues {
    const values = {} as Record<(typeof META_KEYS)[number], string>;
    for (const key of META_KEYS) values[key] = this.get(`meta.${key}`);
    return values as MetaValues;
  }

  // --- the parts of 一, 五, 六 -----------------------------------------------------------------

  /** The parts of a section as shown: the same array until a part is added, removed or moved. */
  partList(section: NarrativeSectionId): readonly PartFields[] {
    return this.parts[section];
  }

  /** The parts of a section as the document keeps them. */
  partValues(section: NarrativeSectionId): NarrativePart[] {
    return this.parts[section].map((p) => ({ title: p.title.value, text: p.text.value }));
  }

  /** A part's fields, to be placed in the list with setParts. */
  newPart(section: NarrativeSectionId, part: NarrativePart): PartFields {
    const tell = () => this.changed(`narrative.${section}`);
    return {
      key: this.nextKey++,
      // A title numbers the parts: the section's list hears of it.
      title: new Field(part.title, () => {
        this.tellParts();
        tell();
      }),
      text: new Field(part.text, tell),
    };
  }

  /** A part added, removed or moved; the caller tells the document (syncParts). */
  setParts(section: NarrativeSectionId, parts: readonly PartFields[]) {
    this.parts[section] = parts;
    this.tellParts();
  }

  /** The titles of a section's parts as one string: a snapshot that changes only when one does. */
  titles(section: NarrativeSectionId): string {
    return this.parts[section].map((p) => p.title.value).join('\u0000');
  }

  /** The parts of a section, or a title, changed. */
  subscribeParts = (listener: () => void): (() => void) => {
    this.partListeners.add(listener);
    return () => this.partListeners.delete(listener);
  };

  private tellParts() {
    for (const listener of [...this.partListeners]) listener();
  }
}

/** A cell's text read as its kind of value. */
export function parseCellText(kind: 'count' | 'amount', text: string): ParseResult {
  return kind === 'amount' ? parseAmount(text) : parseCount(text);
}

export function invalidOf(result: ParseResult): InvalidInput | undefined {
  return result.ok ? undefined : { reason: result.reason, text: result.text };
}

/** The meta block of the document from the form's text, and what in it is not a value. */
export function metaFromValues(values: MetaValues): { meta: ReportMeta; invalid: { year?: InvalidInput } } {
  const year = parseYear(values.year);
  return {
    meta: {
      agency: values.agency,
      agencyKind: values.agencyKind,
      year: year.ok ? year.value : null,
      contact: values.contact,
      publishedOn: /^\d{4}-\d{2}-\d{2}$/.test(values.publishedOn) ? values.publishedOn : null,
    },
    invalid: year.ok ? {} : { year: invalidOf(year)! },
  };
}
