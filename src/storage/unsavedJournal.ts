/**
 * A second, small home for a draft's unsaved edits, apart from IndexedDB: when the database
 * refuses writes (quota full, an aborted transaction) the edits would live only in the page, and
 * closing it would lose them. One localStorage entry per draft, written when a save fails or the
 * page goes away with edits unsaved, removed when a save succeeds. What is read back is outside
 * data: the caller decodes it before use.
 */

const PREFIX = 'nianbao.unsaved.';

export interface UnsavedEntry {
  /** ms since epoch when it was kept. */
  readonly at: number;
  /** The document as it was kept (not yet decoded). */
  readonly document: unknown;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked (some privacy settings): there is no second home then
  }
}

/** Keeps the document as the draft's unsaved edits; false when even this could not be written. */
export function keepUnsaved(draftId: string, document: unknown, at: number = Date.now()): boolean {
  try {
    storage()?.setItem(PREFIX + draftId, JSON.stringify({ at, document }));
    return storage() !== undefined;
  } catch {
    return false; // localStorage full as well
  }
}

/** The draft's kept unsaved edits, or undefined. */
export function readUnsaved(draftId: string): UnsavedEntry | undefined {
  try {
    const text = storage()?.getItem(PREFIX + draftId);
    if (!text) return undefined;
    const entry = JSON.parse(text) as Partial<UnsavedEntry> | null;
    return entry && typeof entry.at === 'number' && 'document' in entry ? { at: entry.at, document: entry.document } : undefined;
  } catch {
    return undefined;
  }
}

export function clearUnsaved(draftId: string): void {
  try {
    storage()?.removeItem(PREFIX + draftId);
  } catch {
    // nothing kept, or nothing to do
  }
}

/** Whether the draft has kept unsaved edits (a cheap look, no parse). */
export function hasUnsaved(draftId: string): boolean {
  try {
    return !!storage()?.getItem(PREFIX + draftId);
  } catch {
    return false;
  }
}
