/** `nianbao aggregate FILE... [--agency NAME] [--year YYYY] [--include-unapproved] [--expected LIST] [--lang zh|en]` */
import { readFile } from 'node:fs/promises';
import { aggregateReports, type AggregateUnit, type Lang, type Report } from '../../report/index.ts';
import { parse, usageError } from '../args.ts';
import { readReportFile } from '../files.ts';
import { println, type Io } from '../io.ts';
import { problemLine } from './check.ts';

export const summary = 'Sum up units’ reports (汇总) into the area’s report, naming every unit left out';

export const usage = `Usage: nianbao aggregate FILE... [--agency NAME] [--year YYYY] [--include-unapproved]
                         [--expected LIST.txt] [--lang zh|en] > total.json

Decodes each unit's report file and sums sections 二, 三 and 四 cell by cell into one report of
kind government (汇总), written as JSON to standard output. Only reports the supervisor approved
(review.status "approved") are summed, unless --include-unapproved.

Every unit that is not in the sum is named on standard error: files that cannot be read, reports
not approved, reports of another year, and expected units without a report for the year.

Options:
  --agency NAME          the body the aggregate is for (e.g. 某某县人民政府)
  --year YYYY            the year to sum (default: the year most files report on)
  --include-unapproved   sum reports that are not approved as well (they are still named)
  --expected LIST.txt    agencies expected to report, one a line; those without a report are named
  --lang zh|en           language of the messages (default zh)
  When two files are of the same agency and year, the later one on the command line is used.

Exit status: 0 the aggregate was written and every file was read,
             1 some file could not be read or decoded (the others are still summed),
             2 bad usage.`;

const TEXT = {
  zh: {
    failed: (n: number) => `${n} 个文件无法读取，未计入（见上）`,
    notApproved: (names: string[]) => `未通过审核，未计入（${names.length}）：${names.join('、')}`,
    includedNotApproved: (names: string[]) => `已计入，但未通过审核（${names.length}）：${names.join('、')}`,
    otherYear: (items: string[]) => `其他年度的报告，未计入（${items.length}）：${items.join('、')}`,
    missing: (names: string[]) => `没有本年度报告（${names.length}）：${names.join('、')}`,
    withBlanks: (units: readonly { agency: string; blank: number }[]) => `有未填的格子，未按 0 计（${units.length}）：${units.map((u) => `${u.agency}（${u.blank} 格）`).join('、')}`,
    duplicate: (unit: string, used: string, dropped: string) => `${unit} 有两个文件：使用 ${used}，不用 ${dropped}`,
    included: (n: number, year: number) => `已汇总 ${year} 年 ${n} 个单位的报告`,
    none: '没有可汇总的报告：输出的汇总表为空',
    noAgency: '未给出 --agency：汇总报告的机关名称为空',
    noYear: '无法确定年度：请用 --year 指定',
  },
  en: {
    failed: (n: number) => `${n} file(s) could not be read and are not summed (see above)`,
    notApproved: (names: string[]) => `not approved, left out (${names.length}): ${names.join(', ')}`,
    includedNotApproved: (names: string[]) => `summed although not approved (${names.length}): ${names.join(', ')}`,
    otherYear: (items: string[]) => `report of another year, left out (${items.length}): ${items.join(', ')}`,
    missing: (names: string[]) => `no report for the year (${names.length}): ${names.join(', ')}`,
    withBlanks: (units: readonly { agency: string; blank: number }[]) => `summed with blank cells, not read as 0 (${units.length}): ${units.map((u) => `${u.agency} (${u.blank} cells)`).join(', ')}`,
    duplicate: (unit: string, used: string, dropped: string) => `${unit} has two files: using ${used}, not ${dropped}`,
    included: (n: number, year: number) => `summed the ${year} reports of ${n} unit(s)`,
    none: 'no report to sum: the aggregate written is empty',
    noAgency: 'no --agency given: the aggregate has no agency name',
    noYear: 'cannot tell the year: give it with --year',
  },
} satisfies Record<Lang, unknown>;

/** The year most reports are for (the latest when tied). */
function commonYear(reports: readonly Report[]): number | null {
  const counts = new Map<number, number>();
  for (const r of reports) if (r.meta.year !== null) counts.set(r.meta.year, (counts.get(r.meta.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && year > best)) best = year;
  return best;
}

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = parse(
    args,
    {
      agency: { type: 'string' },
      year: { type: 'string' },
      'include-unapproved': { type: 'boolean' },
      expected: { type: 'string' },
      lang: { type: 'string' },
    },
    { positionals: true },
  );
  if (!parsed.ok) return usageError(io, 'aggregate', parsed.message);
  const { values, positionals: files } = parsed;
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') return usageError(io, 'aggregate', `--lang must be zh or en, not "${lang}"`);
  if (files.length === 0) return usageError(io, 'aggregate', 'no file to sum up');
  let year: number | null = null;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) return usageError(io, 'aggregate', `--year must be a year like 2022, not "${values.year}"`);
    year = Number(values.year);
  }
  let expected: string[] = [];
  if (values.expected !== undefined) {
    try {
      expected = (await readFile(values.expected, 'utf8'))
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
    } catch (e) {
      return usageError(io, 'aggregate', `cannot read --expected ${values.expected}: ${(e as { code?: string }).code ?? String(e)}`);
    }
  }
  const text = TEXT[lang];

  // Read every file; a unit (agency and year) given twice counts once: the later file.
  let failed = 0;
  const byUnit = new Map<string, { file: string; report: Report }>();
  for (const file of files) {
    const read = await readReportFile(file, io);
    if (!read.ok) {
      failed++;
      for (const p of read.problems) println(io.stderr, problemLine(file, p, lang));
      continue;
    }
    const key = `${read.report.meta.year}|${read.report.meta.agency.trim()}`;
    const earlier = byUnit.get(key);
    if (earlier) println(io.stderr, text.duplicate(`${read.report.meta.agency} ${read.report.meta.year ?? ''}`, file, earlier.file));
    byUnit.set(key, { file, report: read.report });
  }
  const reports = [...byUnit.values()];
  year ??= commonYear(reports.map((r) => r.report));
  if (year === null) {
    println(io.stderr, text.noYear);
    return failed > 0 ? 1 : 2;
  }
  if (values.agency === undefined) println(io.stderr, text.noAgency);

  const units: AggregateUnit[] = reports.map(({ file, report }) => ({ name: file, report, approved: report.review.status === 'approved' }));
  const includeUnapproved = values['include-unapproved'] === true;
  // Expected: the list given, and every agency with a report of any year among the files.
  const expectedAgencies = [...new Set([...expected, ...reports.map((r) => r.report.meta.agency.trim()).filter(Boolean)])];
  const result = aggregateReports(units, { agency: values.agency?.trim() ?? '', year, expectedAgencies, includeUnapproved });

  println(io.stdout, JSON.stringify(result.report, null, 2));

  if (failed > 0) println(io.stderr, text.failed(failed));
  if (result.notApproved.length) println(io.stderr, (includeUnapproved ? text.includedNotApproved : text.notApproved)([...result.notApproved]));
  if (result.otherYear.length) println(io.stderr, text.otherYear(result.otherYear.map((o) => `${o.agency} (${o.year ?? '—'})`)));
  if (result.missing.length) println(io.stderr, text.missing([...result.missing]));
  if (result.withBlanks.length) println(io.stderr, text.withBlanks(result.withBlanks));
  println(io.stderr, result.included.length ? text.included(result.included.length, year) : text.none);
  return failed > 0 ? 1 : 0;
}
