import { describe, expect, test } from 'vitest';
import { APPEAL_KINDS, APPEALS_COLUMN_IDS, APPLICATIONS_COLUMN_IDS, APPLICATIONS_ROWS, CELL_BY_ID } from '../../report/index.ts';
import { SCREEN_MATRIX, screenPosition } from './gridModel.ts';
import { isBlock, parseAmount, parseCount } from './parse.ts';
import { parsePasteBlock, planPaste, type PasteGrid } from './paste.ts';

const block = (text: string) => {
  const b = parsePasteBlock(text);
  if (!b.ok) throw new Error('empty');
  return b;
};
const tsv = (rows: readonly (readonly (string | number)[])[]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';

/** The grid as the editor hands it in; entered cells hold `held` before the paste (none by default). */
const values = (held: Record<string, number> = {}): PasteGrid => ({
  matrix: (section) => SCREEN_MATRIX[section],
  position: screenPosition,
  parse: (id, text) => (CELL_BY_ID.get(id)?.kind === 'amount' ? parseAmount(text) : parseCount(text)),
  valueOf: (id) => held[id] ?? null,
  name: (id) => id,
});

/** Entered values that differ cell by cell, and every computed cell as their sum. */
function sheet(entered: (id: string) => number): (id: string) => number {
  return (id) => {
    const def = CELL_BY_ID.get(id)!;
    return def.computed ? def.sumOf!.reduce((sum, c) => sum + entered(c), 0) : entered(id);
  };
}
const varied = (id: string) => (id.length * 7 + id.charCodeAt(id.length - 3)) % 9;

/** 三 as the official Excel/WPS sheet holds it: 25 rows (with （七）总计), 7 columns (with 总计). */
function applicationsSheet(value: (id: string) => number): number[][] {
  return APPLICATIONS_ROWS.map((row) => APPLICATIONS_COLUMN_IDS.map((c) => value(`applications.${row.id}.${c}`)));
}

describe('planPaste', () => {
  test('a 2×2 block fills right and down', () => {
    const plan = planPaste('applications.granted.naturalPerson', block('1\t2\r\n3\t４\r\n'), values());
    expect(plan).toEqual({
      ok: true,
      changes: [
        { id: 'applications.granted.naturalPerson', value: 1, text: '1' },
        { id: 'applications.granted.commercial', value: 2, text: '2' },
        { id: 'applications.partiallyGranted.naturalPerson', value: 3, text: '3' },
        { id: 'applications.partiallyGranted.commercial', value: 4, text: '4' },
      ],
      checked: 0,
      mismatches: [],
    });
  });

  test('the block of 三 as the official sheet holds it (25 rows with （七）总计, 7 columns with 总计) fits from the first cell', () => {
    const value = sheet(varied);
    const plan = planPaste('applications.newReceived.naturalPerson', block(tsv(applicationsSheet(value))), values());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    // The 144 entered cells go in; the 31 computed ones (25 of 总计, 6 of （七）总计) are compared.
    expect(plan.changes).toHaveLength(144);
    expect(plan.changes.every((c) => !CELL_BY_ID.get(c.id)!.computed && c.value === varied(c.id))).toBe(true);
    expect(plan.checked).toBe(31);
    expect(plan.mismatches).toEqual([]);
  });

  test('a block of exactly the entered cells (24 rows of 6, without （七）总计 and 总计) goes onto the entered cells', () => {
    const rows = APPLICATIONS_ROWS.filter((r) => !r.computed).map((row) => APPLICATIONS_COLUMN_IDS.filter((c) => c !== 'total').map((c) => varied(`applications.${row.id}.${c}`)));
    const plan = planPaste('applications.newReceived.naturalPerson', block(tsv(rows)), values());
    expect(plan).toMatchObject({ ok: true, checked: 0, mismatches: [] });
    expect(plan.ok && plan.changes).toHaveLength(144);
    expect(plan.ok && plan.changes.every((c) => c.value === varied(c.id))).toBe(true);
  });

  test('two rows from the last result row land on 四、结转下年度 (the entered rows); three on the rows as shown', () => {
    const two = planPaste('applications.otherHandling.other.naturalPerson', block('5\n6\n'), values());
    expect(two.ok && two.changes.map((c) => c.id)).toEqual(['applications.otherHandling.other.naturalPerson', 'applications.carriedForward.naturalPerson']);
    const three = planPaste('applications.otherHandling.other.naturalPerson', block('5\n5\n6\n'), values());
    expect(three.ok && three.changes.map((c) => c.id)).toEqual(['applications.otherHandling.other.naturalPerson', 'applications.carriedForward.naturalPerson']);
    expect(three).toMatchObject({ checked: 1, mismatches: [] });
  });

  test("四's 12 entered figures in one row go onto the 12 entered cells", () => {
    const plan = planPaste('appeals.review.upheld', block(tsv([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]])), values());
    expect(plan.ok && plan.changes.map((c) => `${c.id}=${c.value}`)).toEqual(
      APPEAL_KINDS.flatMap((k) => APPEALS_COLUMN_IDS.filter((c) => c !== 'total').map((c) => `appeals.${k.id}.${c}`)).map((id, i) => `${id}=${i + 1}`),
    );
  });

  test('a computed cell that differs from the sum is reported; the entered cells still go in', () => {
    const value = sheet(varied);
    const rows = applicationsSheet(value);
    const resultsTotal = APPLICATIONS_ROWS.findIndex((r) => r.id === 'resultsTotal');
    rows[resultsTotal]![0] = rows[resultsTotal]![0]! + 1; // （七）总计 自然人 typed by hand in the sheet, one too many
    const plan = planPaste('applications.newReceived.naturalPerson', block(tsv(rows)), values());
    expect(plan.ok && plan.changes).toHaveLength(144);
    expect(plan.ok && plan.mismatches).toEqual([
      { id: 'applications.resultsTotal.naturalPerson', pasted: value('applications.resultsTotal.naturalPerson') + 1, sum: value('applications.resultsTotal.naturalPerson') },
    ]);
  });

  test('a row with its 总计 column: the six go in, the 总计 is compared with their sum', () => {
    expect(planPaste('applications.granted.naturalPerson', block('3\t0\t1\t0\t0\t0\t4\n'), values())).toMatchObject({ ok: true, checked: 1, mismatches: [] });
    const plan = planPaste('applications.granted.naturalPerson', block('3\t0\t1\t0\t0\t0\t5\n'), values());
    expect(plan.ok && plan.changes.map((c) => c.value)).toEqual([3, 0, 1, 0, 0, 0]);
    expect(plan.ok && plan.mismatches).toEqual([{ id: 'applications.granted.total', pasted: 5, sum: 4 }]);
  });

  test('a total is compared with the sum of the pasted cells and the cells the block leaves as they are', () => {
    const held = values({ 'applications.granted.naturalPerson': 2 });
    expect(planPaste('applications.granted.legalService', block('1\t0\t3\n'), held)).toMatchObject({ ok: true, checked: 1, mismatches: [] });
  });

  test("四's 15 figures in one row, as published (three 总计 columns among them)", () => {
    const value = sheet(varied);
    const figures = APPEAL_KINDS.flatMap((k) => APPEALS_COLUMN_IDS.map((c) => value(`appeals.${k.id}.${c}`)));
    expect(figures).toHaveLength(15);
    const plan = planPaste('appeals.review.upheld', block(tsv([figures])), values());
    expect(plan).toMatchObject({ ok: true, checked: 3, mismatches: [] });
    expect(plan.ok && plan.changes).toHaveLength(12);
  });

  test('an empty computed cell in a block is neither written nor compared', () => {
    expect(planPaste('applications.granted.naturalPerson', block('3\t0\t1\t0\t0\t0\t\n'), values())).toMatchObject({ ok: true, checked: 0, mismatches: [] });
  });

  test('a block that does not fit names the first cell outside and what fits, as the clerk sees the table', () => {
    expect(planPaste('applications.newReceived.legalService', block('1\t2\t3\t4\n'), values())).toEqual({
      ok: false,
      problem: 'outside',
      blockRow: 1,
      blockCol: 4,
      height: 1,
      width: 4,
      fitRows: 25,
      fitCols: 3,
    });
    expect(planPaste('applications.carriedForward.naturalPerson', block('1\n2\n'), values())).toMatchObject({
      ok: false,
      problem: 'outside',
      blockRow: 2,
      blockCol: 1,
      fitRows: 1,
      fitCols: 7,
    });
    expect(planPaste('appeals.review.upheld', block(tsv([Array.from({ length: 16 }, () => 0)])), values())).toMatchObject({
      ok: false,
      blockCol: 16,
      fitCols: 15,
    });
  });

  test('a block holding something that is not a count names the first bad cell', () => {
    expect(planPaste('applications.granted.naturalPerson', block('1\t2\n3\t-1\n4\tx\n'), values())).toEqual({
      ok: false,
      problem: 'value',
      blockRow: 2,
      blockCol: 2,
      cellId: 'applications.partiallyGranted.commercial',
      text: '-1',
      reason: 'negative',
    });
  });

  test('fees take decimals, counts do not', () => {
    expect(planPaste('proactive.fees', block('0.25'), values())).toEqual({
      ok: true,
      changes: [{ id: 'proactive.fees', value: 0.25, text: '0.25' }],
      checked: 0,
      mismatches: [],
    });
    expect(planPaste('proactive.enforcement', block('0.25\n'), values())).toMatchObject({ ok: false, reason: 'fraction' });
  });

  test('empty cells of a block clear (not filled, not 0)', () => {
    const plan = planPaste('appeals.review.upheld', block('\t1\n'), values());
    expect(plan).toMatchObject({
      ok: true,
      changes: [
        { id: 'appeals.review.upheld', value: null, text: '' },
        { id: 'appeals.review.corrected', value: 1, text: '1' },
      ],
    });
  });

  test('a block may start at a computed cell: it is compared, the cells after it go in', () => {
    const plan = planPaste('applications.granted.total', block('4\n2\n'), values());
    expect(plan).toMatchObject({ ok: true, changes: [], checked: 2 });
    expect(plan.ok && plan.mismatches).toHaveLength(2);
  });
});

describe('parsePasteBlock', () => {
  test.each<[string, string, string[][]]>([
    ['one value', '5', [['5']]],
    ['LF rows', '1\t2\n3\t4', [['1', '2'], ['3', '4']]],
    ['CRLF with the trailing newline Excel adds', '1\t2\r\n3\t4\r\n', [['1', '2'], ['3', '4']]],
    ['CR (old Mac)', '1\t2\r3\t4\r', [['1', '2'], ['3', '4']]],
    ['empty cells kept', '1\t\t3\n\t\t\n', [['1', '', '3'], ['', '', '']]],
    ['ragged rows keep their own length', '1\t2\t3\n4\n', [['1', '2', '3'], ['4']]],
    ['quoted cells', '"1,234"\t"a""b"', [['1,234', 'a"b']]],
    ['a quoted cell holding a newline (a wrapped label) stays one cell', '"（二）部分公开\n（区分处理的）"\t2\r\n3\t4\r\n', [['（二）部分公开\n（区分处理的）', '2'], ['3', '4']]],
    ['a quoted cell holding a tab and CRLF', '"a\tb\r\nc"\t1\n', [['a\tb\r\nc', '1']]],
    ['a quote inside an unquoted cell is kept', '5"\t6\n', [['5"', '6']]],
    ['several trailing newlines', '7\n\n\n', [['7']]],
  ])('%s', (_, text, rows) => {
    const result = parsePasteBlock(text);
    expect(result).toEqual({ ok: true, rows, height: rows.length, width: Math.max(...rows.map((r) => r.length)) });
  });

  test.each(['', '\n', '\r\n\r\n', '  \n '])('empty %j', (text) => {
    expect(parsePasteBlock(text)).toEqual({ ok: false, reason: 'empty' });
  });

  test.each<[string, boolean]>([
    ['12', false],
    ['12\n', false],
    ['12\r\n', false],
    ['1\t2', true],
    ['1\n2', true],
  ])('isBlock(%j) = %s', (text, expected) => {
    expect(isBlock(text)).toBe(expected);
  });
});
