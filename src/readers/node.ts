/** The readers' options in Node (the CLI, tests): pdf.js's legacy build, which runs on Node 20. */
import type { ReadOptions } from './read.ts';
import type { PdfjsLike } from './pdf.ts';

export const NODE_READ_OPTIONS: ReadOptions = {
  loadPdfjs: async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsLike,
};
