/** Rules that read the Chinese text of the report against its tables and its year. */
import { FORMAT_NOTICE, SUPERSEDED_NOTICE, type Label } from '../format.ts';
import type { Report } from '../document.ts';
import { cellValue, sumOf } from '../totals.ts';
import { narrativePlaces, normalise, placeName, sentences, type TextPlace } from './text.ts';
import type { FindingDraft, RuleDef } from './types.ts';

// ---------------------------------------------------------------------------------------------
// narrativeCount: numbers stated in the text against the tables
// ---------------------------------------------------------------------------------------------

interface CountClaim {
  readonly id: string;
  readonly what: Label;
  /** Table cells the stated number is compared with. */
  readonly cells: readonly string[];
  /** Values the text may truthfully state (e.g. 受理 may or may not include last year's carry-over). */
  readonly accepted: (report: Report) => number[];
  /** Only sentences that pass this are read (so 留言24件 is not taken for applications). */
  readonly about: (sentence: string, place: TextPlace) => boolean;
  readonly patterns: readonly RegExp[];
}

const total = (report: Report, ...ids: string[]) => sumOf(ids.map((id) => cellValue(report, id)));
const aboutApplications = (s: string, place: TextPlace) => s.includes('申请') || normalise(place.title).includes('依申请');

const CLAIMS: readonly CountClaim[] = [
  {
    id: 'received',
    what: { zh: '“一、本年新收政府信息公开申请数量”总计', en: 'new applications received (total)' },
    cells: ['applications.newReceived.total'],
    accepted: (r) => [total(r, 'applications.newReceived.total'), total(r, 'applications.newReceived.total', 'applications.carriedOver.total')],
    about: aboutApplications,
    patterns: [/(?:收到|受理|新收|接收)[^0-9。，,]{0,12}?(\d+)件/, /(\d+)件[^0-9。，,]{0,8}?(?:政府信息公开)?申请/],
  },
  {
    id: 'granted',
    what: { zh: '“（一）予以公开”总计', en: 'disclosed (total)' },
    cells: ['applications.granted.total'],
    accepted: (r) => [total(r, 'applications.granted.total')],
    about: aboutApplications,
    patterns: [/予以公开(\d+)件/, /(\d+)件予以公开/],
  },
  {
    id: 'review',
    what: { zh: '行政复议总计', en: 'administrative reconsiderations (total)' },
    cells: ['appeals.review.total'],
    accepted: (r) => [total(r, 'appeals.review.total')],
    about: (s) => s.includes('行政复议'),
    patterns: [/行政复议(?:案件|申请)?(?:共)?(\d+)(?:件|起)/, /(\d+)(?:件|起)行政复议/],
  },
  {
    id: 'litigation',
    what: { zh: '行政诉讼总计', en: 'lawsuits (total)' },
    cells: ['appeals.litigationDirect.total', 'appeals.litigationAfterReview.total'],
    accepted: (r) => [total(r, 'appeals.litigationDirect.total', 'appeals.litigationAfterReview.total')],
    about: (s) => s.includes('诉讼'),
    patterns: [/行政诉讼(?:案件)?(?:共)?(\d+)(?:件|起)/, /(\d+)(?:件|起)(?:行政)?诉讼/],
  },
];

/** "未发生行政复议、行政诉讼" states zero. */
const ZERO_CLAIMS: readonly { claim: string; pattern: RegExp }[] = [
  { claim: 'review', pattern: /(?:未|没有)(?:发生|收到|出现|产生|有)[^。，]{0,24}?行政复议/ },
  { claim: 'litigation', pattern: /(?:未|没有)(?:发生|收到|出现|产生|有)[^。，]{0,24}?(?:行政)?诉讼/ },
];

const ALL_UPHELD = /均(?:获|被|予以|得到)?维持/;

export const narrativeCountRule: RuleDef = {
  id: 'narrativeCount',
  severity: 'warning',
  family: 'narrative',
  reads: ['narrative', 'applications.newReceived', 'applications.carriedOver', 'applications.granted', 'appeals'],
  messageKey: 'rule.narrativeCount',
  check(report) {
    const drafts: FindingDraft[] = [];
    const seen = new Set<string>();
    const push = (claim: CountClaim, place: TextPlace, quote: string, stated: number) => {
      const subject = `${claim.id}@${place.path}`;
      if (seen.has(subject)) return;
      const accepted = claim.accepted(report);
      if (accepted.includes(stated)) return;
      seen.add(subject);
      const right = accepted[0]!;
      drafts.push({
        subject,
        cells: [place.path, ...claim.cells],
        messageKey: 'rule.narrativeCount',
        params: { quote, left: stated, right, what: claim.what.zh, whatEn: claim.what.en, delta: stated - right },
        left: stated,
        right,
        delta: stated - right,
      });
    };
    for (const place of narrativePlaces(report)) {
      if (place.section === 'preamble' || !place.text) continue;
      for (const sentence of sentences(place.text)) {
        for (const claim of CLAIMS) {
          if (!claim.about(sentence, place)) continue;
          for (const pattern of claim.patterns) {
            const m = sentence.match(pattern);
            if (m) {
              push(claim, place, m[0], Number(m[1]));
              break;
            }
          }
        }
        for (const zero of ZERO_CLAIMS) {
          const m = sentence.match(zero.pattern);
          if (m) push(CLAIMS.find((c) => c.id === zero.claim)!, place, m[0], 0);
        }
        const upheld = sentence.match(ALL_UPHELD);
        if (upheld && /复议|诉讼/.test(sentence)) {
          const changed = sumOf(
            ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((k) =>
              ['corrected', 'other'].map((o) => cellValue(report, `appeals.${k}.${o}`)),
            ),
          );
          const subject = `allUpheld@${place.path}`;
          if (changed > 0 && !seen.has(subject)) {
            seen.add(subject);
            drafts.push({
              subject,
              cells: [place.path, 'appeals.review.corrected', 'appeals.review.other'],
              messageKey: 'rule.narrativeCount.allUpheld',
              params: { quote: upheld[0], right: changed },
              left: 0,
              right: changed,
              delta: -changed,
            });
          }
        }
      }
    }
    return drafts;
  },
};

// ---------------------------------------------------------------------------------------------
// yearMismatch: a year left over from last year's report
// ---------------------------------------------------------------------------------------------

/** Places in the text where the year must be the report's own. */
const OWN_YEAR_PATTERNS: readonly RegExp[] = [
  /本报告统计数据从(\d{4})年/g,
  /至(\d{4})年12月31日/g,
  /(\d{4})年度?政府信息公开工作年度报告/g,
  /(\d{4})年度?政务公开工作要点/g,
  /(\d{4})年度?政府信息公开工作年度报表/g,
];
/** A text or title that opens with "YYYY年，" speaks of the report's year. */
const OPENING_YEAR = /^(\d{4})年(?:度)?[，,]/;

export const yearMismatchRule: RuleDef = {
  id: 'yearMismatch',
  severity: 'warning',
  family: 'narrative',
  reads: ['meta.year', 'narrative'],
  messageKey: 'rule.yearMismatch',
  check(report) {
    const year = report.meta.year;
    if (year === null) return [];
    const drafts: FindingDraft[] = [];
    for (const place of narrativePlaces(report, { titles: true })) {
      const text = normalise(place.text);
      const wrong: { quote: string; found: number }[] = [];
      for (const pattern of OWN_YEAR_PATTERNS) {
        for (const m of text.matchAll(pattern)) if (Number(m[1]) !== year) wrong.push({ quote: m[0], found: Number(m[1]) });
      }
      const opening = place.section === 'preamble' ? null : text.match(OPENING_YEAR);
      if (opening && Number(opening[1]) !== year) wrong.push({ quote: opening[0], found: Number(opening[1]) });
      if (wrong.length === 0) continue;
      const where = placeName(place);
      const first = wrong[0]!;
      drafts.push({
        subject: `${place.path}:${first.found}`,
        cells: [place.path],
        messageKey: 'rule.yearMismatch',
        params: { quote: first.quote, year, where: where.zh, whereEn: where.en },
        left: first.found,
        right: year,
        delta: first.found - year,
      });
    }
    return drafts;
  },
};

// ---------------------------------------------------------------------------------------------
// citation: the preamble's legal basis
// ---------------------------------------------------------------------------------------------

const NOTICE = FORMAT_NOTICE.number.replace(/\s/g, '');
const SUPERSEDED_NUMBER = /(?:国办公开办函)?[〔[［(（]?2019[〕\]］)）]?60号/;
/** Anything that looks like an attempt at the 2021 notice number. */
const NOTICE_LIKE = /国办公开办函[^。，；]{0,12}?号|[〔[［(（]?2021[〕\]］)）]?30号/g;

export const citationRule: RuleDef = {
  id: 'citation',
  severity: 'warning',
  family: 'narrative',
  reads: ['narrative.preamble'],
  messageKey: 'rule.citation.superseded',
  check(report) {
    const preamble = report.narrative.preamble.replace(/\s/g, '');
    if (!preamble) return [];
    const cells = ['narrative.preamble'];
    const superseded =
      preamble.match(SUPERSEDED_NUMBER)?.[0] ??
      (preamble.includes(SUPERSEDED_NOTICE.titleFragment) ? SUPERSEDED_NOTICE.titleFragment : undefined) ??
      (preamble.includes(SUPERSEDED_NOTICE.trialFormat) ? SUPERSEDED_NOTICE.trialFormat : undefined);
    if (superseded) return [{ subject: 'superseded', cells, messageKey: 'rule.citation.superseded', params: { quote: superseded } }];
    const garbled = [...preamble.matchAll(NOTICE_LIKE)].map((m) => m[0]).find((q) => !NOTICE.includes(q) && q !== NOTICE);
    if (garbled) return [{ subject: 'garbled', cells, messageKey: 'rule.citation.garbled', params: { quote: garbled } }];
    if (!preamble.includes(NOTICE)) return [{ subject: 'missing', cells, messageKey: 'rule.citation.missing' }];
    return [];
  },
};

// ---------------------------------------------------------------------------------------------
// Fees in section 六
// ---------------------------------------------------------------------------------------------

function otherSectionText(report: Report): string {
  return normalise(report.narrative.other.map((p) => `${p.title}。${p.text}`).join('。'));
}

export const feeStatementRule: RuleDef = {
  id: 'feeStatement',
  severity: 'warning',
  family: 'narrative',
  reads: ['narrative.other'],
  messageKey: 'rule.feeStatement',
  check(report) {
    if (otherSectionText(report).includes('信息处理费')) return [];
    return [{ subject: 'other', cells: ['narrative.other'], messageKey: 'rule.feeStatement' }];
  },
};

const NO_FEE_NOTICE = /(?:未|没有|无)(?:向申请人)?(?:发出|出具|下发|发送|开具)?(?:过)?(?:信息处理费)?(?:收费|缴费)通知(?:书)?/;

export const unpaidFeeStatementRule: RuleDef = {
  id: 'unpaidFeeStatement',
  severity: 'hint',
  family: 'narrative',
  reads: ['applications.otherHandling.unpaidFee.total', 'narrative.other'],
  messageKey: 'rule.unpaidFeeStatement',
  check(report) {
    const n = cellValue(report, 'applications.otherHandling.unpaidFee.total') ?? 0;
    if (n <= 0) return [];
    const m = otherSectionText(report).match(NO_FEE_NOTICE);
    if (!m) return [];
    return [
      {
        subject: 'other',
        cells: ['applications.otherHandling.unpaidFee.total', 'narrative.other'],
        messageKey: 'rule.unpaidFeeStatement',
        params: { n, quote: m[0] },
      },
    ];
  },
};
