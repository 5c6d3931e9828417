/**
 * Which DraftStore the drafts UI talks to: the app's IndexedDB store unless a test (or a future
 * host) provides another.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { getDraftStore, type DraftStore } from '../../storage/index.ts';

const DraftStoreContext = createContext<DraftStore | null>(null);

export function DraftStoreProvider({ store, children }: { store: DraftStore; children: ReactNode }) {
  return <DraftStoreContext.Provider value={store}>{children}</DraftStoreContext.Provider>;
}

export function useDraftStore(): DraftStore {
  return useContext(DraftStoreContext) ?? getDraftStore();
}
