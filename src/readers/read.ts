/**
 * Any published report's bytes → { report, notes }: the kind is told by content, not by the
 * file's name (a .txt that is HTML, a .doc that is really .docx), then the reader of that kind
 * gives the neutral shape and the one matcher maps it. Every failure is an ImportFailure with a
 * message in both languages, never an exception that half-loads anything.
 */
import type { LocalizedText } from '../report/index.ts';
import { matchPublished, textToNeutral, type NeutralDocument, type PublishedImport } from '../report/import/index.ts';
import { htmlTextToNeutral } from './html.ts';
import type { PdfjsLike } from './pdf.ts';

export type InputKind = 'text' | 'html' | 'docx' | 'pdf';

export type ImportFailureCode = 'empty' | 'tooLarge' | 'legacyWord' | 'notDocx' | 'scannedPdf' | 'brokenPdf' | 'brokenDocx' | 'binary' | 'notAReport';

export const IMPORT_FAILURES: Record<ImportFailureCode, LocalizedText> = {
  empty: { zh: '文件是空的', en: 'The file is empty' },
  tooLarge: { zh: '文件太大（超过 20 MB），不像一份年度报告', en: 'The file is too large (over 20 MB) for an annual report' },
  legacyWord: { zh: '这是旧版 Word（.doc）文件：请在 Word 或 WPS 中另存为 .docx 后再导入', en: 'This is an old Word (.doc) file: save it as .docx in Word or WPS, then import that' },
  notDocx: { zh: '这是一个压缩包，但不是 Word（.docx）文档', en: 'This is a zip archive but not a Word (.docx) document' },
  // The library's own words (often an XML parser's) go last, as a detail: first what it means and what to do.
  brokenDocx: {
    zh: 'Word 文档已损坏，无法读取：请在 Word 或 WPS 中打开后另存为 .docx 再导入（详情：{{reason}}）',
    en: 'The Word document is damaged and cannot be read: open it in Word or WPS, save it as .docx again, then import that (detail: {{reason}})',
  },
  scannedPdf: {
    zh: '这个 PDF 没有文字层（是扫描件或图片），无法读取其中的数字：请改用网页、Word 或带文字的 PDF',
    en: 'This PDF has no text layer (a scan or images), so its figures cannot be read: use the web page, the Word file or a PDF with text',
  },
  brokenPdf: {
    zh: 'PDF 已损坏，无法读取：请重新下载该 PDF，或改用网页、Word 文件（详情：{{reason}}）',
    en: 'The PDF is damaged and cannot be read: download it again, or use the web page or the Word file (detail: {{reason}})',
  },
  binary: { zh: '无法识别的文件：既不是文本、网页，也不是 Word 或 PDF', en: 'Unrecognised file: not text, a web page, Word or PDF' },
  notAReport: {
    zh: '没有找到政府信息公开工作年度报告的表格或章节（如“二、主动公开政府信息情况”）',
    en: 'No tables or sections of a 政府信息公开工作年度报告 were found (such as “二、主动公开政府信息情况”)',
  },
};

export class ImportFailure extends Error {
  readonly code: ImportFailureCode;
  readonly text: LocalizedText;
  constructor(code: ImportFailureCode, detail = '') {
    const m = IMPORT_FAILURES[code];
    // A library's message may run over lines (a parser's stack of errors): one line, kept short.
    const flat = detail.replace(/\s+/g, ' ').trim();
    const reason = flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
    const text = { zh: m.zh.replace('{{reason}}', reason), en: m.en.replace('{{reason}}', reason) };
    super(text.en);
    this.code = code;
    this.text = text;
  }
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

/** Text from bytes: UTF-8 (with or without BOM, or UTF-16 with BOM), else GB18030 as older sites save. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const LOOKS_HTML = /<(?:!doctype\s+html|html|body|table|tr|td|p|div|span|br)[\s/>]/i;

export function sniff(bytes: Uint8Array): InputKind | ImportFailureCode {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx'; // PK zip; checked as docx below
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'legacyWord'; // OLE: .doc / old .wps
  const head = bytes.subarray(0, 4096);
  if (head.some((b) => b === 0) && !startsWith(bytes, [0xff, 0xfe]) && !startsWith(bytes, [0xfe, 0xff])) return 'binary';
  return LOOKS_HTML.test(decodeText(bytes.subarray(0, 65536))) ? 'html' : 'text';
}

export interface ReadOptions {
  /** Loads pdf.js (the legacy build in Node, the browser build with its worker in the app). */
  readonly loadPdfjs: () => Promise<PdfjsLike>;
}

function hasZipEntry(bytes: Uint8Array, name: string): boolean {
  // The central directory names every entry; a plain search is enough to tell a docx from a zip.
  const needle = new TextEncoder().encode(name);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export async function readNeutral(bytes: Uint8Array, options: ReadOptions): Promise<NeutralDocument> {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFailure('tooLarge');
  const kind = sniff(bytes);
  switch (kind) {
    case 'text':
      return textToNeutral(decodeText(bytes));
    case 'html':
      return htmlTextToNeutral(decodeText(bytes));
    case 'docx': {
      if (!hasZipEntry(bytes, 'word/document.xml')) throw new ImportFailure('notDocx');
      const { docxToNeutral } = await import('./docx.ts');
      try {
        return await docxToNeutral(bytes);
      } catch (e) {
        throw new ImportFailure('brokenDocx', e instanceof Error ? e.message : String(e));
      }
    }
    case 'pdf': {
      const { pdfToNeutral, ScannedPdfError } = await import('./pdf.ts');
      try {
        return await pdfToNeutral(bytes, await options.loadPdfjs());
      } catch (e) {
        if (e instanceof ScannedPdfError) throw new ImportFailure('scannedPdf');
        throw new ImportFailure('brokenPdf', e instanceof Error ? e.message : String(e));
      }
    }
    default:
      throw new ImportFailure(kind);
  }
}

/** Did the matcher find anything of a report (a section heading or a table row)? */
export function looksLikeReport(result: PublishedImport): boolean {
  return result.sections.length > 0 || Object.values(result.cells).some((c) => c.state !== 'missing');
}

/** Bytes of any supported kind → the imported report and its notes; throws ImportFailure. */
export async function readPublished(bytes: Uint8Array, options: ReadOptions): Promise<PublishedImport> {
  const result = matchPublished(await readNeutral(bytes, options));
  if (!looksLikeReport(result)) throw new ImportFailure('notAReport');
  return result;
}

/** Text pasted from the clipboard: its HTML flavour when there is one, else its plain text. */
export async function readPasted(html: string | undefined, text: string | undefined): Promise<PublishedImport> {
  const doc = html && html.trim() ? await htmlTextToNeutral(html) : textToNeutral(text ?? '');
  const result = matchPublished(doc);
  if (!looksLikeReport(result)) throw new ImportFailure('notAReport');
  return result;
}
