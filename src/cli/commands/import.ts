/** `nianbao import FILE|- [--output OUT.json] [--json] [--lang zh|en]` */
import { open, stat, writeFile } from 'node:fs/promises';
import { decode, noteMessage, type Lang } from '../../report/index.ts';
import { NODE_READ_OPTIONS } from '../../readers/node.ts';
import { ImportFailure, MAX_IMPORT_BYTES, readPublished } from '../../readers/read.ts';
import { parse, usageError } from '../args.ts';
import { println, type Io } from '../io.ts';

export const summary = 'Read a published report (text, HTML, Word .docx or PDF) into a report file';

export const usage = `Usage: nianbao import FILE|- [--output OUT.json] [--json] [--lang zh|en]

Reads last year's published 政府信息公开工作年度报告 — the web page saved as .html, its text
copied into a .txt, the Word .docx or a PDF with text — and writes the report file (the same JSON
as 导出 JSON in the app, which \`nianbao check\` opens) to OUT.json or standard output. The kind of
file is told by its content, not its name; - reads standard input.

Every cell that was printed blank, "/" or "—" stays empty (never 0); what could not be read (cell,
and what stood there) is listed on standard error, one line each, or as one JSON object with
--json. Printed totals are compared with the sums (nianbao check shows a difference as statedTotal).

Options:
  --output FILE   write the report file there instead of standard output
  --json          the notes as JSON on standard error
  --lang zh|en    language of the notes (default zh)

Exit status: 0 read (with or without notes), 2 not a report, cannot be read, or bad usage.`;

async function readInput(file: string, io: Io): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of io.stdin ?? []) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      size += bytes.length;
      if (size > MAX_IMPORT_BYTES) throw new ImportFailure('tooLarge');
      chunks.push(bytes);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
  const info = await stat(file);
  if (info.isDirectory()) throw Object.assign(new Error(`${file} is a directory`), { code: 'EISDIR' });
  if (info.size > MAX_IMPORT_BYTES) throw new ImportFailure('tooLarge');
  const handle = await open(file, 'r');
  try {
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = parse(args, { output: { type: 'string', short: 'o' }, json: { type: 'boolean' }, lang: { type: 'string' } }, { positionals: true });
  if (!parsed.ok) return usageError(io, 'import', parsed.message);
  const { output, json = false, lang = 'zh' } = parsed.values;
  if (lang !== 'zh' && lang !== 'en') return usageError(io, 'import', `--lang must be zh or en, not "${lang}"`);
  if (parsed.positionals.length !== 1) return usageError(io, 'import', parsed.positionals.length ? 'one file at a time' : 'a FILE (or - for standard input) is required');
  const file = parsed.positionals[0]!;

  let bytes: Uint8Array;
  try {
    bytes = await readInput(file, io);
  } catch (e) {
    if (e instanceof ImportFailure) return fail(io, file, e.text[lang], json);
    const code = (e as { code?: string }).code;
    const reason = code === 'ENOENT' ? (lang === 'zh' ? '找不到文件' : 'no such file') : code === 'EISDIR' ? (lang === 'zh' ? '这是一个文件夹' : 'a directory') : String((e as Error).message ?? e);
    return fail(io, file, reason, json);
  }
  let result;
  try {
    result = await readPublished(bytes, NODE_READ_OPTIONS);
  } catch (e) {
    if (e instanceof ImportFailure) return fail(io, file, e.text[lang], json);
    throw e;
  }
  // What we write must open again, through the same door as any report file.
  const text = JSON.stringify(result.report, null, 2);
  const check = decode(JSON.parse(text));
  if (!check.ok) return fail(io, file, check.problems.map((p) => `${p.path}: ${p.message[lang]}`).join('; '), json);

  if (output) await writeFile(output, `${text}\n`);
  else println(io.stdout, text);

  const l = lang as Lang;
  if (json) {
    io.stderr.write(
      `${JSON.stringify({
        file,
        source: result.source,
        template: result.template,
        agency: result.report.meta.agency,
        year: result.report.meta.year,
        stated: result.stated,
        notes: result.notes.map((n) => ({ ...n, message: noteMessage(n, l) })),
      })}\n`,
    );
  } else {
    println(io.stderr, `${file}: ${result.source}${result.template === '2019' ? ' (2019 试行格式)' : ''}, ${whoseReport(result.report.meta, l)}, ${result.notes.length} ${lang === 'zh' ? '条说明' : 'notes'}`);
    for (const n of result.notes) println(io.stderr, `${file}: ${n.kind} ${n.path}: ${noteMessage(n, l)}`);
  }
  return 0;
}

const NOT_READ = {
  zh: { agency: '机关名称未读到', year: '年度未读到' },
  en: { agency: 'agency not found', year: 'year not found' },
} as const;

/**
 * Whose report was read, for the summary line: `区统计局 2023`; what the title did not give is
 * said in words (a bare "?" told the reader nothing about what was missing).
 */
export function whoseReport(meta: { readonly agency: string; readonly year: number | null }, lang: Lang): string {
  const agency = meta.agency.trim();
  if (agency && meta.year !== null) return `${agency} ${meta.year}`;
  return [agency || NOT_READ[lang].agency, meta.year ?? NOT_READ[lang].year].join(', ');
}

function fail(io: Io, file: string, message: string, json: boolean): number {
  if (json) io.stderr.write(`${JSON.stringify({ file, error: message })}\n`);
  else println(io.stderr, `${file}: ${message}`);
  return 2;
}
