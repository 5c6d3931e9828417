/**
 * What the editor's parts share: the form (form.ts: the fields' text, uncontrolled inputs), the store (the
 * document and its findings), the undo stack, and how to go to a cell. The value is created once
 * per editor and never changes, so reading it re-renders nothing.
 */
import { createContext, useContext, useSyncExternalStore, type ProfilerOnRenderCallback } from 'react';
import { REPORT_LAYOUT, type NarrativeSectionId, type ReportLayout } from '../../report/index.ts';
import type { EditorForm } from './form.ts';
import type { EditorSection } from './gridModel.ts';
import type { EditorStore, FieldStatus } from './store.ts';
import type { TextHint } from './textPlace.ts';
import type { UndoStack } from './undo.ts';

export interface EditorContextValue {
  readonly form: EditorForm;
  readonly store: EditorStore;
  readonly undo: UndoStack;
  /** Shows the section of a cell or path and focuses it (in a text, selecting what `hint` names). */
  readonly goTo: (path: string, hint?: TextHint) => void;
  readonly goToSection: (section: EditorSection) => void;
  /** After the form's text of these entered cells changed (typing, a paste, undo): the document follows. */
  readonly syncCells: (ids: readonly string[]) => void;
  /** After a part is added, removed or moved: the document follows the form. */
  readonly syncParts: (section: NarrativeSectionId) => void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside <Editor>');
  return value;
}

/** What every cell of the grids needs and changes rarely: language, read-only, the hint of a total. */
export interface GridEnv {
  readonly lang: 'zh' | 'en';
  readonly readOnly: boolean;
  /** Translated once here, not in each total's render (a keystroke re-renders totals). */
  readonly computedHint: string;
  /** The tables' layout the grids project (the format's; a test passes a changed one). */
  readonly layout: ReportLayout;
}
export const GridEnvContext = createContext<GridEnv>({ lang: 'zh', readOnly: false, computedHint: '', layout: REPORT_LAYOUT });
export function useGridEnv(): GridEnv {
  return useContext(GridEnvContext);
}

/**
 * Tests pass a Profiler callback here to count renders of each grid row; without it the rows
 * are rendered without a Profiler.
 */
export const RenderProbeContext = createContext<ProfilerOnRenderCallback | null>(null);

/** The marks of one cell or field (as last published); re-renders only when they change. */
export function useFieldStatus(path: string): FieldStatus {
  const { store } = useEditor();
  return useSyncExternalStore(store.subscribeDerived, () => store.getStatus(path));
}

/** A value read from the store's document (or strictness), compared by reference; follows every change. */
export function useStoreValue<T>(select: (store: EditorStore) => T): T {
  return useStoreSelector(useEditor().store, select);
}

/** The same, for the component that owns the store. */
export function useStoreSelector<T>(store: EditorStore, select: (store: EditorStore) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store));
}

/**
 * A value from the store's derived data (findings, summary, marks, section states, comment
 * places), compared by reference; follows what the store publishes, not each keystroke.
 */
export function useDerivedValue<T>(select: (store: EditorStore) => T): T {
  return useDerivedSelector(useEditor().store, select);
}

/** The same, for the component that owns the store. */
export function useDerivedSelector<T>(store: EditorStore, select: (store: EditorStore) => T): T {
  return useSyncExternalStore(store.subscribeDerived, () => select(store));
}

/** The id of the hidden element that holds a finding's message (for aria-describedby). */
export function findingDescriptionId(key: string): string {
  return `finding-${key.replace(/\s/g, '_')}`;
}

/** The id of the hidden element that holds a review comment's text (by its position in the review). */
export function commentDescriptionId(index: number): string {
  return `review-comment-${index}`;
}

/** The id of the inline message of a field holding text that is not a value. */
export function invalidMessageId(path: string): string {
  return `invalid-${path}`;
}
