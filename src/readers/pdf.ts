/**
 * PDF with a text layer → the neutral shape, through pdf.js. pdf.js gives positioned pieces of
 * text; rows are rebuilt from their baselines and cells from the gaps between pieces (a gap
 * wider than a character is a column boundary, written as a tab), and the text reader does the
 * rest. A PDF without text (a scan) is refused: there is nothing to read without OCR.
 *
 * The pdf.js module is passed in: the CLI loads the legacy build (Node), the app the browser
 * build with its worker (loaded lazily, never in the editor's first load).
 */
import { textToNeutral, type NeutralDocument } from '../report/import/index.ts';

export interface PdfTextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

export interface PdfjsLike {
  getDocument(options: Record<string, unknown>): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{ getTextContent(): Promise<{ items: readonly unknown[] }> }>;
      destroy(): Promise<void>;
    }>;
  };
}

export class ScannedPdfError extends Error {
  constructor() {
    super('scanned PDF: no text layer');
  }
}

/** One page's pieces as lines of text, cells separated by tabs. */
export function pageLines(items: readonly PdfTextItem[]): string[] {
  const pieces = items
    .filter((i) => i.str.trim() !== '')
    .map((i) => ({ text: i.str, x: i.transform[4]!, y: i.transform[5]!, w: i.width, h: Math.abs(i.height) || Math.abs(i.transform[3]!) || 10 }));
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
    const lines: string[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is PdfTextItem => typeof (i as PdfTextItem).str === 'string');
      chars += items.reduce((s, i) => s + i.str.trim().length, 0);
      lines.push(...pageLines(items).filter((l) => !/^[-—–\s]*\d+[-—–\s]*$/.test(l)), '');
    }
    if (chars < 20) throw new ScannedPdfError();
    return { ...textToNeutral(lines.join('\n')), source: 'pdf' };
  } finally {
    await pdf.destroy();
  }
}
