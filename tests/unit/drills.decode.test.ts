// @vitest-environment node
// Issue 20 point 11, the decode drill: every bad file of every kind through decode (the door of
// both imports and the CLI): 0 exceptions, 0 accepted, every refusal pointing at the field, every
// message whole in both languages. The figures go to test-results/drills-decode.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { decodeBytes, type DecodeResult } from '../../src/report/index.ts';
import { BAD_KINDS, KIND_CODES, badFiles, namesTheField } from '../drills/badFiles.ts';

const SEED = 20_261_205;
const PER_KIND = 8;

test(`decode refuses every bad file of every kind (seed ${SEED}, ${PER_KIND} a kind), naming the field`, () => {
  const files = badFiles(SEED, PER_KIND);
  const kinds = Object.keys(BAD_KINDS);
  expect(kinds.length).toBeGreaterThanOrEqual(20);
  const crashes: string[] = [];
  const accepted: string[] = [];
  const unnamed: string[] = [];
  const badMessages: string[] = [];
  let refusals = 0;
  for (const file of files) {
    let result: DecodeResult;
    try {
      result = decodeBytes(file.bytes);
    } catch (e) {
      crashes.push(`${file.kind} ${file.name}: ${String(e)}`);
      continue;
    }
    if (result.ok) {
      accepted.push(`${file.kind} ${file.name}`);
      continue;
    }
    refusals++;
    const codes = KIND_CODES[file.kind];
    if (codes && !result.problems.some((p) => codes.includes(p.code))) unnamed.push(`${file.kind} ${file.name}: not for its reason → ${result.problems.map((p) => p.code).join('; ')}`);
    if (!namesTheField(file, result.problems)) unnamed.push(`${file.kind} ${file.name} → ${result.problems.map((p) => `${p.path} ${p.code}`).join('; ')}`);
    for (const p of result.problems) {
      for (const text of [p.message.zh, p.message.en]) {
        // (A syntax error quotes the file's text, which may say undefined or NaN itself.)
        const broken = p.code === 'decode.notJson' ? /\{\{|\[object|stack size|structuredClone/ : /\{\{|undefined|NaN|\[object|stack size|structuredClone/;
        if (!text || broken.test(text)) badMessages.push(`${file.kind} ${file.name}: ${text}`);
      }
    }
  }
  mkdirSync('test-results', { recursive: true });
  writeFileSync(
    'test-results/drills-decode.json',
    `${JSON.stringify({ seed: SEED, kinds: kinds.length, files: files.length, refusals, crashes: crashes.length, accepted: accepted.length, unnamed: unnamed.length }, null, 2)}\n`,
  );
  expect(crashes).toEqual([]);
  expect(accepted).toEqual([]);
  expect(unnamed).toEqual([]);
  expect(badMessages).toEqual([]);
  expect(refusals).toBe(files.length);
});

test('the generator is seeded: the same seed gives the same files', () => {
  const a = badFiles(7, 2).map((f) => `${f.kind}:${f.name}:${f.bytes.length}`);
  const b = badFiles(7, 2).map((f) => `${f.kind}:${f.name}:${f.bytes.length}`);
  expect(a).toEqual(b);
  expect(badFiles(8, 2).map((f) => f.name)).not.toEqual(badFiles(7, 2).map((f) => f.name));
});
