/**
 * Word .docx (as Word, WPS and LibreOffice save it) → the neutral shape: mammoth turns the
 * document into HTML (tables with their merged cells as colspan/rowspan, paragraphs as <p>),
 * which the HTML reader reads. Bytes in, neutral shape out; mammoth loads on first use.
 */
import type { NeutralDocument } from '../report/import/index.ts';
import { htmlTextToNeutral } from './html.ts';

export async function docxToNeutral(bytes: Uint8Array): Promise<NeutralDocument> {
  const mammoth = (await import('mammoth')).default ?? (await import('mammoth'));
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // In Node mammoth wants a Buffer; in the browser an ArrayBuffer.
  const input = typeof (globalThis as { Buffer?: unknown }).Buffer === 'function'
    ? { buffer: (globalThis as unknown as { Buffer: { from(b: ArrayBuffer): unknown } }).Buffer.from(arrayBuffer) }
    : { arrayBuffer };
  const result = await (mammoth as unknown as { convertToHtml(i: unknown, o?: unknown): Promise<{ value: string }> }).convertToHtml(input, {
    // Images are not the report's text; leave them out rather than inline megabytes of base64.
    convertImage: (mammoth as unknown as { images: { imgElement(f: () => Promise<Record<string, string>>): unknown } }).images.imgElement(async () => ({ src: '' })),
  });
  return htmlTextToNeutral(`<body>${result.value}</body>`, 'docx');
}
