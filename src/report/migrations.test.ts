import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { decode } from './decode.ts';

const v1 = JSON.parse(readFileSync('tests/fixtures/pingluo-2022-v1.json', 'utf8'));
const v2 = JSON.parse(readFileSync('tests/fixtures/pingluo-2022.json', 'utf8'));

test('a schemaVersion 1 file is migrated to the current version: no review yet, no aggregate', () => {
  const result = decode(v1);
  expect(result).toMatchObject({ ok: true, migratedFrom: 1 });
  if (!result.ok) return;
  expect(result.report).toEqual(v2);
});

test('a version 1 file with a fault is still named by path after migration', () => {
  const bad = structuredClone(v1);
  bad.applications.granted.commercial = -1;
  expect(decode(bad)).toMatchObject({ ok: false, problems: [{ path: 'applications.granted.commercial', code: 'decode.negative' }] });
});
