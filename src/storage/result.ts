/**
 * What every store of the app answers (the drafts, the review workspace): a typed result, never a
 * throw past its interface, so a caller cannot forget that a write may fail. One set of error
 * kinds for all of them, so a failure reads the same whichever store it came from.
 */
import type { Problem } from '../report/index.ts';

export type StoreError =
  /** The record's revision moved since the caller read it (another tab wrote). */
  | { readonly kind: 'conflict'; readonly revision: number }
  | { readonly kind: 'notFound' }
  /** The same document was stored before (`versionId` is where). */
  | { readonly kind: 'duplicate'; readonly versionId: string }
  /** The browser refused to store more (disk full or site quota). */
  | { readonly kind: 'quota' }
  /** Another tab holds an older database open and does not let go. */
  | { readonly kind: 'blocked' }
  /** A newer version of the app changed the database in another tab: reload this one. */
  | { readonly kind: 'outdated' }
  /** No IndexedDB here (some private modes) or it failed to open. */
  | { readonly kind: 'unavailable'; readonly message: string }
  /** A document that does not decode (never written; a stored one that does not read back). */
  | { readonly kind: 'invalid'; readonly problems: readonly Problem[] }
  | { readonly kind: 'unknown'; readonly message: string };

export type StoreErrorKind = StoreError['kind'];

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StoreError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: StoreError): Result<T> => ({ ok: false, error });
