/** Shared by the core's tests and the CLI's: the seed report and small ways to edit documents. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decode, type Report } from '../../src/report/index.ts';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const SEED_FILE = `${FIXTURES_DIR}pingluo-2022.json`;

const seedText = readFileSync(SEED_FILE, 'utf8');

/** The seed as parsed JSON, a fresh copy each time (for documents that must not decode). */
export function seedJson(): Record<string, unknown> {
  return JSON.parse(seedText) as Record<string, unknown>;
}

/** The seed decoded: the Pingluo 2022 report. */
export function seed(): Report {
  const result = decode(seedJson());
  if (!result.ok) throw new Error(`the seed fixture does not decode: ${JSON.stringify(result.problems)}`);
  return result.report;
}

/** A copy of a report changed by `change` (the original stays as it was). */
export function edited(report: Report, change: (draft: Report) => void): Report {
  const copy = structuredClone(report);
  change(copy);
  return copy;
}

/** Sets a value at a dotted path, creating nothing: the parent must exist. */
export function setPath(doc: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = doc as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

export function deletePath(doc: unknown, path: string): void {
  const keys = path.split('.');
  let node = doc as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  delete node[keys[keys.length - 1]!];
}
