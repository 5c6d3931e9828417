/**
 * What `use-sync-external-store/shim` gives on React 18 and later: React's own
 * useSyncExternalStore (the shim's code for older React is never used here, but would ship in
 * the editor's first load). vite.config.ts points react-i18next's import of the shim here.
 */
export { useSyncExternalStore } from 'react';
