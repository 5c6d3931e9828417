/**
 * Persistent storage: asks the browser not to clear this site's data under storage pressure
 * (`navigator.storage.persist()`), once per page load, and tells whether it was granted.
 */
import { useEffect, useSyncExternalStore } from 'react';

export type PersistenceState = 'unknown' | 'granted' | 'notGranted' | 'unsupported';

let state: PersistenceState = 'unknown';
let asked = false;
const listeners = new Set<() => void>();

function set(next: PersistenceState) {
  state = next;
  for (const l of [...listeners]) l();
}

function storageManager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' && navigator.storage && typeof navigator.storage.persist === 'function' ? navigator.storage : undefined;
}

/** Reads whether storage is already persistent (no prompt). */
export async function checkPersistence(): Promise<PersistenceState> {
  const storage = storageManager();
  if (!storage) {
    set('unsupported');
    return state;
  }
  try {
    set((await storage.persisted()) ? 'granted' : state === 'unknown' ? 'notGranted' : state);
  } catch {
    set('unsupported');
  }
  return state;
}

/** Asks for persistent storage (some browsers prompt, so call it on the clerk's action). */
export async function requestPersistence(): Promise<PersistenceState> {
  const storage = storageManager();
  if (!storage) {
    set('unsupported');
    return state;
  }
  if (asked || state === 'granted') return state;
  asked = true;
  try {
    set((await storage.persist()) ? 'granted' : 'notGranted');
  } catch {
    set('notGranted');
  }
  return state;
}

export function usePersistence(): PersistenceState {
  useEffect(() => {
    void checkPersistence();
  }, []);
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
