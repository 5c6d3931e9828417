// @vitest-environment node
/**
 * Every rule of RULES, table-driven: at least one document that passes and one that fails with
 * the exact finding (key, rule, severity, cells, and the two sides and their difference where
 * the rule is arithmetic).
 */
import { describe, expect, test } from 'vitest';
import { ENTERED_CELLS, type TableSectionId } from '../format.ts';
import { emptyReport, setCell, type Report } from '../document.ts';
import { MESSAGES } from '../messages.ts';
import { computeTotals } from '../totals.ts';
import { MIN_EXPLANATION_LENGTH, RULES, blockers, evaluate, isExplanationLongEnough, summarise, type Finding, type RuleContext, type RuleId, type Severity } from './index.ts';
import { edited, seed } from '../../../tests/unit/helpers.ts';

const SEED = seed();

/** The finding's identity, in full: what a test compares. */
interface Expected {
  key: string;
  severity: Severity;
  cells: readonly string[];
  left?: number;
  right?: number;
  delta?: number;
}
const identity = (f: Finding): Expected => ({
  key: f.key,
  severity: f.severity,
  cells: f.cells,
  ...(f.left !== undefined ? { left: f.left } : {}),
  ...(f.right !== undefined ? { right: f.right } : {}),
  ...(f.delta !== undefined ? { delta: f.delta } : {}),
});

interface Case {
  rule: RuleId;
  name: string;
  report: () => Report;
  context?: () => RuleContext;
  /** The rule's findings, exactly; [] for a document that passes. */
  findings: Expected[];
}

/** Last year's report of the Pingluo office, consistent with the seed: different numbers and text. */
function lastYear(change: (r: Report) => void = () => {}): Report {
  return edited(SEED, (r) => {
    r.meta.year = 2021;
    r.narrative.preamble = r.narrative.preamble.replaceAll('2022', '2021');
    for (const id of ['overview', 'problems', 'other'] as const) {
      r.narrative[id] = r.narrative[id].map((p) => ({ title: p.title.replaceAll('2022', '2021'), text: `上年：${p.text.replaceAll('2022', '2021')}` }));
    }
    r.applications.newReceived.naturalPerson = 10;
    r.applications.granted.naturalPerson = 5;
    r.applications.partiallyGranted.naturalPerson = 0;
    r.applications.unavailable.notHeld.naturalPerson = 5;
    change(r);
  });
}

const withText = (section: 'overview' | 'problems' | 'other', index: number, text: string) => () =>
  edited(SEED, (r) => {
    r.narrative[section][index]!.text = text;
  });

const APPLICATION_TEXT = 'narrative.overview.2.text'; // （二）依申请公开情况
const SUPERVISION_TEXT = 'narrative.overview.5.text'; // （五）监督保障情况
const col = (column: string) => ['newReceived', 'carriedOver', 'resultsTotal', 'carriedForward'].map((row) => `applications.${row}.${column}`);
const blankCells = (section: TableSectionId) => ENTERED_CELLS.filter((c) => c.section === section).map((c) => c.id);
const withPreamble = (from: string, to: string) => () =>
  edited(SEED, (r) => {
    expect(r.narrative.preamble).toContain(from);
    r.narrative.preamble = r.narrative.preamble.replace(from, to);
  });

const CASES: Case[] = [
  // ------------------------------------------------------------------------------------ balance
  { rule: 'balance', name: 'the seed balances in every column', report: () => SEED, findings: [] },
  {
    rule: 'balance',
    name: '1 carried forward by a natural person that came from nowhere',
    report: () => edited(SEED, (r) => (r.applications.carriedForward.naturalPerson = 1)),
    findings: [{ key: 'balance:naturalPerson', severity: 'error', cells: col('naturalPerson'), left: 24, right: 25, delta: -1 }],
  },
  {
    rule: 'balance',
    name: 'a business application granted but never received',
    report: () => edited(SEED, (r) => (r.applications.granted.commercial = 2)),
    findings: [{ key: 'balance:commercial', severity: 'error', cells: col('commercial'), left: 0, right: 2, delta: -2 }],
  },
  {
    rule: 'balance',
    name: 'two columns out, each named',
    report: () =>
      edited(SEED, (r) => {
        r.applications.carriedOver.research = 1;
        r.applications.notProcessed.repeated.otherOrg = 3;
      }),
    findings: [
      { key: 'balance:research', severity: 'error', cells: col('research'), left: 1, right: 0, delta: 1 },
      { key: 'balance:otherOrg', severity: 'error', cells: col('otherOrg'), left: 0, right: 3, delta: -3 },
    ],
  },
  {
    rule: 'balance',
    name: 'a printed 总计 column that does not balance (imported document)',
    report: () => SEED,
    context: () => ({ stated: { totals: { 'applications.newReceived.total': 25 } } }),
    findings: [{ key: 'balance:total', severity: 'error', cells: col('total'), left: 25, right: 24, delta: 1 }],
  },
  { rule: 'balance', name: 'an empty report has no column to balance', report: () => emptyReport({ agency: '某局', year: 2022 }), findings: [] },

  // -------------------------------------------------------------------------------------- count
  { rule: 'count', name: 'the seed: every cell a whole number', report: () => SEED, findings: [] },
  {
    rule: 'count',
    name: 'blanks while the clerk is typing',
    report: () => emptyReport(),
    context: () => ({ blanksAreErrors: false }),
    findings: [],
  },
  {
    rule: 'count',
    name: 'one blank cell in a finished report',
    report: () => setCell(SEED, 'applications.granted.commercial', null),
    findings: [{ key: 'count:blank.applications', severity: 'error', cells: ['applications.granted.commercial'] }],
  },
  {
    rule: 'count',
    name: 'an empty report: every section blank',
    report: () => emptyReport(),
    findings: [
      { key: 'count:blank.proactive', severity: 'error', cells: blankCells('proactive') },
      { key: 'count:blank.applications', severity: 'error', cells: blankCells('applications') },
      { key: 'count:blank.appeals', severity: 'error', cells: blankCells('appeals') },
    ],
  },
  {
    rule: 'count',
    name: 'a fraction and a negative number set in code (no decode)',
    report: () => setCell(setCell(SEED, 'proactive.licensing', 2.5), 'appeals.review.pending', -1),
    findings: [
      { key: 'count:proactive.licensing', severity: 'error', cells: ['proactive.licensing'] },
      { key: 'count:appeals.review.pending', severity: 'error', cells: ['appeals.review.pending'] },
    ],
  },

  // ---------------------------------------------------------------------------------------- fee
  { rule: 'fee', name: 'no fees', report: () => SEED, findings: [] },
  { rule: 'fee', name: '1.2345 万元 (4 places)', report: () => setCell(SEED, 'proactive.fees', 1.2345), findings: [] },
  { rule: 'fee', name: 'not filled yet', report: () => setCell(SEED, 'proactive.fees', null), context: () => ({ blanksAreErrors: false }), findings: [] },
  { rule: 'fee', name: '1.23456 万元 (5 places)', report: () => setCell(SEED, 'proactive.fees', 1.23456), findings: [{ key: 'fee:proactive.fees', severity: 'error', cells: ['proactive.fees'] }] },
  { rule: 'fee', name: 'a negative fee', report: () => setCell(SEED, 'proactive.fees', -0.5), findings: [{ key: 'fee:proactive.fees', severity: 'error', cells: ['proactive.fees'] }] },
  { rule: 'fee', name: 'NaN', report: () => setCell(SEED, 'proactive.fees', Number.NaN), findings: [{ key: 'fee:proactive.fees', severity: 'error', cells: ['proactive.fees'] }] },

  // ----------------------------------------------------------------------------------- required
  { rule: 'required', name: 'the seed has all it needs', report: () => SEED, findings: [] },
  {
    rule: 'required',
    name: 'no agency, no year',
    report: () =>
      edited(SEED, (r) => {
        r.meta.agency = '  ';
        r.meta.year = null;
      }),
    findings: [
      { key: 'required:meta.agency', severity: 'error', cells: ['meta.agency'] },
      { key: 'required:meta.year', severity: 'error', cells: ['meta.year'] },
    ],
  },
  {
    rule: 'required',
    name: 'no preamble',
    report: () => edited(SEED, (r) => (r.narrative.preamble = '\n')),
    findings: [{ key: 'required:narrative.preamble', severity: 'error', cells: ['narrative.preamble'] }],
  },
  {
    rule: 'required',
    name: 'section 一 with titles but no text, section 五 with no part',
    report: () =>
      edited(SEED, (r) => {
        r.narrative.overview = r.narrative.overview.map((p) => ({ ...p, text: ' ' }));
        r.narrative.problems = [];
      }),
    findings: [
      { key: 'required:narrative.overview', severity: 'error', cells: ['narrative.overview'] },
      { key: 'required:narrative.problems', severity: 'error', cells: ['narrative.problems'] },
    ],
  },

  // -------------------------------------------------------------------------------- statedTotal
  { rule: 'statedTotal', name: 'our own document states no totals', report: () => SEED, findings: [] },
  { rule: 'statedTotal', name: 'every printed total right', report: () => SEED, context: () => ({ stated: { totals: computeTotals(SEED) } }), findings: [] },
  {
    rule: 'statedTotal',
    name: 'a printed 总计 left empty is not checked',
    report: () => SEED,
    context: () => ({ stated: { totals: { 'applications.granted.total': null } } }),
    findings: [],
  },
  {
    rule: 'statedTotal',
    name: '（一）予以公开 总计 printed 4, the parts sum to 3',
    report: () => SEED,
    context: () => ({ stated: { totals: { 'applications.granted.total': 4 } } }),
    findings: [
      {
        key: 'statedTotal:applications.granted.total',
        severity: 'error',
        cells: ['applications.granted.total', ...['naturalPerson', 'commercial', 'research', 'publicWelfare', 'legalService', 'otherOrg'].map((c) => `applications.granted.${c}`)],
        left: 4,
        right: 3,
        delta: 1,
      },
    ],
  },
  {
    rule: 'statedTotal',
    name: '行政复议 总计 printed 1 over four zeros',
    report: () => SEED,
    context: () => ({ stated: { totals: { 'appeals.review.total': 1 } } }),
    findings: [
      {
        key: 'statedTotal:appeals.review.total',
        severity: 'error',
        cells: ['appeals.review.total', 'appeals.review.upheld', 'appeals.review.corrected', 'appeals.review.other', 'appeals.review.pending'],
        left: 1,
        right: 0,
        delta: 1,
      },
    ],
  },

  // ----------------------------------------------------------------------------------- template
  { rule: 'template', name: 'the 2021 tables', report: () => SEED, context: () => ({ stated: { templateMarkers: [] } }), findings: [] },
  {
    rule: 'template',
    name: 'a 2020 report may use the 2019 tables',
    report: () => edited(SEED, (r) => (r.meta.year = 2020)),
    context: () => ({ stated: { templateMarkers: ['本年新制作数量'] } }),
    findings: [],
  },
  {
    rule: 'template',
    name: 'a 2022 report with 政府集中采购 (2019 tables)',
    report: () => SEED,
    context: () => ({ stated: { templateMarkers: ['政府集中采购'] } }),
    findings: [{ key: 'template:proactive', severity: 'error', cells: ['proactive'] }],
  },

  // ---------------------------------------------------------------------------------- carryover
  { rule: 'carryover', name: 'last year unknown', report: () => SEED, findings: [] },
  { rule: 'carryover', name: 'nothing carried either year', report: () => SEED, context: () => ({ lastYear: lastYear() }), findings: [] },
  {
    rule: 'carryover',
    name: 'last year carried 2 forward, this year carried 0 over',
    report: () => SEED,
    context: () => ({ lastYear: lastYear((r) => ((r.applications.carriedForward.naturalPerson = 2), (r.applications.newReceived.naturalPerson = 12))) }),
    findings: [{ key: 'carryover:naturalPerson', severity: 'warning', cells: ['applications.carriedOver.naturalPerson'], left: 0, right: 2, delta: -2 }],
  },
  {
    rule: 'carryover',
    name: 'carried over without last year carrying forward',
    report: () =>
      edited(SEED, (r) => {
        r.applications.carriedOver.legalService = 1;
        r.applications.granted.legalService = 1;
      }),
    context: () => ({ lastYear: lastYear() }),
    findings: [{ key: 'carryover:legalService', severity: 'warning', cells: ['applications.carriedOver.legalService'], left: 1, right: 0, delta: 1 }],
  },

  // ------------------------------------------------------------------------------------ inForce
  { rule: 'inForce', name: '4 in force, none issued or repealed', report: () => SEED, findings: [] },
  { rule: 'inForce', name: 'last year 4 in force, none issued or repealed', report: () => SEED, context: () => ({ lastYear: lastYear() }), findings: [] },
  {
    rule: 'inForce',
    name: 'issued 5 this year but only 4 in force',
    report: () => edited(SEED, (r) => (r.proactive.normativeDocuments.issued = 5)),
    findings: [
      {
        key: 'inForce:normativeDocuments',
        severity: 'warning',
        cells: ['proactive.normativeDocuments.inForce', 'proactive.normativeDocuments.issued', 'proactive.normativeDocuments.repealed'],
        left: 4,
        right: 5,
        delta: -1,
      },
    ],
  },
  {
    rule: 'inForce',
    name: 'last year 3 in force, nothing issued, now 4',
    report: () => SEED,
    context: () => ({ lastYear: lastYear((r) => (r.proactive.normativeDocuments.inForce = 3)) }),
    findings: [
      {
        key: 'inForce:normativeDocuments',
        severity: 'warning',
        cells: ['proactive.normativeDocuments.inForce', 'proactive.normativeDocuments.issued', 'proactive.normativeDocuments.repealed'],
        left: 4,
        right: 3,
        delta: 1,
      },
    ],
  },

  // ----------------------------------------------------------------------------- narrativeCount
  { rule: 'narrativeCount', name: 'the seed: 全年共受理24件 and 24 in the table', report: () => SEED, findings: [] },
  {
    rule: 'narrativeCount',
    name: 'the text says 全年共受理25件',
    report: withText('overview', 2, '严格按照规定办理答复。全年共受理25件，均为自然人申请，办结率100%。'),
    findings: [{ key: `narrativeCount:received@${APPLICATION_TEXT}`, severity: 'warning', cells: [APPLICATION_TEXT, 'applications.newReceived.total'], left: 25, right: 24, delta: 1 }],
  },
  {
    rule: 'narrativeCount',
    name: 'the table says 25 received, the text still 24',
    report: () =>
      edited(SEED, (r) => {
        r.applications.newReceived.naturalPerson = 25;
        r.applications.unavailable.notHeld.naturalPerson = 20;
      }),
    findings: [{ key: `narrativeCount:received@${APPLICATION_TEXT}`, severity: 'warning', cells: [APPLICATION_TEXT, 'applications.newReceived.total'], left: 24, right: 25, delta: -1 }],
  },
  {
    rule: 'narrativeCount',
    name: '受理 counting last year’s carry-over too is right',
    report: () =>
      edited(SEED, (r) => {
        r.applications.carriedOver.naturalPerson = 3;
        r.applications.granted.naturalPerson = 6;
        r.narrative.overview[2]!.text = '全年共受理政府信息公开申请27件（含上年结转3件）。';
      }),
    findings: [],
  },
  {
    rule: 'narrativeCount',
    name: '予以公开4件 against 3 in the table',
    report: withText('overview', 2, '全年共受理24件，其中予以公开4件，部分公开2件。'),
    findings: [{ key: `narrativeCount:granted@${APPLICATION_TEXT}`, severity: 'warning', cells: [APPLICATION_TEXT, 'applications.granted.total'], left: 4, right: 3, delta: 1 }],
  },
  {
    rule: 'narrativeCount',
    name: '行政复议申请1件 stated, none in table 四 (and not taken for an application count)',
    report: withText('overview', 5, '全年收到政府信息公开行政复议申请1件。'),
    findings: [{ key: `narrativeCount:review@${SUPERVISION_TEXT}`, severity: 'warning', cells: [SUPERVISION_TEXT, 'appeals.review.total'], left: 1, right: 0, delta: 1 }],
  },
  {
    rule: 'narrativeCount',
    name: '行政诉讼2起 stated, one in table 四',
    report: () =>
      edited(SEED, (r) => {
        r.appeals.litigationDirect.pending = 1;
        r.narrative.overview[5]!.text = '全年发生政府信息公开行政诉讼2起。';
      }),
    findings: [
      {
        key: `narrativeCount:litigation@${SUPERVISION_TEXT}`,
        severity: 'warning',
        cells: [SUPERVISION_TEXT, 'appeals.litigationDirect.total', 'appeals.litigationAfterReview.total'],
        left: 2,
        right: 1,
        delta: 1,
      },
    ],
  },
  {
    rule: 'narrativeCount',
    name: '未发生行政复议 while table 四 has one',
    report: () =>
      edited(SEED, (r) => {
        r.appeals.review.upheld = 1;
        r.narrative.overview[5]!.text = '2022年未发生因政府信息公开引起的行政复议、行政诉讼。';
      }),
    findings: [{ key: `narrativeCount:review@${SUPERVISION_TEXT}`, severity: 'warning', cells: [SUPERVISION_TEXT, 'appeals.review.total'], left: 0, right: 1, delta: -1 }],
  },
  {
    rule: 'narrativeCount',
    name: '行政复议2件，均获维持 — with one corrected',
    report: () =>
      edited(SEED, (r) => {
        r.appeals.review.upheld = 1;
        r.appeals.review.corrected = 1;
        r.narrative.overview[5]!.text = '全年发生政府信息公开行政复议2件，均获维持。';
      }),
    findings: [{ key: `narrativeCount:allUpheld@${SUPERVISION_TEXT}`, severity: 'warning', cells: [SUPERVISION_TEXT, 'appeals.review.corrected'], left: 0, right: 1, delta: -1 }],
  },
  {
    rule: 'narrativeCount',
    name: '行政复议2件，均获维持 — and both upheld',
    report: () =>
      edited(SEED, (r) => {
        r.appeals.review.upheld = 2;
        r.narrative.overview[5]!.text = '全年发生政府信息公开行政复议2件，均获维持。';
      }),
    findings: [],
  },

  // ------------------------------------------------------------------------------- yearMismatch
  { rule: 'yearMismatch', name: 'the seed speaks of 2022 throughout', report: () => SEED, findings: [] },
  {
    rule: 'yearMismatch',
    name: 'the period says 2021 in a 2022 report',
    report: withPreamble('本报告统计数据从2022年1月1日至2022年12月31日', '本报告统计数据从2021年1月1日至2021年12月31日'),
    findings: [{ key: 'yearMismatch:narrative.preamble:2021', severity: 'warning', cells: ['narrative.preamble'], left: 2021, right: 2022, delta: -1 }],
  },
  {
    rule: 'yearMismatch',
    name: 'last year’s report relabelled 2023: every leftover 2022 is named',
    report: () => edited(SEED, (r) => (r.meta.year = 2023)),
    findings: [
      'narrative.preamble',
      'narrative.overview.0.text', // 2022年，我办…
      'narrative.overview.3.text', // （三）… 解读《平罗县2022年政务公开工作要点》
      'narrative.problems.0.text', // 2022年，政府办公室…
      'narrative.other.0.title', // 2022 年政务公开工作要点落实情况
    ].map((path) => ({ key: `yearMismatch:${path}:2022`, severity: 'warning' as const, cells: [path], left: 2022, right: 2023, delta: -1 })),
  },
  {
    rule: 'yearMismatch',
    name: 'section 五 may plan by next year; section 一 may tell of publishing last year’s report',
    report: () =>
      edited(SEED, (r) => {
        r.narrative.problems.push({ title: '', text: '2023年，我办将认真落实2023年政务公开工作要点。' });
        r.narrative.overview[3]!.text += '按时发布2021年政府信息公开工作年度报告。';
      }),
    findings: [],
  },
  {
    rule: 'yearMismatch',
    name: 'section 一 telling of the 2020 report in a 2022 report',
    report: () => edited(SEED, (r) => (r.narrative.overview[3]!.text = '按时发布2020年政府信息公开工作年度报告。')),
    findings: [{ key: 'yearMismatch:narrative.overview.3.text:2020', severity: 'warning', cells: ['narrative.overview.3.text'], left: 2020, right: 2022, delta: -2 }],
  },

  // ----------------------------------------------------------------------------------- citation
  { rule: 'citation', name: 'the seed cites 国办公开办函〔2021〕30号', report: () => SEED, findings: [] },
  {
    rule: 'citation',
    name: 'the superseded 〔2019〕60号',
    report: withPreamble('国办公开办函〔2021〕30号', '国办公开办函〔2019〕60号'),
    findings: [{ key: 'citation:superseded', severity: 'warning', cells: ['narrative.preamble'] }],
  },
  {
    rule: 'citation',
    name: 'the superseded notice by its title',
    report: () =>
      edited(SEED, (r) => {
        r.narrative.preamble = '根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》要求，现发布本报告。';
      }),
    findings: [{ key: 'citation:superseded', severity: 'warning', cells: ['narrative.preamble'] }],
  },
  {
    rule: 'citation',
    name: 'the 试行 format',
    report: withPreamble('要求，', '要求和《政府信息公开工作年度报告格式（试行）》，'),
    findings: [{ key: 'citation:superseded', severity: 'warning', cells: ['narrative.preamble'] }],
  },
  {
    rule: 'citation',
    name: 'another 试行 document beside the right notice is fine',
    report: withPreamble('要求，', '要求和《某市政务公开考核办法（试行）》，'),
    findings: [],
  },
  {
    rule: 'citation',
    name: 'a garbled 〔202130号',
    report: withPreamble('国办公开办函〔2021〕30号', '国办公开办函〔202130号'),
    findings: [{ key: 'citation:garbled', severity: 'warning', cells: ['narrative.preamble'] }],
  },
  {
    rule: 'citation',
    name: 'a preamble citing only the 条例 (no notice): no finding, it never blocks 定稿',
    report: withPreamble('（国办公开办函〔2021〕30号）', ''),
    findings: [],
  },

  // ----------------------------------------------------------------------------------- deadline
  { rule: 'deadline', name: 'not published yet', report: () => SEED, findings: [] },
  { rule: 'deadline', name: 'a 部门 on 31 January', report: () => edited(SEED, (r) => (r.meta.publishedOn = '2023-01-31')), findings: [] },
  {
    rule: 'deadline',
    name: 'a 部门 on 1 February',
    report: () => edited(SEED, (r) => (r.meta.publishedOn = '2023-02-01')),
    findings: [{ key: 'deadline:meta.publishedOn', severity: 'warning', cells: ['meta.publishedOn'] }],
  },
  {
    rule: 'deadline',
    name: 'the government itself on 31 March',
    report: () => edited(SEED, (r) => ((r.meta.agencyKind = 'government'), (r.meta.publishedOn = '2023-03-31'))),
    findings: [],
  },
  {
    rule: 'deadline',
    name: 'the government itself on 1 April',
    report: () => edited(SEED, (r) => ((r.meta.agencyKind = 'government'), (r.meta.publishedOn = '2023-04-01'))),
    findings: [{ key: 'deadline:meta.publishedOn', severity: 'warning', cells: ['meta.publishedOn'] }],
  },

  // ------------------------------------------------------------------------------- feeStatement
  { rule: 'feeStatement', name: 'the seed states 未收取信息处理费', report: () => SEED, findings: [] },
  { rule: 'feeStatement', name: 'stated in the part’s title only', report: () => edited(SEED, (r) => (r.narrative.other[1]!.text = '无。')), findings: [] },
  {
    rule: 'feeStatement',
    name: '信息处理费 missing in 六',
    report: () => edited(SEED, (r) => r.narrative.other.splice(1, 1)),
    findings: [{ key: 'feeStatement:other', severity: 'warning', cells: ['narrative.other'] }],
  },
  {
    rule: 'feeStatement',
    name: 'the standard part 信息处理费收取情况 left empty',
    report: () => edited(SEED, (r) => (r.narrative.other[1]!.text = ' ')),
    findings: [{ key: 'feeStatement:other', severity: 'warning', cells: ['narrative.other'] }],
  },
  {
    rule: 'feeStatement',
    name: '信息处理费 stated in 一 but not in 六',
    report: () =>
      edited(SEED, (r) => {
        const [fees] = r.narrative.other.splice(1, 1);
        r.narrative.overview.push(fees!);
      }),
    findings: [{ key: 'feeStatement:other', severity: 'warning', cells: ['narrative.other'] }],
  },

  // ----------------------------------------------------------------------------- sameAsLastYear
  { rule: 'sameAsLastYear', name: 'last year unknown', report: () => SEED, findings: [] },
  { rule: 'sameAsLastYear', name: 'new numbers and new text', report: () => SEED, context: () => ({ lastYear: lastYear() }), findings: [] },
  {
    rule: 'sameAsLastYear',
    name: 'two years of nothing but zeros are not copying',
    report: () => zeroYear(2022),
    context: () => ({ lastYear: zeroYear(2021) }),
    findings: [],
  },
  {
    rule: 'sameAsLastYear',
    name: 'every number as last year',
    report: () => SEED,
    context: () => ({ lastYear: lastYear((r) => ((r.applications = structuredClone(SEED.applications)), (r.appeals = structuredClone(SEED.appeals)))) }),
    findings: [{ key: 'sameAsLastYear:numbers', severity: 'warning', cells: [ENTERED_CELLS[0]!.id] }],
  },
  {
    rule: 'sameAsLastYear',
    name: 'section 五 copied word for word (spaces aside)',
    report: () => SEED,
    context: () => ({ lastYear: lastYear((r) => (r.narrative.problems = [{ title: '', text: SEED.narrative.problems[0]!.text.replace('。', ' 。 ') }])) }),
    findings: [{ key: 'sameAsLastYear:narrative.problems.0', severity: 'warning', cells: ['narrative.problems.0.text'] }],
  },
  {
    rule: 'sameAsLastYear',
    name: 'a stock phrase (无。) is not copying',
    report: () => edited(SEED, (r) => r.narrative.problems.push({ title: '', text: '无。' })),
    context: () => ({ lastYear: lastYear((r) => r.narrative.problems.push({ title: '', text: '无。' })) }),
    findings: [],
  },

  // -------------------------------------------------------------------------------- regulations
  { rule: 'regulations', name: 'no 规章', report: () => SEED, findings: [] },
  {
    rule: 'regulations',
    name: 'a county office reporting 规章',
    report: () => edited(SEED, (r) => ((r.proactive.regulations.issued = 1), (r.proactive.regulations.inForce = 1))),
    findings: [
      {
        key: 'regulations:proactive.regulations',
        severity: 'hint',
        cells: ['proactive.regulations.issued', 'proactive.regulations.repealed', 'proactive.regulations.inForce'],
      },
    ],
  },

  // ------------------------------------------------------------------------- unpaidFeeStatement
  { rule: 'unpaidFeeStatement', name: 'no application closed for an unpaid fee', report: () => SEED, findings: [] },
  {
    rule: 'unpaidFeeStatement',
    name: 'one closed for an unpaid fee, 六 silent on notices',
    report: () => unpaidFee('未收取信息处理费。'),
    findings: [],
  },
  {
    rule: 'unpaidFeeStatement',
    name: 'one closed for an unpaid fee, 六 says no fee notice was issued',
    report: () => unpaidFee('本年度未发出收费通知，未收取信息处理费。'),
    findings: [{ key: 'unpaidFeeStatement:other', severity: 'hint', cells: ['applications.otherHandling.unpaidFee.total', 'narrative.other'] }],
  },
];

/** A small body's year with nothing to count: all zeros, its own text. */
function zeroYear(year: number): Report {
  let report = edited(SEED, (r) => (r.meta.year = year));
  for (const cell of ENTERED_CELLS) report = setCell(report, cell.id, 0);
  return edited(report, (r) => {
    for (const id of ['overview', 'problems', 'other'] as const) {
      r.narrative[id] = r.narrative[id].map((p, i) => ({ title: p.title, text: `${year}年第${i + 1}部分：本机关依法做好政府信息公开工作，未收取信息处理费。` }));
    }
  });
}

function unpaidFee(feeText: string): Report {
  return edited(SEED, (r) => {
    r.applications.otherHandling.unpaidFee.naturalPerson = 1;
    r.applications.unavailable.notHeld.naturalPerson = 18;
    r.narrative.other[1]!.text = feeText;
  });
}

describe.each(RULES.map((r) => r.id))('%s', (ruleId) => {
  const cases = CASES.filter((c) => c.rule === ruleId);
  test('has a document that passes and one that fails', () => {
    expect(cases.some((c) => c.findings.length === 0)).toBe(true);
    expect(cases.some((c) => c.findings.length > 0)).toBe(true);
  });
  test.each(cases)('$name', ({ report, context, findings }) => {
    const actual = evaluate(report(), context?.() ?? {}).filter((f) => f.rule === ruleId);
    expect(actual.map(identity)).toEqual(findings);
    for (const f of actual) {
      expect(f.message.zh).not.toMatch(/\{\{|undefined/);
      expect(f.message.en).not.toMatch(/\{\{|undefined/);
    }
  });
});

describe('the seed', () => {
  test('has no error, no warning and no hint', () => {
    expect(evaluate(SEED)).toEqual([]);
  });

  test('with 1 carried forward by a natural person: exactly one finding, the balance error naming that cell', () => {
    const findings = evaluate(edited(SEED, (r) => (r.applications.carriedForward.naturalPerson = 1)));
    expect(findings).toHaveLength(1);
    const [balance] = findings;
    expect(balance).toMatchObject({ rule: 'balance', severity: 'error', left: 24, right: 25, delta: -1 });
    expect(balance!.cells).toContain('applications.carriedForward.naturalPerson');
    expect(balance!.message.zh).toBe('自然人栏不平衡：一、本年新收 + 二、上年结转 = 24，（七）总计 + 四、结转下年度 = 25，相差 -1');
  });

  test('evaluate leaves the report as it was', () => {
    const report = edited(SEED, (r) => (r.meta.year = 2023));
    const before = structuredClone(report);
    evaluate(report, { lastYear: lastYear() });
    expect(report).toEqual(before);
  });
});

describe('explanations', () => {
  const carriedTwo = () => ({ lastYear: lastYear((r) => ((r.applications.carriedForward.naturalPerson = 2), (r.applications.newReceived.naturalPerson = 12))) });

  test('a warning with a written explanation is reported as explained, not dropped', () => {
    const report = edited(SEED, (r) => (r.explanations['carryover:naturalPerson'] = '  上年报告结转数填报有误，已更正。 '));
    const findings = evaluate(report, carriedTwo());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ key: 'carryover:naturalPerson', severity: 'warning', explained: true, explanation: '上年报告结转数填报有误，已更正。' });
    expect(summarise(findings)).toEqual({ errors: 0, warnings: 1, unexplainedWarnings: 0, explainedWarnings: 1, hints: 0 });
    expect(blockers(findings)).toEqual([]);
  });

  test('an empty or blank explanation does not count', () => {
    const report = edited(SEED, (r) => (r.explanations['carryover:naturalPerson'] = ' \n '));
    const findings = evaluate(report, carriedTwo());
    expect(findings[0]!.explained).toBeUndefined();
    expect(blockers(findings).map((f) => f.key)).toEqual(['carryover:naturalPerson']);
  });

  test('an explanation too short to say anything ("ok", "已核实", punctuation) does not clear the warning: one rule for UI, CLI and files', () => {
    for (const text of ['ok', '已核实', '。。。。。。', 'o k . ! ?']) {
      const findings = evaluate(edited(SEED, (r) => (r.explanations['carryover:naturalPerson'] = text)), carriedTwo());
      expect(findings[0]!.explained, text).toBeUndefined();
      expect(blockers(findings).map((f) => f.key)).toEqual(['carryover:naturalPerson']);
    }
    expect(isExplanationLongEnough('上年数字有误')).toBe(true);
    expect(isExplanationLongEnough('ok')).toBe(false);
    expect(MIN_EXPLANATION_LENGTH).toBe(5);
  });

  test('an explanation for another finding does not explain this one', () => {
    const report = edited(SEED, (r) => (r.explanations['carryover:commercial'] = '说明'));
    expect(evaluate(report, carriedTwo())[0]!.explained).toBeUndefined();
  });

  test('errors cannot be explained away', () => {
    const report = edited(SEED, (r) => {
      r.applications.carriedForward.naturalPerson = 1;
      r.explanations['balance:naturalPerson'] = '说明';
    });
    const findings = evaluate(report);
    expect(findings[0]!.explained).toBeUndefined();
    expect(blockers(findings)).toHaveLength(1);
  });

  test('hints never block', () => {
    const findings = evaluate(edited(SEED, (r) => (r.proactive.regulations.inForce = 1)));
    expect(findings.map((f) => f.severity)).toEqual(['hint']);
    expect(blockers(findings)).toEqual([]);
  });
});

describe('findings', () => {
  test('come sorted: errors, then warnings, then hints', () => {
    const report = edited(SEED, (r) => {
      r.proactive.regulations.inForce = 1; // hint
      r.meta.publishedOn = '2023-06-01'; // warning
      r.applications.carriedForward.naturalPerson = 1; // error
    });
    expect(evaluate(report).map((f) => f.severity)).toEqual(['error', 'warning', 'hint']);
  });

  test('keys are unique within one evaluation', () => {
    const findings = evaluate(edited(emptyReport({ agency: '某局', year: 2023 }), (r) => (r.narrative.preamble = '2022年')), { lastYear: lastYear() });
    expect(new Set(findings.map((f) => f.key)).size).toBe(findings.length);
  });
});

describe('the rules as data', () => {
  // The spec's table of rules, severities as there.
  const SPEC: Record<RuleId, Severity> = {
    balance: 'error',
    count: 'error',
    fee: 'error',
    required: 'error',
    statedTotal: 'error',
    template: 'error',
    carryover: 'warning',
    inForce: 'warning',
    narrativeCount: 'warning',
    yearMismatch: 'warning',
    citation: 'warning',
    deadline: 'warning',
    feeStatement: 'warning',
    sameAsLastYear: 'warning',
    regulations: 'hint',
    unpaidFeeStatement: 'hint',
  };

  test('every rule of the spec, once, in its order, with its severity', () => {
    expect(RULES.map((r) => r.id)).toEqual(Object.keys(SPEC));
    for (const rule of RULES) expect(rule.severity, rule.id).toBe(SPEC[rule.id]);
  });

  test('each names the cells it reads and a message that exists', () => {
    for (const rule of RULES) {
      expect(rule.reads.length, rule.id).toBeGreaterThan(0);
      expect(MESSAGES[rule.messageKey], rule.id).toBeDefined();
    }
  });
});
