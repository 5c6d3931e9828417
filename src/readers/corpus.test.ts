/**
 * The import corpus, cell by cell, in every input form: the text as copied from the site, and
 * the HTML, DOCX and PDF made from the same figures (tests/fixtures/import/). Each printed figure
 * must come back at its cell (printed totals as stated totals), each printed blank stays empty,
 * no cell is filled that the copy does not show, and agency and year are right where printed.
 * The accuracy per form is written to test-results/import-accuracy.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { CELLS, cellValue, type PublishedImport } from '../report/index.ts';
import { CORPUS, printedFigures, type CorpusCase } from '../../tests/fixtures/import/corpus.ts';
import { NODE_READ_OPTIONS } from './node.ts';
import { readPublished } from './read.ts';

const dir = 'tests/fixtures/import/';
type Form = 'text' | 'html' | 'docx' | 'pdf';
const FORMS: readonly Form[] = ['text', 'html', 'docx', 'pdf'];

function fileOf(c: CorpusCase, form: Form): string | undefined {
  const path = form === 'text' ? dir + c.text : `${dir}${c.id}.${form}`;
  return existsSync(path) ? path : undefined;
}

function readAt(result: PublishedImport, id: string): number | null {
  const cell = CELLS.find((c) => c.id === id)!;
  return cell.computed ? (result.stated.totals?.[id] ?? null) : cellValue(result.report, id);
}

const tally: Record<Form, { figures: number; right: number; blanks: number; blanksKept: number; extra: number; misses: string[] }> = Object.fromEntries(
  FORMS.map((f) => [f, { figures: 0, right: 0, blanks: 0, blanksKept: 0, extra: 0, misses: [] as string[] }]),
) as never;

describe.each(FORMS)('the import corpus as %s', (form) => {
  const cases = CORPUS.filter((c) => fileOf(c, form));
  test.each(cases.map((c) => [c.id, c] as const))('%s: every printed figure at its cell', async (_id, c) => {
    const result = await readPublished(new Uint8Array(readFileSync(fileOf(c, form)!)), NODE_READ_OPTIONS);
    const printed = printedFigures(c);
    const t = tally[form];
    const wrong: string[] = [];
    for (const [id, expected] of printed) {
      const got = readAt(result, id);
      t.figures++;
      if (expected === null) t.blanks++;
      if (got === expected) {
        t.right++;
        if (expected === null) t.blanksKept++;
      } else wrong.push(`${id}: ${got} ≠ ${expected}`);
    }
    // No entered cell filled that the copy does not print.
    const extra = CELLS.filter((cell) => !cell.computed && !printed.has(cell.id) && cellValue(result.report, cell.id) !== null).map((cell) => cell.id);
    t.extra += extra.length;
    t.misses.push(...wrong.map((w) => `${c.id}: ${w}`));
    expect(wrong).toEqual([]);
    expect(extra).toEqual([]);
    expect(result.template).toBe(c.template);
    if (c.year !== null) expect(result.report.meta.year).toBe(c.year);
    if (c.agency) expect(result.report.meta.agency).toBe(c.agency);
  });
});

afterAll(() => {
  const summary = Object.fromEntries(
    FORMS.map((f) => {
      const t = tally[f];
      return [f, { ...t, accuracy: t.figures ? Math.round((t.right / t.figures) * 10000) / 100 : null }];
    }),
  );
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/import-accuracy.json', `${JSON.stringify(summary, null, 2)}\n`);
});
