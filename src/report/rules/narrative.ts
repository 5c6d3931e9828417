/** Rules that read the Chinese text of the report against its tables and its year. */
import { APPEAL_KIND_IDS, FORMAT_NOTICE, SUPERSEDED_NOTICE, type AppealKind, type Label } from '../format.ts';
import { getCell, type Report } from '../document.ts';
import { cellValue, sumOf } from '../totals.ts';
import { allMatches, narrativePlaces, normalise, placeName, sentences, type TextPlace } from './text.ts';
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
  /** Only sentences that pass this are read (so 留言24件 is not taken for applications); `title` is the part's, normalised. */
  readonly about: (sentence: string, title: string) => boolean;
  readonly patterns: readonly RegExp[];
  /** A match that speaks of something else (收到行政复议申请1件 is not an application count). */
  readonly excludes?: RegExp;
}

const total = (report: Report, ...ids: string[]) => sumOf(ids.map((id) => cellValue(report, id)));
const aboutApplications = (s: string, title: string) => s.includes('申请') || title.includes('依申请');
/**
 * Appeals about disclosure: the sentence says 公开, or the part is about applications or appeals.
 * (A 司法局 also handles other bodies' 行政复议 as the reviewing body; those are not its own.)
 */
const aboutAppeals = (word: string) => (s: string, title: string) =>
  s.includes(word) && (s.includes('公开') || /依申请|复议|诉讼/.test(title));
/** The body as the reviewing body or court: 办理/审理/受理行政复议案件. */
const AS_REVIEWER = /(?:办理|审理|受理|审结|办结)(?:各类|了)?行政(?:复议|诉讼)/;

const CLAIMS: readonly CountClaim[] = [
  {
    id: 'received',
    what: { zh: '“一、本年新收政府信息公开申请数量”总计', en: 'new applications received (total)' },
    cells: ['applications.newReceived.total'],
    accepted: (r) => [total(r, 'applications.newReceived.total'), total(r, 'applications.newReceived.total', 'applications.carriedOver.total')],
    about: aboutApplications,
    patterns: [/(?:收到|受理|新收|接收)[^0-9。，,;]{0,20}?(\d+)件/, /共(?:有|计)?(\d+)件(?:政府)?(?:信息公开|依申请公开)申请/],
    excludes: /复议|诉讼|信访|留言|建议|提案|咨询|投诉|举报|来电|来信|诉求|热线/,
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
    about: aboutAppeals('行政复议'),
    patterns: [/行政复议(?:案件|申请)?(?:共)?(\d+)(?:件|起)/, /(\d+)(?:件|起)行政复议(?!纠错|纠正|被纠|撤销)/],
    excludes: AS_REVIEWER,
  },
  {
    id: 'litigation',
    what: { zh: '行政诉讼总计', en: 'lawsuits (total)' },
    cells: ['appeals.litigationDirect.total', 'appeals.litigationAfterReview.total'],
    accepted: (r) => [total(r, 'appeals.litigationDirect.total', 'appeals.litigationAfterReview.total')],
    about: aboutAppeals('诉讼'),
    patterns: [/行政诉讼(?:案件)?(?:共)?(\d+)(?:件|起)/, /(\d+)(?:件|起)(?:行政)?诉讼(?!败诉|纠错|纠正)/],
    excludes: AS_REVIEWER,
  },
];

/** "未发生行政复议、行政诉讼" states zero. (Sentences are NFKC-normalised: ， is already ,.) */
const ZERO_CLAIMS: readonly { claim: string; pattern: RegExp; word: string }[] = [
  { claim: 'review', pattern: /(?:(?:未|没有)(?:发生|收到|出现|产生|有|涉及)|无)[^。，,;]{0,24}?行政复议/, word: '行政复议' },
  { claim: 'litigation', pattern: /(?:(?:未|没有)(?:发生|收到|出现|产生|有|涉及)|无)[^。，,;]{0,24}?(?:行政)?诉讼/, word: '诉讼' },
];
/** "未发生被行政复议纠错的情况" says no appeal was lost, not that there was none. */
const NOT_A_ZERO_COUNT = /纠错|纠正|败诉|撤销|违法/;

const ALL_UPHELD = /(?:均|全部)(?:获|被|予以|得到|获得|为)?维持/;

/**
 * What a sentence must say for any of the above to read it: a claim's `about` needs 申请 (or a
 * part titled 依申请), 行政复议 or 诉讼; a zero claim its word; 均维持 its 维持. Most sentences
 * say none, and one search for all of them is cheaper than each rule's own.
 */
const CLAIM_WORDS = /申请|行政复议|诉讼|维持/;

/** Cells of 四 whose cases were not upheld, for the appeals a sentence speaks of. */
function notUpheldCells(sentence: string): string[] {
  const review = sentence.includes('复议');
  const litigation = sentence.includes('诉讼');
  const kinds = APPEAL_KIND_IDS.filter((k: AppealKind) => (k === 'review' ? review : litigation));
  return kinds.flatMap((k) => [`appeals.${k}.corrected`, `appeals.${k}.other`]);
}

/** A count the text states, unless the tables agree or the claim was already made in this place. */
function pushClaim(report: Report, drafts: FindingDraft[], seen: Set<string>, claim: CountClaim, place: TextPlace, quote: string, stated: number): void {
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
}

export const narrativeCountRule: RuleDef = {
  id: 'narrativeCount',
  severity: 'warning',
  family: 'narrative',
  reads: ['narrative', 'applications.newReceived', 'applications.carriedOver', 'applications.granted', 'appeals'],
  messageKey: 'rule.narrativeCount',
  check(report) {
    const drafts: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const place of narrativePlaces(report)) {
      if (place.section === 'preamble' || !place.text) continue;
      const title = normalise(place.title);
      const aboutApplicationsByTitle = aboutApplications('', title);
      for (const sentence of sentences(place.text)) {
        if (!aboutApplicationsByTitle && !CLAIM_WORDS.test(sentence)) continue;
        for (const claim of CLAIMS) {
          if (!claim.about(sentence, title)) continue;
          for (const pattern of claim.patterns) {
            const m = sentence.match(pattern);
            if (m) {
              // The words just before the match count too (审理|行政复议案件15件).
              const context = sentence.slice(Math.max(0, m.index! - 4), m.index! + m[0].length);
              if (!claim.excludes?.test(context)) pushClaim(report, drafts, seen, claim, place, m[0], Number(m[1]));
              break;
            }
          }
        }
        for (const zero of ZERO_CLAIMS) {
          // The pattern ends in its word: a sentence without the word cannot match (and most have none).
          if (!sentence.includes(zero.word)) continue;
          const m = sentence.match(zero.pattern);
          if (!m) continue;
          const clause = sentence.slice(m.index).split(/[，,;]/)[0]!;
          if (!NOT_A_ZERO_COUNT.test(clause)) pushClaim(report, drafts, seen, CLAIMS.find((c) => c.id === zero.claim)!, place, m[0], 0);
        }
        const upheld = sentence.includes('维持') ? sentence.match(ALL_UPHELD) : null;
        if (upheld && /复议|诉讼/.test(sentence)) {
          const changedCells = notUpheldCells(sentence).filter((id) => (getCell(report, id) ?? 0) > 0);
          const changed = sumOf(changedCells.map((id) => getCell(report, id)));
          const subject = `allUpheld@${place.path}`;
          if (changed > 0 && !seen.has(subject)) {
            seen.add(subject);
            drafts.push({
              subject,
              cells: [place.path, ...changedCells],
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

interface YearPattern {
  readonly pattern: RegExp;
  /** Words every match contains: a text without them is not searched. */
  readonly word: string;
  /** Whether the year found is right in this place (`year` is the report's). */
  readonly accepts: (found: number, year: number, place: TextPlace) => boolean;
}

/** Places in the text where the year must be the report's own (or, in some places, a neighbour). */
const YEAR_PATTERNS: readonly YearPattern[] = [
  // The statistics period: always the report's year.
  { pattern: /本报告统计数据从(\d{4})年/g, word: '本报告统计数据从', accepts: (found, year) => found === year },
  { pattern: /至(\d{4})年12月31日/g, word: '年12月31日', accepts: (found, year) => found === year },
  // The report's own title in the preamble; the narrative may also tell of publishing last
  // year's report in the report year ("按时发布2021年政府信息公开工作年度报告").
  {
    pattern: /(\d{4})年度?政府信息公开工作年度报[告表]/g,
    word: '政府信息公开工作年度报',
    accepts: (found, year, place) => found === year || (place.section !== 'preamble' && found === year - 1),
  },
  // This year's 要点; section 五 may plan by next year's.
  {
    pattern: /(\d{4})年度?政务公开工作要点/g,
    word: '政务公开工作要点',
    accepts: (found, year, place) => found === year || (place.section === 'problems' && found === year + 1),
  },
];
/** Every year pattern above and below names a year so: a text without one is not searched (most are not). */
const ANY_YEAR = /\d{4}年/;

/** A text or title that opens with "YYYY年，" speaks of the report's year (in 五, of next year's plans too). */
const OPENING_YEAR = /^(\d{4})年(?:度)?[，,]/;
const openingAccepts = (found: number, year: number, place: TextPlace) =>
  found === year || (place.section === 'problems' && found === year + 1);

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
      if (!ANY_YEAR.test(text)) continue;
      const wrong: { quote: string; found: number }[] = [];
      for (const { pattern, word, accepts } of YEAR_PATTERNS) {
        if (!text.includes(word)) continue;
        for (const m of allMatches(pattern, text)) if (!accepts(Number(m[1]), year, place)) wrong.push({ quote: m[0], found: Number(m[1]) });
      }
      const opening = place.section === 'preamble' ? null : text.match(OPENING_YEAR);
      if (opening && !openingAccepts(Number(opening[1]), year, place)) wrong.push({ quote: opening[0], found: Number(opening[1]) });
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
/** The 试行 format named as such ("年度报告格式（试行）"), not any 试行 document the preamble cites. */
const TRIAL_FORMAT = new RegExp(`格式[^。，；]{0,3}${SUPERSEDED_NOTICE.trialFormat}|${SUPERSEDED_NOTICE.trialFormat}[^。，；]{0,3}格式`);
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
      preamble.match(TRIAL_FORMAT)?.[0];
    if (superseded) return [{ subject: 'superseded', cells, messageKey: 'rule.citation.superseded', params: { quote: superseded } }];
    const garbled = allMatches(NOTICE_LIKE, preamble).map((m) => m[0]).find((q) => !NOTICE.includes(q) && q !== NOTICE);
    if (garbled) return [{ subject: 'garbled', cells, messageKey: 'rule.citation.garbled', params: { quote: garbled } }];
    // A preamble that cites only the 条例 is a legitimate, common report (the contract warns of a
    // superseded or garbled citation only): a missing 国办公开办函〔2021〕30号 is no finding.
    return [];
  },
};

// ---------------------------------------------------------------------------------------------
// Fees in section 六
// ---------------------------------------------------------------------------------------------

/**
 * What section 六 says: titles and texts of the parts that have text. A new report comes with
 * an empty part titled 信息处理费收取情况; its title alone states nothing.
 */
export function otherSectionText(report: Report): string {
  // Normalised part by part, which the other rules have mostly done already this evaluation:
  // the same as normalising the joined text, since nothing in NFKC joins across a 。.
  return report.narrative.other
    .filter((p) => p.text.trim())
    .map((p) => `${normalise(p.title)}。${normalise(p.text)}`)
    .join('。');
}

export const feeStatementRule: RuleDef = {
  id: 'feeStatement',
  severity: 'warning',
  family: 'narrative',
  reads: ['narrative.other'],
  messageKey: 'rule.feeStatement',
  check(report) {
    // "信息处理费", also "信息公开处理费" and "处理费用" as some reports word it.
    if (otherSectionText(report).includes('处理费')) return [];
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
