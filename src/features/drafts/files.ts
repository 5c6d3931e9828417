/** The report as a JSON file: its name, the download, and reading a file through decode. */
import { MAX_FILE_BYTES, decodeBytes, formatBytes, message, type DecodeResult, type Report } from '../../report/index.ts';

const FILE_SUFFIX = '政府信息公开年报';

/** `<机关名称>-<year>-政府信息公开年报.json`, with characters no file system accepts replaced. */
export function exportFileName(report: Report): string {
  const agency = report.meta.agency.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim() || '未命名机关';
  const year = report.meta.year ?? '';
  return `${agency}-${year}-${FILE_SUFFIX}.json`;
}

/** The whole document, explanations included, as the file holds it. */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function downloadReport(report: Report): string {
  const name = exportFileName(report);
  const url = URL.createObjectURL(new Blob([reportJson(report)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the URL can go after the current task.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Reads a chosen or dropped file through the core's decode (size, UTF-8, JSON, document). */
export async function readReportFile(file: Blob): Promise<DecodeResult> {
  // Refuse a huge file before reading it into memory.
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, problems: [{ path: '', code: 'decode.fileTooLarge', message: message('decode.fileTooLarge', { size: formatBytes(file.size) }) }] };
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
