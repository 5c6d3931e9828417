/** `nianbao new --agency NAME --year YYYY [--kind KIND] [--contact TEXT]` */
import { AGENCY_KINDS, AGENCY_KIND_LABELS, decode, emptyReport, type AgencyKind } from '../../report/index.ts';
import { parse, usageError } from '../args.ts';
import { println, type Io } from '../io.ts';

export const summary = 'Print an empty report for an agency and year (JSON)';

export const usage = `Usage: nianbao new --agency NAME --year YYYY [--kind KIND] [--contact TEXT]

Prints an empty report document on standard output: every cell not filled yet, the standard
part titles, and a preamble citing 国办公开办函〔2021〕30号 with the statistics period.

Options:
  --agency NAME    机关名称, e.g. 平罗县人民政府办公室
  --year YYYY      the year reported on (报告年度)
  --kind KIND      ${AGENCY_KINDS.map((k) => `${k} (${AGENCY_KIND_LABELS[k].zh})`).join(',\n                   ')};
                   default department
  --contact TEXT   phone or address for the preamble

Example: nianbao new --agency 某县民政局 --year 2023 > 某县民政局-2023.json`;

/** The years a report document may carry (the schema's bounds). */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2200;

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = parse(args, { agency: { type: 'string' }, year: { type: 'string' }, kind: { type: 'string' }, contact: { type: 'string' } });
  if (!parsed.ok) return usageError(io, 'new', parsed.message);
  const { agency, year, kind = 'department', contact = '' } = parsed.values;

  if (agency === undefined || !agency.trim()) return usageError(io, 'new', '--agency NAME is required');
  if (agency.trim().length > 200) return usageError(io, 'new', '--agency is longer than 200 characters');
  if (year === undefined) return usageError(io, 'new', '--year YYYY is required');
  if (!/^\d{4}$/.test(year) || Number(year) < FIRST_YEAR || Number(year) > LAST_YEAR) {
    return usageError(io, 'new', `--year must be a year between ${FIRST_YEAR} and ${LAST_YEAR}, not "${year}"`);
  }
  if (!(AGENCY_KINDS as readonly string[]).includes(kind)) {
    return usageError(io, 'new', `--kind must be one of ${AGENCY_KINDS.join(', ')}, not "${kind}"`);
  }

  const report = emptyReport({ agency: agency.trim(), year: Number(year), agencyKind: kind as AgencyKind, contact: contact.trim() });
  // What we print must open again: the same door as any file.
  const check = decode(JSON.parse(JSON.stringify(report)));
  if (!check.ok) return usageError(io, 'new', check.problems.map((p) => `${p.path}: ${p.message.en}`).join('; '));
  println(io.stdout, JSON.stringify(report, null, 2));
  return 0;
}
