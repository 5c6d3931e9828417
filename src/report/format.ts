/**
 * The 2021 national format (国办公开办函〔2021〕30号) as data.
 *
 * This file is the only place where an official label is written. The zod schema, the totals,
 * the rules, the editor grids, the print renderer and the importers all read from here.
 * Labels use the official wording and full-width punctuation as printed; `en` is our English
 * rendering for the UI (the printed report stays Chinese).
 */

export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const FORMAT_VERSION = '2021' as const;
export const DOCUMENT_KIND = 'gov-info-disclosure-annual-report' as const;

/** The notice that fixes this format; the preamble must cite it. */
export const FORMAT_NOTICE = {
  number: '国办公开办函〔2021〕30号',
  title:
    '《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》',
  law: '《中华人民共和国政府信息公开条例》',
  feeRules: '《政府信息公开信息处理费管理办法》',
} as const;

/** Words of the superseded 2019 notice; a preamble with any of them cites the wrong basis. */
export const SUPERSEDED_NOTICE = {
  number: '〔2019〕60号',
  titleFragment: '关于政府信息公开工作年度报告有关事项的通知',
  trialFormat: '试行',
} as const;

// ---------------------------------------------------------------------------------------------
// Meta
// ---------------------------------------------------------------------------------------------

export const AGENCY_KINDS = ['department', 'government', 'governmentOffice', 'township', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, Label> = {
  department: { zh: '县级以上人民政府部门', en: 'Government department' },
  government: { zh: '人民政府', en: 'People’s government' },
  governmentOffice: { zh: '人民政府办公室（厅）', en: 'Government general office' },
  township: { zh: '乡镇人民政府、街道办事处', en: 'Township or subdistrict' },
  other: { zh: '其他', en: 'Other' },
};

export const META_FIELDS = {
  agency: { zh: '机关名称', en: 'Agency' },
  agencyKind: { zh: '机关类别', en: 'Kind of agency' },
  year: { zh: '报告年度', en: 'Year' },
  contact: { zh: '联系方式', en: 'Contact' },
  publishedOn: { zh: '发布日期', en: 'Publication date' },
} as const satisfies Record<string, Label>;

/** Title: `<机关名称><年份>年政府信息公开工作年度报告`. */
export const TITLE_SUFFIX = '年政府信息公开工作年度报告';
export function reportTitle(agency: string, year: number | null): string {
  return `${agency}${year ?? ''}${TITLE_SUFFIX}`;
}

/** The statistics period sentence of the preamble. */
export function statisticsPeriod(year: number): string {
  return `本报告统计数据从${year}年1月1日至${year}年12月31日`;
}

/** A web address as a clerk writes one: with its scheme, or starting www., or a host under gov.cn. */
const WEBSITE = /https?:\/\/[\w.~:/?#@!$&'*+=%-]+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.gov\.cn(?:\/[\w.~/?#=&%-]*)?|www\.[\w-]+(?:\.[\w-]+)+(?:\/[\w.~/?#=&%-]*)?/i;

/** The standard preamble, generated from meta; the clerk may edit it afterwards. */
export function standardPreamble(agency: string, year: number | null, contact: string): string {
  const sentences = [
    `根据${FORMAT_NOTICE.law}规定和${FORMAT_NOTICE.title}（${FORMAT_NOTICE.number}）要求，现发布《${reportTitle(agency, year)}》` +
      (year === null ? '' : `，${statisticsPeriod(year)}`),
  ];
  // Where to download it only when the clerk gave a site (in 联系方式): never a portal nobody named.
  const site = WEBSITE.exec(contact)?.[0];
  if (site) sentences.push(`本报告电子版可在${site}下载`);
  if (contact.trim()) sentences.push(`如对本报告有疑问，请联系：${contact.trim()}`);
  return sentences.map((s) => `${s}。`).join('');
}

/**
 * The preamble as nianbao generated it until 2026-12, when it named "<机关>门户网站" whether or not
 * the clerk had a site. Kept only so that a draft made then is still recognised as untouched (and
 * so still follows its header, and takes the new wording) instead of being taken for the clerk's text.
 */
function preambleBefore202612(agency: string, year: number | null, contact: string): string {
  const sentences = [
    `根据${FORMAT_NOTICE.law}规定和${FORMAT_NOTICE.title}（${FORMAT_NOTICE.number}）要求，现发布《${reportTitle(agency, year)}》` +
      (year === null ? '' : `，${statisticsPeriod(year)}`),
    `本报告电子版可在${agency || '本机关'}门户网站下载`,
  ];
  if (contact.trim()) sentences.push(`如对本报告有疑问，请联系：${contact.trim()}`);
  return sentences.map((s) => `${s}。`).join('');
}

/** Whether a preamble is the generated one for these fields (today's wording or the earlier one), not the clerk's own text. */
export function isStandardPreamble(text: string, agency: string, year: number | null, contact: string): boolean {
  return text === standardPreamble(agency, year, contact) || text === preambleBefore202612(agency, year, contact);
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

export type NarrativeSectionId = 'overview' | 'problems' | 'other';
export type TableSectionId = 'proactive' | 'applications' | 'appeals';
export type SectionId = NarrativeSectionId | TableSectionId;

export interface SectionDef {
  readonly id: SectionId;
  readonly numeral: string;
  readonly kind: 'narrative' | 'table';
  readonly heading: Label;
  /** Standard part titles offered for a new report (narrative sections only). */
  readonly suggestedParts?: readonly Label[];
}

export const SECTIONS: readonly SectionDef[] = [
  {
    id: 'overview',
    numeral: '一',
    kind: 'narrative',
    heading: { zh: '一、总体情况', en: '1. Overview' },
    suggestedParts: [
      { zh: '主动公开', en: 'Proactive disclosure' },
      { zh: '依申请公开', en: 'Disclosure on application' },
      { zh: '政府信息管理', en: 'Information management' },
      { zh: '政府信息公开平台建设', en: 'Disclosure platforms' },
      { zh: '监督保障', en: 'Supervision and safeguards' },
    ],
  },
  {
    id: 'proactive',
    numeral: '二',
    kind: 'table',
    heading: { zh: '二、主动公开政府信息情况', en: '2. Proactive disclosure of government information' },
  },
  {
    id: 'applications',
    numeral: '三',
    kind: 'table',
    heading: {
      zh: '三、收到和处理政府信息公开申请情况',
      en: '3. Applications for disclosure received and handled',
    },
  },
  {
    id: 'appeals',
    numeral: '四',
    kind: 'table',
    heading: {
      zh: '四、政府信息公开行政复议、行政诉讼情况',
      en: '4. Administrative reconsideration and litigation',
    },
  },
  {
    id: 'problems',
    numeral: '五',
    kind: 'narrative',
    heading: { zh: '五、存在的主要问题及改进情况', en: '5. Main problems and improvements' },
    suggestedParts: [],
  },
  {
    id: 'other',
    numeral: '六',
    kind: 'narrative',
    heading: { zh: '六、其他需要报告的事项', en: '6. Other matters to report' },
    suggestedParts: [
      { zh: '信息处理费收取情况', en: 'Information processing fees' },
      { zh: '落实年度政务公开工作要点情况', en: 'Implementation of the annual work priorities' },
      {
        zh: '人大代表建议和政协提案办理结果公开情况',
        en: 'Disclosure of responses to NPC and CPPCC proposals',
      },
    ],
  },
];

export const NARRATIVE_SECTION_IDS: readonly NarrativeSectionId[] = ['overview', 'problems', 'other'];

export function sectionDef(id: SectionId): SectionDef {
  const def = SECTIONS.find((s) => s.id === id);
  if (!def) throw new Error(`unknown section ${id}`);
  return def;
}

/** Chinese ordinal numbers for part numbering （一）（二）… */
const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function chineseNumeral(n: number): string {
  if (n <= 0 || !Number.isInteger(n)) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${CN_DIGITS[n % 10]}`;
  return String(n);
}
export function partNumber(index: number): string {
  return `（${chineseNumeral(index + 1)}）`;
}

// ---------------------------------------------------------------------------------------------
// Section 二: four small tables
// ---------------------------------------------------------------------------------------------

export const PROACTIVE_DOCUMENT_COLUMNS = [
  { id: 'issued', label: { zh: '本年制发件数', en: 'Issued this year' } },
  { id: 'repealed', label: { zh: '本年废止件数', en: 'Repealed this year' } },
  { id: 'inForce', label: { zh: '现行有效件数', en: 'In force' } },
] as const satisfies readonly { id: string; label: Label }[];
export type ProactiveDocumentColumn = (typeof PROACTIVE_DOCUMENT_COLUMNS)[number]['id'];

export const PROACTIVE_CONTENT_HEADER: Label = { zh: '信息内容', en: 'Content' };
export const PROACTIVE_DECISIONS_COLUMN: Label = { zh: '本年处理决定数量', en: 'Decisions this year' };
export const PROACTIVE_FEES_COLUMN: Label = {
  zh: '本年收费金额（单位：万元）',
  en: 'Fees collected this year (10,000 yuan)',
};

export type ProactiveRowId =
  | 'regulations'
  | 'normativeDocuments'
  | 'licensing'
  | 'punishment'
  | 'enforcement'
  | 'fees';

export interface ProactiveRowDef {
  readonly id: ProactiveRowId;
  readonly label: Label;
  /** `documents`: issued / repealed / inForce; `count`: one count; `amount`: one decimal. */
  readonly shape: 'documents' | 'count' | 'amount';
}

export interface ProactiveTableDef {
  readonly id: 'article20_1' | 'article20_5' | 'article20_6' | 'article20_8';
  readonly caption: Label;
  readonly columns: readonly Label[];
  readonly rows: readonly ProactiveRowDef[];
}

export const PROACTIVE_TABLES: readonly ProactiveTableDef[] = [
  {
    id: 'article20_1',
    caption: { zh: '第二十条第（一）项', en: 'Article 20 (1)' },
    columns: PROACTIVE_DOCUMENT_COLUMNS.map((c) => c.label),
    rows: [
      { id: 'regulations', label: { zh: '规章', en: 'Regulations (规章)' }, shape: 'documents' },
      {
        id: 'normativeDocuments',
        label: { zh: '行政规范性文件', en: 'Normative documents' },
        shape: 'documents',
      },
    ],
  },
  {
    id: 'article20_5',
    caption: { zh: '第二十条第（五）项', en: 'Article 20 (5)' },
    columns: [PROACTIVE_DECISIONS_COLUMN],
    rows: [{ id: 'licensing', label: { zh: '行政许可', en: 'Administrative licensing' }, shape: 'count' }],
  },
  {
    id: 'article20_6',
    caption: { zh: '第二十条第（六）项', en: 'Article 20 (6)' },
    columns: [PROACTIVE_DECISIONS_COLUMN],
    rows: [
      { id: 'punishment', label: { zh: '行政处罚', en: 'Administrative penalties' }, shape: 'count' },
      { id: 'enforcement', label: { zh: '行政强制', en: 'Administrative coercion' }, shape: 'count' },
    ],
  },
  {
    id: 'article20_8',
    caption: { zh: '第二十条第（八）项', en: 'Article 20 (8)' },
    columns: [PROACTIVE_FEES_COLUMN],
    rows: [{ id: 'fees', label: { zh: '行政事业性收费', en: 'Administrative fees' }, shape: 'amount' }],
  },
];

export const PROACTIVE_ROWS: readonly ProactiveRowDef[] = PROACTIVE_TABLES.flatMap((t) => t.rows);

// ---------------------------------------------------------------------------------------------
// Section 三: applications received and handled
// ---------------------------------------------------------------------------------------------

export const APPLICANT_COLUMNS = [
  { id: 'naturalPerson', label: { zh: '自然人', en: 'Natural persons' } },
  { id: 'commercial', label: { zh: '商业企业', en: 'Businesses' } },
  { id: 'research', label: { zh: '科研机构', en: 'Research institutions' } },
  { id: 'publicWelfare', label: { zh: '社会公益组织', en: 'Public-interest organisations' } },
  { id: 'legalService', label: { zh: '法律服务机构', en: 'Legal service providers' } },
  { id: 'otherOrg', label: { zh: '其他', en: 'Others' } },
] as const satisfies readonly { id: string; label: Label }[];
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number]['id'];
export const APPLICANT_COLUMN_IDS: readonly ApplicantColumn[] = APPLICANT_COLUMNS.map((c) => c.id);

export const APPLICATIONS_TOTAL_COLUMN = { id: 'total', label: { zh: '总计', en: 'Total' } } as const;
export type ApplicationsColumn = ApplicantColumn | 'total';
export const APPLICATIONS_COLUMN_IDS: readonly ApplicationsColumn[] = [...APPLICANT_COLUMN_IDS, 'total'];

/** Header of 三: the 勾稽 note block, 申请人情况 over 自然人 | 法人或其他组织 (five) | 总计. */
export const APPLICATIONS_HEADER = {
  note: {
    zh: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    en: '(Balance: item 1 + item 2 = item 3 + item 4)',
  },
  applicants: { zh: '申请人情况', en: 'Applicants' },
  organisations: { zh: '法人或其他组织', en: 'Legal persons and other organisations' },
} as const satisfies Record<string, Label>;

export type ApplicationsGroupId = 'results' | 'withheld' | 'unavailable' | 'notProcessed' | 'otherHandling';

export interface ApplicationsGroupDef {
  readonly id: ApplicationsGroupId;
  readonly label: Label;
  /** The enclosing group (（三）不予公开 sits inside 三、本年度办理结果). */
  readonly parent?: ApplicationsGroupId;
}

export const APPLICATIONS_GROUPS: readonly ApplicationsGroupDef[] = [
  { id: 'results', label: { zh: '三、本年度办理结果', en: 'III. Results this year' } },
  { id: 'withheld', parent: 'results', label: { zh: '（三）不予公开', en: '(3) Not disclosed' } },
  { id: 'unavailable', parent: 'results', label: { zh: '（四）无法提供', en: '(4) Cannot be provided' } },
  { id: 'notProcessed', parent: 'results', label: { zh: '（五）不予处理', en: '(5) Not processed' } },
  { id: 'otherHandling', parent: 'results', label: { zh: '（六）其他处理', en: '(6) Other handling' } },
];

export type ApplicationsRowId =
  | 'newReceived'
  | 'carriedOver'
  | 'granted'
  | 'partiallyGranted'
  | 'withheld.stateSecret'
  | 'withheld.lawProhibited'
  | 'withheld.securityStability'
  | 'withheld.thirdPartyRights'
  | 'withheld.internalAffairs'
  | 'withheld.processInformation'
  | 'withheld.enforcementFiles'
  | 'withheld.administrativeQuery'
  | 'unavailable.notHeld'
  | 'unavailable.needsCreation'
  | 'unavailable.unclear'
  | 'notProcessed.complaint'
  | 'notProcessed.repeated'
  | 'notProcessed.publication'
  | 'notProcessed.excessive'
  | 'notProcessed.confirmation'
  | 'otherHandling.noCorrection'
  | 'otherHandling.unpaidFee'
  | 'otherHandling.other'
  | 'resultsTotal'
  | 'carriedForward';

export interface ApplicationsRowDef {
  readonly id: ApplicationsRowId;
  readonly label: Label;
  /** Innermost group, if any (results for （一）（二）（七）; withheld for 1.属于国家秘密 …). */
  readonly group?: ApplicationsGroupId;
  /** Computed rows are never stored: （七）总计 sums every result row. */
  readonly computed?: boolean;
  /** Which part of the balance the row belongs to: newReceived + carriedOver = results + carriedForward. */
  readonly role: 'incoming' | 'result' | 'resultsTotal' | 'outgoing';
}

export const APPLICATIONS_ROWS: readonly ApplicationsRowDef[] = [
  { id: 'newReceived', role: 'incoming', label: { zh: '一、本年新收政府信息公开申请数量', en: 'I. New applications received this year' } },
  { id: 'carriedOver', role: 'incoming', label: { zh: '二、上年结转政府信息公开申请数量', en: 'II. Applications carried over from last year' } },
  { id: 'granted', role: 'result', group: 'results', label: { zh: '（一）予以公开', en: '(1) Disclosed' } },
  {
    id: 'partiallyGranted',
    role: 'result',
    group: 'results',
    label: {
      zh: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      en: '(2) Partly disclosed (count separable cases here only)',
    },
  },
  { id: 'withheld.stateSecret', role: 'result', group: 'withheld', label: { zh: '1.属于国家秘密', en: '1. State secret' } },
  { id: 'withheld.lawProhibited', role: 'result', group: 'withheld', label: { zh: '2.其他法律行政法规禁止公开', en: '2. Prohibited by other laws or regulations' } },
  { id: 'withheld.securityStability', role: 'result', group: 'withheld', label: { zh: '3.危及“三安全一稳定”', en: '3. Endangers the “three securities and one stability”' } },
  { id: 'withheld.thirdPartyRights', role: 'result', group: 'withheld', label: { zh: '4.保护第三方合法权益', en: '4. Protects third-party rights' } },
  { id: 'withheld.internalAffairs', role: 'result', group: 'withheld', label: { zh: '5.属于三类内部事务信息', en: '5. Internal affairs (three kinds)' } },
  { id: 'withheld.processInformation', role: 'result', group: 'withheld', label: { zh: '6.属于四类过程性信息', en: '6. Process information (four kinds)' } },
  { id: 'withheld.enforcementFiles', role: 'result', group: 'withheld', label: { zh: '7.属于行政执法案卷', en: '7. Administrative enforcement files' } },
  { id: 'withheld.administrativeQuery', role: 'result', group: 'withheld', label: { zh: '8.属于行政查询事项', en: '8. Administrative query matters' } },
  { id: 'unavailable.notHeld', role: 'result', group: 'unavailable', label: { zh: '1.本机关不掌握相关政府信息', en: '1. Not held by this agency' } },
  { id: 'unavailable.needsCreation', role: 'result', group: 'unavailable', label: { zh: '2.没有现成信息需要另行制作', en: '2. Would need to be newly created' } },
  { id: 'unavailable.unclear', role: 'result', group: 'unavailable', label: { zh: '3.补正后申请内容仍不明确', en: '3. Still unclear after correction' } },
  { id: 'notProcessed.complaint', role: 'result', group: 'notProcessed', label: { zh: '1.信访举报投诉类申请', en: '1. Petitions, reports, complaints' } },
  { id: 'notProcessed.repeated', role: 'result', group: 'notProcessed', label: { zh: '2.重复申请', en: '2. Repeated applications' } },
  { id: 'notProcessed.publication', role: 'result', group: 'notProcessed', label: { zh: '3.要求提供公开出版物', en: '3. Requests for published material' } },
  { id: 'notProcessed.excessive', role: 'result', group: 'notProcessed', label: { zh: '4.无正当理由大量反复申请', en: '4. Excessive repeated applications without good reason' } },
  { id: 'notProcessed.confirmation', role: 'result', group: 'notProcessed', label: { zh: '5.要求行政机关确认或重新出具已获取信息', en: '5. Requests to confirm or re-issue information already obtained' } },
  {
    id: 'otherHandling.noCorrection',
    role: 'result',
    group: 'otherHandling',
    label: {
      zh: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      en: '1. Applicant did not correct in time without good reason; no longer processed',
    },
  },
  {
    id: 'otherHandling.unpaidFee',
    role: 'result',
    group: 'otherHandling',
    label: {
      zh: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      en: '2. Applicant did not pay the fee notice in time; no longer processed',
    },
  },
  { id: 'otherHandling.other', role: 'result', group: 'otherHandling', label: { zh: '3.其他', en: '3. Other' } },
  { id: 'resultsTotal', role: 'resultsTotal', group: 'results', computed: true, label: { zh: '（七）总计', en: '(7) Total' } },
  { id: 'carriedForward', role: 'outgoing', label: { zh: '四、结转下年度继续办理', en: 'IV. Carried forward to next year' } },
];

export const ENTERED_APPLICATIONS_ROWS = APPLICATIONS_ROWS.filter((r) => !r.computed);
export const RESULT_ROWS = APPLICATIONS_ROWS.filter((r) => r.role === 'result');

export function applicationsGroup(id: ApplicationsGroupId): ApplicationsGroupDef {
  return APPLICATIONS_GROUPS.find((g) => g.id === id)!;
}

// ---------------------------------------------------------------------------------------------
// Section 四: administrative reconsideration and litigation
// ---------------------------------------------------------------------------------------------

export const APPEAL_OUTCOMES = [
  { id: 'upheld', label: { zh: '结果维持', en: 'Upheld' } },
  { id: 'corrected', label: { zh: '结果纠正', en: 'Corrected' } },
  { id: 'other', label: { zh: '其他结果', en: 'Other result' } },
  { id: 'pending', label: { zh: '尚未审结', en: 'Pending' } },
] as const satisfies readonly { id: string; label: Label }[];
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number]['id'];
export const APPEAL_OUTCOME_IDS: readonly AppealOutcome[] = APPEAL_OUTCOMES.map((o) => o.id);
export const APPEALS_TOTAL_COLUMN = { id: 'total', label: { zh: '总计', en: 'Total' } } as const;
export type AppealsColumn = AppealOutcome | 'total';
export const APPEALS_COLUMN_IDS: readonly AppealsColumn[] = [...APPEAL_OUTCOME_IDS, 'total'];

export const APPEAL_KINDS = [
  { id: 'review', label: { zh: '行政复议', en: 'Administrative reconsideration' } },
  { id: 'litigationDirect', parent: 'litigation', label: { zh: '未经复议直接起诉', en: 'Suit without reconsideration' } },
  { id: 'litigationAfterReview', parent: 'litigation', label: { zh: '复议后起诉', en: 'Suit after reconsideration' } },
] as const satisfies readonly { id: string; parent?: string; label: Label }[];
export type AppealKind = (typeof APPEAL_KINDS)[number]['id'];
export const APPEAL_KIND_IDS: readonly AppealKind[] = APPEAL_KINDS.map((k) => k.id);
export const APPEALS_LITIGATION: Label = { zh: '行政诉讼', en: 'Administrative litigation' };

// ---------------------------------------------------------------------------------------------
// Cells: ids, labels, which are computed
// ---------------------------------------------------------------------------------------------

export type CellKind = 'count' | 'amount';

export interface CellDef {
  /** Dotted path in the document, e.g. `applications.withheld.stateSecret.naturalPerson`. */
  readonly id: string;
  readonly section: TableSectionId;
  readonly kind: CellKind;
  readonly computed: boolean;
  /** Row and column labels, for accessible names and messages. */
  readonly row: Label;
  readonly column: Label;
  /** For computed cells: the entered cells it sums. */
  readonly sumOf?: readonly string[];
}

/**
 * The three tables of the format as one value: the cells below and the tables' layout
 * (layout.ts) are derived from it. A test may derive them from a changed copy (a row more, a
 * column less) to see every view follow; the app uses TABLES_MODEL.
 */
export interface TablesModel {
  readonly proactive: {
    readonly tables: readonly ProactiveTableDef[];
    readonly contentHeader: Label;
    readonly documentColumns: readonly { readonly id: string; readonly label: Label }[];
  };
  readonly applications: {
    readonly header: { readonly note: Label; readonly applicants: Label; readonly organisations: Label };
    /** The applicant columns; the first (自然人) stands alone, the rest sit under 法人或其他组织. */
    readonly columns: readonly { readonly id: string; readonly label: Label }[];
    readonly total: { readonly id: string; readonly label: Label };
    readonly groups: readonly ApplicationsGroupDef[];
    readonly rows: readonly ApplicationsRowDef[];
  };
  readonly appeals: {
    readonly kinds: readonly { readonly id: string; readonly parent?: string; readonly label: Label }[];
    /** Labels of the kinds' parents (行政诉讼 over 未经复议直接起诉 and 复议后起诉). */
    readonly parents: Readonly<Record<string, Label>>;
    readonly outcomes: readonly { readonly id: string; readonly label: Label }[];
    readonly total: { readonly id: string; readonly label: Label };
  };
}

export const TABLES_MODEL: TablesModel = {
  proactive: { tables: PROACTIVE_TABLES, contentHeader: PROACTIVE_CONTENT_HEADER, documentColumns: PROACTIVE_DOCUMENT_COLUMNS },
  applications: {
    header: APPLICATIONS_HEADER,
    columns: APPLICANT_COLUMNS,
    total: APPLICATIONS_TOTAL_COLUMN,
    groups: APPLICATIONS_GROUPS,
    rows: APPLICATIONS_ROWS,
  },
  appeals: { kinds: APPEAL_KINDS, parents: { litigation: APPEALS_LITIGATION }, outcomes: APPEAL_OUTCOMES, total: APPEALS_TOTAL_COLUMN },
};

/** Every cell of a tables model, entered and computed, in reading order (with the sums of totals). */
export function buildCells(model: TablesModel = TABLES_MODEL): CellDef[] {
  const cells: CellDef[] = [];
  const { proactive, applications, appeals } = model;
  for (const table of proactive.tables) {
    for (const row of table.rows) {
      if (row.shape === 'documents') {
        for (const col of proactive.documentColumns) {
          cells.push({ id: `proactive.${row.id}.${col.id}`, section: 'proactive', kind: 'count', computed: false, row: row.label, column: col.label });
        }
      } else {
        cells.push({
          id: `proactive.${row.id}`,
          section: 'proactive',
          kind: row.shape === 'amount' ? 'amount' : 'count',
          computed: false,
          row: row.label,
          column: table.columns[0]!,
        });
      }
    }
  }
  const resultIds = applications.rows.filter((r) => r.role === 'result').map((r) => r.id);
  const columnIds = applications.columns.map((c) => c.id);
  for (const row of applications.rows) {
    for (const col of applications.columns) {
      const id = `applications.${row.id}.${col.id}`;
      cells.push(
        row.computed
          ? { id, section: 'applications', kind: 'count', computed: true, row: row.label, column: col.label, sumOf: resultIds.map((r) => `applications.${r}.${col.id}`) }
          : { id, section: 'applications', kind: 'count', computed: false, row: row.label, column: col.label },
      );
    }
    cells.push({
      id: `applications.${row.id}.${applications.total.id}`,
      section: 'applications',
      kind: 'count',
      computed: true,
      row: row.label,
      column: applications.total.label,
      sumOf: row.computed
        ? resultIds.flatMap((r) => columnIds.map((c) => `applications.${r}.${c}`))
        : columnIds.map((c) => `applications.${row.id}.${c}`),
    });
  }
  for (const kind of appeals.kinds) {
    for (const outcome of appeals.outcomes) {
      cells.push({ id: `appeals.${kind.id}.${outcome.id}`, section: 'appeals', kind: 'count', computed: false, row: kind.label, column: outcome.label });
    }
    cells.push({
      id: `appeals.${kind.id}.${appeals.total.id}`,
      section: 'appeals',
      kind: 'count',
      computed: true,
      row: kind.label,
      column: appeals.total.label,
      sumOf: appeals.outcomes.map((o) => `appeals.${kind.id}.${o.id}`),
    });
  }
  return cells;
}

/** Every cell of 二, 三 and 四, entered and computed, in reading order. */
export const CELLS: readonly CellDef[] = buildCells();
export const CELL_BY_ID: ReadonlyMap<string, CellDef> = new Map(CELLS.map((c) => [c.id, c]));
export const ENTERED_CELLS: readonly CellDef[] = CELLS.filter((c) => !c.computed);
export const COMPUTED_CELLS: readonly CellDef[] = CELLS.filter((c) => c.computed);

export function cellDef(id: string): CellDef | undefined {
  return CELL_BY_ID.get(id);
}

/** "规章 · 本年制发件数" — row and column label, for accessible names and messages. */
export function cellLabel(id: string, lang: 'zh' | 'en' = 'zh'): string {
  const cell = CELL_BY_ID.get(id);
  if (!cell) return id;
  // The grand total's row already says 总计: "（七）总计", not "（七）总计 总计".
  if (cell.row[lang].endsWith(cell.column[lang])) return cell.row[lang];
  return lang === 'zh' ? `${cell.row.zh} ${cell.column.zh}` : `${cell.row.en} — ${cell.column.en}`;
}

// ---------------------------------------------------------------------------------------------
// The 2019 试行 format: labels that only the old template has
// ---------------------------------------------------------------------------------------------

export const TEMPLATE_2019_MARKERS: readonly string[] = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '其他对外管理服务事项',
  '政府集中采购',
  '采购项目数量',
  '采购总金额',
  '第二十条第（九）项',
];
