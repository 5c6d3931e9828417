/**
 * Tables of a PDF page rebuilt from what the page draws: the ruling lines of a table (cell
 * borders, as Word, WPS and LibreOffice print them) give its rows and columns, a missing border
 * between two positions merges them (a spanned cell), and each piece of text goes to the cell
 * its centre falls in. So a blank cell stays a blank position and a wrapped label stays one
 * cell, which positions of text alone cannot tell. Pages without ruling lines are read as
 * lines of text (pdf.ts).
 */

export interface Piece {
  readonly text: string;
  /** Left, baseline, width, height in PDF space (y grows upwards). */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A ruling line: horizontal (y fixed, x from a to b) or vertical (x fixed, y from a to b). */
export interface Rule {
  readonly dir: 'h' | 'v';
  readonly at: number;
  readonly a: number;
  readonly b: number;
}

export interface PageTable {
  /** Top and bottom of the table (PDF space). */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly rows: string[][];
}

const EPS = 1.5;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (!out.length || v - out[out.length - 1]! > EPS) out.push(v);
  return out;
}

/** Ruling lines from the bounding boxes of drawn paths: a box thinner than 2pt is a line. */
export function rulesFromBoxes(boxes: readonly (readonly [number, number, number, number])[]): Rule[] {
  const rules: Rule[] = [];
  for (const [x0, y0, x1, y1] of boxes) {
    const w = Math.abs(x1 - x0);
    const h = Math.abs(y1 - y0);
    if (w < 2 && h > 3) rules.push({ dir: 'v', at: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1) });
    else if (h < 2 && w > 3) rules.push({ dir: 'h', at: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1) });
  }
  return rules;
}

/** The tables a page's ruling lines make, each with its grid filled from the pieces. */
export function pageTables(rules: readonly Rule[], pieces: readonly Piece[]): { tables: PageTable[]; rest: Piece[] } {
  const verticals = rules.filter((r) => r.dir === 'v');
  const horizontals = rules.filter((r) => r.dir === 'h');
  // A table's height: vertical rules that overlap (or touch) in y belong to one table.
  const spans = [...verticals].sort((a, b) => b.b - a.b);
  const extents: { top: number; bottom: number }[] = [];
  for (const v of spans) {
    const e = extents.find((x) => v.b >= x.bottom - EPS && v.a <= x.top + EPS);
    if (e) {
      e.top = Math.max(e.top, v.b);
      e.bottom = Math.min(e.bottom, v.a);
    } else extents.push({ top: v.b, bottom: v.a });
  }
  const tables: PageTable[] = [];
  const used = new Set<Piece>();
  for (const e of extents) {
    const vs = verticals.filter((v) => v.a >= e.bottom - EPS && v.b <= e.top + EPS);
    const xs = cluster(vs.map((v) => v.at));
    if (xs.length < 2) continue;
    const hs = horizontals.filter((h) => h.at >= e.bottom - EPS && h.at <= e.top + EPS && h.b > xs[0]! && h.a < xs[xs.length - 1]!);
    const ys = cluster([...hs.map((h) => h.at), e.top, e.bottom]).reverse(); // top to bottom
    if (ys.length < 2) continue;
    const nr = ys.length - 1;
    const nc = xs.length - 1;
    // Union-find over grid positions: no rule between two neighbours merges them.
    const parent = Array.from({ length: nr * nc }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    const union = (i: number, j: number) => {
      parent[find(i)] = find(j);
    };
    const hasV = (x: number, yMid: number) => vs.some((v) => Math.abs(v.at - x) <= EPS && v.a <= yMid && v.b >= yMid);
    const hasH = (y: number, xMid: number) => hs.some((h) => Math.abs(h.at - y) <= EPS && h.a <= xMid && h.b >= xMid);
    for (let r = 0; r < nr; r++) {
      const yMid = (ys[r]! + ys[r + 1]!) / 2;
      for (let c = 0; c < nc; c++) {
        const xMid = (xs[c]! + xs[c + 1]!) / 2;
        if (c + 1 < nc && !hasV(xs[c + 1]!, yMid)) union(r * nc + c, r * nc + c + 1);
        if (r + 1 < nr && !hasH(ys[r + 1]!, xMid)) union(r * nc + c, (r + 1) * nc + c);
      }
    }
    const texts = new Map<number, Piece[]>();
    for (const p of pieces) {
      const cx = p.x + p.w / 2;
      const cy = p.y + p.h * 0.3;
      if (cy > e.top || cy < e.bottom || cx < xs[0]! || cx > xs[nc]!) continue;
      const r = ys.findIndex((y, i) => i < nr && cy <= y && cy >= ys[i + 1]!);
      const c = xs.findIndex((x, i) => i < nc && cx >= x && cx <= xs[i + 1]!);
      if (r < 0 || c < 0) continue;
      used.add(p);
      const root = find(r * nc + c);
      texts.set(root, [...(texts.get(root) ?? []), p]);
    }
    const cellText = (root: number) => {
      const ps = [...(texts.get(root) ?? [])].sort((a, b) => (Math.abs(a.y - b.y) > Math.max(a.h, b.h) * 0.4 ? b.y - a.y : a.x - b.x));
      return ps.map((p) => p.text).join('').trim();
    };
    const rows: string[][] = [];
    for (let r = 0; r < nr; r++) {
      const row: string[] = [];
      for (let c = 0; c < nc; c++) row.push(cellText(find(r * nc + c)));
      rows.push(row);
    }
    tables.push({ top: e.top, bottom: e.bottom, left: xs[0]!, right: xs[nc]!, rows });
  }
  return { tables, rest: pieces.filter((p) => !used.has(p)) };
}
