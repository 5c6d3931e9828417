import { describe, expect, test } from 'vitest';
import { APPLICANT_COLUMN_IDS, APPLICATIONS_HEADER, APPLICATIONS_ROWS, CELLS, ENTERED_CELLS } from '../../report/index.ts';
import {
  APPEALS_HEADER_COLUMNS,
  APPLICATIONS_HEADER_COLUMNS,
  GRID_MATRIX,
  applicationsRowHeaders,
  headerRows,
  valueColumns,
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

  test('the row headers of 三 span their groups as printed', () => {
    const headers = applicationsRowHeaders();
    expect(headers.get('newReceived')).toEqual([{ kind: 'row', colSpan: 3 }]);
    expect(headers.get('granted')).toEqual([
      { kind: 'group', group: 'results', rowSpan: 22 },
      { kind: 'row', colSpan: 2 },
    ]);
    expect(headers.get('withheld.stateSecret')).toEqual([
      { kind: 'group', group: 'withheld', rowSpan: 8 },
      { kind: 'row', colSpan: 1 },
    ]);
    expect(headers.get('withheld.lawProhibited')).toEqual([{ kind: 'row', colSpan: 1 }]);
    expect(headers.get('resultsTotal')).toEqual([{ kind: 'row', colSpan: 2 }]);
    // Every row is 3 label columns wide, counting the spans above it.
    const covered = new Map<number, number>();
    APPLICATIONS_ROWS.forEach((row, i) => {
      let width = covered.get(i) ?? 0;
      for (const h of headers.get(row.id)!) {
        if (h.kind === 'group') {
          width++;
          for (let k = 1; k < h.rowSpan; k++) covered.set(i + k, (covered.get(i + k) ?? 0) + 1);
        } else width += h.colSpan;
      }
      expect(width, row.id).toBe(3);
    });
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

describe('the column headers of 三 and 四', () => {
  const layout = (rows: ReturnType<typeof headerRows>) =>
    rows.map((row) => row.map((h) => `${h.label.zh}|${h.scope}|${h.colSpan}×${h.rowSpan}${h.className ? `|${h.className}` : ''}`));

  test('三: the note over the three label columns, 申请人情况 over 自然人, 法人或其他组织 (five) and 总计', () => {
    expect(layout(headerRows(APPLICATIONS_HEADER_COLUMNS))).toEqual([
      [`${APPLICATIONS_HEADER.note.zh}|colgroup|3×3|note`, '申请人情况|colgroup|7×1'],
      ['自然人|colgroup|1×2', '法人或其他组织|colgroup|5×1', '总计|colgroup|1×2|col-total'],
      ['商业企业|col|1×1', '科研机构|col|1×1', '社会公益组织|col|1×1', '法律服务机构|col|1×1', '其他|col|1×1'],
    ]);
  });

  test('三: every header row spans the table (3 label columns + 7 value columns)', () => {
    const rows = headerRows(APPLICATIONS_HEADER_COLUMNS);
    // A header merged down from row r covers its columns in every row below it too.
    const covered = rows.map(() => 0);
    rows.forEach((row, r) => row.forEach((h) => { for (let i = r; i < r + h.rowSpan; i++) covered[i]! += h.colSpan; }));
    expect(covered).toEqual([10, 10, 10]);
  });

  test('四: 行政复议 merged down over its outcomes; 行政诉讼 › two kinds › five each', () => {
    const outcomes = (level: 'colgroup|1×2' | 'col|1×1') => [
      `结果维持|${level}`, `结果纠正|${level}`, `其他结果|${level}`, `尚未审结|${level}`, `总计|${level}|col-total`,
    ];
    expect(layout(headerRows(APPEALS_HEADER_COLUMNS))).toEqual([
      ['行政复议|colgroup|5×1', '行政诉讼|colgroup|10×1'],
      [...outcomes('colgroup|1×2'), '未经复议直接起诉|colgroup|5×1', '复议后起诉|colgroup|5×1'],
      [...outcomes('col|1×1'), ...outcomes('col|1×1')],
    ]);
  });

  test('the value columns are the cells of 三 and 四, in the order of the model', () => {
    expect(valueColumns(APPLICATIONS_HEADER_COLUMNS).map((c) => c.id)).toEqual(['label', ...APPLICANT_COLUMN_IDS, 'total']);
    expect(valueColumns(APPEALS_HEADER_COLUMNS).map((c) => `appeals.${c.id}`)).toEqual(
      CELLS.filter((c) => c.section === 'appeals').map((c) => c.id),
    );
  });
});
