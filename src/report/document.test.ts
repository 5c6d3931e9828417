// @vitest-environment node
/** Reading cells by id: getPath, getCell and the many-cells reader the rules use agree everywhere. */
import { describe, expect, test } from 'vitest';
import { CELLS, ENTERED_CELLS } from './format.ts';
import { cellsReader, emptyReport, getCell, getPath, pathKeys, setCell, type Report } from './document.ts';
import { seed } from '../../tests/unit/helpers.ts';

describe('getPath and getCell', () => {
  test('read a stored value by its dotted path; a path that is not there is undefined', () => {
    const report = seed();
    expect(getPath(report, 'applications.withheld.stateSecret.naturalPerson')).toBe(report.applications.withheld.stateSecret.naturalPerson);
    expect(getPath(report, 'meta.agency')).toBe('平罗县人民政府办公室');
    expect(getPath(report, 'narrative.overview.1.title')).toBe(report.narrative.overview[1]!.title);
    expect(getPath(report, 'applications.nothing.naturalPerson')).toBeUndefined();
    expect(getPath(report, 'meta.agency.length.x')).toBeUndefined();
    expect(getPath({ a: null }, 'a.b')).toBeUndefined();
    expect(getPath(null, 'a')).toBeUndefined();
    expect(getPath({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(2);
  });

  test('a path read again, after thousands of others, reads the same (the split cache is bounded)', () => {
    const doc = { a: { b: { c: 7 } } };
    expect(getPath(doc, 'a.b.c')).toBe(7);
    for (let i = 0; i < 5000; i++) expect(getPath(doc, `x${i}.y`)).toBeUndefined();
    expect(getPath(doc, 'a.b.c')).toBe(7);
    expect(pathKeys('x4999.y')).toEqual(['x4999', 'y']);
  });

  test('getCell is a number or null', () => {
    const report = setCell(emptyReport(), 'applications.granted.naturalPerson', 3);
    expect(getCell(report, 'applications.granted.naturalPerson')).toBe(3);
    expect(getCell(report, 'applications.granted.commercial')).toBeNull();
    expect(getCell(report, 'applications.granted.total')).toBeNull();
    expect(getCell(report, 'meta.agency')).toBeNull();
  });
});

describe('cellsReader', () => {
  const everyCell = CELLS.map((c) => c.id);
  const readAll = cellsReader(everyCell);
  const readEntered = cellsReader(ENTERED_CELLS.map((c) => c.id));

  const broken: [string, (r: Report) => void][] = [
    ['the seed', () => {}],
    ['a row that is missing', (r) => delete (r.applications.withheld as Partial<typeof r.applications.withheld>).stateSecret],
    ['a row that is null', (r) => ((r.applications as unknown as Record<string, unknown>).granted = null)],
    ['a row that is a number', (r) => ((r.applications.withheld as unknown as Record<string, unknown>).lawProhibited = 5)],
    ['a row that is an array', (r) => ((r.appeals as unknown as Record<string, unknown>).review = [1, 2, 3])],
    ['a section that is a string', (r) => ((r as unknown as Record<string, unknown>).proactive = 'x')],
    ['values that are not numbers', (r) => ((r.applications.carriedOver as unknown as Record<string, unknown>).commercial = '4')],
    ['NaN, Infinity and a fraction (an editor may hold them)', (r) => ((r.applications.granted.naturalPerson = NaN), (r.applications.granted.commercial = Infinity), (r.proactive.fees = 0.25))],
  ];

  test.each(broken)('reads what getCell reads, cell by cell: %s', (_, change) => {
    const report = structuredClone(seed());
    change(report);
    expect(readAll(report)).toEqual(everyCell.map((id) => getCell(report, id)));
    expect(readEntered(report)).toEqual(ENTERED_CELLS.map((c) => getCell(report, c.id)));
  });

  test('cells in any order, siblings apart or repeated', () => {
    const report = seed();
    const ids = ['appeals.review.upheld', 'applications.granted.naturalPerson', 'appeals.review.corrected', 'appeals.review.corrected', 'meta.year', 'nothing'];
    expect(cellsReader(ids)(report)).toEqual(ids.map((id) => getCell(report, id)));
  });
});
