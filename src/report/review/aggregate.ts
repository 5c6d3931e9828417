/**
 * 汇总: the area's report as the cell-wise sum of its units' reports (二, 三, 四). Units that
 * are missing for the year, not approved, or of another year are named in the result, never
 * silently left out. Blank is not zero: a cell no unit filled stays blank, and units summed with
 * blank cells are named.
 */
import { ENTERED_CELLS } from '../format.ts';
import { emptyReport, getCell, setCell, type Report } from '../document.ts';

export interface AggregateUnit {
  /** A name for messages, e.g. the file name or the agency. */
  readonly name: string;
  readonly report: Report;
  /** The supervisor approved this unit's report. */
  readonly approved: boolean;
}

export interface AggregateOptions {
  readonly agency: string;
  readonly year: number;
  /** Units expected to report (e.g. last round's list); those without a report are named. */
  readonly expectedAgencies?: readonly string[];
  /** Sum units that are not approved as well (they are still named). Default: only approved ones. */
  readonly includeUnapproved?: boolean;
}

export interface AggregateResult {
  readonly report: Report;
  /** Agencies summed into the report, in order. */
  readonly included: readonly string[];
  /** Expected agencies with no report for the year. */
  readonly missing: readonly string[];
  /** Reports left out or summed while not approved (see includeUnapproved). */
  readonly notApproved: readonly string[];
  /** Reports of another year, left out. */
  readonly otherYear: readonly { agency: string; year: number | null }[];
  /**
   * Units summed with cells left blank (not filled, which is not 0): named, with how many, so
   * that nobody reads their blanks as zeros in the totals.
   */
  readonly withBlanks: readonly { agency: string; blank: number }[];
}

export function aggregateReports(units: readonly AggregateUnit[], options: AggregateOptions): AggregateResult {
  let report = emptyReport({ agency: options.agency, year: options.year, agencyKind: 'government' });
  const included: string[] = [];
  const notApproved: string[] = [];
  const otherYear: { agency: string; year: number | null }[] = [];
  const withBlanks: { agency: string; blank: number }[] = [];
  const sums = new Map<string, number>();
  const filled = new Set<string>();

  for (const unit of units) {
    const agency = unit.report.meta.agency || unit.name;
    if (unit.report.meta.year !== options.year) {
      otherYear.push({ agency, year: unit.report.meta.year });
      continue;
    }
    if (!unit.approved) {
      notApproved.push(agency);
      if (!options.includeUnapproved) continue;
    }
    included.push(agency);
    let blank = 0;
    for (const cell of ENTERED_CELLS) {
      const value = getCell(unit.report, cell.id);
      if (value === null) {
        blank++;
        continue;
      }
      filled.add(cell.id);
      sums.set(cell.id, (sums.get(cell.id) ?? 0) + value);
    }
    if (blank > 0) withBlanks.push({ agency, blank });
  }
  for (const cell of ENTERED_CELLS) {
    if (!filled.has(cell.id)) continue;
    const sum = sums.get(cell.id)!;
    // Fees are decimals in 万元 with at most 4 places: round away float noise from the sum.
    report = setCell(report, cell.id, cell.kind === 'amount' ? Math.round(sum * 10_000) / 10_000 : sum);
  }
  report = {
    ...report,
    aggregate: {
      units: units
        .filter((u) => u.report.meta.year === options.year && (u.approved || options.includeUnapproved))
        .map((u) => ({ agency: u.report.meta.agency || u.name, status: u.approved ? 'approved' : u.report.review.status })),
      missing: [],
      notApproved,
    },
  };
  const present = new Set(units.filter((u) => u.report.meta.year === options.year).map((u) => u.report.meta.agency));
  const missing = (options.expectedAgencies ?? []).filter((a) => !present.has(a));
  report = { ...report, aggregate: { ...report.aggregate!, missing } };
  return { report, included, missing, notApproved, otherYear, withBlanks };
}
