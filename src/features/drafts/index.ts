/**
 * Drafts (issue 4): the editor page's session, its toolbar (history opens on demand) and
 * notices. The home is its own door (DraftsHome.tsx), loaded by its route only.
 */
export { DraftToolbar } from './DraftToolbar.tsx';
export { ConflictNotice } from './ConflictNotice.tsx';
export { SaveIndicator } from './SaveIndicator.tsx';
export { useDraftSession, type DraftSessionApi, type DraftSessionActions, type SaveState, type SessionState } from './useDraftSession.ts';
export { DraftStoreProvider, useDraftStore } from './StoreContext.tsx';
export { rememberRoute, takeJustCreated } from './lastRoute.ts';
export { nextYearReport } from './fromLastYear.ts';
import './drafts.css';
