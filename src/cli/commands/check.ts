/** `nianbao check FILE... [--previous LAST_YEAR.json] [--json] [--lang zh|en] [--draft]` */
import { evaluate, summarise, type Finding, type FindingSummary, type Lang, type Report } from '../../report/index.ts';
import { parse, usageError } from '../args.ts';
import { readReportFile, type FileProblem } from '../files.ts';
import { println, type Io } from '../io.ts';

export const summary = 'Check report files: decode each one and run every rule';

export const usage = `Usage: nianbao check FILE... [--previous LAST_YEAR.json] [--json] [--lang zh|en] [--draft]

Decodes each report file (JSON, as the app saves it) and runs every rule of the 2021 format:
balance (勾稽关系), counts, fees, required parts, the narrative against the tables, the year,
the legal basis, the deadline, and, with --previous, the carry-over from last year.

Prints one line per finding — file, severity, rule, cells, message — and a summary per file.
Errors block 定稿; warnings need a written explanation; hints are advice.

Options:
  --previous FILE  last year's report of the same body, for the cross-year rules
  --json           one JSON object per file and line: {"file","ok","summary","findings"},
                   or {"file","ok":false,"problems"} when the file cannot be read or decoded
  --lang zh|en     language of the messages (default zh)
  --draft          blank cells are not errors (a report still being filled)
  FILE may be - for standard input.

Exit status: 0 no file has an error, 1 some file has an error,
             2 some file cannot be read or decoded (or bad usage).`;

/** Cells shown on a finding's line; a blank section can name 144. */
const MAX_CELLS_SHOWN = 4;

const TEXT = {
  zh: {
    explained: (text: string) => ` [已说明：${text}]`,
    summary: (file: string, s: FindingSummary) =>
      `${file}：错误 ${s.errors}，警告 ${s.warnings}${s.explainedWarnings ? `（已说明 ${s.explainedWarnings}）` : ''}，提示 ${s.hints} —— ${
        s.errors ? '有错误' : s.unexplainedWarnings ? '无错误，有警告未说明' : '通过'
      }`,
    previousYear: (previous: number, file: string, year: number) => `注意：--previous 是 ${previous} 年的报告，而 ${file} 是 ${year} 年的`,
  },
  en: {
    explained: (text: string) => ` [explained: ${text}]`,
    summary: (file: string, s: FindingSummary) =>
      `${file}: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}${s.explainedWarnings ? ` (${s.explainedWarnings} explained)` : ''}, ${plural(s.hints, 'hint')} — ${
        s.errors ? 'has errors' : s.unexplainedWarnings ? 'no errors, warnings to explain' : 'OK'
      }`,
    previousYear: (previous: number, file: string, year: number) => `note: --previous is the ${previous} report, ${file} the ${year} one`,
  },
} satisfies Record<Lang, unknown>;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function findingLine(file: string, finding: Finding, lang: Lang): string {
  const cells =
    finding.cells.length > MAX_CELLS_SHOWN
      ? [...finding.cells.slice(0, MAX_CELLS_SHOWN - 1), `…(+${finding.cells.length - MAX_CELLS_SHOWN + 1})`]
      : finding.cells;
  const explained = finding.explained && finding.explanation ? TEXT[lang].explained(oneLine(finding.explanation)) : '';
  return `${file}: ${finding.severity} ${finding.rule} ${cells.join(',')} ${finding.message[lang]}${explained}`;
}

export function problemLine(file: string, problem: FileProblem, lang: Lang): string {
  return `${file}: ${problem.path ? `${problem.path}: ` : ''}${problem.message[lang]}`;
}

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = parse(
    args,
    { previous: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' }, draft: { type: 'boolean' } },
    { positionals: true },
  );
  if (!parsed.ok) return usageError(io, 'check', parsed.message);
  const { values, positionals: files } = parsed;
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') return usageError(io, 'check', `--lang must be zh or en, not "${lang}"`);
  if (files.length === 0) return usageError(io, 'check', 'no file to check');
  const json = values.json === true;

  const unreadable = (file: string, problems: readonly FileProblem[], role?: 'previous') => {
    if (json) println(io.stdout, JSON.stringify({ file, ...(role ? { role } : {}), ok: false, problems }));
    else for (const p of problems) println(io.stderr, problemLine(role ? `--previous ${file}` : file, p, lang));
  };

  let lastYear: Report | undefined;
  if (values.previous !== undefined) {
    const previous = await readReportFile(values.previous, io);
    if (!previous.ok) {
      unreadable(values.previous, previous.problems, 'previous');
      return 2;
    }
    lastYear = previous.report;
  }

  let exit = 0;
  for (const file of files) {
    const read = await readReportFile(file, io);
    if (!read.ok) {
      unreadable(file, read.problems);
      exit = 2;
      continue;
    }
    const { report } = read;
    const previousYear = lastYear?.meta.year;
    if (previousYear != null && report.meta.year !== null && previousYear !== report.meta.year - 1) {
      println(io.stderr, TEXT[lang].previousYear(previousYear, file, report.meta.year));
    }
    const findings = evaluate(report, { ...(lastYear ? { lastYear } : {}), blanksAreErrors: values.draft !== true });
    const counts = summarise(findings);
    if (json) {
      const migrated = read.migratedFrom !== undefined ? { migratedFrom: read.migratedFrom } : {};
      println(io.stdout, JSON.stringify({ file, ok: counts.errors === 0, ...migrated, summary: counts, findings }));
    } else {
      for (const f of findings) println(io.stdout, findingLine(file, f, lang));
      println(io.stdout, TEXT[lang].summary(file, counts));
    }
    if (counts.errors > 0 && exit === 0) exit = 1;
  }
  return exit;
}
