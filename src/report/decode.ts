/**
 * The one door for anything read from outside (files, storage, the CLI): unknown in, either a
 * whole valid report or a list of problems out. It never throws and never returns half a report.
 */
import type { z } from 'zod';
import { DOCUMENT_KIND, FORMAT_VERSION } from './format.ts';
import { SCHEMA_VERSION, getPath, reportSchema, type Report } from './document.ts';
import { message, type LocalizedText, type MessageKey, type MessageParams } from './messages.ts';

export interface Problem {
  /** Dotted path of the field ('' for the whole document), e.g. `applications.newReceived.naturalPerson`. */
  readonly path: string;
  readonly code: MessageKey;
  readonly message: LocalizedText;
}

export type DecodeResult =
  | { readonly ok: true; readonly report: Report; readonly migratedFrom?: number }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** A step that turns a document of schemaVersion n into one of n + 1. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the version they start from. Version 1 is the first published one, so there is
 * none yet; the next schemaVersion adds `1: (doc) => …` here.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export interface DecodeOptions {
  /** For tests of the migration path: a fake table and target version. */
  readonly migrations?: Readonly<Record<number, Migration>>;
  readonly targetVersion?: number;
}

/** Largest file we read; real reports are 10–60 kB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const problem = (path: string, code: MessageKey, params: MessageParams = {}): Problem => ({
  path,
  code,
  message: message(code, params),
});

function describe(value: unknown): string {
  if (value === undefined) return '（空）';
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object') return '{…}';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** Upgrades an older document step by step; a failing step is a problem, not an exception. */
export function migrate(
  doc: Record<string, unknown>,
  from: number,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): { ok: true; doc: Record<string, unknown> } | { ok: false; problem: Problem } {
  let current = doc;
  for (let v = from; v < target; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, problem: problem('schemaVersion', 'decode.migrationFailed', { from: v, reason: 'no migration' }) };
    try {
      current = { ...step(structuredClone(current)), schemaVersion: v + 1 };
    } catch (e) {
      return {
        ok: false,
        problem: problem('schemaVersion', 'decode.migrationFailed', { from: v, reason: e instanceof Error ? e.message : String(e) }),
      };
    }
  }
  return { ok: true, doc: current };
}

function issueToProblem(issue: z.core.$ZodIssue, input: unknown): Problem {
  const path = issue.path.map(String).join('.');
  const value = getPath(input, path);
  const found = describe(value);
  switch (issue.code) {
    case 'unrecognized_keys':
      return problem(path ? `${path}.${issue.keys[0]}` : String(issue.keys[0]), 'decode.unknownKey', { key: issue.keys.join(', ') });
    case 'invalid_type': {
      if (value === undefined) return problem(path, 'decode.missing');
      if (issue.expected === 'int') return problem(path, typeof value === 'number' ? 'decode.notWhole' : 'decode.expectedNumber', { found });
      if (issue.expected === 'number') return problem(path, 'decode.expectedNumber', { found });
      if (issue.expected === 'string') return problem(path, 'decode.expectedString', { found });
      if (issue.expected === 'object') return problem(path, 'decode.expectedObject', { found });
      if (issue.expected === 'array') return problem(path, 'decode.expectedArray', { found });
      return problem(path, 'decode.expectedType', { expected: issue.expected, found });
    }
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int') return problem(path, 'decode.negative', { found });
      return problem(path, 'decode.invalid', { found });
    case 'too_big':
      return problem(path, 'decode.tooLarge');
    case 'invalid_value':
      return problem(path, 'decode.badValue', { found, options: issue.values.map((v) => JSON.stringify(v)).join(' / ') });
    case 'invalid_format':
      return problem(path, issue.format === 'date' ? 'decode.badDate' : 'decode.invalid', { found });
    case 'custom':
      return problem(path, (issue.params as { reason?: string } | undefined)?.reason === 'decimals' ? 'decode.feeDecimals' : 'decode.invalid', { found });
    default:
      return problem(path, 'decode.invalid', { found });
  }
}

/** Decodes any value as a report document: the report, or every problem found, by field path. */
export function decode(input: unknown, options: DecodeOptions = {}): DecodeResult {
  try {
    return decodeUnsafe(input, options);
  } catch (e) {
    // A decoder must never throw (a hostile file could trigger an engine limit, e.g. deep nesting).
    return { ok: false, problems: [problem('', 'decode.invalid', { found: e instanceof Error ? e.message : String(e) })] };
  }
}

function decodeUnsafe(input: unknown, options: DecodeOptions): DecodeResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problems: [problem('', 'decode.notObject')] };
  }
  const doc = input as Record<string, unknown>;
  if (doc.kind !== DOCUMENT_KIND) {
    return { ok: false, problems: [problem('kind', 'decode.wrongKind', { found: describe(doc.kind), expected: JSON.stringify(DOCUMENT_KIND) })] };
  }
  if (doc.formatVersion !== FORMAT_VERSION) {
    const found = describe(doc.formatVersion);
    const is2019 = doc.formatVersion === '2019' || doc.formatVersion === 2019;
    return { ok: false, problems: [problem('formatVersion', is2019 ? 'decode.format2019' : 'decode.unknownFormatVersion', { found })] };
  }
  const target = options.targetVersion ?? SCHEMA_VERSION;
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [problem('schemaVersion', 'decode.badSchemaVersion', { found: describe(version) })] };
  }
  if (version > target) {
    return { ok: false, problems: [problem('schemaVersion', 'decode.newerSchema', { found: version, supported: target })] };
  }
  let current = doc;
  if (version < target) {
    const migrated = migrate(doc, version, options.migrations ?? MIGRATIONS, target);
    if (!migrated.ok) return { ok: false, problems: [migrated.problem] };
    current = migrated.doc;
  }
  const parsed = reportSchema.safeParse(current);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issueToProblem(issue, current));
    return { ok: false, problems };
  }
  return version < target ? { ok: true, report: parsed.data, migratedFrom: version } : { ok: true, report: parsed.data };
}

/** Decodes the text of a file: size, JSON syntax and then the document. */
export function decodeText(text: string): DecodeResult {
  const bytes = text.length * 3 > MAX_FILE_BYTES ? new TextEncoder().encode(text).length : text.length;
  if (bytes > MAX_FILE_BYTES) {
    return { ok: false, problems: [problem('', 'decode.fileTooLarge', { size: formatBytes(bytes) })] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, problems: [problem('', 'decode.notJson', { reason: e instanceof Error ? e.message : String(e) })] };
  }
  return decode(value);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} B`;
}
