/** The review store in memory: the IndexedDB store's twin for tests and for browsers without it. */
import type { Report } from '../../report/index.ts';
import { fail, ok, type Result } from '../result.ts';
import { byReceived, checkDocument, mergeSettings, newVersionId, receiptOf, receivedVersion, reviewedVersion, sameReceipt } from './records.ts';
import type { ReceiveInput, ReceivedVersion, ReviewListing, ReviewSettings, ReviewStore } from './types.ts';

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
    async list(): Promise<Result<ReviewListing>> {
      return ok({ versions: [...versions.values()].sort(byReceived).map(copy), unreadable: [] });
    },
    async receiveMany(inputs: readonly ReceiveInput[]): Promise<Result<ReceivedVersion>[]> {
      const results: Result<ReceivedVersion>[] = [];
      for (const input of inputs) results.push(await this.receive(input));
      return results;
    },
    async receive(input: ReceiveInput): Promise<Result<ReceivedVersion>> {
      const checked = checkDocument(input.document);
      if (!checked.ok) return checked;
      const receipt = receiptOf(checked.value, input);
      const same = sameReceipt(versions.values(), receipt);
      if (same) return fail({ kind: 'duplicate', versionId: same.id });
      const version = receivedVersion(checked.value, input, receipt, newId(), now());
      versions.set(version.id, copy(version));
      return ok(version);
    },
    async update(id: string, document: Report): Promise<Result<ReceivedVersion>> {
      const current = versions.get(id);
      if (!current) return fail({ kind: 'notFound' });
      const checked = checkDocument(document);
      if (!checked.ok) return checked;
      const next = reviewedVersion(current, checked.value, now());
      if (next.ok) versions.set(id, copy(next.value));
      return next;
    },
    async removeUnit(unitKey: string): Promise<Result<number>> {
      let removed = 0;
      for (const [id, v] of versions) {
        if (v.unitKey === unitKey) {
          versions.delete(id);
          removed++;
        }
      }
      return ok(removed);
    },
    async settings(): Promise<Result<ReviewSettings>> {
      return ok(copy(settings));
    },
    async saveSettings(patch: Partial<ReviewSettings>): Promise<Result<ReviewSettings>> {
      settings = mergeSettings(settings, patch);
      return ok(copy(settings));
    },
    close() {},
  };
}
