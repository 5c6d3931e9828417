/**
 * The review workspace's state: the stored versions, the units built from them, settings, and
 * the operations (collect files, apply a review action, remove a unit). Every write goes to the
 * store first and shows in the state only once the store said yes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Report } from '../../report/index.ts';
import {
  byReceived,
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

/** The versions with the changed ones in (replaced by id, or added), oldest received first. */
export function mergeVersions(versions: readonly ReceivedVersion[], changed: readonly ReceivedVersion[]): readonly ReceivedVersion[] {
  const byId = new Map(changed.map((v) => [v.id, v]));
  const next = versions.map((v) => {
    const replaced = byId.get(v.id);
    if (!replaced) return v;
    byId.delete(v.id);
    return replaced;
  });
  if (byId.size === 0) return next;
  return [...next, ...byId.values()].sort(byReceived);
}

export function useReviewWorkspace(store: ReviewStore): ReviewWorkspaceState {
  const [phase, setPhase] = useState<WorkspacePhase>({ phase: 'loading' });
  const [versions, setVersions] = useState<readonly ReceivedVersion[]>([]);
  const [unreadable, setUnreadable] = useState<readonly UnreadableVersion[]>([]);
  const [settings, setSettings] = useState<ReviewSettings>(DEFAULT_SETTINGS);
  // The latest versions, for operations started from an older render.
  const versionsRef = useRef(versions);
  versionsRef.current = versions;

  // What the store said arrived while a listing ran: the listing may have been read before it.
  const arrivedDuringList = useRef<Map<string, ReceivedVersion> | null>(null);
  const reload = useCallback(async () => {
    arrivedDuringList.current ??= new Map();
    const listed = await store.list();
    const arrived = arrivedDuringList.current;
    arrivedDuringList.current = null;
    if (!listed.ok) {
      setPhase({ phase: 'failed', error: listed.error });
      return;
    }
    const next = mergeVersions(listed.value.versions, [...(arrived?.values() ?? [])]);
    versionsRef.current = next;
    setVersions(next);
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

  // A store shared through a server receives versions by itself (src/sync), a batch at a time:
  // they are taken in as they are (no listing of the whole store per batch: its first
  // replication brings thousands, and a listing reads and checks every stored version).
  useEffect(
    () =>
      store.subscribe?.((changed) => {
        if (changed.length === 0) return;
        for (const v of changed) arrivedDuringList.current?.set(v.id, v);
        const next = mergeVersions(versionsRef.current, changed);
        versionsRef.current = next;
        setVersions(next);
      }),
    [store],
  );

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
