/**
 * A block pasted from Excel or WPS: read as rows of cells, then laid over the grid as the clerk
 * sees it (computed cells included, so the official sheet's block of 三 with （七）总计 and its 总计
 * column, or 四's fifteen figures in one row, fit as they are). Entered cells take the pasted
 * values; a computed cell is never written but compared with the sum it will show. Loaded on
 * the first paste, not with the editor.
 */
import type { TFunction } from 'i18next';
import { CELL_BY_ID } from '../../report/index.ts';
import type { GridPosition } from './gridModel.ts';
import type { ParseFailureReason, ParseResult } from './parse.ts';
import './pasteStrings.ts';

/**
 * What the paste needs of the grid, handed in by the grid rather than imported: this module is
 * loaded later, and importing the grid's modules here would split them out of the editor's
 * first chunk.
 */
export interface PasteGrid {
  /** Every cell by row as shown (gridModel's SCREEN_MATRIX) and where a cell sits in it. */
  readonly matrix: (section: GridPosition['section']) => readonly (readonly string[])[];
  readonly position: (cellId: string) => GridPosition | undefined;
  /** A cell's text read as its kind of value (parse.ts). */
  readonly parse: (cellId: string, text: string) => ParseResult;
  /** An entered cell's value now (a total also sums the cells the block does not cover). */
  readonly valueOf: (cellId: string) => number | null;
  readonly name: (cellId: string) => string;
}

export type PasteBlockResult =
  | { readonly ok: true; readonly rows: readonly (readonly string[])[]; readonly height: number; readonly width: number }
  | { readonly ok: false; readonly reason: 'empty' };

/**
 * A spreadsheet block as rows of cells: tab-separated, CRLF, LF or CR line ends, the trailing
 * line end spreadsheets add dropped. A cell Excel quotes (it holds a tab, a line end or a quote:
 * "a""b" is a"b) is one cell whatever it holds. Rows keep their own length (a ragged row fills
 * only its cells); `width` is the longest row.
 */
export function parsePasteBlock(text: string): PasteBlockResult {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let cell = '';
    if (text[i] === '"') {
      // Quoted: up to the quote that is not doubled; whatever follows it up to the separator stays.
      i++;
      while (i < n) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i++];
      }
    }
    while (i < n && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
    row.push(cell);
    if (text[i] === '\t') {
      i++;
      continue;
    }
    rows.push(row);
    row = [];
    if (i >= n) break;
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    if (i === n) break;
  }
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === '') && rows[rows.length - 1]!.length === 1) rows.pop();
  if (rows.length === 0 || rows.every((r) => r.every((c) => c.trim() === ''))) return { ok: false, reason: 'empty' };
  return { ok: true, rows, height: rows.length, width: Math.max(...rows.map((r) => r.length)) };
}

export interface PasteChange {
  readonly id: string;
  readonly value: number | null;
  readonly text: string;
}

/** A computed cell of the block whose pasted number is not the sum the grid will show. */
export interface PasteMismatch {
  readonly id: string;
  readonly pasted: number;
  readonly sum: number;
}

export type PastePlan =
  | {
      readonly ok: true;
      /** The entered cells the block writes. */
      readonly changes: readonly PasteChange[];
      /** How many computed cells of the block held a number and were compared. */
      readonly checked: number;
      readonly mismatches: readonly PasteMismatch[];
    }
  | {
      readonly ok: false;
      readonly problem: 'outside';
      /** 1-based position in the block of the first cell that falls outside the table. */
      readonly blockRow: number;
      readonly blockCol: number;
      readonly height: number;
      readonly width: number;
      /** Rows and columns the table has from the start cell on, as it shows them. */
      readonly fitRows: number;
      readonly fitCols: number;
    }
  | {
      readonly ok: false;
      readonly problem: 'value';
      readonly blockRow: number;
      readonly blockCol: number;
      readonly cellId: string;
      readonly text: string;
      readonly reason: ParseFailureReason;
    };

type Block = Extract<PasteBlockResult, { ok: true }>;

/**
 * Where a block pasted into `startId` lands: right and down over the cells as shown. The whole
 * block is checked before anything changes; the first cell that does not fit or is not a value
 * refuses it.
 */
export function planPaste(startId: string, block: Block, grid: PasteGrid): PastePlan {
  const at = grid.position(startId);
  const computed = (id: string) => CELL_BY_ID.get(id)?.computed === true;
  // The rows and columns from the start cell on, as shown; and the same without the computed
  // ones. A block of exactly the entered cells' shape (三's 24 rows of 6 without （七）总计 and
  // 总计, 四's 12 figures) goes onto the entered cells, as it always has; any other block onto
  // the cells as shown, totals compared.
  const shownRows = at ? grid.matrix(at.section).slice(at.row) : [];
  const enteredRows = shownRows.filter((row, i) => i === 0 || row.some((id) => !computed(id)));
  const rows = block.height === enteredRows.length && enteredRows.length < shownRows.length ? enteredRows : shownRows;
  const shownCols = (row: readonly string[]) => row.slice(at?.col ?? 0);
  const enteredCols = (row: readonly string[]) => shownCols(row).filter((id, j) => j === 0 || !computed(id));
  const firstEntered = rows[0] ? enteredCols(rows[0]).length : 0;
  const byEntered = block.width === firstEntered && firstEntered < (rows[0] ? shownCols(rows[0]).length : 0);
  const columns = rows.map((row) => (byEntered ? enteredCols(row) : shownCols(row)));
  const fitRows = shownRows.length;
  const fitCols = shownRows[0] ? shownCols(shownRows[0]).length : 0;
  const cellAt = (i: number, j: number) => columns[i]?.[j];
  for (let i = 0; i < block.rows.length; i++) {
    for (let j = 0; j < block.rows[i]!.length; j++) {
      if (!cellAt(i, j)) {
        return { ok: false, problem: 'outside', blockRow: i + 1, blockCol: j + 1, height: block.height, width: block.width, fitRows, fitCols };
      }
    }
  }
  const changes: PasteChange[] = [];
  const totals: { id: string; pasted: number }[] = [];
  for (let i = 0; i < block.rows.length; i++) {
    const cells = block.rows[i]!;
    for (let j = 0; j < cells.length; j++) {
      const id = cellAt(i, j)!;
      const def = CELL_BY_ID.get(id);
      const text = cells[j]!;
      const parsed = grid.parse(id, text);
      if (!parsed.ok) return { ok: false, problem: 'value', blockRow: i + 1, blockCol: j + 1, cellId: id, text, reason: parsed.reason };
      if (!def?.computed) changes.push({ id, value: parsed.value, text: parsed.canonical });
      else if (parsed.value !== null) totals.push({ id, pasted: parsed.value });
    }
  }
  const pasted = new Map(changes.map((c) => [c.id, c.value]));
  const mismatches: PasteMismatch[] = [];
  for (const { id, pasted: number } of totals) {
    let sum = 0;
    for (const part of CELL_BY_ID.get(id)!.sumOf ?? []) sum += (pasted.has(part) ? pasted.get(part) : grid.valueOf(part)) ?? 0;
    if (sum !== number) mismatches.push({ id, pasted: number, sum });
  }
  return { ok: true, changes, checked: totals.length, mismatches };
}

/** What a paste does: the entered cells it writes (none when refused) and what the grid says. */
export interface PasteOutcome {
  readonly changes?: readonly PasteChange[];
  readonly message: { readonly kind: 'error' | 'ok'; readonly text: string };
}

/** A clipboard text pasted into `startId`, planned and put into words. */
export function readPaste(startId: string, text: string, grid: PasteGrid, t: TFunction): PasteOutcome {
  const block = parsePasteBlock(text);
  if (!block.ok) return { message: { kind: 'error', text: t('editor.paste.empty') } };
  const plan = planPaste(startId, block, grid);
  if (!plan.ok) {
    return {
      message: {
        kind: 'error',
        text:
          plan.problem === 'outside'
            ? t('editor.paste.outside', {
                rows: plan.height,
                cols: plan.width,
                start: grid.name(startId),
                row: plan.blockRow,
                col: plan.blockCol,
                fitRows: plan.fitRows,
                fitCols: plan.fitCols,
              })
            : t('editor.paste.notValue', {
                row: plan.blockRow,
                col: plan.blockCol,
                text: plan.text,
                cell: grid.name(plan.cellId),
                reason: t(`editor.parse.${plan.reason}`),
              }),
      },
    };
  }
  const counts = { rows: block.height, cols: block.width, n: plan.changes.length, checked: plan.checked };
  if (plan.mismatches.length === 0) {
    return { changes: plan.changes, message: { kind: 'ok', text: t(plan.checked > 0 ? 'editor.paste.doneChecked' : 'editor.paste.done', counts) } };
  }
  // The entered cells go in (they are what the clerk typed in the sheet); the totals that do not
  // add up are named so that the sheet gets checked.
  const shown = plan.mismatches.slice(0, 3).map((m) => t('editor.paste.mismatch', { cell: grid.name(m.id), pasted: m.pasted, sum: m.sum }));
  const list = shown.join(t('editor.paste.listSeparator')) + (plan.mismatches.length > shown.length ? t('editor.paste.more') : '');
  return { changes: plan.changes, message: { kind: 'error', text: t('editor.paste.doneMismatch', { ...counts, count: plan.mismatches.length, list }) } };
}
