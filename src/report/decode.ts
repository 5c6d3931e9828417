/**
 * The one door for anything read from outside (files, storage, the CLI): unknown in, either a
 * whole valid report or a list of problems out. It never throws and never returns half a report.
 */
import type * as z from 'zod/mini';
import { DOCUMENT_KIND, FORMAT_VERSION } from './format.ts';
import { SCHEMA_VERSION, type Report } from './document.ts';
import { reportSchema } from './schema.ts';
import { decodeMessage, type DecodeMessageKey } from './decodeMessages.ts';
import type { LocalizedText, MessageParams } from './messages.ts';
import { scanJsonText } from './jsonText.ts';

export interface Problem {
  /** Dotted path of the field ('' for the whole document), e.g. `applications.newReceived.naturalPerson`. */
  readonly path: string;
  readonly code: DecodeMessageKey;
  readonly message: LocalizedText;
}

export type DecodeResult =
  | { readonly ok: true; readonly report: Report; readonly migratedFrom?: number }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** A step that turns a document of schemaVersion n into one of n + 1. */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** Migrations by the version they start from: `n: doc of version n → doc of version n + 1`. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // 1 → 2: the review block and the aggregate's list of units arrive; a clerk's file from
  // version 1 has not been reviewed and is no aggregate.
  1: (doc) => ({ ...doc, review: { status: 'notSubmitted', comments: [], history: [] }, aggregate: null }),
};

/**
 * The keys each migration makes, by the version it starts from: a file of that version that
 * already has one was not written by that version (edited by hand, or a newer file relabelled),
 * and taking it would silently replace what it says.
 */
export const MIGRATION_MAKES: Readonly<Record<number, readonly string[]>> = {
  1: ['review', 'aggregate'],
};

export interface DecodeOptions {
  /** For tests of the migration path: a fake table and target version. */
  readonly migrations?: Readonly<Record<number, Migration>>;
  readonly targetVersion?: number;
}

/** Largest file we read; real reports are 10–60 kB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Deepest nesting of objects and arrays read (a report is 5 deep); deeper is refused by path. */
export const MAX_DEPTH = 32;

/** The problem of a file over MAX_FILE_BYTES (its size and the limit), for every reader of files. */
export function fileTooLargeProblem(size: number): Problem {
  return problem('', 'decode.fileTooLarge', { size: formatBytes(size), limit: formatBytes(MAX_FILE_BYTES) });
}

const problem = (path: string, code: DecodeMessageKey, params: MessageParams = {}): Problem => ({
  path,
  code,
  message: decodeMessage(code, params),
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
    const makes = migrations === MIGRATIONS ? MIGRATION_MAKES[v] : undefined;
    const taken = makes?.find((key) => Object.hasOwn(current, key));
    if (taken !== undefined) return { ok: false, problem: problem(taken, 'decode.replacedByMigration', { key: taken, from: v }) };
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

/** The value at a zod issue's path (walked key by key: record keys may contain dots). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join('.');

function issueToProblems(issue: z.core.$ZodIssue, input: unknown): Problem[] {
  const path = joinPath(issue.path);
  const value = valueAt(input, issue.path);
  const found = describe(value);
  switch (issue.code) {
    case 'unrecognized_keys':
      // One problem per key, each named by its own path, so the editor can point at every one.
      return issue.keys.map((key) => problem(path ? `${path}.${key}` : key, 'decode.unknownKey', { key }));
    case 'invalid_key': {
      // A bad record key (an explanation keyed by a 300-character string): name the record, show the key.
      const key = issue.path[issue.path.length - 1];
      const recordPath = joinPath(issue.path.slice(0, -1));
      const tooBig = issue.issues.find((i) => i.code === 'too_big');
      if (tooBig) return [problem(recordPath, 'decode.tooLong', { limit: Number(tooBig.maximum), length: String(key).length })];
      if (issue.issues.some((i) => i.code === 'custom' && (i.params as { reason?: string } | undefined)?.reason === 'illFormed')) {
        return [problem(recordPath, 'decode.illFormedText', { found: describe(key) })];
      }
      return [problem(recordPath, 'decode.invalid', { found: describe(key) })];
    }
    default:
      return [issueToProblem(issue, path, value, found)];
  }
}

function issueToProblem(issue: z.core.$ZodIssue, path: string, value: unknown, found: string): Problem {
  switch (issue.code) {
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
      if (issue.origin === 'number' || issue.origin === 'int') {
        // Counts and fees start at 0 ("negative"); a year starts at 1990 ("22" is not negative).
        return Number(issue.minimum) === 0 ? problem(path, 'decode.negative', { found }) : problem(path, 'decode.tooSmall', { found, min: Number(issue.minimum) });
      }
      return problem(path, 'decode.invalid', { found });
    case 'too_big':
      // Every size message states the limit.
      if (issue.origin === 'string') return problem(path, 'decode.tooLong', { limit: Number(issue.maximum), length: typeof value === 'string' ? value.length : '?' });
      if (issue.origin === 'array') return problem(path, 'decode.tooMany', { limit: Number(issue.maximum), count: Array.isArray(value) ? value.length : '?' });
      return problem(path, 'decode.tooLarge', { limit: Number(issue.maximum), found });
    case 'invalid_value':
      return problem(path, 'decode.badValue', { found, options: issue.values.map((v) => JSON.stringify(v)).join(' / ') });
    case 'invalid_format':
      return problem(path, issue.format === 'date' ? 'decode.badDate' : 'decode.invalid', { found });
    case 'custom': {
      const reason = (issue.params as { reason?: string } | undefined)?.reason;
      return problem(path, reason === 'decimals' ? 'decode.feeDecimals' : reason === 'illFormed' ? 'decode.illFormedText' : 'decode.invalid', { found });
    }
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
    let deep: string | undefined;
    try {
      deep = tooDeepPath(input);
    } catch {
      deep = undefined; // a getter that throws: the first exception is the one to tell
    }
    if (deep !== undefined) return { ok: false, problems: [problem(deep, 'decode.tooDeep', { limit: MAX_DEPTH })] };
    return { ok: false, problems: [problem('', 'decode.invalid', { found: e instanceof Error ? e.message : String(e) })] };
  }
}

/** The path of the first container nested deeper than MAX_DEPTH, walked without recursion; undefined when none is. */
export function tooDeepPath(input: unknown): string | undefined {
  const pending: { value: unknown; path: readonly PropertyKey[] }[] = [{ value: input, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) return joinPath(path.slice(0, MAX_DEPTH));
    for (const key of Object.keys(value)) pending.push({ value: (value as Record<string, unknown>)[key], path: [...path, Array.isArray(value) ? Number(key) : key] });
  }
  return undefined;
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
    if (String(doc.formatVersion) === FORMAT_VERSION) return { ok: false, problems: [problem('formatVersion', 'decode.formatVersionNotText', { found })] };
    const is2019 = doc.formatVersion === '2019' || doc.formatVersion === 2019;
    return { ok: false, problems: [problem('formatVersion', is2019 ? 'decode.format2019' : 'decode.unknownFormatVersion', { found })] };
  }
  const target = options.targetVersion ?? SCHEMA_VERSION;
  const migrations = options.migrations ?? MIGRATIONS;
  // Versions start at 1; a migration table may know older ones (a test's fake version 0).
  const oldest = Math.min(1, ...Object.keys(migrations).map(Number));
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < oldest) {
    return { ok: false, problems: [problem('schemaVersion', 'decode.badSchemaVersion', { found: describe(version) })] };
  }
  if (version > target) {
    return { ok: false, problems: [problem('schemaVersion', 'decode.newerSchema', { found: version, supported: target })] };
  }
  let current = doc;
  if (version < target) {
    // A migration copies the document (structuredClone), which a deep enough one would overflow.
    const deep = tooDeepPath(doc);
    if (deep !== undefined) return { ok: false, problems: [problem(deep, 'decode.tooDeep', { limit: MAX_DEPTH })] };
    const migrated = migrate(doc, version, migrations, target);
    if (!migrated.ok) return { ok: false, problems: [migrated.problem] };
    current = migrated.doc;
  }
  const parsed = reportSchema.safeParse(current);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => issueToProblems(issue, current));
    return { ok: false, problems };
  }
  return version < target ? { ok: true, report: parsed.data, migratedFrom: version } : { ok: true, report: parsed.data };
}

/**
 * Decodes the bytes of a file (a File's arrayBuffer, fs.readFile): size, UTF-8 (a GBK file is
 * refused rather than read as mojibake; a file cut off inside a character is told it is cut off),
 * JSON syntax and then the document.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, problems: [fileTooLargeProblem(bytes.byteLength)] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Valid UTF-8 but for a character begun at the very end: the file was cut off, not GBK.
    let head: string | undefined;
    try {
      head = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    } catch {
      head = undefined;
    }
    if (head === undefined) return { ok: false, problems: [problem('', 'decode.notUtf8')] };
    return { ok: false, problems: [truncatedProblem(head)] };
  }
  return decodeText(text);
}

function truncatedProblem(text: string): Problem {
  const fault = scanJsonText(text, Infinity);
  const path = fault?.kind === 'truncated' ? joinPath(fault.path) : '';
  const { line, column } = fault?.kind === 'truncated' ? fault : { line: text.split('\n').length, column: text.length - text.lastIndexOf('\n') };
  const params = { line, column, where: path };
  return path ? problem(path, 'decode.truncated', params) : { path, code: 'decode.truncated', message: decodeMessage('decode.truncatedTop', params) };
}

/** Decodes the text of a file: size, JSON syntax, duplicated keys, nesting and then the document. */
export function decodeText(text: string): DecodeResult {
  const bytes = text.length * 3 > MAX_FILE_BYTES ? new TextEncoder().encode(text).length : text.length;
  if (bytes > MAX_FILE_BYTES) return { ok: false, problems: [fileTooLargeProblem(bytes)] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [problem('', 'decode.empty')] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const fault = scanJsonText(body, Infinity);
    if (fault?.kind === 'truncated') return { ok: false, problems: [truncatedProblem(body)] };
    // V8 quotes a snippet of the text, newlines and all; a problem is shown on one line.
    const reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
    return { ok: false, problems: [problem('', 'decode.notJson', { reason })] };
  }
  // JSON.parse keeps the last of a duplicated key silently: the text is read once more for them.
  const fault = scanJsonText(body, MAX_DEPTH);
  if (fault?.kind === 'duplicateKey') return { ok: false, problems: [problem(joinPath(fault.path), 'decode.duplicateKey', { key: JSON.stringify(fault.key) })] };
  if (fault?.kind === 'tooDeep') return { ok: false, problems: [problem(joinPath(fault.path), 'decode.tooDeep', { limit: MAX_DEPTH })] };
  return decode(value);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} B`;
}
