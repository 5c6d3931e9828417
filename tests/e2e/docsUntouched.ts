/**
 * Set up for every browser test file: no test writes into docs/. Pictures go to test-results/;
 * `npm run screenshots` refreshes docs/ from there. A file under docs/ added, changed or removed
 * while a test file runs fails that file.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';

/** Every file under docs/ with its size and time of change. */
function docsState(dir = 'docs', into = new Map<string, string>()): Map<string, string> {
  if (!existsSync(dir)) return into;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) docsState(path, into);
    else {
      const { size, mtimeMs } = statSync(path);
      into.set(path, `${size}:${mtimeMs}`);
    }
  }
  return into;
}

let before = new Map<string, string>();
beforeAll(() => {
  before = docsState();
});
afterAll(() => {
  const after = docsState();
  const touched = [...new Set([...before.keys(), ...after.keys()])].filter((path) => before.get(path) !== after.get(path)).sort();
  expect(touched, 'files under docs/ written by this test file (tests write into test-results/)').toEqual([]);
});
