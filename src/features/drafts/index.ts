/** Drafts (issue 4): the home, the editor page's session, its toolbar, history and notices. */
export { DraftsHome } from './DraftsHome.tsx';
export { DraftToolbar } from './DraftToolbar.tsx';
export { ConflictNotice } from './ConflictNotice.tsx';
export { HistoryPanel } from './HistoryPanel.tsx';
export { SaveIndicator } from './SaveIndicator.tsx';
export { useDraftSession, type DraftSessionApi, type DraftSessionActions, type SaveState, type SessionState } from './useDraftSession.ts';
export { DraftStoreProvider, useDraftStore } from './StoreContext.tsx';
export { rememberRoute } from './lastRoute.ts';
export { nextYearReport } from './fromLastYear.ts';
import './drafts.css';
