/**
 * The spreadsheet behaviour of a grid, by event delegation on one element around its tables
 * (so the cells carry no handlers): arrows, Enter, Home/End move; typing replaces the value
 * (the value is selected on focus); Escape restores it; F2 edits in place; a pasted block
 * fills right and down or is refused whole; Ctrl+Z / Ctrl+Y undo and redo edits and pastes.
 */
import './gridStrings.ts';
import { useCallback, useRef, useState, type ClipboardEvent, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CELL_BY_ID, cellValue, type TableSectionId } from '../../report/index.ts';
import { useEditor, useGridEnv } from './context.ts';
import { cellName, moveFrom, SCREEN_MATRIX, screenPosition, type GridMove } from './gridModel.ts';
import { isBlock, parseAmount, parseCount } from './parse.ts';
import type { UndoStep } from './undo.ts';

type GridMessage = { readonly kind: 'error' | 'ok'; readonly text: string } | null;

/** The paste code comes with the first focus on a grid, so that a paste does not wait for it. */
let pasteModule: Promise<typeof import('./paste.ts')> | undefined;
const loadPaste = () => (pasteModule ??= import('./paste.ts'));
const PASTE_GRID = {
  matrix: (section: TableSectionId) => SCREEN_MATRIX[section],
  position: screenPosition,
  parse: (id: string, text: string) => (CELL_BY_ID.get(id)?.kind === 'amount' ? parseAmount(text) : parseCount(text)),
};

function cellInput(target: EventTarget | null): HTMLInputElement | null {
  return target instanceof HTMLInputElement && target.dataset.cell ? target : null;
}

/** An entered cell's input or a computed cell's number (both carry data-cell). */
function gridCell(target: EventTarget | null): HTMLElement | null {
  return target instanceof HTMLElement && target.dataset.cell ? target : null;
}

const MOVES: Partial<Record<string, GridMove>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

export function GridFrame({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { form, store, undo, goTo, syncCells } = useEditor();
  const { lang, readOnly } = useGridEnv();
  const frame = useRef<HTMLDivElement>(null);
  /** The text of the focused cell when it got focus: Escape restores it, leaving records it. */
  const focusText = useRef<{ id: string; text: string } | null>(null);
  /** The cell in edit mode (F2 or a click into the focused cell): arrows move the caret. */
  const editing = useRef<string | null>(null);
  /** A mouse press that focuses a cell selects its value instead of placing the caret. */
  const selectOnMouseUp = useRef(false);
  const [message, setMessage] = useState<GridMessage>(null);

  const focusCell = useCallback((id: string) => {
    const el = frame.current?.querySelector<HTMLInputElement>(`[data-cell="${id}"]`);
    el?.focus();
  }, []);

  const setText = useCallback(
    (changes: readonly { id: string; text: string }[]) => {
      // The texts first, then the document once: a 144-cell paste is one change of it.
      for (const c of changes) form.set(c.id, c.text);
      syncCells(changes.map((c) => c.id));
      // The focused cell's text changed under it: leaving it is not a new edit.
      const active = cellInput(document.activeElement);
      if (active?.dataset.cell && focusText.current?.id === active.dataset.cell) {
        focusText.current = { id: active.dataset.cell, text: active.value };
        active.select();
      }
    },
    [form, syncCells],
  );

  const applyStep = useCallback(
    (step: UndoStep, direction: 'undo' | 'redo') => {
      setText(step.changes.map((c) => ({ id: c.id, text: direction === 'undo' ? c.before : c.after })));
      const first = step.changes[0]!.id;
      if (!frame.current?.querySelector(`[data-cell="${first}"]`)) goTo(first);
      else if (cellInput(document.activeElement)?.dataset.cell !== first) focusCell(first);
      setMessage({
        kind: 'ok',
        text: t(direction === 'undo' ? 'editor.grid.undone' : 'editor.grid.redone', { n: step.changes.length }),
      });
    },
    [focusCell, goTo, setText, t],
  );

  const restore = (input: HTMLInputElement) => {
    const id = input.dataset.cell!;
    const before = focusText.current?.id === id ? focusText.current.text : input.value;
    if (input.value !== before) {
      form.set(id, before);
      syncCells([id]);
    }
    editing.current = null;
    input.select();
  };

  /** Edit in place: arrows move the caret, which starts at the end of the value. */
  const editEnd = (input: HTMLInputElement) => {
    editing.current = input.dataset.cell!;
    const end = input.value.length;
    input.setSelectionRange(end, end);
  };

  /**
   * The cell's edit is done (it is left, or Enter found no cell to move to): its text is shown
   * as understood ("１,２３４ " → "1234"), the change goes on the undo stack, and Escape restores
   * this value from now on, never the one before it.
   */
  const commit = (input: HTMLInputElement) => {
    const id = input.dataset.cell!;
    const before = focusText.current?.id === id ? focusText.current.text : input.value;
    const parsed = CELL_BY_ID.get(id)?.kind === 'amount' ? parseAmount(input.value) : parseCount(input.value);
    const after = parsed.ok ? parsed.canonical : input.value;
    if (after !== input.value) {
      form.set(id, after);
      syncCells([id]);
    }
    undo.push({ kind: 'edit', changes: [{ id, before, after }] });
    focusText.current = { id, text: after };
    editing.current = null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const input = cellInput(e.target);
    if (!input) {
      // A character typed on a computed cell would be lost without a word.
      const total = gridCell(e.target);
      if (total && !readOnly && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) refuseComputed(total.dataset.cell!);
      return;
    }
    const id = input.dataset.cell!;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (mod && !e.altKey && (key === 'z' || key === 'y')) {
      e.preventDefault();
      if (readOnly) return;
      const redo = key === 'y' || e.shiftKey;
      if (!redo && focusText.current?.id === id && input.value !== focusText.current.text) {
        restore(input); // an edit in progress is undone first, as in a spreadsheet
        return;
      }
      const step = redo ? undo.redo() : undo.undo();
      if (step) applyStep(step, redo ? 'redo' : 'undo');
      return;
    }
    if (e.altKey) return;
    const inEdit = editing.current === id;
    let move: GridMove | undefined;
    if (MOVES[e.key] && !mod) {
      move = MOVES[e.key];
      if (inEdit && (move === 'left' || move === 'right')) return;
    } else if (e.key === 'Home' || e.key === 'End') {
      if (inEdit && !mod) return;
      move = e.key === 'Home' ? (mod ? 'gridStart' : 'rowStart') : mod ? 'gridEnd' : 'rowEnd';
    } else if (e.key === 'Enter' && !mod) {
      move = e.shiftKey ? 'up' : 'down';
    } else if (e.key === 'Escape') {
      e.preventDefault();
      restore(input);
      return;
    } else if (e.key === 'F2') {
      e.preventDefault();
      if (inEdit) editing.current = null;
      else editEnd(input);
      return;
    } else {
      return;
    }
    e.preventDefault();
    const target = move && moveFrom(id, move);
    if (target) focusCell(target);
    else if (e.key === 'Enter' && !readOnly) {
      // Enter at the grid's edge stays in the cell but still ends the edit.
      commit(input);
      input.select();
    }
  };

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const input = cellInput(e.target);
    if (!input) return;
    if (!readOnly) void loadPaste().catch(() => (pasteModule = undefined));
    focusText.current = { id: input.dataset.cell!, text: input.value };
    editing.current = null;
    input.select();
  };

  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    const input = cellInput(e.target);
    if (!input || readOnly) return;
    commit(input);
    focusText.current = null;
  };

  /**
   * A click selects the cell's value, whether the cell had focus or not (typing replaces it, as
   * in a spreadsheet: a caret left at the click made 9 typed over "3" into "93"). A double-click
   * edits in place (caret at the end, as F2); a click inside a cell being edited moves the caret.
   */
  const onMouseDown = (e: MouseEvent<HTMLDivElement>) => {
    const input = cellInput(e.target);
    if (!input || e.button !== 0) return;
    const id = input.dataset.cell!;
    if (e.detail >= 2) {
      e.preventDefault();
      editEnd(input);
      return;
    }
    if (editing.current === id) return;
    if (document.activeElement === input) {
      e.preventDefault(); // no caret at the click
      input.select();
    }
    // Chromium collapses a selection the press fell in at the release, even after a prevented
    // press (a second click on a cell whose value was selected left the caret before "3": 9
    // typed made "93"), so the release is held back too.
    selectOnMouseUp.current = true;
  };

  const onMouseUp = (e: MouseEvent<HTMLDivElement>) => {
    const input = cellInput(e.target);
    if (selectOnMouseUp.current && input) {
      e.preventDefault();
      if (document.activeElement === input && editing.current !== input.dataset.cell) input.select();
    }
    selectOnMouseUp.current = false;
  };

  /** A computed cell takes no value: say so (replacing any earlier notice). */
  const refuseComputed = (id: string) => setMessage({ kind: 'error', text: t('editor.grid.computed', { cell: cellName(id, lang) }) });

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    const target = gridCell(e.target);
    if (!target) return;
    const id = target.dataset.cell!;
    const text = e.clipboardData.getData('text/plain');
    // One value pasted while editing in place goes where the caret is.
    if (editing.current === id && !isBlock(text)) return;
    e.preventDefault();
    if (readOnly) return;
    if (!(target instanceof HTMLInputElement) && !isBlock(text)) {
      refuseComputed(id);
      return;
    }
    loadPaste()
      .then(({ readPaste }) => {
        const outcome = readPaste(
          id,
          text,
          { ...PASTE_GRID, valueOf: (cellId) => cellValue(store.getReport(), cellId), name: (cellId) => cellName(cellId, lang) },
          t,
        );
        if (outcome.changes) {
          const changes = outcome.changes.map((c) => ({ id: c.id, before: form.get(c.id), after: c.text }));
          setText(changes.map((c) => ({ id: c.id, text: c.after })));
          undo.push({ kind: 'paste', changes });
        }
        setMessage(outcome.message);
      })
      .catch(() => setMessage({ kind: 'error', text: t('editor.paste.loadFailed') }));
  };

  return (
    <div
      ref={frame}
      className="grid-frame"
      role="group"
      aria-label={label}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
      onMouseDown={onMouseDown}
      onMouseUp={onMouseUp}
      onPaste={onPaste}
    >
      <p className="grid-help">{t(readOnly ? 'editor.grid.helpReadOnly' : 'editor.grid.help')}</p>
      <div className={`grid-message ${message?.kind ?? ''}`} role={message?.kind === 'error' ? 'alert' : 'status'}>
        {message ? (
          <>
            <span>{message.text}</span>{' '}
            <button type="button" className="link-button" onClick={() => setMessage(null)}>
              {t('editor.grid.dismiss')}
            </button>
          </>
        ) : null}
      </div>
      <div className="grid-scroll">{children}</div>
    </div>
  );
}
