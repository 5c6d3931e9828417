/**
 * The review workspace as data: received versions grouped into units, each unit's findings and
 * status, and the aggregate (汇总) of a selection with every unit that is left out named.
 * No React here, so that it is tested on its own.
 */
import {
  REVIEW_STATUSES,
  aggregateReports,
  evaluate,
  summarise,
  type AgencyKind,
  type AggregateResult,
  type Finding,
  type FindingSummary,
  type Report,
  type ReviewStatus,
} from '../../report/index.ts';
import { openComments } from '../../report/review/targets.ts';
import type { ReceivedVersion } from '../../storage/review/index.ts';

/**
 * What the workspace says of a unit's report: the review's status, or 未定稿 (notReady) for a
 * file its unit never marked ready (e.g. from `nianbao new`, or exported mid-way). That comes from
 * the file, whatever the workspace recorded on receipt; such a report is never approved.
 */
export type UnitStatus = ReviewStatus | 'notReady';

export const UNIT_STATUSES: readonly UnitStatus[] = ['notReady', ...REVIEW_STATUSES];

export function unitStatus(report: Report): UnitStatus {
  const review = report.review.status;
  return report.status !== 'ready' && (review === 'submitted' || review === 'notSubmitted') ? 'notReady' : review;
}

/** One unit's report of one year, with all the versions received of it. */
export interface ReviewUnit {
  readonly key: string;
  readonly agency: string;
  readonly kind: AgencyKind;
  readonly year: number | null;
  /** Oldest first; the last one is the report under review. */
  readonly versions: readonly ReceivedVersion[];
  readonly latest: ReceivedVersion;
  readonly report: Report;
  /** The same agency's report of the year before, when it is in the workspace. */
  readonly lastYear: Report | undefined;
  readonly findings: readonly Finding[];
  readonly summary: FindingSummary;
  readonly status: UnitStatus;
  readonly openComments: number;
  /** ms since epoch: the latest receipt or review action. */
  readonly lastChange: number;
}

/**
 * Where a unit stands in the year's round, the same five words wherever it is shown (the units
 * table, its counts and filter): 未开始 / 填报中 / 已报送 / 已退回 / 已通过. Connected, the
 * server says it (src/sync/docs.ts, unitProgress); from files, the report's review says it.
 */
export type Progress = 'notStarted' | 'filling' | 'submitted' | 'returned' | 'approved';
export const PROGRESSES: readonly Progress[] = ['notStarted', 'filling', 'submitted', 'returned', 'approved'];

export function progressOfStatus(status: UnitStatus): Progress {
  return status === 'notReady' || status === 'notSubmitted' ? 'filling' : status;
}

/** What the shared server says of the area's units (none without a connection). */
export interface SharedUnits {
  /** The server's 应报送单位名单, as agency names. */
  readonly roster: readonly string[];
  /** Per agency: where it stands per year, and whether one of its documents is in conflict. */
  readonly units: ReadonlyMap<string, { readonly years: ReadonlyMap<number, Progress>; readonly conflict: boolean }>;
}

/** What the units table shows: plain values, so that sorting and filtering work on them. */
export interface UnitRow {
  readonly key: string;
  readonly agency: string;
  /** null: a unit of the roster with no report in the workspace (nothing received yet). */
  readonly kind: AgencyKind | null;
  readonly year: number | null;
  readonly status: UnitStatus;
  readonly errors: number;
  readonly unexplainedWarnings: number;
  readonly explainedWarnings: number;
  readonly openComments: number;
  readonly versions: number;
  readonly lastChange: number;
  readonly progress: Progress;
  /** A document of this unit has two versions on the server (see the unit's page). */
  readonly conflict: boolean;
  /** false: a roster unit with nothing in the workspace (its counts mean nothing). */
  readonly received: boolean;
}

/**
 * The findings of each version checked, by the version and its last year's (id and write time):
 * kept between two builds of the units, so that a workspace of thousands re-checks only what
 * changed. buildUnits keeps in it only what the latest build used.
 */
export type FindingsCache = Map<string, readonly Finding[]>;

/** One collator for all comparisons (localeCompare with a locale builds one per call). */
const byName = new Intl.Collator('zh-CN');

const versionKey = (v: ReceivedVersion | undefined) => (v ? `${v.id}@${v.updatedAt}` : '');

export function buildUnits(versions: readonly ReceivedVersion[], cache?: FindingsCache): ReviewUnit[] {
  const byKey = new Map<string, ReceivedVersion[]>();
  for (const v of versions) {
    const list = byKey.get(v.unitKey);
    if (list) list.push(v);
    else byKey.set(v.unitKey, [v]);
  }
  const latestOf = (list: ReceivedVersion[]) => list.reduce((a, b) => (b.receivedAt >= a.receivedAt ? b : a));
  // Last year's report: the latest version of the same agency for year − 1.
  const latestByAgencyYear = new Map<string, ReceivedVersion>();
  for (const list of byKey.values()) {
    const latest = latestOf(list);
    latestByAgencyYear.set(`${latest.year}|${latest.agency}`, latest);
  }
  const used: FindingsCache = new Map();
  const units: ReviewUnit[] = [];
  for (const [key, list] of byKey) {
    const sorted = [...list].sort((a, b) => a.receivedAt - b.receivedAt);
    const latest = sorted[sorted.length - 1]!;
    const report = latest.document;
    const lastYearVersion = latest.year === null ? undefined : latestByAgencyYear.get(`${latest.year - 1}|${latest.agency}`);
    const lastYear = lastYearVersion?.document;
    const checkKey = `${versionKey(latest)}|${versionKey(lastYearVersion)}`;
    const findings = cache?.get(checkKey) ?? evaluate(report, lastYear ? { lastYear } : {});
    used.set(checkKey, findings);
    units.push({
      key,
      agency: latest.agency,
      kind: report.meta.agencyKind,
      year: latest.year,
      versions: sorted,
      latest,
      report,
      lastYear,
      findings,
      summary: summarise(findings),
      status: unitStatus(report),
      openComments: openComments(report.review).length,
      lastChange: Math.max(...sorted.map((v) => v.updatedAt)),
    });
  }
  if (cache) {
    cache.clear();
    for (const [key, findings] of used) cache.set(key, findings);
  }
  return units.sort((a, b) => byName.compare(a.agency, b.agency) || (b.year ?? 0) - (a.year ?? 0));
}

export function toRow(unit: ReviewUnit, shared?: SharedUnits): UnitRow {
  const onServer = shared?.units.get(unit.agency);
  return {
    key: unit.key,
    agency: unit.agency,
    kind: unit.kind,
    year: unit.year,
    status: unit.status,
    errors: unit.summary.errors,
    unexplainedWarnings: unit.summary.unexplainedWarnings,
    explainedWarnings: unit.summary.explainedWarnings,
    openComments: unit.openComments,
    versions: unit.versions.length,
    lastChange: unit.lastChange,
    progress: (unit.year !== null ? onServer?.years.get(unit.year) : undefined) ?? progressOfStatus(unit.status),
    conflict: onServer?.conflict ?? false,
    received: true,
  };
}

/**
 * The table's rows: every unit in the workspace, and, connected, every unit of the server's
 * roster that has none yet (未开始, or 填报中 when its draft is on the server), so that who has
 * not reported is in the same table and counts.
 */
export function unitRows(units: readonly ReviewUnit[], shared?: SharedUnits): UnitRow[] {
  const rows = units.map((u) => toRow(u, shared));
  if (!shared) return rows;
  const present = new Set(units.map((u) => u.agency));
  for (const agency of shared.roster) {
    if (present.has(agency)) continue;
    const onServer = shared.units.get(agency);
    const years = [...(onServer?.years.keys() ?? [])];
    const latest = years.length ? Math.max(...years) : null;
    rows.push({
      key: `roster:${agency}`,
      agency,
      kind: null,
      year: latest,
      status: 'notSubmitted',
      errors: 0,
      unexplainedWarnings: 0,
      explainedWarnings: 0,
      openComments: 0,
      versions: 0,
      lastChange: 0,
      progress: latest === null ? 'notStarted' : onServer!.years.get(latest)!,
      conflict: onServer?.conflict ?? false,
      received: false,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Batch approval
// ---------------------------------------------------------------------------------------------

export interface ApprovalPlan {
  readonly approve: readonly ReviewUnit[];
  /** Reports with errors are never approved in a batch (nor singly): they go back to the unit. */
  readonly withErrors: readonly ReviewUnit[];
  readonly alreadyApproved: readonly ReviewUnit[];
  /** Drafts (未定稿): the unit has to mark the report ready and send it again. */
  readonly notReady: readonly ReviewUnit[];
}

export function planApproval(units: readonly ReviewUnit[]): ApprovalPlan {
  const approve: ReviewUnit[] = [];
  const withErrors: ReviewUnit[] = [];
  const alreadyApproved: ReviewUnit[] = [];
  const notReady: ReviewUnit[] = [];
  for (const u of units) {
    if (u.status === 'approved') alreadyApproved.push(u);
    else if (u.status === 'notReady') notReady.push(u);
    else if (u.summary.errors > 0) withErrors.push(u);
    else approve.push(u);
  }
  return { approve, withErrors, alreadyApproved, notReady };
}

// ---------------------------------------------------------------------------------------------
// 汇总
// ---------------------------------------------------------------------------------------------

export interface AggregateRequest {
  /** The area's body the aggregate is made for (e.g. 某某县人民政府). */
  readonly agency: string;
  readonly year: number;
  readonly includeUnapproved: boolean;
}

export interface WorkspaceAggregate extends AggregateResult {
  /** Units with a report for the year in the workspace that were not selected: left out too. */
  readonly notSelected: readonly string[];
}

/**
 * The aggregate of the selected units. Expected units are the roster and every agency that has
 * any report in the workspace (e.g. last year's): those without a report for the year are named
 * missing; those with one that was not selected are named as not selected.
 */
export function buildAggregate(
  selected: readonly ReviewUnit[],
  all: readonly ReviewUnit[],
  roster: readonly string[],
  request: AggregateRequest,
): WorkspaceAggregate {
  const selectedKeys = new Set(selected.map((u) => u.key));
  const expected = [...new Set([...roster, ...all.map((u) => u.agency)])];
  const result = aggregateReports(
    selected.map((u) => ({ name: u.agency, report: u.report, approved: u.status === 'approved' })),
    { agency: request.agency, year: request.year, expectedAgencies: expected, includeUnapproved: request.includeUnapproved },
  );
  const present = new Set(all.filter((u) => u.year === request.year).map((u) => u.agency));
  const notSelected = all
    .filter((u) => u.year === request.year && !selectedKeys.has(u.key))
    .map((u) => u.agency);
  const missing = result.missing.filter((a) => !present.has(a));
  const report: Report = { ...result.report, aggregate: { ...result.report.aggregate!, missing } };
  return { ...result, report, missing, notSelected };
}

/** The year most of the selected units report on (the latest when tied); null when none has one. */
export function commonYear(units: readonly ReviewUnit[]): number | null {
  const counts = new Map<number, number>();
  for (const u of units) if (u.year !== null) counts.set(u.year, (counts.get(u.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of counts) {
    if (best === null || n > counts.get(best)! || (n === counts.get(best)! && year > best)) best = year;
  }
  return best;
}
