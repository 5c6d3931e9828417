/**
 * A province's roster and its units' submitted reports for the bench (issue 17): pure, so the
 * same units are made in Node (the embedded server's databases) and in the browser (the review
 * store of the screenshots and the table's figures).
 */
import { decode, type Report } from '../src/report/index.ts';
import { submit } from '../src/report/review/actions.ts';
import type { RosterUnit } from '../src/server/roster.ts';
import { variationsOf } from './variations.ts';

/** The roster: agencies named as a province's are (a county and a bureau), users u00001…. */
export function benchRoster(count: number): RosterUnit[] {
  const bureaus = ['人民政府办公室', '教育局', '民政局', '财政局', '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局', '农业农村局', '卫生健康委员会', '市场监督管理局', '应急管理局'];
  return Array.from({ length: count }, (_, i) => ({
    agency: `第${Math.floor(i / bureaus.length) + 1}县${bureaus[i % bureaus.length]}`,
    user: `u${String(i + 1).padStart(5, '0')}`,
    password: `pw-${i + 1}-bench`,
  }));
}

/** Each unit's submitted report of 2022: the seed with figures varied (some faults planted). */
export function benchReports(seed: Report, roster: readonly RosterUnit[]): Report[] {
  const docs = variationsOf(seed, roster.length);
  return roster.map((unit, i) => {
    const decoded = decode(docs[i]);
    if (!decoded.ok) throw new Error(`bench report ${i} does not decode`);
    const report: Report = { ...decoded.report, status: 'ready', meta: { ...decoded.report.meta, agency: unit.agency, year: 2022 } };
    return submit(report, { actor: unit.agency, now: () => new Date(Date.UTC(2023, 0, 10) + i * 60_000) });
  });
}
