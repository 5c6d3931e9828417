/** Rules that compare with last year's report of the same body. */
import { APPLICANT_COLUMNS, ENTERED_CELLS, NARRATIVE_SECTION_IDS, PROACTIVE_ROWS, sectionDef } from '../format.ts';
import { getAt, getCell, pathKeys, type Report } from '../document.ts';
import { normalise } from './text.ts';
import type { FindingDraft, RuleDef } from './types.ts';

export const carryoverRule: RuleDef = {
  id: 'carryover',
  severity: 'warning',
  family: 'crossYear',
  reads: ['applications.carriedOver', 'lastYear:applications.carriedForward'],
  messageKey: 'rule.carryover',
  check(report, { lastYear }) {
    if (!lastYear) return [];
    const drafts: FindingDraft[] = [];
    for (const column of APPLICANT_COLUMNS) {
      const id = `applications.carriedOver.${column.id}`;
      const left = getCell(report, id);
      const right = getCell(lastYear, `applications.carriedForward.${column.id}`);
      if (left === null || right === null || left === right) continue;
      drafts.push({
        subject: column.id,
        cells: [id],
        messageKey: 'rule.carryover',
        params: { column: column.label.zh, columnEn: column.label.en, left, right, delta: left - right },
        left,
        right,
        delta: left - right,
      });
    }
    return drafts;
  },
};

/** The rows of documents, with their cells' ids and keys made once, not per evaluation. */
const DOCUMENT_ROWS = PROACTIVE_ROWS.filter((r) => r.shape === 'documents').map((row) => {
  const base = `proactive.${row.id}`;
  const ids = { issued: `${base}.issued`, repealed: `${base}.repealed`, inForce: `${base}.inForce` };
  return {
    row,
    ids,
    keys: { issued: pathKeys(ids.issued), repealed: pathKeys(ids.repealed), inForce: pathKeys(ids.inForce) },
    cells: [ids.inForce, ids.issued, ids.repealed] as readonly string[],
  };
});

/** An entered cell's value by its keys (as getCell by its id): null when not filled. */
function countAt(report: Report, keys: readonly string[]): number | null {
  const value = getAt(report, keys);
  return typeof value === 'number' ? value : null;
}

export const inForceRule: RuleDef = {
  id: 'inForce',
  severity: 'warning',
  family: 'crossYear',
  reads: ['proactive.regulations', 'proactive.normativeDocuments', 'lastYear:proactive'],
  messageKey: 'rule.inForce.minimum',
  check(report, { lastYear }) {
    const drafts: FindingDraft[] = [];
    for (const { row, keys, cells } of DOCUMENT_ROWS) {
      const issued = countAt(report, keys.issued);
      const repealed = countAt(report, keys.repealed);
      const inForce = countAt(report, keys.inForce);
      if (issued === null || repealed === null || inForce === null) continue;
      const lastInForce = lastYear ? countAt(lastYear, keys.inForce) : null;
      if (lastInForce !== null) {
        const expected = lastInForce + issued - repealed;
        if (inForce !== expected) {
          drafts.push({
            subject: row.id,
            cells: [...cells],
            messageKey: 'rule.inForce.lastYear',
            params: { row: row.label.zh, rowEn: row.label.en, left: inForce, right: expected, delta: inForce - expected },
            left: inForce,
            right: expected,
            delta: inForce - expected,
          });
        }
      } else if (inForce < issued - repealed) {
        const minimum = issued - repealed;
        drafts.push({
          subject: row.id,
          cells: [...cells],
          messageKey: 'rule.inForce.minimum',
          params: { row: row.label.zh, rowEn: row.label.en, left: inForce, right: minimum, delta: inForce - minimum },
          left: inForce,
          right: minimum,
          delta: inForce - minimum,
        });
      }
    }
    return drafts;
  },
};

/** Texts shorter than this are stock phrases ("无。"), not copying. */
const MIN_COPIED_LENGTH = 20;

export const sameAsLastYearRule: RuleDef = {
  id: 'sameAsLastYear',
  severity: 'warning',
  family: 'crossYear',
  reads: ['proactive', 'applications', 'appeals', 'narrative', 'lastYear:*'],
  messageKey: 'rule.sameAsLastYear.numbers',
  check(report, { lastYear }) {
    if (!lastYear) return [];
    const drafts: FindingDraft[] = [];
    // All numbers equal: only telling when something was counted; two all-zero years are
    // common for small bodies and not a sign of copying.
    let allEqual = true;
    let anyNonZero = false;
    let anyFilled = false;
    for (const cell of ENTERED_CELLS) {
      const a = getCell(report, cell.id);
      const b = getCell(lastYear, cell.id);
      if (a !== null) anyFilled = true;
      if (a !== b) {
        allEqual = false;
        break;
      }
      if (a !== null && a !== 0) anyNonZero = true;
    }
    if (allEqual && anyFilled && anyNonZero) {
      drafts.push({ subject: 'numbers', cells: ENTERED_CELLS.map((c) => c.id).slice(0, 1), messageKey: 'rule.sameAsLastYear.numbers' });
    }
    const lastTexts = new Set<string>();
    for (const id of NARRATIVE_SECTION_IDS) for (const part of lastYear.narrative[id]) lastTexts.add(normalise(part.text));
    for (const id of NARRATIVE_SECTION_IDS) {
      report.narrative[id].forEach((part, i) => {
        const text = normalise(part.text);
        if (text.length < MIN_COPIED_LENGTH || !lastTexts.has(text)) return;
        const heading = sectionDef(id).heading;
        const where = part.title ? `${heading.zh}“${part.title}”` : heading.zh;
        drafts.push({
          subject: `narrative.${id}.${i}`,
          cells: [`narrative.${id}.${i}.text`],
          messageKey: 'rule.sameAsLastYear.part',
          params: { where, whereEn: part.title ? `${heading.en} “${part.title}”` : heading.en },
        });
      });
    }
    return drafts;
  },
};
