/**
 * Undo and redo for the grids: a cell edit (from focus to leaving the cell) or a whole paste is
 * one step. Steps hold the text of each cell before and after.
 */

export interface CellTextChange {
  readonly id: string;
  readonly before: string;
  readonly after: string;
}

export interface UndoStep {
  readonly kind: 'edit' | 'paste' | 'undo';
  readonly changes: readonly CellTextChange[];
}

export class UndoStack {
  private readonly done: UndoStep[] = [];
  private undone: UndoStep[] = [];

  constructor(private readonly limit = 200) {}

  /** Records a step; a step that changes nothing is dropped. A new step clears redo. */
  push(step: UndoStep) {
    const changes = step.changes.filter((c) => c.before !== c.after);
    if (changes.length === 0) return;
    this.done.push({ ...step, changes });
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The step to reverse (apply each change's `before`), or undefined. */
  undo(): UndoStep | undefined {
    const step = this.done.pop();
    if (step) this.undone.push(step);
    return step;
  }

  /** The step to apply again (each change's `after`), or undefined. */
  redo(): UndoStep | undefined {
    const step = this.undone.pop();
    if (step) this.done.push(step);
    return step;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }
}
