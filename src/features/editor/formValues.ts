/**
 * The form's values: what the inputs hold, as text. react-hook-form keeps them (the inputs are
 * uncontrolled); the store keeps the document. Field names are the document's paths, so a
 * cell's field name is its cell id.
 */
import {
  NARRATIVE_SECTION_IDS,
  REPORT_LAYOUT,
  formatNumber,
  getCell,
  getPath,
  type AgencyKind,
  type NarrativePart,
  type NarrativeSectionId,
  type Report,
  type ReportLayout,
  type ReportMeta,
} from '../../report/index.ts';
import { parseAmount, parseCount, parseYear, type ParseResult } from './parse.ts';
import type { InvalidInput } from './store.ts';

export interface MetaValues {
  agency: string;
  agencyKind: AgencyKind;
  year: string;
  contact: string;
  publishedOn: string;
}

export interface EditorFormValues {
  meta: MetaValues;
  narrative: { preamble: string } & Record<NarrativeSectionId, NarrativePart[]>;
  /** Cells of 二, 三 and 四 as text, nested along their ids (proactive.regulations.issued …). */
  proactive: Record<string, unknown>;
  applications: Record<string, unknown>;
  appeals: Record<string, unknown>;
}

function setNested(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** The inputs' texts of a report: a value as every view shows it (layout.ts's formatNumber), a blank empty. */
export function toFormValues(report: Report, layout: ReportLayout = REPORT_LAYOUT): EditorFormValues {
  const values: Record<string, unknown> = {
    meta: {
      agency: report.meta.agency,
      agencyKind: report.meta.agencyKind,
      year: formatNumber(report.meta.year),
      contact: report.meta.contact,
      publishedOn: report.meta.publishedOn ?? '',
    } satisfies MetaValues,
    narrative: {
      preamble: report.narrative.preamble,
      ...Object.fromEntries(NARRATIVE_SECTION_IDS.map((id) => [id, report.narrative[id].map((p) => ({ title: p.title, text: p.text }))])),
    },
    proactive: {},
    applications: {},
    appeals: {},
  };
  for (const cell of layout.cells.values()) if (cell.kind === 'entered') setNested(values, cell.cellId, formatNumber(getCell(report, cell.cellId)));
  return values as unknown as EditorFormValues;
}

/** A cell's text read as its kind of value. */
export function parseCellText(kind: 'count' | 'amount', text: unknown): ParseResult {
  const raw = typeof text === 'string' ? text : '';
  return kind === 'amount' ? parseAmount(raw) : parseCount(raw);
}

export function invalidOf(result: ParseResult): InvalidInput | undefined {
  return result.ok ? undefined : { reason: result.reason, text: result.text };
}

/** The meta block of the document from the form's text, and what in it is not a value. */
export function metaFromValues(values: MetaValues): { meta: ReportMeta; invalid: { year?: InvalidInput } } {
  const year = parseYear(values.year ?? '');
  return {
    meta: {
      agency: values.agency ?? '',
      agencyKind: values.agencyKind,
      year: year.ok ? year.value : null,
      contact: values.contact ?? '',
      publishedOn: /^\d{4}-\d{2}-\d{2}$/.test(values.publishedOn ?? '') ? values.publishedOn : null,
    },
    invalid: year.ok ? {} : { year: invalidOf(year)! },
  };
}

/** Parts as the document keeps them (field arrays may carry their own keys). */
export function partsFromValues(parts: unknown): NarrativePart[] {
  if (!Array.isArray(parts)) return [];
  return parts.map((p: Partial<NarrativePart> | undefined) => ({ title: p?.title ?? '', text: p?.text ?? '' }));
}

export function formValueAt(values: EditorFormValues, path: string): unknown {
  return getPath(values, path);
}
