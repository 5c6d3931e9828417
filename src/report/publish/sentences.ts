/**
 * The standard sentences of the narrative that restate the tables (插入表格数据说明): applications
 * received, carried over, handled by outcome and carried forward; 行政复议 and 行政诉讼; the
 * 规范性文件 of 二; the fees of 六. Written from the current figures in the register of published
 * reports, so that text and table agree when the clerk inserts them (the narrativeCount rule
 * keeps reading them afterwards, as any text).
 *
 * Every name of a row, column or outcome is read from the format model (its enumerator and
 * notes dropped: “（二）部分公开（区分处理的，…）” → 部分公开); only the connecting words are here.
 */
import {
  APPEAL_KINDS,
  APPEAL_OUTCOMES,
  APPEALS_LITIGATION,
  APPLICANT_COLUMNS,
  APPLICATIONS_GROUPS,
  APPLICATIONS_HEADER,
  APPLICATIONS_ROWS,
  ENTERED_CELLS,
  FORMAT_NOTICE,
  PROACTIVE_DECISIONS_COLUMN,
  PROACTIVE_DOCUMENT_COLUMNS,
  PROACTIVE_FEES_COLUMN,
  PROACTIVE_ROWS,
  sectionDef,
  type ApplicationsGroupId,
  type ApplicationsRowDef,
  type Label,
  type NarrativeSectionId,
  type TableSectionId,
} from '../format.ts';
import { getCell, type Report } from '../document.ts';
import { cellValue } from '../totals.ts';
import { formatNumber } from '../layout.ts';

export type SentenceTopic = 'proactive' | 'applications' | 'appeals' | 'fees';

export interface StandardSentence {
  readonly topic: SentenceTopic;
  /** The narrative section it belongs in. */
  readonly section: NarrativeSectionId;
  /** The standard part of that section it belongs in (one of the format's suggested parts). */
  readonly part: Label;
  /** The text, one paragraph. */
  readonly text: string;
  /** Entered cells it restates that are not filled (stated as 0): the clerk is told before inserting. */
  readonly blank: readonly string[];
}

/** A label as words in a sentence: no enumerator (（一）, 1., 三、), no note in brackets. */
export function labelWords(label: Label): string {
  return label.zh
    .replace(/^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])\s*/, '')
    .replace(/[（(][^（）()]*[)）]$/, '')
    .trim();
}

/** A column label as the verb of a count: 本年制发件数 → 制发, 本年处理决定数量 → 处理决定. */
function columnWords(label: Label): string {
  return labelWords(label).replace(/^本年/, '').replace(/(?:件数|数量)$/, '');
}

/** The unit a column label names in its note: 本年收费金额（单位：万元） → 万元. */
function unitOf(label: Label): string {
  return /单位[：:]\s*([^）)]+)/.exec(label.zh)?.[1] ?? '';
}

const suggestedPart = (section: NarrativeSectionId, index: number): Label => sectionDef(section).suggestedParts![index]!;
/** 一（一）主动公开, 一（二）依申请公开, 六 信息处理费收取情况: where published reports state these figures. */
const PARTS = {
  proactive: suggestedPart('overview', 0),
  applications: suggestedPart('overview', 1),
  fees: suggestedPart('other', 0),
} as const;

const value = (report: Report, id: string) => cellValue(report, id) ?? 0;
const n = (v: number) => formatNumber(v);
const opening = (report: Report) => (report.meta.year === null ? '本年度' : `${report.meta.year}年`);

function blankCells(report: Report, section: TableSectionId, only?: (id: string) => boolean): string[] {
  return ENTERED_CELLS.filter((c) => c.section === section && (!only || only(c.id)) && getCell(report, c.id) === null).map((c) => c.id);
}

/** “A3件、B2件”: the items with a count above 0, in the given (template's) order. */
function counted(items: readonly { words: string; count: number }[], sep = '、'): string {
  return items
    .filter((i) => i.count > 0)
    .map((i) => `${i.words}${n(i.count)}件`)
    .join(sep);
}

// ---------------------------------------------------------------------------------------------
// 三: applications
// ---------------------------------------------------------------------------------------------

const rowTotal = (report: Report, row: string) => value(report, `applications.${row}.total`);

/** The outcomes of 三 in the template's order: （一）（二） as rows, （三）–（六） as groups with their items. */
function outcomes(report: Report): string {
  const parts: string[] = [];
  const seen = new Set<ApplicationsGroupId>();
  for (const row of APPLICATIONS_ROWS) {
    if (row.role !== 'result') continue;
    if (row.group === 'results') {
      const count = rowTotal(report, row.id);
      if (count > 0) parts.push(`${labelWords(row.label)}${n(count)}件`);
      continue;
    }
    const group = row.group!;
    if (seen.has(group)) continue;
    seen.add(group);
    const items = APPLICATIONS_ROWS.filter((r: ApplicationsRowDef) => r.group === group).map((r) => ({
      id: r.id,
      words: labelWords(r.label),
      count: rowTotal(report, r.id),
    }));
    const count = items.reduce((a, i) => a + i.count, 0);
    if (count === 0) continue;
    const groupWords = labelWords(APPLICATIONS_GROUPS.find((g) => g.id === group)!.label);
    const nonZero = items.filter((i) => i.count > 0);
    // “其他” alone says nothing more than the group; one item is “均为…”, several are listed.
    const detail =
      nonZero.length === 1
        ? nonZero[0]!.id.endsWith('.other') ? '' : `（均为${nonZero[0]!.words}）`
        : `（其中${counted(nonZero)}）`;
    parts.push(`${groupWords}${n(count)}件${detail}`);
  }
  return parts.join('，');
}

function applicationsSentence(report: Report): StandardSentence {
  const received = rowTotal(report, 'newReceived');
  const carriedOver = rowTotal(report, 'carriedOver');
  const results = rowTotal(report, 'resultsTotal');
  const carriedForward = rowTotal(report, 'carriedForward');
  const when = opening(report);
  let text: string;
  if (received === 0 && carriedOver === 0 && results === 0 && carriedForward === 0) {
    text = `${when}，本机关未收到政府信息公开申请，无上年结转的政府信息公开申请。`;
  } else {
    const applicants = APPLICANT_COLUMNS.map((c) => ({ words: labelWords(c.label), count: value(report, `applications.newReceived.${c.id}`) }));
    const natural = applicants[0]!;
    const organisations = applicants.slice(1);
    const orgCount = organisations.reduce((a, i) => a + i.count, 0);
    let who = '';
    if (received > 0 && natural.count === received) who = `，均为${natural.words}申请`;
    else if (received > 0) {
      const orgWords = labelWords(APPLICATIONS_HEADER.organisations);
      const orgDetail = orgCount > 0 ? `${orgWords}申请${n(orgCount)}件（${counted(organisations)}）` : '';
      who = `，其中${[natural.count > 0 ? `${natural.words}申请${n(natural.count)}件` : '', orgDetail].filter(Boolean).join('、')}`;
    }
    text =
      received > 0
        ? `${when}，本机关共收到政府信息公开申请${n(received)}件${who}`
        : `${when}，本机关未收到新的政府信息公开申请`;
    text += carriedOver > 0 ? `；上年结转政府信息公开申请${n(carriedOver)}件。` : '。';
    const handled = outcomes(report);
    text += results > 0 ? `本年度办理结果中，${handled}` : '本年度无办结的政府信息公开申请';
    text += carriedForward > 0 ? `；结转下年度继续办理${n(carriedForward)}件。` : '，无结转下年度继续办理的申请。';
  }
  return { topic: 'applications', section: 'overview', part: PARTS.applications, text, blank: blankCells(report, 'applications') };
}

// ---------------------------------------------------------------------------------------------
// 四: 行政复议 and 行政诉讼
// ---------------------------------------------------------------------------------------------

function appealsSentence(report: Report): StandardSentence {
  const kindTotal = (kind: string) => value(report, `appeals.${kind}.total`);
  const outcomeList = (kinds: readonly string[]) =>
    counted(APPEAL_OUTCOMES.map((o) => ({ words: labelWords(o.label), count: kinds.reduce((a, k) => a + value(report, `appeals.${k}.${o.id}`), 0) })));
  const [review, ...litigationKinds] = APPEAL_KINDS;
  const reviewWords = labelWords(review.label);
  const litigationWords = labelWords(APPEALS_LITIGATION);
  const reviews = kindTotal(review.id);
  const litigations = litigationKinds.reduce((a, k) => a + kindTotal(k.id), 0);
  // It follows the applications' sentence in the same part, which already named the year.
  const when = '全年';
  let text: string;
  if (reviews === 0 && litigations === 0) {
    text = `${when}未发生政府信息公开${reviewWords}、${litigationWords}案件。`;
  } else {
    const sentences: string[] = [];
    sentences.push(
      reviews > 0
        ? `${when}因政府信息公开被申请${reviewWords}${n(reviews)}件，其中${outcomeList([review.id])}。`
        : `${when}未发生政府信息公开${reviewWords}案件。`,
    );
    if (litigations > 0) {
      const byKind = counted(litigationKinds.map((k) => ({ words: labelWords(k.label), count: kindTotal(k.id) })));
      sentences.push(`因政府信息公开被提起${litigationWords}${n(litigations)}件（${byKind}），其中${outcomeList(litigationKinds.map((k) => k.id))}。`);
    } else {
      sentences.push(`未发生政府信息公开${litigationWords}案件。`);
    }
    text = sentences.join('');
  }
  return { topic: 'appeals', section: 'overview', part: PARTS.applications, text, blank: blankCells(report, 'appeals') };
}

// ---------------------------------------------------------------------------------------------
// 二: 规章 and 行政规范性文件, decisions
// ---------------------------------------------------------------------------------------------

function proactiveSentence(report: Report): StandardSentence {
  const [issued, repealed, inForce] = PROACTIVE_DOCUMENT_COLUMNS.map((c) => columnWords(c.label));
  const clauses: string[] = [];
  const documentRows = PROACTIVE_ROWS.filter((r) => r.shape === 'documents');
  for (const row of documentRows) {
    const [i, r, f] = PROACTIVE_DOCUMENT_COLUMNS.map((c) => value(report, `proactive.${row.id}.${c.id}`));
    const words = labelWords(row.label);
    // 规章 only when the body has any (most bodies cannot make them).
    if (row.id === 'regulations' && i === 0 && r === 0 && f === 0) continue;
    let clause = i! > 0 ? `${issued}${words}${n(i!)}件` : `未${issued}${words}`;
    if (r! > 0) clause += `，${repealed}${n(r!)}件`;
    clause += `，${inForce}${words}${n(f!)}件`;
    clauses.push(clause);
  }
  const decisionWords = columnWords(PROACTIVE_DECISIONS_COLUMN);
  const decisions = counted(
    PROACTIVE_ROWS.filter((r) => r.shape === 'count').map((r) => ({ words: `${labelWords(r.label)}${decisionWords}`, count: value(report, `proactive.${r.id}`) })),
  );
  let text = `${opening(report)}，本机关${clauses.join('；')}。`;
  if (decisions) text += `本年度作出${decisions}。`;
  return {
    topic: 'proactive',
    section: 'overview',
    part: PARTS.proactive,
    text,
    blank: blankCells(report, 'proactive', (id) => id !== 'proactive.fees'),
  };
}

// ---------------------------------------------------------------------------------------------
// 六: fees
// ---------------------------------------------------------------------------------------------

function feesSentence(report: Report): StandardSentence {
  const feeRow = PROACTIVE_ROWS.find((r) => r.shape === 'amount')!;
  const fees = value(report, `proactive.${feeRow.id}`);
  const unpaidRow = APPLICATIONS_ROWS.find((r) => r.id === 'otherHandling.unpaidFee')!;
  const unpaid = rowTotal(report, unpaidRow.id);
  const when = opening(report);
  const feeWords = labelWords(feeRow.label);
  let text = fees > 0 ? `${when}，本机关${feeWords}${n(fees)}${unitOf(PROACTIVE_FEES_COLUMN)}。` : '';
  const subject = fees > 0 ? '本机关' : `${when}，本机关`;
  text +=
    unpaid > 0
      ? `${subject}依据${FORMAT_NOTICE.feeRules}向申请人发出收费通知，其中${n(unpaid)}件申请因申请人逾期未按收费通知要求缴纳费用，不再处理。`
      : `${subject}依据${FORMAT_NOTICE.feeRules}，未收取信息处理费。`;
  const cells = [`proactive.${feeRow.id}`, ...APPLICANT_COLUMNS.map((c) => `applications.${unpaidRow.id}.${c.id}`)];
  return { topic: 'fees', section: 'other', part: PARTS.fees, text, blank: cells.filter((id) => getCell(report, id) === null) };
}

/** Every standard sentence, in the order of the report's sections and parts. */
export function standardSentences(report: Report): StandardSentence[] {
  return [proactiveSentence(report), applicationsSentence(report), appealsSentence(report), feesSentence(report)];
}

/** The narrative sections that have standard sentences (一 and 六). */
export const SENTENCE_SECTIONS: readonly NarrativeSectionId[] = ['overview', 'other'];
