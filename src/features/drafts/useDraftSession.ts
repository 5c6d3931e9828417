/**
 * The editor page's hold on one draft: load, autosave (idle, blur, hidden, pagehide), conflicts
 * with other tabs, versions, export. Wraps DraftSession for React.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Report } from '../../report/index.ts';
import type { Milestone, StoreError } from '../../storage/index.ts';
import { DraftSession, type SessionOptions, type SessionSnapshot } from './session.ts';
import { useDraftStore } from './StoreContext.tsx';

export type { SaveState, SessionState, SessionSnapshot } from './session.ts';

export interface DraftSessionActions {
  /** Load the stored draft again (after a conflict); the editor remounts. */
  reload(): Promise<void>;
  continueReadOnly(): void;
  /**
   * Downloads the current document (unsaved edits included); resolves to the file name. The
   * download code is fetched on the first export, not with the editor.
   */
  exportJson(): Promise<string | undefined>;
  restoreVersion(versionId: string): Promise<{ ok: true } | { ok: false; error: StoreError }>;
  markMilestone(milestone: Milestone): Promise<boolean>;
  /** Write pending edits now. */
  flush(): Promise<void>;
  /** The latest document, unsaved edits included. */
  current(): Report | undefined;
}

export interface DraftSessionApi extends SessionSnapshot {
  readonly id: string;
  /** The editor's onChange. */
  readonly update: (report: Report) => void;
  readonly actions: DraftSessionActions;
}

const LOADING: SessionSnapshot = {
  state: 'loading',
  draft: undefined,
  report: undefined,
  lastYear: undefined,
  generation: 0,
  saveState: { kind: 'saved', at: 0 },
  readOnly: true,
  readOnlyChosen: false,
  conflict: undefined,
  error: undefined,
  deleted: false,
};
const noSubscribe = () => () => {};
const loadingSnapshot = () => LOADING;
const ignore = () => {};

export function useDraftSession(id: string, options?: SessionOptions): DraftSessionApi {
  const store = useDraftStore();
  const [session, setSession] = useState<DraftSession | undefined>(undefined);
  // Options are read once per draft; a test passes short timings.
  const [initialOptions] = useState(options);

  useEffect(() => {
    const created = new DraftSession(store, id, initialOptions);
    setSession(created);
    void created.start();
    const flush = () => void created.flush();
    // Leaving: an unloading page cannot wait for a save's read-check-write, so the edits are
    // also journaled in one synchronous write (recovered on the next open).
    const leaving = () => {
      created.journalNow();
      flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leaving();
    };
    // A new version of the app is about to load (src/app/appUpdate.tsx, UPDATE_EVENT): save first.
    const beforeUpdate = (event: Event) => (event as CustomEvent<Promise<void>[]>).detail.push(created.flush());
    window.addEventListener('blur', flush);
    window.addEventListener('nianbao-update', beforeUpdate);
    window.addEventListener('beforeunload', leaving);
    window.addEventListener('pagehide', leaving);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', flush);
      window.removeEventListener('nianbao-update', beforeUpdate);
      window.removeEventListener('beforeunload', leaving);
      window.removeEventListener('pagehide', leaving);
      document.removeEventListener('visibilitychange', onVisibility);
      created.dispose();
    };
  }, [store, id, initialOptions]);

  const live = session?.id === id ? session : undefined;
  const snapshot = useSyncExternalStore(live?.subscribe ?? noSubscribe, live?.snapshot ?? loadingSnapshot);

  const actions = useMemo<DraftSessionActions>(
    () => ({
      reload: () => live?.reload() ?? Promise.resolve(),
      continueReadOnly: () => live?.continueReadOnly(),
      exportJson: async () => {
        const report = live?.current();
        if (!live || !report) return undefined;
        const { downloadReport } = await import('../../ui/files.ts');
        const name = downloadReport(report);
        void live.recordExport(report);
        return name;
      },
      restoreVersion: (versionId) => live?.restoreVersion(versionId) ?? Promise.resolve({ ok: false, error: { kind: 'notFound' } }),
      markMilestone: (milestone) => live?.markMilestone(milestone) ?? Promise.resolve(false),
      flush: () => live?.flush() ?? Promise.resolve(),
      current: () => live?.current(),
    }),
    [live],
  );

  return { ...snapshot, id, update: live?.update ?? ignore, actions };
}
