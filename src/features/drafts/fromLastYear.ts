/**
 * A new year's report from last year's: the body's meta with year + 1, the part titles of the
 * narrative (texts empty, they must be written anew), and the numbers that carry over:
 * 上年结转 (carriedOver) from last year's 结转下年度 (carriedForward), per column, and the
 * 现行有效件数 (inForce) of 规章 and 行政规范性文件 as the baseline the clerk adjusts by this
 * year's issued and repealed. Last year's report itself is kept beside the draft so that the
 * cross-year rules (carryover, inForce, sameAsLastYear) run.
 */
import {
  APPLICANT_COLUMN_IDS,
  NARRATIVE_SECTION_IDS,
  emptyReport,
  setCell,
  type NarrativePart,
  type Report,
} from '../../report/index.ts';

export function nextYearReport(lastYear: Report, fallbackYear: number = new Date().getFullYear() - 1): Report {
  const { meta } = lastYear;
  const year = meta.year === null ? fallbackYear : meta.year + 1;
  let next = emptyReport({ agency: meta.agency, agencyKind: meta.agencyKind, year, contact: meta.contact });
  const titles = (parts: readonly NarrativePart[]): NarrativePart[] => parts.map((p) => ({ title: p.title, text: '' }));
  const narrative = { ...next.narrative };
  for (const section of NARRATIVE_SECTION_IDS) {
    const parts = titles(lastYear.narrative[section]);
    // A section always offers at least one part to write in.
    if (parts.length > 0) narrative[section] = parts;
  }
  next = { ...next, narrative };
  for (const column of APPLICANT_COLUMN_IDS) {
    next = setCell(next, `applications.carriedOver.${column}`, lastYear.applications.carriedForward[column]);
  }
  for (const row of ['regulations', 'normativeDocuments'] as const) {
    next = setCell(next, `proactive.${row}.inForce`, lastYear.proactive[row].inForce);
  }
  return next;
}
