/** Files in the browser: saving a download, reading a chosen or dropped report file. */
import { reportFileName, reportJson, type DecodeResult, type Report } from '../report/index.ts';

/** Starts the download of a file (text, or bytes such as a zip) through a temporary link. */
export function downloadText(name: string, content: string | Uint8Array<ArrayBuffer>, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the URL can go after the current task.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the report as its JSON file; returns the file name. */
export function downloadReport(report: Report): string {
  const name = reportFileName(report, 'json');
  downloadText(name, reportJson(report), 'application/json');
  return name;
}

/**
 * Reads a chosen or dropped file through the core's decode (size, UTF-8, JSON, document). The
 * decode (with zod) is fetched here, when a file is read: the pages that only save a download
 * (the editor's export) do without it.
 */
export async function readReportFile(file: Blob): Promise<DecodeResult> {
  const [{ MAX_FILE_BYTES, decodeBytes, fileTooLargeProblem }, { decodeMessage: message }] = await Promise.all([
    import('../report/decode.ts'),
    import('../report/decodeMessages.ts'),
  ]);
  // Refuse a huge file before reading it into memory.
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, problems: [fileTooLargeProblem(file.size)] };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(typeof file.arrayBuffer === 'function' ? await file.arrayBuffer() : await viaReader(file));
  } catch (e) {
    return { ok: false, problems: [{ path: '', code: 'decode.invalid', message: message('decode.invalid', { found: e instanceof Error ? e.message : String(e) }) }] };
  }
  return decodeBytes(bytes);
}

function viaReader(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}
