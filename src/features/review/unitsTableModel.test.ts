import { describe, expect, test } from 'vitest';
import type { UnitRow } from './model.ts';
import { NO_FILTER, filterRows, nextSort, rowWindow, sortRows, type RowFilter, type RowSort, type WindowSlot } from './unitsTableModel.ts';

const row = (agency: string, patch: Partial<UnitRow> = {}): UnitRow => ({
  key: `${patch.year ?? 2022}|${agency}`,
  agency,
  kind: 'department',
  year: 2022,
  status: 'submitted',
  errors: 0,
  unexplainedWarnings: 0,
  explainedWarnings: 0,
  openComments: 0,
  versions: 1,
  lastChange: 1_000,
  progress: patch.status === 'notReady' ? 'filling' : ((patch.status ?? 'submitted') as UnitRow['progress']),
  conflict: false,
  received: true,
  ...patch,
});

// 北 (bei) < 城 (cheng) < 东 (dong) < 南 (nan) < 西 (xi) in pinyin order.
const rows: UnitRow[] = [
  row('西区民政局', { status: 'approved', lastChange: 5_000 }),
  row('北区教育局', { errors: 2, lastChange: 3_000 }),
  row('南区财政局', { status: 'returned', unexplainedWarnings: 1, openComments: 2, lastChange: 4_000 }),
  row('东区Traffic局', { year: 2021, status: 'notReady', explainedWarnings: 3, lastChange: 1_000 }),
  row('城区教育局', { errors: 1, unexplainedWarnings: 2, lastChange: 2_000 }),
];
const names = (list: readonly UnitRow[]) => list.map((r) => r.agency);

describe('filterRows', () => {
  test.each<[string, Partial<RowFilter>, string[]]>([
    ['no filter: the same array', {}, names(rows)],
    ['text, part of the name', { text: '教育' }, ['北区教育局', '城区教育局']],
    ['text, case and spaces do not matter', { text: '  traffic ' }, ['东区Traffic局']],
    ['status', { status: 'returned' }, ['南区财政局']],
    ['progress', { progress: 'filling' }, ['东区Traffic局']],
    ['year', { year: 2021 }, ['东区Traffic局']],
    ['findings: errors', { findings: 'errors' }, ['北区教育局', '城区教育局']],
    ['findings: unexplained warnings', { findings: 'unexplained' }, ['南区财政局', '城区教育局']],
    ['findings: clean', { findings: 'clean' }, ['西区民政局', '东区Traffic局']],
    ['all at once', { text: '区', status: 'submitted', findings: 'errors', year: 2022 }, ['北区教育局', '城区教育局']],
    ['nothing matches', { text: '没有这个' }, []],
  ])('%s', (_, patch, expected) => {
    expect(names(filterRows(rows, { ...NO_FILTER, ...patch }))).toEqual(expected);
  });

  test('without a filter the rows are returned as they are (no copy of 5,000)', () => {
    expect(filterRows(rows, NO_FILTER)).toBe(rows);
  });
});

describe('sortRows', () => {
  test.each<[string, RowSort | null, string[]]>([
    ['none: the rows’ own order', null, names(rows)],
    ['name, pinyin order', { by: 'agency', desc: false }, ['北区教育局', '城区教育局', '东区Traffic局', '南区财政局', '西区民政局']],
    ['name, reversed', { by: 'agency', desc: true }, ['西区民政局', '南区财政局', '东区Traffic局', '城区教育局', '北区教育局']],
    // The workflow's order: 未定稿, 未报送, 已报送, 已退回, 已通过; ties by name.
    ['status', { by: 'status', desc: false }, ['东区Traffic局', '北区教育局', '城区教育局', '南区财政局', '西区民政局']],
    ['status, reversed; ties still by name', { by: 'status', desc: true }, ['西区民政局', '南区财政局', '北区教育局', '城区教育局', '东区Traffic局']],
    ['last change, latest first', { by: 'lastChange', desc: true }, ['西区民政局', '南区财政局', '北区教育局', '城区教育局', '东区Traffic局']],
    ['errors, most first; ties by name', { by: 'errors', desc: true }, ['北区教育局', '城区教育局', '东区Traffic局', '南区财政局', '西区民政局']],
    ['progress: 填报中, 已报送, 已退回, 已通过', { by: 'progress', desc: false }, ['东区Traffic局', '北区教育局', '城区教育局', '南区财政局', '西区民政局']],
    ['year', { by: 'year', desc: false }, ['东区Traffic局', '北区教育局', '城区教育局', '南区财政局', '西区民政局']],
  ])('%s', (_, sort, expected) => {
    const before = [...rows];
    expect(names(sortRows(rows, sort))).toEqual(expected);
    expect(rows).toEqual(before);
  });

  test('a filtered part sorts by the whole table’s name order', () => {
    const part = filterRows(rows, { ...NO_FILTER, text: '教育' });
    expect(names(sortRows(part, { by: 'agency', desc: true }, rows))).toEqual(['城区教育局', '北区教育局']);
  });
});

test('nextSort: first press per the column’s habit, then the other way, then off', () => {
  expect(nextSort(null, 'agency')).toEqual({ by: 'agency', desc: false });
  expect(nextSort({ by: 'agency', desc: false }, 'agency')).toEqual({ by: 'agency', desc: true });
  expect(nextSort({ by: 'agency', desc: true }, 'agency')).toBeNull();
  expect(nextSort(null, 'errors')).toEqual({ by: 'errors', desc: true });
  expect(nextSort({ by: 'errors', desc: true }, 'errors')).toEqual({ by: 'errors', desc: false });
  expect(nextSort({ by: 'errors', desc: false }, 'errors')).toBeNull();
  expect(nextSort({ by: 'agency', desc: true }, 'lastChange')).toEqual({ by: 'lastChange', desc: true });
});

describe('rowWindow', () => {
  const shape = (slots: WindowSlot[]) => slots.map((s) => (s.kind === 'gap' ? `gap ${s.from}+${s.rows}` : s.index)).join(',');
  test.each<[string, Parameters<typeof rowWindow>, string]>([
    ['empty', [0, 0, 100, 10, 2], ''],
    ['fewer rows than the view: all', [3, 0, 100, 10, 2], '0,1,2'],
    ['top of 1,000: view and overscan, one gap below', [1000, 0, 50, 10, 2], '0,1,2,3,4,5,6,7,gap 8+992'],
    ['scrolled to the middle', [1000, 5000, 30, 10, 2], 'gap 0+498,498,499,500,501,502,503,504,505,gap 506+494'],
    ['bottom', [1000, 9950, 50, 10, 2], 'gap 0+993,993,994,995,996,997,998,999'],
    ['the focused row above the window stays', [1000, 5000, 30, 10, 2, 3], 'gap 0+3,3,gap 4+494,498,499,500,501,502,503,504,505,gap 506+494'],
    ['the focused row below the window stays', [1000, 0, 30, 10, 1, 999], '0,1,2,3,4,gap 5+994,999'],
    ['the focused row inside the window is not doubled', [1000, 0, 30, 10, 1, 2], '0,1,2,3,4,gap 5+995'],
    ['a focus index out of range is ignored', [10, 0, 30, 10, 1, 50], '0,1,2,3,4,gap 5+5'],
  ])('%s', (_, args, expected) => {
    const slots = rowWindow(...args);
    expect(shape(slots)).toBe(expected);
    // Rows and gaps together are the whole table, in order.
    const covered = slots.reduce((n, s) => n + (s.kind === 'gap' ? s.rows : 1), 0);
    expect(covered).toBe(args[0]);
  });
});
