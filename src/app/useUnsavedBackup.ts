/**
 * The draft page's second home for unsaved edits (storage/unsavedJournal.ts): kept when a save
 * fails and when the page goes away with edits unsaved, cleared when a save lands; the page asks
 * before it unloads while anything is unsaved. What a previous page kept is offered back once.
 */
import { useEffect, useRef, useState } from 'react';
import type { DraftSessionApi } from '../features/drafts/index.ts';
import { clearUnsaved, keepUnsaved, readUnsaved, type UnsavedEntry } from '../storage/unsavedJournal.ts';

export interface UnsavedBackup {
  /** Edits a previous page kept and did not save, different from the draft as loaded. */
  readonly offer: UnsavedEntry | undefined;
  /** The offer answered (restored or discarded): it is forgotten. */
  readonly dismiss: () => void;
}

export function useUnsavedBackup(session: DraftSessionApi): UnsavedBackup {
  const { id, state, saveState, actions } = session;
  // Read before anything here clears it (a save landing on this page).
  const [kept] = useState(() => readUnsaved(id));
  const [offer, setOffer] = useState<UnsavedEntry | undefined>(undefined);
  const unsaved = state === 'ready' && (saveState.kind === 'saving' || saveState.kind === 'failed');
  const latest = useRef({ unsaved, current: actions.current });
  latest.current = { unsaved, current: actions.current };

  // Offered once the draft is in, unless the draft already holds it (its save landed after all).
  const loaded = state === 'ready' ? session.report : undefined;
  const weighed = useRef(false);
  useEffect(() => {
    if (!kept || !loaded || weighed.current) return;
    weighed.current = true; // once: a reload later (a conflict) does not bring it back
    if (JSON.stringify(kept.document) === JSON.stringify(loaded)) clearUnsaved(id);
    else setOffer(kept);
  }, [id, kept, loaded]);

  // A failed save keeps the edits; a save that lands after unsaved edits clears them.
  const wasUnsaved = useRef(false);
  useEffect(() => {
    if (state !== 'ready') return;
    if (saveState.kind === 'failed') {
      const document = actions.current();
      if (document) keepUnsaved(id, document);
    } else if (saveState.kind === 'saved' && wasUnsaved.current) {
      clearUnsaved(id);
    }
    wasUnsaved.current = saveState.kind === 'saving' || saveState.kind === 'failed';
  }, [id, state, saveState, actions]);

  useEffect(() => {
    const keep = () => {
      const document = latest.current.unsaved ? latest.current.current() : undefined;
      if (document) keepUnsaved(id, document);
      return document !== undefined;
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Asks before the page unloads while anything is unsaved.
      if (keep()) event.preventDefault();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') keep();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', keep);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', keep);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [id]);

  return {
    offer,
    dismiss: () => {
      setOffer(undefined);
      clearUnsaved(id);
    },
  };
}
