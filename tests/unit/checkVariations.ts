/**
 * The findings of the bench's generated documents (bench/check.ts `variations`), in several
 * contexts, as compact lines: what tests/fixtures/check-variations-findings.json locks. The
 * fixture was written before the rules were optimised for speed, so a faster rule that finds
 * something else fails the test. Rewrite it only for an intended change of a rule:
 * `npx tsx tests/unit/checkVariations.ts --write`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { variations } from '../../bench/check.ts';
import { ENTERED_CELLS, computeTotals, decode, evaluate, setCell, type Finding, type Report, type RuleContext } from '../../src/report/index.ts';
import { FIXTURES_DIR } from './helpers.ts';

export const SNAPSHOT_FILE = `${FIXTURES_DIR}check-variations-findings.json`;
export const VARIATION_COUNT = 50;

/** FNV-1a of a string, as 8 hex digits: keeps the fixture small but sensitive to every character. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * One finding as one line: key, severity and the two sides in clear, the rest (message key,
 * cells, params, explanation) as a digest. The message text is a function of key and params.
 */
function line(f: Finding): string {
  const rest = JSON.stringify([f.messageKey, f.cells, f.params, f.explained ?? false, f.explanation ?? null]);
  return [f.key, f.severity, f.left ?? '', f.right ?? '', f.delta ?? '', digest(rest)].join('|');
}

/** Some cells left blank, picked deterministically by the document's index. */
function withBlanks(report: Report, i: number): Report {
  let r = report;
  ENTERED_CELLS.forEach((cell, j) => {
    if ((i + j) % 17 === 0) r = setCell(r, cell.id, null);
  });
  return r;
}

/** Edits a clerk makes, picked by the document's index, for the rules the variations leave quiet. */
function edited(report: Report, i: number): Report {
  const r = structuredClone(report);
  if (i % 6 === 0) r.meta.agency = ' ';
  if (i % 3 === 1) r.meta.year = 2023; // the texts still speak of 2022
  if (i % 4 === 2) r.meta.publishedOn = '2023-03-15';
  if (i % 5 === 3) r.proactive.fees = 1.23456;
  if (i % 5 === 4) r.proactive.licensing = -2;
  if (i % 7 === 5) r.narrative.other = r.narrative.other.map((p) => ({ ...p, text: '' }));
  if (i % 2 === 0) {
    r.applications.otherHandling.unpaidFee.naturalPerson = 1 + (i % 3);
    r.narrative.other = [...r.narrative.other, { title: '信息处理费', text: `本年度未向申请人发出收费通知，共${i}件` }];
  }
  if (i % 8 === 1) r.narrative.problems = [{ title: '2023年，', text: '按照2023年政务公开工作要点，2021年度政府信息公开工作年度报告已发布。' }];
  if (i % 9 === 2) r.narrative.overview = [...r.narrative.overview, { title: '依申请公开', text: '全年未发生行政复议、行政诉讼，予以公开3件；行政复议均获维持。' }];
  return r;
}

/** The findings of every variation: alone, against another year, with blanks, with stated totals. */
export function variationFindings(): Record<string, string[]> {
  const reports = variations(VARIATION_COUNT).map((doc, i) => {
    const result = decode(doc);
    if (!result.ok) throw new Error(`variation ${i} does not decode: ${JSON.stringify(result.problems)}`);
    return result.report;
  });
  const out: Record<string, string[]> = {};
  const run = (name: string, report: Report, context?: RuleContext) => {
    out[name] = evaluate(report, context).map(line);
  };
  reports.forEach((report, i) => {
    const previous = reports[(i + VARIATION_COUNT - 1) % VARIATION_COUNT]!;
    run(`${i}`, report);
    // Last year: another variation (numbers and texts differ a little), or the report itself
    // (copied numbers and texts).
    run(`${i}/lastYear`, report, { lastYear: i % 5 === 0 ? report : { ...previous, meta: { ...previous.meta, year: 2021 } } });
    const blanks = withBlanks(report, i);
    run(`${i}/blanks`, blanks);
    run(`${i}/blanks-editing`, blanks, { blanksAreErrors: false });
    // Totals as an imported document prints them: a few misprinted.
    const totals = Object.fromEntries(Object.entries(computeTotals(report)).map(([id, v], j) => [id, (i + j) % 11 === 0 ? v + 1 : v]));
    run(`${i}/stated`, report, { stated: { totals, templateMarkers: i % 7 === 0 ? ['本年新制作数量'] : [] } });
    run(`${i}/edited`, edited(report, i));
    if (i % 4 === 0) {
      const explained = { ...report, explanations: Object.fromEntries(evaluate(report).map((f) => [f.key, ` 已核实，数字无误 ${i} `])) };
      run(`${i}/explained`, explained);
    }
  });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(variationFindings(), null, 1)}\n`);
  console.log(`wrote ${SNAPSHOT_FILE}`);
}
