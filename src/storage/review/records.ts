/** What the two review stores (IndexedDB and in memory) share: keys, checks, fingerprints. */
import { decode, type Report } from '../../report/index.ts';
import { fail, ok, type Result } from '../result.ts';
import { DEFAULT_SETTINGS, type KeptAggregate, type ReceiveInput, type ReceivedVersion, type ReviewSettings, type UnreadableVersion } from './types.ts';

/** A unit's reports of one year are versions of one report: keyed by year and agency. */
export function unitKeyOf(report: Pick<Report, 'meta'>): string {
  return `${report.meta.year ?? '-'}|${report.meta.agency.trim()}`;
}

/** FNV-1a (32 bit, twice with different seeds) over the document's JSON: cheap and stable. */
export function fingerprintOf(report: Report): string {
  const text = JSON.stringify(report);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/** Checks a document before it is written: only whole valid reports are stored. */
export function checkDocument(document: Report): Result<Report> {
  const decoded = decode(document);
  return decoded.ok ? ok(decoded.report) : fail({ kind: 'invalid', problems: decoded.problems });
}

/** What makes a received file the same as one received before: its unit and year, and its document. */
export interface Receipt {
  readonly unitKey: string;
  readonly fingerprint: string;
}

export function receiptOf(document: Report, input: ReceiveInput): Receipt {
  return { unitKey: unitKeyOf(document), fingerprint: input.fingerprint ?? fingerprintOf(document) };
}

/** The version of the same unit with the same document, if it was received before. */
export function sameReceipt(versions: Iterable<ReceivedVersion>, receipt: Receipt): ReceivedVersion | undefined {
  for (const v of versions) if (v.unitKey === receipt.unitKey && v.fingerprint === receipt.fingerprint) return v;
  return undefined;
}

/** The record of a received file, as both stores keep it. */
export function receivedVersion(document: Report, input: ReceiveInput, receipt: Receipt, id: string, time: number): ReceivedVersion {
  return {
    id,
    unitKey: receipt.unitKey,
    agency: document.meta.agency.trim(),
    year: document.meta.year,
    fileName: input.fileName,
    receivedAt: input.receivedAt ?? time,
    fingerprint: receipt.fingerprint,
    document,
    updatedAt: time,
  };
}

/** A version after a review action: its document replaced; the unit and year may not change. */
export function reviewedVersion(current: ReceivedVersion, document: Report, time: number): Result<ReceivedVersion> {
  if (unitKeyOf(document) !== current.unitKey) return fail({ kind: 'unknown', message: 'a review action may not change the agency or the year' });
  return ok({ ...current, document, updatedAt: time });
}

/** Reads a stored record back through decode (storage is outside too: another app version wrote it). */
export function readVersion(raw: unknown): { ok: true; version: ReceivedVersion } | { ok: false; unreadable: UnreadableVersion } {
  const record = (raw ?? {}) as Partial<ReceivedVersion>;
  const decoded = decode(record.document);
  if (!decoded.ok) {
    return {
      ok: false,
      unreadable: { id: String(record.id ?? ''), unitKey: typeof record.unitKey === 'string' ? record.unitKey : '', fileName: String(record.fileName ?? ''), problems: decoded.problems },
    };
  }
  return { ok: true, version: { ...(record as ReceivedVersion), document: decoded.report } };
}

export function byReceived(a: ReceivedVersion, b: ReceivedVersion): number {
  return a.receivedAt - b.receivedAt || a.id.localeCompare(b.id);
}

export function mergeSettings(stored: unknown, patch: Partial<ReviewSettings> = {}): ReviewSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<ReviewSettings>;
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v.slice(0, 200) : fallback);
  const roster = patch.roster ?? s.roster;
  return {
    lastAggregate: keptAggregate(patch.lastAggregate !== undefined ? patch.lastAggregate : s.lastAggregate),
    reviewer: text(patch.reviewer ?? s.reviewer, DEFAULT_SETTINGS.reviewer),
    aggregateAgency: text(patch.aggregateAgency ?? s.aggregateAgency, DEFAULT_SETTINGS.aggregateAgency),
    roster: Array.isArray(roster)
      ? [...new Set(roster.filter((r): r is string => typeof r === 'string').map((r) => r.trim().slice(0, 200)).filter(Boolean))]
      : [],
  };
}

/** A kept 汇总 as stored, checked (settings are read back from the browser, never trusted). */
function keptAggregate(value: unknown): KeptAggregate | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<Record<keyof KeptAggregate, unknown>>;
  if (!Array.isArray(v.units) || !v.units.every((u): u is string => typeof u === 'string') || v.units.length > 10_000) return null;
  if (typeof v.year !== 'number' || !Number.isInteger(v.year) || typeof v.includeUnapproved !== 'boolean') return null;
  return { units: [...v.units], year: v.year, includeUnapproved: v.includeUnapproved };
}

export function newVersionId(): string {
  return crypto.randomUUID();
}
