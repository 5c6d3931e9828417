/**
 * The three tables of the report (二, 三, 四) as the 2021 template lays them out on paper, as
 * data: every view of the tables (the editor's grids, the print HTML and the CLI, the review
 * view, the DOCX writer, the web fragment, the importers' header matching) is a projection of
 * this, so that a merged header or a row is placed once. Derived from format.ts (TABLES_MODEL);
 * no label is written here.
 *
 * API, per table (`REPORT_LAYOUT.proactive | .applications | .appeals`, a `TableLayout`):
 * - `head`: the column header rows (a `<thead>`; none for 二), `bodies`: the row groups (a
 *   `<tbody>` each: one for 三 and 四, one per 第二十条 item for 二, its caption row and header
 *   row included). A row is a list of `LayoutCell`s, left to right, as an HTML row lists them
 *   (a cell merged down from a row above is not repeated).
 * - `LayoutCell`: a `label` (official `Label`, `role`, HTML `scope`, `rowSpan`, `colSpan`) or a
 *   value cell, `entered` or `computed`, with its `cellId` (format-2021.md's dotted path).
 * - `width` (grid columns), `labelColumns` (the leading columns that hold row labels).
 * - `positions.get(cellId)`: where a value cell sits: grid `row`/`col`, its index among the
 *   table's value rows, its row labels and column labels (outermost first) — for accessible
 *   names, keyboard moves, paste targets and comments. `valueRows` / `enteredRows`: the cell
 *   ids by row.
 *
 * And for the whole report: `cellPosition(cellId)`, `cellNameLabels(cellId)` and `cellName`
 * (the labels that name a cell, joined), `formatNumber` and `shownValue` — the ONE rule for how a value is shown (below),
 * `layoutMatrix` (a table as (text, rowSpan, colSpan, cellId) rows: the contract the views'
 * tests hold each view to), and `buildLayout(model)` for a changed copy of the format (tests).
 */
import { buildCells, TABLES_MODEL, type ApplicationsGroupId, type ApplicationsRowDef, type CellDef, type CellKind, type Label, type TableSectionId, type TablesModel } from './format.ts';
import { getAt, pathKeys, type Report } from './document.ts';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/**
 * What a label does in its table: `caption` names a small table of 二 (第二十条第（一）项) over
 * its whole width; `note` is 三's top-left block (the 勾稽 note over the row labels);
 * `columnGroup` / `column` head value columns; `rowGroup` / `row` head value rows.
 */
export type LabelRole = 'caption' | 'note' | 'columnGroup' | 'column' | 'rowGroup' | 'row';
export type HeaderScope = 'col' | 'colgroup' | 'row' | 'rowgroup';

export interface LabelCell {
  readonly kind: 'label';
  /** Unique within its table (React keys, DOCX ids). */
  readonly key: string;
  readonly label: Label;
  readonly role: LabelRole;
  /** The HTML scope of its `<th>`; none for the note, which heads nothing. */
  readonly scope?: HeaderScope;
  readonly rowSpan: number;
  readonly colSpan: number;
  /**
   * Whether the label is part of the name of the cells it heads. A label that only gathers
   * others (申请人情况, 法人或其他组织, 三、本年度办理结果, a caption) is not: its cells are told
   * apart without it ("（三）不予公开 1.属于国家秘密 商业企业").
   */
  readonly inName: boolean;
  /** The label heads a column of totals (三's 总计, 四's three 总计). */
  readonly total: boolean;
}

export interface ValueCell {
  readonly kind: 'entered' | 'computed';
  readonly cellId: string;
  readonly cellKind: CellKind;
  readonly rowSpan: 1;
  readonly colSpan: number;
  /** For a computed cell: the entered cells it sums (format.ts). */
  readonly sumOf?: readonly string[];
}

export type LayoutCell = LabelCell | ValueCell;

export interface LayoutRow {
  /** Unique within its table: the row's id in the format (`withheld.stateSecret`), or a made one. */
  readonly key: string;
  /** `caption` and `header` rows hold labels only; `values` rows hold a row's cells. */
  readonly kind: 'caption' | 'header' | 'values';
  /** 三's row in the format (its role in the balance, computed or not), for the views' styling. */
  readonly applicationsRow?: ApplicationsRowDef;
  readonly cells: readonly LayoutCell[];
}

export interface LayoutBody {
  /** 二: the 第二十条 item's id (`article20_1`); 三 and 四: the table's id. */
  readonly key: string;
  readonly rows: readonly LayoutRow[];
}

export interface CellPosition {
  readonly table: TableSectionId;
  /** Grid row (head rows first, then the bodies' rows in order) and column of the cell. */
  readonly row: number;
  readonly col: number;
  /** Index among the table's value rows, and within its row (`valueRows[valueRow][valueCol]`). */
  readonly valueRow: number;
  readonly valueCol: number;
  /** Index in `enteredRows`, for an entered cell. */
  readonly entered?: { readonly row: number; readonly col: number };
  /** The labels left of the cell in its row, and above it in its column, outermost first. */
  readonly rowLabels: readonly LabelCell[];
  readonly columnLabels: readonly LabelCell[];
}

export interface TableLayout {
  readonly table: TableSectionId;
  readonly width: number;
  readonly labelColumns: number;
  readonly head: readonly LayoutRow[];
  readonly bodies: readonly LayoutBody[];
  /** Every value cell's position, by cell id. */
  readonly positions: ReadonlyMap<string, CellPosition>;
  /** Value cells (entered and computed) by row, left to right. */
  readonly valueRows: readonly (readonly string[])[];
  /** Entered cells by row, left to right; a row without one (（七）总计) left out. */
  readonly enteredRows: readonly (readonly string[])[];
}

export interface ReportLayout {
  readonly proactive: TableLayout;
  readonly applications: TableLayout;
  readonly appeals: TableLayout;
  /** The three, in the report's order. */
  readonly tables: readonly TableLayout[];
  /** Every value cell of the three tables, by id. */
  readonly cells: ReadonlyMap<string, ValueCell>;
}

// ---------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------

const SCOPES: Record<LabelRole, HeaderScope | undefined> = {
  caption: 'colgroup',
  note: undefined,
  columnGroup: 'colgroup',
  column: 'col',
  rowGroup: 'rowgroup',
  row: 'row',
};

function label(
  key: string,
  text: Label,
  role: LabelRole,
  span: { rowSpan?: number; colSpan?: number } = {},
  inName = true,
  total = false,
): LabelCell {
  const scope = SCOPES[role];
  return {
    kind: 'label',
    key,
    label: text,
    role,
    ...(scope ? { scope } : {}),
    rowSpan: span.rowSpan ?? 1,
    colSpan: span.colSpan ?? 1,
    inName,
    total,
  };
}

function valueCell(def: CellDef | undefined, cellId: string, colSpan = 1): ValueCell {
  if (!def) throw new Error(`layout: no cell ${cellId} in the format`);
  return {
    kind: def.computed ? 'computed' : 'entered',
    cellId,
    cellKind: def.kind,
    rowSpan: 1,
    colSpan,
    ...(def.sumOf ? { sumOf: def.sumOf } : {}),
  };
}

type CellLookup = (id: string, colSpan?: number) => ValueCell;

/** 二: four small tables on one grid of four columns, each with its caption and header row. */
function proactiveTable(model: TablesModel['proactive'], cell: CellLookup) {
  const width = 1 + model.documentColumns.length;
  const bodies: LayoutBody[] = model.tables.map((table) => {
    const span = (width - 1) / table.columns.length;
    const rows: LayoutRow[] = [
      { key: `${table.id}.caption`, kind: 'caption', cells: [label(`${table.id}.caption`, table.caption, 'caption', { colSpan: width }, false)] },
      {
        key: `${table.id}.header`,
        kind: 'header',
        cells: [
          label(`${table.id}.content`, model.contentHeader, 'column', {}, false),
          ...table.columns.map((c, i) => label(`${table.id}.column.${i}`, c, 'column', { colSpan: span })),
        ],
      },
      ...table.rows.map(
        (row): LayoutRow => ({
          key: row.id,
          kind: 'values',
          cells: [
            label(`${row.id}.label`, row.label, 'row'),
            ...(row.shape === 'documents'
              ? model.documentColumns.map((c) => cell(`proactive.${row.id}.${c.id}`))
              : [cell(`proactive.${row.id}`, span)]),
          ],
        }),
      ),
    ];
    return { key: table.id, rows };
  });
  return { width, labelColumns: 1, head: [], bodies };
}

/**
 * 三: the note over the row labels | 申请人情况 › 自然人 | 法人或其他组织 › the others | 总计
 * (a column that ends higher up merged down); row labels in as many columns as the deepest
 * row has groups, plus one, a group merged down its rows (三、本年度办理结果 down its 21,
 * （三）不予公开 down its eight).
 */
function applicationsTable(model: TablesModel['applications'], cell: CellLookup) {
  const groupOf = new Map(model.groups.map((g) => [g.id, g]));
  const chainOf = (row: ApplicationsRowDef): ApplicationsGroupId[] => {
    const chain: ApplicationsGroupId[] = [];
    for (let id = row.group; id; id = groupOf.get(id)?.parent) chain.unshift(id);
    return chain;
  };
  const chains = model.rows.map(chainOf);
  const labelColumns = 1 + Math.max(...chains.map((c) => c.length));
  const [first, ...organisations] = model.columns;
  if (!first) throw new Error('layout: 三 has no applicant column');
  const valueColumns = model.columns.length + 1;

  const head: LayoutRow[] = [
    {
      key: 'header.1',
      kind: 'header',
      cells: [
        label('note', model.header.note, 'note', { rowSpan: 3, colSpan: labelColumns }, false),
        label('applicants', model.header.applicants, 'columnGroup', { colSpan: valueColumns }, false),
      ],
    },
    {
      key: 'header.2',
      kind: 'header',
      cells: [
        label(first.id, first.label, 'column', { rowSpan: 2 }),
        label('organisations', model.header.organisations, 'columnGroup', { colSpan: organisations.length }, false),
        label(model.total.id, model.total.label, 'column', { rowSpan: 2 }, true, true),
      ],
    },
    { key: 'header.3', kind: 'header', cells: organisations.map((c) => label(c.id, c.label, 'column')) },
  ];

  const opened = new Set<ApplicationsGroupId>();
  const rows = model.rows.map((row, i): LayoutRow => {
    const chain = chains[i]!;
    const cells: LayoutCell[] = [];
    for (const group of chain) {
      if (opened.has(group)) continue;
      opened.add(group);
      const rowSpan = chains.filter((c) => c.includes(group)).length;
      // The outermost group (三、本年度办理结果) only gathers; a subgroup tells its items apart.
      cells.push(label(`group.${group}`, groupOf.get(group)!.label, 'rowGroup', { rowSpan }, groupOf.get(group)!.parent !== undefined));
    }
    cells.push(label(`row.${row.id}`, row.label, 'row', { colSpan: labelColumns - chain.length }));
    for (const col of [...model.columns, model.total]) cells.push(cell(`applications.${row.id}.${col.id}`));
    return { key: row.id, kind: 'values', applicationsRow: row, cells };
  });
  return { width: labelColumns + valueColumns, labelColumns, head, bodies: [{ key: 'applications', rows }] };
}

/** 四: 行政复议 | 行政诉讼 › 未经复议直接起诉 | 复议后起诉, each over its outcomes and 总计; one row of values. */
function appealsTable(model: TablesModel['appeals'], cell: CellLookup) {
  const outcomes = [...model.outcomes, model.total];
  const span = outcomes.length;
  const outcomeCells = (kind: string, rowSpan: number) =>
    outcomes.map((o) => label(`${kind}.${o.id}`, o.label, 'column', { rowSpan }, true, o === model.total));
  const top: LayoutCell[] = [];
  const middle: LayoutCell[] = [];
  const bottom: LayoutCell[] = [];
  const seenParents = new Set<string>();
  for (const kind of model.kinds) {
    if (!kind.parent) {
      // A kind of its own spans its outcomes; they are merged down to the last header row.
      top.push(label(kind.id, kind.label, 'columnGroup', { colSpan: span }));
      middle.push(...outcomeCells(kind.id, 2));
      continue;
    }
    if (!seenParents.has(kind.parent)) {
      seenParents.add(kind.parent);
      const children = model.kinds.filter((k) => k.parent === kind.parent).length;
      top.push(label(kind.parent, model.parents[kind.parent]!, 'columnGroup', { colSpan: span * children }));
    }
    middle.push(label(kind.id, kind.label, 'columnGroup', { colSpan: span }));
    bottom.push(...outcomeCells(kind.id, 1));
  }
  const values = model.kinds.flatMap((k) => outcomes.map((o) => cell(`appeals.${k.id}.${o.id}`)));
  return {
    width: model.kinds.length * span,
    labelColumns: 0,
    head: [
      { key: 'header.1', kind: 'header', cells: top },
      { key: 'header.2', kind: 'header', cells: middle },
      { key: 'header.3', kind: 'header', cells: bottom },
    ] satisfies LayoutRow[],
    bodies: [{ key: 'appeals', rows: [{ key: 'appeals', kind: 'values', cells: values } satisfies LayoutRow] }],
  };
}

interface Placed {
  readonly cell: LayoutCell;
  readonly row: number;
  readonly col: number;
  /** -1 for the head, else the body's index: a column label heads only its own body's cells. */
  readonly body: number;
}

/** Places every cell on the grid (skipping columns taken by a cell merged down from above). */
function place(head: readonly LayoutRow[], bodies: readonly LayoutBody[]): Placed[] {
  const taken = new Set<string>();
  const placed: Placed[] = [];
  let r = 0;
  const rows: [LayoutRow, number][] = [...head.map((row): [LayoutRow, number] => [row, -1]), ...bodies.flatMap((b, i) => b.rows.map((row): [LayoutRow, number] => [row, i]))];
  for (const [row, body] of rows) {
    let c = 0;
    for (const cell of row.cells) {
      while (taken.has(`${r},${c}`)) c++;
      placed.push({ cell, row: r, col: c, body });
      for (let i = 0; i < cell.rowSpan; i++) for (let j = 0; j < cell.colSpan; j++) taken.add(`${r + i},${c + j}`);
      c += cell.colSpan;
    }
    r++;
  }
  return placed;
}

function finish(table: TableSectionId, built: { width: number; labelColumns: number; head: LayoutRow[]; bodies: LayoutBody[] }): TableLayout {
  const placed = place(built.head, built.bodies);
  const labels = placed.filter((p): p is Placed & { cell: LabelCell } => p.cell.kind === 'label');
  const values = placed.filter((p): p is Placed & { cell: ValueCell } => p.cell.kind !== 'label');
  const byRow = new Map<number, (Placed & { cell: ValueCell })[]>();
  for (const v of values) byRow.set(v.row, [...(byRow.get(v.row) ?? []), v]);
  const valueRows = [...byRow.values()].map((row) => row.sort((a, b) => a.col - b.col).map((p) => p.cell.cellId));
  const enteredRows = [...byRow.values()]
    .map((row) => row.filter((p) => p.cell.kind === 'entered').map((p) => p.cell.cellId))
    .filter((row) => row.length > 0);
  const enteredAt = new Map<string, { row: number; col: number }>();
  enteredRows.forEach((row, i) => row.forEach((id, j) => enteredAt.set(id, { row: i, col: j })));

  const placedValue = new Map(values.map((v) => [v.cell.cellId, v]));
  const positions = new Map<string, CellPosition>();
  valueRows.forEach((ids, valueRow) =>
    ids.forEach((id, valueCol) => {
      const at = placedValue.get(id)!;
      const rowLabels = labels
        .filter((l) => (l.cell.role === 'row' || l.cell.role === 'rowGroup') && l.row <= at.row && at.row < l.row + l.cell.rowSpan && l.col < at.col)
        .sort((a, b) => a.col - b.col)
        .map((l) => l.cell);
      const columnLabels = labels
        .filter(
          (l) =>
            (l.cell.role === 'column' || l.cell.role === 'columnGroup') &&
            (l.body === -1 || l.body === at.body) &&
            l.row < at.row &&
            l.col <= at.col &&
            at.col < l.col + l.cell.colSpan,
        )
        .sort((a, b) => a.row - b.row)
        .map((l) => l.cell);
      const entered = enteredAt.get(id);
      positions.set(id, { table, row: at.row, col: at.col, valueRow, valueCol, ...(entered ? { entered } : {}), rowLabels, columnLabels });
    }),
  );
  return { table, ...built, positions, valueRows, enteredRows };
}

/** The layout of a tables model: the app's is REPORT_LAYOUT; tests build one of a changed copy. */
export function buildLayout(model: TablesModel = TABLES_MODEL): ReportLayout {
  const defs = new Map(buildCells(model).map((c) => [c.id, c]));
  const cell: CellLookup = (id, colSpan) => valueCell(defs.get(id), id, colSpan);
  const proactive = finish('proactive', proactiveTable(model.proactive, cell));
  const applications = finish('applications', applicationsTable(model.applications, cell));
  const appeals = finish('appeals', appealsTable(model.appeals, cell));
  const tables = [proactive, applications, appeals];
  const cells = new Map<string, ValueCell>();
  for (const t of tables) for (const b of t.bodies) for (const r of b.rows) for (const c of r.cells) if (c.kind !== 'label') cells.set(c.cellId, c);
  return { proactive, applications, appeals, tables, cells };
}

/** The layout of the 2021 format, as every view shows it. */
export const REPORT_LAYOUT: ReportLayout = buildLayout();

// ---------------------------------------------------------------------------------------------
// Looking a cell up
// ---------------------------------------------------------------------------------------------

/** Where a value cell sits in its table; undefined for an id that is no cell. */
export function cellPosition(cellId: string, layout: ReportLayout = REPORT_LAYOUT): CellPosition | undefined {
  for (const t of layout.tables) {
    const at = t.positions.get(cellId);
    if (at) return at;
  }
  return undefined;
}

/**
 * The labels that name a cell, outermost first: its row labels, then its column labels,
 * without the labels that only gather others: （三）不予公开 · 1.属于国家秘密 · 商业企业;
 * 行政诉讼 · 未经复议直接起诉 · 结果维持; 规章 · 本年制发件数.
 */
export function cellNameLabels(cellId: string, layout: ReportLayout = REPORT_LAYOUT): readonly Label[] {
  const at = cellPosition(cellId, layout);
  if (!at) return [];
  const labels = [...at.rowLabels, ...at.columnLabels].filter((l) => l.inName).map((l) => l.label);
  // A label the one before already ends with is said once: "（七）总计", not "（七）总计 总计".
  return labels.filter((l, i) => i === 0 || !labels[i - 1]!.zh.endsWith(l.zh));
}

/** A cell's name: its naming labels joined ("（三）不予公开 1.属于国家秘密 商业企业"); the id itself for no cell. */
export function cellName(cellId: string, lang: 'zh' | 'en', layout: ReportLayout = REPORT_LAYOUT): string {
  const labels = cellNameLabels(cellId, layout);
  return labels.length === 0 ? cellId : labels.map((l) => l[lang]).join(lang === 'zh' ? ' ' : ' — ');
}

// ---------------------------------------------------------------------------------------------
// How a value is shown: the one rule
// ---------------------------------------------------------------------------------------------

/**
 * A number as every view shows it: plain digits, no thousands separator (as the template
 * prints it, and as Excel pastes it back); an amount (行政事业性收费, 万元) with the decimals it
 * has, at most four, no trailing zero. A cell not filled (null) is shown empty: a blank is not
 * a 0 ("keep blank and "/" distinct from 0" — format-2021.md).
 */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

/**
 * The text of a cell in every view of the tables (print, editor, review, Word, web):
 * - an entered cell: its number; not filled → empty;
 * - a computed cell (总计, （七）总计): the sum of its parts, a part not filled counting as 0
 *   (totals.ts); when NONE of its parts is filled it is empty too — a 0 there would state a
 *   figure nobody entered, and the format keeps blank distinct from 0.
 * The value itself (rules, balance, aggregate) is totals.ts's cellValue; this is only its text.
 */
export function shownValue(report: Report, cell: ValueCell | string, layout: ReportLayout = REPORT_LAYOUT): string {
  const def = typeof cell === 'string' ? layout.cells.get(cell) : cell;
  if (!def) return '';
  if (def.kind === 'entered') {
    const v = getAt(report, pathKeys(def.cellId));
    return typeof v === 'number' ? formatNumber(v) : '';
  }
  let filled = false;
  let sum = 0;
  const parts = def.sumOf ?? [];
  for (let i = 0; i < parts.length; i++) {
    const v = getAt(report, pathKeys(parts[i]!));
    if (typeof v === 'number' && Number.isFinite(v)) {
      filled = true;
      sum += v;
    }
  }
  return filled ? formatNumber(sum) : '';
}

// ---------------------------------------------------------------------------------------------
// The contract of the views
// ---------------------------------------------------------------------------------------------

export interface MatrixCell {
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** The value cell's id; null for a label. */
  readonly cellId: string | null;
}

/**
 * A table as rows of (text, rowSpan, colSpan, cell id), head rows first: what each view's table,
 * read back from its DOM or HTML, must equal. Labels in `lang`, values as `shownValue` shows
 * them for `report` (or empty without one).
 */
export function layoutMatrix(table: TableLayout, report?: Report, lang: 'zh' | 'en' = 'zh', layout: ReportLayout = REPORT_LAYOUT): MatrixCell[][] {
  const rows = [...table.head, ...table.bodies.flatMap((b) => b.rows)];
  return rows.map((row) =>
    row.cells.map((c) =>
      c.kind === 'label'
        ? { text: c.label[lang], rowSpan: c.rowSpan, colSpan: c.colSpan, cellId: null }
        : { text: report ? shownValue(report, c, layout) : '', rowSpan: c.rowSpan, colSpan: c.colSpan, cellId: c.cellId },
    ),
  );
}
