import { describe, expect, test } from 'vitest';
import { CELLS, ENTERED_CELLS } from '../../report/index.ts';
import {
  GRID_MATRIX,
  SCREEN_MATRIX,
  cellName,
  focusSelectorsFor,
  moveFrom,
  sectionOfPath,
  type GridMove,
} from './gridModel.ts';

describe('the grid matrix', () => {
  test('holds every entered cell exactly once and no computed cell', () => {
    const ids = Object.values(GRID_MATRIX).flatMap((m) => m.flat());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ENTERED_CELLS.map((c) => c.id).sort());
  });

  test('三 has 24 entered rows of 6 (（七）总计 and 总计 are computed)', () => {
    expect(GRID_MATRIX.applications).toHaveLength(24);
    expect(GRID_MATRIX.applications.every((r) => r.length === 6)).toBe(true);
  });

  // The grid's rows are the layout's (src/report/layout.ts), as the grid shows them.
  test('as shown: 三 25 rows of 7, 四 one row of 15, 二 its six rows', () => {
    expect(SCREEN_MATRIX.applications.map((r) => r.length)).toEqual(Array(25).fill(7));
    expect(SCREEN_MATRIX.appeals.map((r) => r.length)).toEqual([15]);
    expect(SCREEN_MATRIX.proactive.map((r) => r.length)).toEqual([3, 3, 1, 1, 1, 1]);
    expect(SCREEN_MATRIX.applications[23]![6]).toBe('applications.resultsTotal.total');
  });
});

describe('moveFrom', () => {
  test.each<[string, GridMove, string | undefined]>([
    ['applications.newReceived.naturalPerson', 'right', 'applications.newReceived.commercial'],
    ['applications.newReceived.naturalPerson', 'left', undefined],
    ['applications.newReceived.naturalPerson', 'up', undefined],
    ['applications.newReceived.commercial', 'down', 'applications.carriedOver.commercial'],
    // Down from the last result row skips （七）总计.
    ['applications.otherHandling.other.research', 'down', 'applications.carriedForward.research'],
    ['applications.carriedForward.research', 'up', 'applications.otherHandling.other.research'],
    ['applications.carriedForward.research', 'down', undefined],
    ['applications.granted.legalService', 'rowStart', 'applications.granted.naturalPerson'],
    ['applications.granted.commercial', 'rowEnd', 'applications.granted.otherOrg'],
    ['applications.granted.commercial', 'gridStart', 'applications.newReceived.naturalPerson'],
    ['applications.granted.commercial', 'gridEnd', 'applications.carriedForward.otherOrg'],
    // 二: rows of different widths; the column is kept as far as the row allows.
    ['proactive.regulations.inForce', 'down', 'proactive.normativeDocuments.inForce'],
    ['proactive.normativeDocuments.inForce', 'down', 'proactive.licensing'],
    ['proactive.licensing', 'up', 'proactive.normativeDocuments.issued'],
    ['proactive.enforcement', 'down', 'proactive.fees'],
    // 四: one row of twelve, across the three kinds.
    ['appeals.review.pending', 'right', 'appeals.litigationDirect.upheld'],
    ['appeals.litigationAfterReview.pending', 'right', undefined],
    ['appeals.review.upheld', 'down', undefined],
    ['applications.resultsTotal.total', 'down', undefined],
  ])('%s %s → %s', (from, move, to) => {
    expect(moveFrom(from, move)).toBe(to);
  });
});

describe('names and places', () => {
  test('every cell has a name made of its labels, unique within its section', () => {
    for (const lang of ['zh', 'en'] as const) {
      const names = CELLS.map((c) => cellName(c.id, lang));
      expect(new Set(names).size).toBe(names.length);
    }
    expect(cellName('applications.withheld.stateSecret.naturalPerson', 'zh')).toBe('（三）不予公开 1.属于国家秘密 自然人');
    expect(cellName('appeals.litigationDirect.upheld', 'zh')).toBe('行政诉讼 未经复议直接起诉 结果维持');
    expect(cellName('proactive.regulations.issued', 'en')).toBe('Regulations (规章) — Issued this year');
  });

  test.each([
    ['nonsense.path', undefined],
    ['applications.granted.total', 'applications'],
    ['narrative.overview.1.text', 'overview'],
    ['narrative.other', 'other'],
    ['narrative.preamble', 'meta'],
    ['meta.agency', 'meta'],
    ['proactive', 'proactive'],
    ['appeals.review.total', 'appeals'],
  ])('sectionOfPath(%s) = %s', (path, section) => {
    expect(sectionOfPath(path)).toBe(section);
  });

  test('focus selectors', () => {
    expect(focusSelectorsFor('applications.granted.total')).toEqual(['[data-cell="applications.granted.total"]']);
    expect(focusSelectorsFor('narrative.overview.2.text')).toEqual(['[data-path="narrative.overview.2.text"]']);
    expect(focusSelectorsFor('narrative.other')[0]).toBe('[data-path="narrative.other.0.text"]');
    expect(focusSelectorsFor('proactive')).toEqual(['[data-cell="proactive.regulations.issued"]']);
  });
});
