/**
 * The readers in the browser: DOMParser for HTML (the readers use it when there is one), mammoth
 * for .docx, pdf.js's browser build with its worker for PDF — each loaded when a file of its
 * kind comes, never with the editor.
 */
import type { PublishedImport } from '../../report/import/index.ts';
import type { PdfjsLike } from '../../readers/pdf.ts';
import { readPasted, readPublished, type ReadOptions } from '../../readers/read.ts';

const BROWSER: ReadOptions = {
  loadPdfjs: async () => {
    const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs as unknown as PdfjsLike;
  },
};

export async function readFileInBrowser(file: File): Promise<PublishedImport> {
  return readPublished(new Uint8Array(await file.arrayBuffer()), BROWSER);
}

export function readPasteInBrowser(html: string | undefined, text: string | undefined): Promise<PublishedImport> {
  return readPasted(html, text);
}
