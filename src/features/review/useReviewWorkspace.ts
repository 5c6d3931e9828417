/**
 * The review workspace's state: the stored versions, the units built from them, settings, and
 * the operations (collect files, apply a review action, remove a unit). Every write goes to the
 * store first and shows in the state only once the store said yes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Report } from '../../report/index.ts';
import {
  DEFAULT_SETTINGS,
  type ReceivedVersion,
  type ReviewSettings,
  type ReviewStore,
  type StoreError,
  type UnreadableVersion,
} from '../../storage/review/index.ts';
import { collectFiles, type CollectOutcome } from './files.ts';
import { buildUnits, type FindingsCache, type ReviewUnit } from './model.ts';

export type WorkspacePhase = { readonly phase: 'loading' } | { readonly phase: 'ready' } | { readonly phase: 'failed'; readonly error: StoreError };

export type ActResult = { readonly ok: true } | { readonly ok: false; readonly error: StoreError | { kind: 'action'; message: string } };

export interface ReviewWorkspaceState {
  readonly phase: WorkspacePhase;
  readonly units: readonly ReviewUnit[];
  readonly unreadable: readonly UnreadableVersion[];
  readonly settings: ReviewSettings;
  collect(files: readonly File[]): Promise<CollectOutcome[]>;
  /** Applies a review action to the unit's latest version and stores it. */
  act(unit: ReviewUnit, action: (report: Report) => Report): Promise<ActResult>;
  /** Removes every version of the unit, an unreadable one's too (by the key it was filed under). */
  removeUnit(unit: Pick<ReviewUnit, 'key'>): Promise<ActResult>;
  saveSettings(patch: Partial<ReviewSettings>): Promise<ActResult>;
}

export function useReviewWorkspace(store: ReviewStore): ReviewWorkspaceState {
  const [phase, setPhase] = useState<WorkspacePhase>({ phase: 'loading' });
  const [versions, setVersions] = useState<readonly ReceivedVersion[]>([]);
  const [unreadable, setUnreadable] = useState<readonly UnreadableVersion[]>([]);
  const [settings, setSettings] = useState<ReviewSettings>(DEFAULT_SETTINGS);
  // The latest versions, for operations started from an older render.
  const versionsRef = useRef(versions);
  versionsRef.current = versions;

  const reload = useCallback(async () => {
    const listed = await store.list();
    if (!listed.ok) {
      setPhase({ phase: 'failed', error: listed.error });
      return;
    }
    setVersions(listed.value.versions);
    setUnreadable(listed.value.unreadable);
    setPhase({ phase: 'ready' });
  }, [store]);

  useEffect(() => {
    let live = true;
    // Settings first: the page shows its fields (the reviewer's name) once, already filled.
    void store.settings().then(async (r) => {
      if (!live) return;
      if (r.ok) setSettings(r.value);
      await reload();
    });
    return () => {
      live = false;
    };
  }, [store, reload]);

  // A store shared through a server receives versions by itself (src/sync): list them again.
  // Its first replication brings thousands, one by one: one listing at a time, and one more
  // after it when more came meanwhile (not one listing of all per arrival).
  const reloadSoon = useMemo(() => {
    let running: Promise<void> | undefined;
    let again = false;
    return () => {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await reload();
        } while (again);
      })().finally(() => (running = undefined));
    };
  }, [reload]);
  useEffect(() => store.subscribe?.(reloadSoon), [store, reloadSoon]);

  // Each version's findings are kept while it is unchanged: a new listing checks only what is new.
  const findingsCache = useRef<FindingsCache>(new Map());
  const units = useMemo(() => buildUnits(versions, findingsCache.current), [versions]);

  const collect = useCallback(
    async (files: readonly File[]) => {
      const knownUnits = new Set(versionsRef.current.map((v) => v.unitKey));
      // Versions are listed oldest first: the last one of a unit is its latest.
      const latestReports = new Map(versionsRef.current.map((v) => [v.unitKey, v.document]));
      const outcomes = await collectFiles(files, store, { knownUnits, latestReports });
      await reload();
      return outcomes;
    },
    [store, reload],
  );

  const act = useCallback(
    async (unit: ReviewUnit, action: (report: Report) => Report): Promise<ActResult> => {
      // Act on the version as stored now, not as the caller's render saw it.
      const current = versionsRef.current.find((v) => v.id === unit.latest.id) ?? unit.latest;
      let next: Report;
      try {
        next = action(current.document);
      } catch (e) {
        return { ok: false, error: { kind: 'action', message: e instanceof Error ? e.message : String(e) } };
      }
      const stored = await store.update(current.id, next);
      if (!stored.ok) return { ok: false, error: stored.error };
      const updated = versionsRef.current.map((v) => (v.id === stored.value.id ? stored.value : v));
      versionsRef.current = updated;
      setVersions(updated);
      return { ok: true };
    },
    [store],
  );

  const removeUnit = useCallback(
    async (unit: Pick<ReviewUnit, 'key'>): Promise<ActResult> => {
      const removed = await store.removeUnit(unit.key);
      if (!removed.ok) return { ok: false, error: removed.error };
      await reload();
      return { ok: true };
    },
    [store, reload],
  );

  const saveSettings = useCallback(
    async (patch: Partial<ReviewSettings>): Promise<ActResult> => {
      const saved = await store.saveSettings(patch);
      if (!saved.ok) return { ok: false, error: saved.error };
      setSettings(saved.value);
      return { ok: true };
    },
    [store],
  );

  return { phase, units, unreadable, settings, collect, act, removeUnit, saveSettings };
}
