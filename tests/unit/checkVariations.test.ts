// @vitest-environment node
/**
 * evaluate() over the bench's generated documents finds exactly what it found before the rules
 * were made faster (the snapshot in tests/fixtures/check-variations-findings.json).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SNAPSHOT_FILE, VARIATION_COUNT, variationFindings } from './checkVariations.ts';

test(`the findings of ${VARIATION_COUNT} generated documents in several contexts match the snapshot`, () => {
  const expected = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Record<string, string[]>;
  const actual = variationFindings();
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const name of Object.keys(expected)) expect(actual[name], `findings of ${name}`).toEqual(expected[name]);
  // The snapshot must say something: every rule fires somewhere among the cases.
  const rules = new Set(Object.values(expected).flatMap((lines) => lines.map((l) => l.split(':')[0])));
  expect(rules.size).toBeGreaterThanOrEqual(16);
});
