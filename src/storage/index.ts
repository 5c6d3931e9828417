/** Where drafts live: the DraftStore interface, IndexedDB and in-memory implementations. */
export * from './types.ts';
export { changedParts } from './diff.ts';
export { draftFindings, summaryFields } from './records.ts';
export { createIdbDraftStore, DB_NAME, DB_VERSION, type IdbDraftStoreOptions } from './idbStore.ts';
export { toStoreError } from './idb.ts';
export { createMemoryDraftStore, MemoryDraftStore, type MemoryDraftStoreOptions } from './memoryStore.ts';
export { CHANGES_CHANNEL } from './changes.ts';

import { createIdbDraftStore } from './idbStore.ts';
import type { DraftStore } from './types.ts';

let appStore: DraftStore | undefined;

/** The app's one store (IndexedDB, opened on first use). */
export function getDraftStore(): DraftStore {
  appStore ??= createIdbDraftStore();
  return appStore;
}
