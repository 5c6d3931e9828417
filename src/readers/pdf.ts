/**
 * PDF with a text layer → the neutral shape, through pdf.js. pdf.js gives positioned pieces of
 * text; rows are rebuilt from their baselines and cells from the gaps between pieces (a gap
 * wider than a character is a column boundary, written as a tab), and the text reader does the
 * rest. A PDF without text (a scan) is refused: there is nothing to read without OCR.
 *
 * The pdf.js module is passed in: the CLI loads the legacy build (Node), the app the browser
 * build with its worker (loaded lazily, never in the editor's first load).
 */
import { table, textToNeutral, type NeutralBlock, type NeutralDocument } from '../report/import/index.ts';
import { pageTables, rulesFromBoxes, type Piece } from './pdfTables.ts';

export interface PdfTextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

export interface PdfjsLike {
  readonly OPS: Readonly<Record<string, number>>;
  getDocument(options: Record<string, unknown>): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{
        getTextContent(): Promise<{ items: readonly unknown[] }>;
        getOperatorList(): Promise<{ fnArray: readonly number[]; argsArray: readonly unknown[] }>;
      }>;
      destroy(): Promise<void>;
    }>;
  };
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Bounding boxes of the paths a page draws, in page space (the transforms applied). */
function pathBoxes(ops: { fnArray: readonly number[]; argsArray: readonly unknown[] }, OPS: Readonly<Record<string, number>>): [number, number, number, number][] {
  const boxes: [number, number, number, number][] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const mm = args[args.length - 1] as ArrayLike<number> | null;
      if (!mm || mm.length < 4) return;
      const pts = [
        [mm[0]!, mm[1]!],
        [mm[2]!, mm[3]!],
      ].map(([x, y]) => [ctm[0] * x! + ctm[2] * y! + ctm[4], ctm[1] * x! + ctm[3] * y! + ctm[5]] as const);
      boxes.push([Math.min(pts[0]![0], pts[1]![0]), Math.min(pts[0]![1], pts[1]![1]), Math.max(pts[0]![0], pts[1]![0]), Math.max(pts[0]![1], pts[1]![1])]);
    }
  });
  return boxes;
}

export class ScannedPdfError extends Error {
  constructor() {
    super('scanned PDF: no text layer');
  }
}

// Fonts that draw an ideograph with the glyph of its radical make pdf.js give the radical's code
// point: Chromium's and some Word PDFs print 人民 as 人⺠. Kangxi radicals (U+2F00–U+2FDF) have a
// compatibility mapping (NFKC); the CJK Radicals Supplement's full characters are listed here
// (Unicode's EquivalentUnifiedIdeograph.txt), the rest are only ever components.
const RADICAL_SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2E81': '厂', '\u2E87': '几', '\u2E8A': '卜', '\u2E8C': '小', '\u2E8E': '兀', '\u2E92': '巳', '\u2E93': '幺', '\u2E97': '心',
  '\u2E9D': '月', '\u2E9F': '母', '\u2EA0': '民', '\u2EA9': '王', '\u2EAA': '疋', '\u2EAC': '示', '\u2EAE': '竹', '\u2EAF': '糸',
  '\u2EB6': '羊', '\u2EBB': '聿', '\u2EBC': '月', '\u2EBD': '臼', '\u2EC1': '虎', '\u2EC4': '西', '\u2EC5': '见', '\u2EC6': '角',
  '\u2EC9': '贝', '\u2ECB': '车', '\u2ED1': '長', '\u2ED3': '长', '\u2ED4': '门', '\u2ED7': '雨', '\u2ED8': '青', '\u2ED9': '韦',
  '\u2EDA': '页', '\u2EDB': '风', '\u2EDC': '飞', '\u2EDD': '食', '\u2EE2': '马', '\u2EE3': '骨', '\u2EE4': '鬼', '\u2EE5': '鱼',
  '\u2EE6': '鸟', '\u2EE7': '卤', '\u2EE8': '麦', '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEC': '齐', '\u2EEE': '齿', '\u2EF0': '龙', '\u2EF3': '龟',
};

export function unifyRadicals(text: string): string {
  return text.replace(/[\u2E80-\u2EFF\u2F00-\u2FDF]/g, (ch) => RADICAL_SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}

// pdf.js puts a space into a piece where a justified line spreads its glyphs ("要 求 ， 现 发 布");
// Chinese sets no space between ideographs or their punctuation, so none is the text's own.
const CJK = '\\u3000-\\u303F\\u3400-\\u9FFF\\uFF00-\\uFF60';
const SPREAD = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, 'gu');

/** A piece's text as the report wrote it: ideographs for radicals, no spread-out spaces. */
export function pieceText(text: string): string {
  return unifyRadicals(text).replace(SPREAD, '');
}

/**
 * Text drawn aslant (a 草稿 or 样稿 watermark across the page) is not the report's text. Text
 * turned by a right angle is kept: a landscape table drawn sideways on a portrait page.
 */
function isAslant(t: readonly number[]): boolean {
  const [a = 1, b = 0] = t;
  const degrees = Math.abs((Math.atan2(b, a) * 180) / Math.PI) % 90;
  return degrees > 3 && degrees < 87;
}

export function toPieces(items: readonly PdfTextItem[]): Piece[] {
  return items
    .filter((i) => i.str.trim() !== '' && !isAslant(i.transform))
    .map((i) => ({ text: pieceText(i.str), x: i.transform[4]!, y: i.transform[5]!, w: i.width, h: Math.abs(i.height) || Math.abs(i.transform[3]!) || 10 }));
}

/** Pieces as lines of text, cells separated by tabs (where no ruling lines say better). */
export function pageLines(input: readonly Piece[]): string[] {
  const pieces = [...input];
  if (!pieces.length) return [];
  const heights = pieces.map((p) => p.h).sort((a, b) => a - b);
  const lineHeight = heights[Math.floor(heights.length / 2)]!;
  // Top to bottom (PDF y grows upwards), then left to right.
  pieces.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: (typeof pieces)[] = [];
  for (const piece of pieces) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - piece.y) <= lineHeight * 0.4) line.push(piece);
    else lines.push([piece]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    let out = '';
    let end = -Infinity;
    for (const p of line) {
      const gap = p.x - end;
      if (out) out += gap > lineHeight * 1.2 ? '\t' : gap > lineHeight * 0.25 && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(p.text) ? ' ' : '';
      out += p.text;
      end = p.x + p.w;
    }
    return out;
  });
}

export async function pdfToNeutral(bytes: Uint8Array, pdfjs: PdfjsLike): Promise<NeutralDocument> {
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const blocks: NeutralBlock[] = [];
    let chars = 0;
    const pageNumber = (l: string) => /^[-—–\s]*\d+[-—–\s]*$/.test(l);
    const addText = (pieces: readonly Piece[]) => blocks.push(...textToNeutral(pageLines(pieces).filter((l) => !pageNumber(l)).join('\n')).blocks);
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is PdfTextItem => typeof (i as PdfTextItem).str === 'string');
      chars += items.reduce((s, i) => s + i.str.trim().length, 0);
      const pieces = toPieces(items);
      const { tables, rest } = pageTables(rulesFromBoxes(pathBoxes(await page.getOperatorList(), pdfjs.OPS)), pieces);
      // Text above each table, the table, and so on down the page.
      let remaining = rest;
      for (const t of [...tables].sort((a, b) => b.top - a.top)) {
        addText(remaining.filter((p) => p.y > t.top));
        remaining = remaining.filter((p) => p.y <= t.top);
        blocks.push(table(t.rows));
      }
      addText(remaining);
    }
    if (chars < 20) throw new ScannedPdfError();
    return { source: 'pdf', blocks };
  } finally {
    await pdf.destroy();
  }
}
