/**
 * The grids of 二, 三 and 四 as the keyboard and the clipboard see them: which cell is where,
 * which cell a key moves to, where a pasted block lands, and what each cell is called. All of
 * it is read from the core's layout of the tables (src/report/layout.ts), which the grids
 * render too; computed cells are never stops.
 */
import { CELL_BY_ID, REPORT_LAYOUT, cellName as layoutCellName, type SectionId, type TableSectionId } from '../../report/index.ts';

/** The editor's sections in reading order: the header (meta) first, then 一 to 六. */
export type EditorSection = SectionId | 'meta';
export const EDITOR_SECTIONS: readonly EditorSection[] = ['meta', 'overview', 'proactive', 'applications', 'appeals', 'problems', 'other'];

export function isEditorSection(value: unknown): value is EditorSection {
  return typeof value === 'string' && (EDITOR_SECTIONS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Where each entered cell sits
// ---------------------------------------------------------------------------------------------

const TABLES: readonly TableSectionId[] = ['proactive', 'applications', 'appeals'];
const byTable = (rows: (table: TableSectionId) => readonly (readonly string[])[]) =>
  Object.fromEntries(TABLES.map((t) => [t, rows(t)])) as Record<TableSectionId, readonly (readonly string[])[]>;

/** Entered cells by row, as arrows move over them (the layout's entered rows). */
export const GRID_MATRIX: Readonly<Record<TableSectionId, readonly (readonly string[])[]>> = byTable((t) => REPORT_LAYOUT[t].enteredRows);

export interface GridPosition {
  readonly section: TableSectionId;
  readonly row: number;
  readonly col: number;
}

const POSITIONS = new Map<string, GridPosition>();
for (const [section, matrix] of Object.entries(GRID_MATRIX) as [TableSectionId, readonly (readonly string[])[]][]) {
  matrix.forEach((cells, row) => cells.forEach((id, col) => POSITIONS.set(id, { section, row, col })));
}

export function gridPosition(cellId: string): GridPosition | undefined {
  return POSITIONS.get(cellId);
}

export type GridMove = 'up' | 'down' | 'left' | 'right' | 'rowStart' | 'rowEnd' | 'gridStart' | 'gridEnd';

/** The cell a key moves to, or undefined at the grid's edge. Rows of 二 differ in width. */
export function moveFrom(cellId: string, move: GridMove): string | undefined {
  const at = POSITIONS.get(cellId);
  if (!at) return undefined;
  const matrix = GRID_MATRIX[at.section];
  const row = matrix[at.row]!;
  switch (move) {
    case 'left':
      return row[at.col - 1];
    case 'right':
      return row[at.col + 1];
    case 'rowStart':
      return row[0];
    case 'rowEnd':
      return row[row.length - 1];
    case 'up':
    case 'down': {
      const next = matrix[at.row + (move === 'up' ? -1 : 1)];
      return next?.[Math.min(at.col, next.length - 1)];
    }
    case 'gridStart':
      return matrix[0]![0];
    case 'gridEnd': {
      const last = matrix[matrix.length - 1]!;
      return last[last.length - 1];
    }
  }
}

/**
 * Every cell by row as the clerk sees the tables, computed ones included (三: 25 rows of 7 with
 * （七）总计 and 总计; 四: one row of 15 with its three 总计): a block pasted from the official
 * sheet lands on these, and messages count rows and columns on them.
 */
export const SCREEN_MATRIX: Readonly<Record<TableSectionId, readonly (readonly string[])[]>> = byTable((t) => REPORT_LAYOUT[t].valueRows);

const SCREEN_POSITIONS = new Map<string, GridPosition>();
for (const [section, matrix] of Object.entries(SCREEN_MATRIX) as [TableSectionId, readonly (readonly string[])[]][]) {
  matrix.forEach((cells, row) => cells.forEach((id, col) => SCREEN_POSITIONS.set(id, { section, row, col })));
}

/** Where a cell (entered or computed) sits on screen. */
export function screenPosition(cellId: string): GridPosition | undefined {
  return SCREEN_POSITIONS.get(cellId);
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** The accessible name of a cell: the labels that name it in the layout (with its group where needed). */
export function cellName(cellId: string, lang: 'zh' | 'en'): string {
  return layoutCellName(cellId, lang);
}

// ---------------------------------------------------------------------------------------------
// Paths of findings: which section, which element
// ---------------------------------------------------------------------------------------------

/** The section a finding's cell or path belongs to (`narrative.overview.1.text` → overview). */
export function sectionOfPath(path: string): EditorSection | undefined {
  const cell = CELL_BY_ID.get(path);
  if (cell) return cell.section;
  if (path.startsWith('meta.') || path === 'meta' || path === 'narrative.preamble') return 'meta';
  const narrative = /^narrative\.(overview|problems|other)(?:\.|$)/.exec(path);
  if (narrative) return narrative[1] as EditorSection;
  const table = /^(proactive|applications|appeals)(?:\.|$)/.exec(path);
  if (table) return table[1] as EditorSection;
  return undefined;
}

/**
 * The elements that stand for a path, best first: a cell (`data-cell`), a field (`data-path`).
 * A whole narrative section stands for its first part's text (or its buttons when it has no
 * parts); a whole table for its first cell.
 */
export function focusSelectorsFor(path: string): string[] {
  if (CELL_BY_ID.has(path)) return [`[data-cell="${path}"]`];
  const section = /^narrative\.(overview|problems|other)$/.exec(path);
  if (section) return [`[data-path="narrative.${section[1]}.0.text"]`, `[data-part-list="${section[1]}"] ~ * button`];
  if (path === 'proactive' || path === 'applications' || path === 'appeals') return [`[data-cell="${GRID_MATRIX[path][0]![0]}"]`];
  return [`[data-path="${path}"]`];
}
