/** The review store in memory: the IndexedDB store's twin for tests and for browsers without it. */
import type { Report } from '../../report/index.ts';
import { byReceived, checkDocument, fingerprintOf, mergeSettings, newVersionId, unitKeyOf } from './records.ts';
import type { ReceiveInput, ReceivedVersion, ReviewListing, ReviewResult, ReviewSettings, ReviewStore } from './types.ts';

export interface MemoryReviewStoreOptions {
  readonly now?: () => number;
  readonly newId?: () => string;
}

export function createMemoryReviewStore(options: MemoryReviewStoreOptions = {}): ReviewStore {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? newVersionId;
  const versions = new Map<string, ReceivedVersion>();
  let settings: ReviewSettings = mergeSettings(undefined);
  // Copies in and out, as IndexedDB's structured clone does, so tests see the same semantics.
  const copy = <T>(v: T): T => structuredClone(v);

  return {
    async list(): Promise<ReviewResult<ReviewListing>> {
      return { ok: true, value: { versions: [...versions.values()].sort(byReceived).map(copy), unreadable: [] } };
    },
    async receive(input: ReceiveInput): Promise<ReviewResult<ReceivedVersion>> {
      const checked = checkDocument(input.document);
      if (!checked.ok) return checked;
      const document = checked.value;
      const unitKey = unitKeyOf(document);
      const fingerprint = input.fingerprint ?? fingerprintOf(document);
      const same = [...versions.values()].find((v) => v.unitKey === unitKey && v.fingerprint === fingerprint);
      if (same) return { ok: false, error: { kind: 'duplicate', versionId: same.id } };
      const time = now();
      const version: ReceivedVersion = {
        id: newId(),
        unitKey,
        agency: document.meta.agency.trim(),
        year: document.meta.year,
        fileName: input.fileName,
        receivedAt: input.receivedAt ?? time,
        fingerprint,
        document,
        updatedAt: time,
      };
      versions.set(version.id, copy(version));
      return { ok: true, value: version };
    },
    async update(id: string, document: Report): Promise<ReviewResult<ReceivedVersion>> {
      const current = versions.get(id);
      if (!current) return { ok: false, error: { kind: 'notFound' } };
      const checked = checkDocument(document);
      if (!checked.ok) return checked;
      if (unitKeyOf(checked.value) !== current.unitKey) {
        return { ok: false, error: { kind: 'unknown', message: 'a review action may not change the agency or the year' } };
      }
      const next: ReceivedVersion = { ...current, document: checked.value, updatedAt: now() };
      versions.set(id, copy(next));
      return { ok: true, value: next };
    },
    async removeUnit(unitKey: string): Promise<ReviewResult<number>> {
      let removed = 0;
      for (const [id, v] of versions) {
        if (v.unitKey === unitKey) {
          versions.delete(id);
          removed++;
        }
      }
      return { ok: true, value: removed };
    },
    async settings(): Promise<ReviewResult<ReviewSettings>> {
      return { ok: true, value: copy(settings) };
    },
    async saveSettings(patch: Partial<ReviewSettings>): Promise<ReviewResult<ReviewSettings>> {
      settings = mergeSettings(settings, patch);
      return { ok: true, value: copy(settings) };
    },
    close() {},
  };
}
