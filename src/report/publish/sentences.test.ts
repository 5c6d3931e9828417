// @vitest-environment node
/**
 * The standard sentences written from the tables: their wording for the seed and for tables
 * with other figures, and that the narrative rules read them back as agreeing with the tables
 * (and disagreeing once a figure changes after they were inserted).
 */
import { describe, expect, test } from 'vitest';
import { APPLICATIONS_GROUPS, APPLICATIONS_ROWS, APPEAL_KINDS, APPEAL_OUTCOMES, APPLICANT_COLUMNS, PROACTIVE_ROWS, emptyReport, evaluate, setCell, type Report } from '../index.ts';
import { labelWords, standardSentences, type SentenceTopic } from './sentences.ts';
import { edited, seed } from '../../../tests/unit/helpers.ts';

const SEED = seed();
const textOf = (report: Report, topic: SentenceTopic) => standardSentences(report).find((s) => s.topic === topic)!.text;
const withCells = (cells: Record<string, number | null>) => (report: Report) => {
  let r = report;
  for (const [id, v] of Object.entries(cells)) r = setCell(r, id, v);
  return r;
};

describe('labelWords: a format label as words of a sentence', () => {
  test.each([
    ['（一）予以公开', '予以公开'],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开'],
    ['（三）不予公开', '不予公开'],
    ['1.属于国家秘密', '属于国家秘密'],
    ['3.危及“三安全一稳定”', '危及“三安全一稳定”'],
    ['一、本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量'],
    ['行政规范性文件', '行政规范性文件'],
  ])('%s → %s', (zh, words) => {
    expect(labelWords({ zh, en: '' })).toBe(words);
  });

  test('no label of 三 or 四 keeps an enumerator or a bracket', () => {
    const labels = [...APPLICATIONS_ROWS, ...APPLICATIONS_GROUPS, ...APPLICANT_COLUMNS, ...APPEAL_KINDS, ...APPEAL_OUTCOMES, ...PROACTIVE_ROWS].map((x) => x.label);
    for (const label of labels) expect(labelWords(label)).not.toMatch(/^[（(\d一二三四五六七八九十]|[）)]$/);
  });
});

describe('the seed (Pingluo 2022): 24 received, all natural persons; 3 + 2 + 19; nothing in 四', () => {
  test.each<[SentenceTopic, string, string]>([
    ['proactive', '主动公开', '2022年，本机关未制发行政规范性文件，现行有效行政规范性文件4件。'],
    [
      'applications',
      '依申请公开',
      '2022年，本机关共收到政府信息公开申请24件，均为自然人申请。本年度办理结果中，予以公开3件，部分公开2件，无法提供19件（均为本机关不掌握相关政府信息），无结转下年度继续办理的申请。',
    ],
    ['appeals', '依申请公开', '全年未发生政府信息公开行政复议、行政诉讼案件。'],
    ['fees', '信息处理费收取情况', '2022年，本机关依据《政府信息公开信息处理费管理办法》，未收取信息处理费。'],
  ])('%s, for the part %s', (topic, part, text) => {
    const sentence = standardSentences(SEED).find((s) => s.topic === topic)!;
    expect(sentence.part.zh).toBe(part);
    expect(sentence.text).toBe(text);
    expect(sentence.blank).toEqual([]);
  });

  test('in the order of the report: 一 (主动公开, 依申请公开) before 六', () => {
    expect(standardSentences(SEED).map((s) => `${s.section}:${s.topic}`)).toEqual(['overview:proactive', 'overview:applications', 'overview:appeals', 'other:fees']);
  });
});

describe('other figures', () => {
  test.each<[string, Record<string, number | null>, SentenceTopic, string]>([
    [
      'organisations, carry-over both ways, several withheld reasons',
      {
        'applications.newReceived.commercial': 2,
        'applications.newReceived.legalService': 1,
        'applications.carriedOver.naturalPerson': 1,
        'applications.withheld.stateSecret.naturalPerson': 1,
        'applications.withheld.thirdPartyRights.commercial': 2,
        'applications.carriedForward.legalService': 1,
      },
      'applications',
      '2022年，本机关共收到政府信息公开申请27件，其中自然人申请24件、法人或其他组织申请3件（商业企业2件、法律服务机构1件）；上年结转政府信息公开申请1件。本年度办理结果中，予以公开3件，部分公开2件，不予公开3件（其中属于国家秘密1件、保护第三方合法权益2件），无法提供19件（均为本机关不掌握相关政府信息）；结转下年度继续办理1件。',
    ],
    [
      'only organisations, 其他处理 by “其他” alone',
      {
        'applications.newReceived.naturalPerson': 0,
        'applications.newReceived.research': 4,
        'applications.granted.naturalPerson': 0,
        'applications.partiallyGranted.naturalPerson': 0,
        'applications.unavailable.notHeld.naturalPerson': 0,
        'applications.granted.research': 3,
        'applications.otherHandling.other.research': 1,
      },
      'applications',
      '2022年，本机关共收到政府信息公开申请4件，其中法人或其他组织申请4件（科研机构4件）。本年度办理结果中，予以公开3件，其他处理1件，无结转下年度继续办理的申请。',
    ],
    [
      'none received, one carried over and carried on',
      {
        'applications.newReceived.naturalPerson': 0,
        'applications.carriedOver.naturalPerson': 1,
        'applications.granted.naturalPerson': 0,
        'applications.partiallyGranted.naturalPerson': 0,
        'applications.unavailable.notHeld.naturalPerson': 0,
        'applications.carriedForward.naturalPerson': 1,
      },
      'applications',
      '2022年，本机关未收到新的政府信息公开申请；上年结转政府信息公开申请1件。本年度无办结的政府信息公开申请；结转下年度继续办理1件。',
    ],
    [
      'nothing at all',
      {
        'applications.newReceived.naturalPerson': 0,
        'applications.granted.naturalPerson': 0,
        'applications.partiallyGranted.naturalPerson': 0,
        'applications.unavailable.notHeld.naturalPerson': 0,
      },
      'applications',
      '2022年，本机关未收到政府信息公开申请，无上年结转的政府信息公开申请。',
    ],
    ['one 复议 upheld, no 诉讼', { 'appeals.review.upheld': 1 }, 'appeals', '全年因政府信息公开被申请行政复议1件，其中结果维持1件。未发生政府信息公开行政诉讼案件。'],
    [
      'no 复议, 诉讼 of both kinds',
      { 'appeals.litigationDirect.corrected': 1, 'appeals.litigationAfterReview.pending': 2, 'appeals.litigationAfterReview.upheld': 1 },
      'appeals',
      '全年未发生政府信息公开行政复议案件。因政府信息公开被提起行政诉讼4件（未经复议直接起诉1件、复议后起诉3件），其中结果维持1件、结果纠正1件、尚未审结2件。',
    ],
    [
      '规章 and decisions',
      { 'proactive.regulations.issued': 2, 'proactive.regulations.inForce': 30, 'proactive.normativeDocuments.issued': 5, 'proactive.normativeDocuments.repealed': 1, 'proactive.normativeDocuments.inForce': 25, 'proactive.licensing': 120, 'proactive.enforcement': 3 },
      'proactive',
      '2022年，本机关制发规章2件，现行有效规章30件；制发行政规范性文件5件，废止1件，现行有效行政规范性文件25件。本年度作出行政许可处理决定120件、行政强制处理决定3件。',
    ],
    [
      'fees collected, a fee notice not paid',
      { 'proactive.fees': 1.25, 'applications.otherHandling.unpaidFee.naturalPerson': 1, 'applications.unavailable.notHeld.naturalPerson': 18 },
      'fees',
      '2022年，本机关行政事业性收费1.25万元。本机关依据《政府信息公开信息处理费管理办法》向申请人发出收费通知，其中1件申请因申请人逾期未按收费通知要求缴纳费用，不再处理。',
    ],
  ])('%s', (_name, cells, topic, text) => {
    expect(textOf(withCells(cells)(SEED), topic)).toBe(text);
  });

  test('a report without a year says 本年度', () => {
    const report = edited(SEED, (r) => {
      r.meta.year = null;
    });
    expect(textOf(report, 'applications')).toMatch(/^本年度，本机关共收到政府信息公开申请24件/);
  });

  test('cells not filled are stated as 0 and named, so the clerk is told before inserting', () => {
    const report = emptyReport({ agency: '某局', year: 2023 });
    const [proactive, applications, appeals, fees] = standardSentences(report);
    expect(applications!.text).toBe('2023年，本机关未收到政府信息公开申请，无上年结转的政府信息公开申请。');
    expect(applications!.blank).toHaveLength(24 * 6);
    expect(appeals!.blank).toHaveLength(12);
    expect(proactive!.blank).toHaveLength(9);
    expect(fees!.blank).toEqual(['proactive.fees', ...APPLICANT_COLUMNS.map((c) => `applications.otherHandling.unpaidFee.${c.id}`)]);
  });
});

describe('the narrative rules read the inserted sentences as the tables say', () => {
  const inserted = (report: Report) =>
    edited(report, (r) => {
      const sentences = standardSentences(report);
      r.narrative.overview = [
        { title: '主动公开', text: sentences[0]!.text },
        { title: '依申请公开', text: `${sentences[1]!.text}\n${sentences[2]!.text}` },
      ];
      r.narrative.other = [{ title: '信息处理费收取情况', text: sentences[3]!.text }];
    });
  const narrativeFindings = (report: Report) =>
    evaluate(report)
      .filter((f) => ['narrativeCount', 'feeStatement', 'unpaidFeeStatement', 'yearMismatch'].includes(f.rule))
      .map((f) => `${f.rule}:${f.left ?? ''}/${f.right ?? ''}`);

  const variants: [string, Record<string, number | null>][] = [
    ['the seed', {}],
    ['carry-over and organisations', { 'applications.carriedOver.naturalPerson': 3, 'applications.newReceived.commercial': 2, 'applications.granted.commercial': 2, 'applications.carriedForward.naturalPerson': 3 }],
    ['复议 and 诉讼', { 'appeals.review.upheld': 2, 'appeals.review.corrected': 1, 'appeals.litigationDirect.pending': 1 }],
    ['诉讼 only', { 'appeals.litigationAfterReview.upheld': 1 }],
    ['unpaid fee', { 'applications.otherHandling.unpaidFee.naturalPerson': 1, 'applications.unavailable.notHeld.naturalPerson': 18, 'proactive.fees': 0.5 }],
    ['none received', { 'applications.newReceived.naturalPerson': 0, 'applications.granted.naturalPerson': 0, 'applications.partiallyGranted.naturalPerson': 0, 'applications.unavailable.notHeld.naturalPerson': 0 }],
  ];

  test.each(variants)('%s: no finding', (_name, cells) => {
    expect(narrativeFindings(inserted(withCells(cells)(SEED)))).toEqual([]);
  });

  test.each<[string, Record<string, number>, string[]]>([
    ['one more application received', { 'applications.newReceived.naturalPerson': 25 }, ['narrativeCount:24/25']],
    ['one more granted', { 'applications.granted.naturalPerson': 4 }, ['narrativeCount:3/4']],
    ['a 复议 after all', { 'appeals.review.pending': 1 }, ['narrativeCount:0/1']],
    ['a 诉讼 after all', { 'appeals.litigationDirect.upheld': 2 }, ['narrativeCount:0/2']],
  ])('a figure changed after inserting (%s) is caught', (_name, cells, expected) => {
    expect(narrativeFindings(withCells(cells)(inserted(SEED)))).toEqual(expected);
  });
});
