/**
 * Reading a report file from disk (or stdin for `-`) for the commands: every failure becomes a
 * problem in the shape decode uses, never an exception. The size is checked with stat before a
 * byte is read, so a 2 GB file costs nothing.
 */
import { open, stat } from 'node:fs/promises';
import { MAX_FILE_BYTES, decodeBytes, fileTooLargeProblem, type LocalizedText, type Report } from '../report/index.ts';
import type { Io } from './io.ts';

/** A decode problem or one of the file system's; `code` is a message key of either. */
export interface FileProblem {
  readonly path: string;
  readonly code: string;
  readonly message: LocalizedText;
}

export type ReadResult = { readonly ok: true; readonly report: Report; readonly migratedFrom?: number } | { readonly ok: false; readonly problems: readonly FileProblem[] };

const FILE_MESSAGES = {
  'file.notFound': { zh: '找不到文件', en: 'No such file' },
  'file.isDirectory': { zh: '这是一个文件夹，不是文件', en: 'This is a directory, not a file' },
  'file.notAFile': { zh: '不是普通文件', en: 'Not a regular file' },
  'file.noPermission': { zh: '没有读取权限', en: 'Permission denied' },
  'file.unreadable': { zh: '无法读取：{{reason}}', en: 'Cannot read: {{reason}}' },
} as const satisfies Record<string, LocalizedText>;

function fileProblem(code: keyof typeof FILE_MESSAGES, reason = ''): ReadResult {
  const m = FILE_MESSAGES[code];
  return { ok: false, problems: [{ path: '', code, message: { zh: m.zh.replace('{{reason}}', reason), en: m.en.replace('{{reason}}', reason) } }] };
}

const tooLarge = (bytes: number): ReadResult => ({ ok: false, problems: [fileTooLargeProblem(bytes)] });

function systemProblem(e: unknown): ReadResult {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fileProblem('file.notFound');
  if (code === 'EISDIR') return fileProblem('file.isDirectory');
  if (code === 'EACCES' || code === 'EPERM') return fileProblem('file.noPermission');
  return fileProblem('file.unreadable', code ?? (e instanceof Error ? e.message : String(e)));
}

/** Reads and decodes one report file; `-` reads stdin. */
export async function readReportFile(file: string, io: Io): Promise<ReadResult> {
  if (file === '-') return readStdin(io);
  try {
    const info = await stat(file);
    if (info.isDirectory()) return fileProblem('file.isDirectory');
    if (!info.isFile()) return fileProblem('file.notAFile');
    if (info.size > MAX_FILE_BYTES) return tooLarge(info.size);
    // Read at most one byte past the limit, in case the file grew since stat.
    const handle = await open(file, 'r');
    try {
      const buffer = new Uint8Array(Math.min(info.size, MAX_FILE_BYTES) + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length === buffer.length) break;
      }
      if (length > MAX_FILE_BYTES) return tooLarge(length);
      return decodeBytes(buffer.subarray(0, length));
    } finally {
      await handle.close();
    }
  } catch (e) {
    return systemProblem(e);
  }
}

async function readStdin(io: Io): Promise<ReadResult> {
  if (!io.stdin) return fileProblem('file.notFound');
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for await (const chunk of io.stdin) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      length += bytes.byteLength;
      if (length > MAX_FILE_BYTES) return tooLarge(length);
      chunks.push(bytes);
    }
  } catch (e) {
    return systemProblem(e);
  }
  const all = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return decodeBytes(all);
}
