/**
 * The grids of 二, 三 and 四 as the keyboard and the clipboard see them: which entered cell is
 * where, which cell a key moves to, where a pasted block lands, and what each cell is called.
 * Everything is derived from the format model; computed cells are never stops.
 */
import {
  APPEAL_KINDS,
  APPEAL_OUTCOME_IDS,
  APPEAL_OUTCOMES,
  APPEALS_LITIGATION,
  APPEALS_COLUMN_IDS,
  APPEALS_TOTAL_COLUMN,
  APPLICANT_COLUMN_IDS,
  APPLICANT_COLUMNS,
  APPLICATIONS_COLUMN_IDS,
  APPLICATIONS_HEADER,
  APPLICATIONS_ROWS,
  APPLICATIONS_TOTAL_COLUMN,
  CELL_BY_ID,
  ENTERED_APPLICATIONS_ROWS,
  PROACTIVE_DOCUMENT_COLUMNS,
  PROACTIVE_ROWS,
  applicationsGroup,
  type ApplicationsGroupId,
  type ApplicationsRowId,
  type CellDef,
  type Label,
  type SectionId,
  type TableSectionId,
} from '../../report/index.ts';

/** The editor's sections in reading order: the header (meta) first, then 一 to 六. */
export type EditorSection = SectionId | 'meta';
export const EDITOR_SECTIONS: readonly EditorSection[] = ['meta', 'overview', 'proactive', 'applications', 'appeals', 'problems', 'other'];

export function isEditorSection(value: unknown): value is EditorSection {
  return typeof value === 'string' && (EDITOR_SECTIONS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Where each entered cell sits
// ---------------------------------------------------------------------------------------------

/** Entered cells by row, as arrows and pasted blocks move over them. */
export const GRID_MATRIX: Readonly<Record<TableSectionId, readonly (readonly string[])[]>> = {
  proactive: PROACTIVE_ROWS.map((row) =>
    row.shape === 'documents' ? PROACTIVE_DOCUMENT_COLUMNS.map((c) => `proactive.${row.id}.${c.id}`) : [`proactive.${row.id}`],
  ),
  applications: ENTERED_APPLICATIONS_ROWS.map((row) => APPLICANT_COLUMN_IDS.map((c) => `applications.${row.id}.${c}`)),
  // 四 is one printed row of fifteen cells; its twelve entered cells form one row here too.
  appeals: [APPEAL_KINDS.flatMap((k) => APPEAL_OUTCOME_IDS.map((o) => `appeals.${k.id}.${o}`))],
};

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
export const SCREEN_MATRIX: Readonly<Record<TableSectionId, readonly (readonly string[])[]>> = {
  proactive: GRID_MATRIX.proactive,
  applications: APPLICATIONS_ROWS.map((row) => APPLICATIONS_COLUMN_IDS.map((c) => `applications.${row.id}.${c}`)),
  appeals: [APPEAL_KINDS.flatMap((k) => APPEALS_COLUMN_IDS.map((c) => `appeals.${k.id}.${c}`))],
};

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

const APPLICATIONS_ROW_BY_ID = new Map(APPLICATIONS_ROWS.map((r) => [r.id, r]));

/** The labels that name a cell, outermost first: group, row, column. */
export function cellNameParts(cellId: string): readonly Label[] {
  const cell: CellDef | undefined = CELL_BY_ID.get(cellId);
  if (!cell) return [];
  if (cell.section === 'applications') {
    const rowId = cellId.slice('applications.'.length, cellId.lastIndexOf('.')) as ApplicationsRowId;
    const group = APPLICATIONS_ROW_BY_ID.get(rowId)?.group;
    // 1.属于国家秘密 is only unique within （三）不予公开; （一）予以公开 needs no group.
    return group && group !== 'results' ? [applicationsGroup(group).label, cell.row, cell.column] : [cell.row, cell.column];
  }
  if (cell.section === 'appeals') {
    const kind = APPEAL_KINDS.find((k) => cellId.startsWith(`appeals.${k.id}.`));
    return kind && 'parent' in kind ? [APPEALS_LITIGATION, cell.row, cell.column] : [cell.row, cell.column];
  }
  return [cell.row, cell.column];
}

/** The accessible name of a cell: its row and column labels (with the group where needed). */
export function cellName(cellId: string, lang: 'zh' | 'en'): string {
  return cellNameParts(cellId)
    .map((l) => l[lang])
    .join(lang === 'zh' ? ' ' : ' — ');
}

// ---------------------------------------------------------------------------------------------
// The row headers of 三 (official layout: 三、本年度办理结果 and （三）… span their rows)
// ---------------------------------------------------------------------------------------------

export type RowHeaderCell =
  | { readonly kind: 'group'; readonly group: ApplicationsGroupId; readonly rowSpan: number }
  | { readonly kind: 'row'; readonly colSpan: number };

/** Three label columns: 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密. */
export const APPLICATIONS_LABEL_COLUMNS = 3;

export function applicationsRowHeaders(): Map<ApplicationsRowId, readonly RowHeaderCell[]> {
  const headers = new Map<ApplicationsRowId, RowHeaderCell[]>();
  const inGroup = (rowGroup: ApplicationsGroupId | undefined, group: ApplicationsGroupId) =>
    rowGroup === group || (rowGroup !== undefined && applicationsGroup(rowGroup).parent === group);
  const seen = new Set<ApplicationsGroupId>();
  for (const row of APPLICATIONS_ROWS) {
    const cells: RowHeaderCell[] = [];
    const group = row.group;
    if (!group) {
      cells.push({ kind: 'row', colSpan: APPLICATIONS_LABEL_COLUMNS });
    } else {
      const outer = applicationsGroup(group).parent ?? group;
      if (!seen.has(outer)) {
        seen.add(outer);
        cells.push({ kind: 'group', group: outer, rowSpan: APPLICATIONS_ROWS.filter((r) => inGroup(r.group, outer)).length });
      }
      if (group === outer) {
        cells.push({ kind: 'row', colSpan: APPLICATIONS_LABEL_COLUMNS - 1 });
      } else {
        if (!seen.has(group)) {
          seen.add(group);
          cells.push({ kind: 'group', group, rowSpan: APPLICATIONS_ROWS.filter((r) => r.group === group).length });
        }
        cells.push({ kind: 'row', colSpan: 1 });
      }
    }
    headers.set(row.id, cells);
  }
  return headers;
}

// ---------------------------------------------------------------------------------------------
// The column headers of 三 and 四 (official layout: groups over their columns, a column that
// ends higher up merged down to the last header row)
// ---------------------------------------------------------------------------------------------

/** A column of a grid's header: a value column (no `columns`) or a group over its columns. */
export interface HeaderColumn {
  /** The value column's id in the row's cell ids (`naturalPerson`, `review.upheld`); a group's name. */
  readonly id: string;
  readonly label: Label;
  readonly columns?: readonly HeaderColumn[];
  /** Columns the header spans when it is wider than one value column (三's note over the 3 label columns). */
  readonly span?: number;
  readonly className?: string;
}

export interface HeaderCell {
  readonly id: string;
  readonly label: Label;
  /** `colgroup` for a group and for a column merged down over the rows below it. */
  readonly scope: 'col' | 'colgroup';
  readonly colSpan: number;
  readonly rowSpan: number;
  readonly className?: string;
}

const depthOf = (column: HeaderColumn): number => 1 + Math.max(0, ...(column.columns ?? []).map(depthOf));
const widthOf = (column: HeaderColumn): number =>
  column.columns ? column.columns.reduce((sum, c) => sum + widthOf(c), 0) : (column.span ?? 1);

/** The header rows of a column tree, top first: each header in the row of its depth. */
export function headerRows(columns: readonly HeaderColumn[]): HeaderCell[][] {
  const depth = Math.max(...columns.map(depthOf));
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => []);
  const place = (column: HeaderColumn, level: number) => {
    const rowSpan = column.columns ? 1 : depth - level;
    rows[level]!.push({
      id: column.id,
      label: column.label,
      scope: column.columns || rowSpan > 1 ? 'colgroup' : 'col',
      colSpan: widthOf(column),
      rowSpan,
      ...(column.className ? { className: column.className } : {}),
    });
    for (const child of column.columns ?? []) place(child, level + 1);
  };
  for (const column of columns) place(column, 0);
  return rows;
}

/** The value columns of a column tree, left to right. */
export function valueColumns(columns: readonly HeaderColumn[]): HeaderColumn[] {
  return columns.flatMap((c) => (c.columns ? valueColumns(c.columns) : [c]));
}

const [naturalPerson, ...organisations] = APPLICANT_COLUMNS;

/** 三: the note over the row labels | 申请人情况 › 自然人 | 法人或其他组织 › five | 总计. */
export const APPLICATIONS_HEADER_COLUMNS: readonly HeaderColumn[] = [
  // The top-left block of the official form: it carries the 勾稽 note over the row labels.
  { id: 'label', label: APPLICATIONS_HEADER.note, span: APPLICATIONS_LABEL_COLUMNS, className: 'note' },
  {
    id: 'applicants',
    label: APPLICATIONS_HEADER.applicants,
    columns: [
      { id: naturalPerson.id, label: naturalPerson.label },
      { id: 'organisations', label: APPLICATIONS_HEADER.organisations, columns: organisations.map((c) => ({ id: c.id, label: c.label })) },
      { id: APPLICATIONS_TOTAL_COLUMN.id, label: APPLICATIONS_TOTAL_COLUMN.label, className: 'col-total' },
    ],
  },
];

function appealKindColumn(kind: (typeof APPEAL_KINDS)[number]): HeaderColumn {
  return {
    id: kind.id,
    label: kind.label,
    columns: [...APPEAL_OUTCOMES, APPEALS_TOTAL_COLUMN].map((outcome) => ({
      id: `${kind.id}.${outcome.id}`,
      label: outcome.label,
      ...(outcome.id === 'total' ? { className: 'col-total' } : {}),
    })),
  };
}

/** 四: 行政复议 | 行政诉讼 › 未经复议直接起诉 | 复议后起诉, each › 结果维持 … 总计. */
export const APPEALS_HEADER_COLUMNS: readonly HeaderColumn[] = [
  ...APPEAL_KINDS.filter((k) => !('parent' in k)).map(appealKindColumn),
  { id: 'litigation', label: APPEALS_LITIGATION, columns: APPEAL_KINDS.filter((k) => 'parent' in k).map(appealKindColumn) },
];

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
