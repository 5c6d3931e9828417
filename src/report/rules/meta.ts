/** Rules of the report as a whole: what must be filled, the template, the deadline, 规章. */
import { META_FIELDS, NARRATIVE_SECTION_IDS, sectionDef } from '../format.ts';
import type { Report } from '../document.ts';
import { sumOf } from '../totals.ts';
import type { FindingDraft, RuleDef } from './types.ts';

function missing(path: string, what: { zh: string; en: string }): FindingDraft {
  return { subject: path, cells: [path], messageKey: 'rule.required', params: { what: what.zh, whatEn: what.en } };
}

export const requiredRule: RuleDef = {
  id: 'required',
  severity: 'error',
  family: 'meta',
  reads: ['meta.agency', 'meta.year', 'narrative'],
  messageKey: 'rule.required',
  check(report) {
    const drafts: FindingDraft[] = [];
    if (!report.meta.agency.trim()) drafts.push(missing('meta.agency', META_FIELDS.agency));
    if (report.meta.year === null) drafts.push(missing('meta.year', META_FIELDS.year));
    if (!report.narrative.preamble.trim()) drafts.push(missing('narrative.preamble', { zh: '导语', en: 'The preamble' }));
    for (const id of NARRATIVE_SECTION_IDS) {
      if (!report.narrative[id].some((p) => p.text.trim())) drafts.push(missing(`narrative.${id}`, sectionDef(id).heading));
    }
    return drafts;
  },
};

export const templateRule: RuleDef = {
  id: 'template',
  severity: 'error',
  family: 'meta',
  reads: ['meta.year'],
  messageKey: 'rule.template',
  check(report, { stated }) {
    const markers = stated?.templateMarkers ?? [];
    const year = report.meta.year;
    if (markers.length === 0 || (year !== null && year < 2021)) return [];
    return [{ subject: 'proactive', cells: ['proactive'], messageKey: 'rule.template', params: { year: year ?? '', marker: markers[0]! } }];
  },
};

/** Deadlines of 条例 第四十九条: 31 January; the government's own report 31 March. */
export function publicationDeadline(report: Report): string | null {
  const year = report.meta.year;
  if (year === null) return null;
  return report.meta.agencyKind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

export const deadlineRule: RuleDef = {
  id: 'deadline',
  severity: 'warning',
  family: 'meta',
  reads: ['meta.publishedOn', 'meta.year', 'meta.agencyKind'],
  messageKey: 'rule.deadline',
  check(report) {
    const deadline = publicationDeadline(report);
    const date = report.meta.publishedOn;
    if (!deadline || !date || date <= deadline) return [];
    return [{ subject: 'meta.publishedOn', cells: ['meta.publishedOn'], messageKey: 'rule.deadline', params: { date, deadline } }];
  },
};

export const regulationsRule: RuleDef = {
  id: 'regulations',
  severity: 'hint',
  family: 'meta',
  reads: ['proactive.regulations', 'meta.agencyKind'],
  messageKey: 'rule.regulations',
  check(report) {
    const r = report.proactive.regulations;
    // Any 规章 at all is worth a second look: adding the three columns would count one twice.
    if (sumOf([r.issued, r.repealed, r.inForce]) <= 0) return [];
    return [
      {
        subject: 'proactive.regulations',
        cells: ['proactive.regulations.issued', 'proactive.regulations.repealed', 'proactive.regulations.inForce'],
        messageKey: 'rule.regulations',
        params: { issued: r.issued ?? '', repealed: r.repealed ?? '', inForce: r.inForce ?? '' },
      },
    ];
  },
};
