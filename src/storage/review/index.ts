/** The review workspace's storage: interface, IndexedDB store and in-memory twin. */
export * from './types.ts';
export type { Result, StoreError, StoreErrorKind } from '../result.ts';
export { unitKeyOf, fingerprintOf, byReceived } from './records.ts';
export { createIdbReviewStore, REVIEW_DB_NAME, REVIEW_DB_VERSION, type IdbReviewStoreOptions } from './idbReviewStore.ts';
export { createMemoryReviewStore, type MemoryReviewStoreOptions } from './memoryReviewStore.ts';
