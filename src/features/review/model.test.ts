import { describe, expect, test } from 'vitest';
import { buildAggregate, buildUnits, commonYear, planApproval, toRow, type FindingsCache } from './model.ts';
import { BROKEN_BALANCE, unitReport, unitsOf, version } from './testUtils.tsx';

describe('buildUnits', () => {
  test('versions of one agency and year form one unit; the latest received is under review', () => {
    const old = version(unitReport('甲局'), { receivedAt: 1000 });
    const newer = version(unitReport('甲局', { cells: { 'proactive.licensing': 5 } }), { receivedAt: 2000 });
    const other = version(unitReport('乙镇'), { receivedAt: 1500 });
    const units = buildUnits([newer, other, old]);
    expect(new Map(units.map((u) => [u.agency, u.versions.length]))).toEqual(new Map([
      ['乙镇', 1],
      ['甲局', 2],
    ]));
    const jia = units.find((u) => u.agency === '甲局')!;
    expect(jia.latest.id).toBe(newer.id);
    expect(jia.versions.map((v) => v.id)).toEqual([old.id, newer.id]);
    expect(jia.report.proactive.licensing).toBe(5);
  });

  test('findings come from the rules, with last year from the workspace for the cross-year ones', () => {
    const thisYear = unitReport('甲局', { year: 2022 });
    // Last year's carried-forward differs from this year's carried-over: a carryover warning.
    const lastYear = unitReport('甲局', { year: 2021, cells: { 'applications.carriedForward.naturalPerson': 3, 'applications.granted.naturalPerson': 0 } });
    const broken = unitReport('乙镇', { cells: BROKEN_BALANCE });
    const units = unitsOf(thisYear, lastYear, broken);
    const jia = units.find((u) => u.key === '2022|甲局')!;
    expect(jia.lastYear?.meta.year).toBe(2021);
    expect(jia.findings.map((f) => f.rule)).toContain('carryover');
    expect(jia.summary.unexplainedWarnings).toBeGreaterThan(0);
    const yi = units.find((u) => u.agency === '乙镇')!;
    expect(yi.summary.errors).toBeGreaterThan(0);
    expect(yi.findings[0]!.rule).toBe('balance');
    expect(toRow(yi)).toMatchObject({ key: '2022|乙镇', agency: '乙镇', status: 'submitted', errors: yi.summary.errors, versions: 1 });
  });

  test('with a cache, an unchanged version keeps its findings; a changed one, or a new last year, is checked again', () => {
    const cache: FindingsCache = new Map();
    const jia = version(unitReport('甲局', { year: 2022 }));
    const yi = version(unitReport('乙镇', { cells: BROKEN_BALANCE }));
    const first = buildUnits([jia, yi], cache);
    expect(cache.size).toBe(2);
    const again = buildUnits([jia, yi], cache);
    const findingsOf = (units: ReturnType<typeof buildUnits>, agency: string) => units.find((u) => u.agency === agency)!.findings;
    expect(findingsOf(again, '乙镇')).toBe(findingsOf(first, '乙镇'));
    expect(findingsOf(again, '甲局')).toBe(findingsOf(first, '甲局'));

    // 乙镇 fixed (a review write: a new updatedAt) → checked again, no error now.
    const fixed = { ...yi, document: unitReport('乙镇'), updatedAt: yi.updatedAt + 1 };
    // 甲局's last year arrives → its cross-year rules run again.
    const lastYear = version(unitReport('甲局', { year: 2021, cells: { 'applications.carriedForward.naturalPerson': 3, 'applications.granted.naturalPerson': 0 } }));
    const third = buildUnits([jia, fixed, lastYear], cache);
    expect(findingsOf(third, '乙镇')).not.toBe(findingsOf(first, '乙镇'));
    expect(third.find((u) => u.agency === '乙镇')!.summary.errors).toBe(0);
    expect(third.find((u) => u.key === '2022|甲局')!.findings.map((f) => f.rule)).toContain('carryover');
    // Only what the last build used is kept.
    expect(cache.size).toBe(3);
  });
});

describe('planApproval', () => {
  test('reports with errors and approved ones are not approved again', () => {
    const units = unitsOf(unitReport('甲局'), unitReport('乙镇', { cells: BROKEN_BALANCE }), unitReport('丙街道', { status: 'approved' }), unitReport('丁局', { status: 'returned' }));
    const plan = planApproval(units);
    expect(plan.approve.map((u) => u.agency).sort()).toEqual(['丁局', '甲局'].sort());
    expect(plan.withErrors.map((u) => u.agency)).toEqual(['乙镇']);
    expect(plan.alreadyApproved.map((u) => u.agency)).toEqual(['丙街道']);
  });
});

describe('buildAggregate', () => {
  const a = unitReport('甲局', { status: 'approved', cells: { 'applications.newReceived.naturalPerson': 10, 'proactive.fees': 0.1234 } });
  const b = unitReport('乙镇', { status: 'approved', cells: { 'applications.newReceived.naturalPerson': 5, 'proactive.fees': 0.2 } });
  const c = unitReport('丙街道', { status: 'submitted', cells: { 'applications.newReceived.naturalPerson': 7 } });
  const d = unitReport('丁局', { status: 'approved' });
  const lastYearOnly = unitReport('戊局', { year: 2021, status: 'approved' });
  const otherYear = unitReport('己局', { year: 2021, status: 'approved' });
  const all = unitsOf(a, b, c, d, lastYearOnly, otherYear);
  const pick = (...names: string[]) => all.filter((u) => names.includes(u.agency));

  test('sums approved selected units; names unapproved, missing, other-year and unselected units', () => {
    const result = buildAggregate(pick('甲局', '乙镇', '丙街道', '己局'), all, ['庚乡'], { agency: '某县人民政府', year: 2022, includeUnapproved: false });
    expect([...result.included].sort()).toEqual(['乙镇', '甲局'].sort());
    expect(result.report.applications.newReceived.naturalPerson).toBe(15);
    expect(result.report.proactive.fees).toBe(0.3234);
    expect(result.report.meta).toMatchObject({ agency: '某县人民政府', year: 2022, agencyKind: 'government' });
    expect(result.notApproved).toEqual(['丙街道']);
    expect(result.otherYear).toEqual([{ agency: '己局', year: 2021 }]);
    expect(result.notSelected).toEqual(['丁局']);
    // 戊局 reported last year only; 庚乡 is on the roster; 己局's only report is of 2021.
    expect([...result.missing].sort()).toEqual(['己局', '庚乡', '戊局'].sort());
    expect(result.report.aggregate).toEqual({
      units: expect.arrayContaining([
        { agency: '甲局', status: 'approved' },
        { agency: '乙镇', status: 'approved' },
      ]),
      missing: result.missing,
      notApproved: ['丙街道'],
    });
    expect(result.report.aggregate!.units).toHaveLength(2);
  });

  test('with includeUnapproved the unapproved are summed and still named', () => {
    const result = buildAggregate(pick('甲局', '乙镇', '丙街道'), all, [], { agency: '某县人民政府', year: 2022, includeUnapproved: true });
    expect(result.report.applications.newReceived.naturalPerson).toBe(22);
    expect(result.notApproved).toEqual(['丙街道']);
  });

  test('commonYear picks the year most selected units report on', () => {
    expect(commonYear(all)).toBe(2022);
    expect(commonYear(pick('戊局', '己局', '甲局'))).toBe(2021);
    expect(commonYear([])).toBeNull();
  });
});

describe('a draft collected (never marked ready)', () => {
  const draft = () => ({ ...unitReport('戊局'), status: 'draft' as const });

  test('its status comes from the file: 未定稿 (notReady), not 已报送', () => {
    const [unit] = unitsOf(draft());
    expect(unit!.status).toBe('notReady');
    expect(toRow(unit!).status).toBe('notReady');
    // A ready file is submitted as before.
    expect(unitsOf(unitReport('甲局'))[0]!.status).toBe('submitted');
  });

  test('is never approved in a batch, and the plan says so', () => {
    const units = unitsOf(draft(), unitReport('甲局'));
    const plan = planApproval(units);
    expect(plan.approve.map((u) => u.agency)).toEqual(['甲局']);
    expect(plan.notReady.map((u) => u.agency)).toEqual(['戊局']);
  });
});

