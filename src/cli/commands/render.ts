/** `nianbao render FILE.json [--format html|docx|fragment] [--paper-copy] [--output FILE] [--lang zh|en]` */
import { writeFile } from 'node:fs/promises';
import type { Lang } from '../../report/index.ts';
import { renderReportHtml } from '../../report/render/index.ts';
import { parse, usageError } from '../args.ts';
import { readReportFile, type FileProblem } from '../files.ts';
import { println, type Io } from '../io.ts';

export const summary = 'Render a report file as printable HTML, a Word file or a web fragment in the official layout';

export const usage = `Usage: nianbao render FILE.json [--format html|docx|fragment] [--paper-copy] [--output FILE] [--lang zh|en]

Writes the report in the layout of the official template, on A4 pages set as GB/T 9704 sets
them. A report not marked ready carries a 草稿 (draft) mark.

  --format html      (default) one self-contained HTML file (inline CSS, no script, no
                     external URL) — the same file as "Download printable HTML" in the app
  --format docx      a Word file (.docx) — the same as "Download Word file"; needs --output
  --format fragment  HTML with inline styles only, for a website's content editor (the same
                     as "Copy for the web": tables with borders and merged cells)

  nianbao render report.json > report.html
  nianbao render report.json --format docx --output report.docx

Options:
  --paper-copy     add the block for the paper copy: 单位负责人签字, 盖章, date
  -o, --output F   write to file F instead of standard output (use this in Windows
                   PowerShell, whose ">" would re-encode the file)
  --lang zh|en     language of the messages on standard error (default zh)
  FILE may be - for standard input.

Exit status: 0 rendered, 2 the file cannot be read or decoded (problems on standard error),
             or bad usage.`;

const TEXT = {
  zh: {
    draft: (file: string) => `${file}：注意：报告尚未定稿，生成的文件带有“草稿”标记`,
    cannotWrite: (file: string, reason: string) => `无法写入 ${file}：${reason}`,
  },
  en: {
    draft: (file: string) => `${file}: note: the report is not marked ready; the file carries the 草稿 (draft) mark`,
    cannotWrite: (file: string, reason: string) => `cannot write ${file}: ${reason}`,
  },
} satisfies Record<Lang, unknown>;

function problemLine(file: string, problem: FileProblem, lang: Lang): string {
  return `${file}: ${problem.path ? `${problem.path}: ` : ''}${problem.message[lang]}`;
}

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = parse(
    args,
    { 'paper-copy': { type: 'boolean' }, output: { type: 'string', short: 'o' }, lang: { type: 'string' }, format: { type: 'string' } },
    { positionals: true },
  );
  if (!parsed.ok) return usageError(io, 'render', parsed.message);
  const { values, positionals } = parsed;
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') return usageError(io, 'render', `--lang must be zh or en, not "${lang}"`);
  if (positionals.length === 0) return usageError(io, 'render', 'no file to render');
  if (positionals.length > 1) return usageError(io, 'render', 'one file at a time (the HTML goes to one output)');
  const format = values.format ?? 'html';
  if (format !== 'html' && format !== 'docx' && format !== 'fragment') return usageError(io, 'render', `--format must be html, docx or fragment, not "${format}"`);
  // A Word file is bytes: never to a terminal or through a shell's re-encoding pipe.
  if (format === 'docx' && values.output === undefined) return usageError(io, 'render', '--format docx needs --output FILE.docx');
  const file = positionals[0]!;

  const read = await readReportFile(file, io);
  if (!read.ok) {
    for (const p of read.problems) println(io.stderr, problemLine(file, p, lang));
    return 2;
  }
  if (read.report.status !== 'ready') println(io.stderr, TEXT[lang].draft(file));
  const options = { paperCopyBlock: values['paper-copy'] === true };
  // The Word writer (and its library) is loaded only when a Word file is asked for.
  const output: string | Uint8Array =
    format === 'docx'
      ? await (await import('../../report/publish/docx.ts')).renderReportDocx(read.report, options)
      : format === 'fragment'
        ? (await import('../../report/publish/fragment.ts')).renderReportFragment(read.report, options).html
        : renderReportHtml(read.report, options);

  if (values.output === undefined) {
    if (typeof output === 'string') io.stdout.write(output);
    return 0;
  }
  try {
    await writeFile(values.output, output);
  } catch (e) {
    const code = (e as { code?: string }).code;
    println(io.stderr, TEXT[lang].cannotWrite(values.output, code ?? (e instanceof Error ? e.message : String(e))));
    return 2;
  }
  return 0;
}
