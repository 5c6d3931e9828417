/**
 * The one matcher: a neutral document (paragraphs and tables, from any reader) onto the format
 * model, by labels. Sections by their headings (in their common variants), rows of 二 and 三 by
 * their labels (never by position), the one row of 四 by its header; narrative parts by their
 * numbering; title, agency, year, 发布日期 and contact from the head of the page.
 *
 * Nothing is guessed into a cell: a blank, "/" or "—" stays null, a row whose values cannot be
 * placed cell by cell is left empty and named, and the printed totals are returned as `stated`
 * (compared by the statedTotal rule, never written into entered cells).
 */
import { REPORT_LAYOUT } from '../layout.ts';
import {
  AGENCY_KINDS,
  APPLICATIONS_ROWS,
  NARRATIVE_SECTION_IDS,
  PROACTIVE_ROWS,
  TEMPLATE_2019_MARKERS,
  TITLE_SUFFIX,
  type AgencyKind,
  type NarrativeSectionId,
  type SectionId,
} from '../format.ts';
import { emptyReport, setCell, type NarrativePart, type Report } from '../document.ts';
import type { RuleContext } from '../rules/types.ts';
import {
  APPEALS_HEADER_LABELS,
  APPLICATIONS_HEADER_LABELS,
  PROACTIVE_HEADER_LABELS,
  continuesLabel,
  foldLabel,
  labelBody,
  labelKey,
  labelsFound,
  layoutRow,
  matchHeading,
  matchLabel,
  type HeadingStyle,
  type LabelTarget,
} from './labels.ts';
import type { NeutralBlock, NeutralDocument } from './neutral.ts';
import { isValueLike, readCell, type CellReading } from './values.ts';

export type ImportNoteKind =
  | 'blank'
  | 'slash'
  | 'unreadable'
  | 'shortRow'
  | 'missingRow'
  | 'missingSection'
  | 'template'
  | 'missingMeta';

export interface ImportNote {
  /** Cell id or document path the note is about. */
  readonly path: string;
  readonly kind: ImportNoteKind;
  /** What stood in the text (for a short row: its values, " | " between them). */
  readonly found: string;
}

/** What was read at one cell of 二, 三 or 四 (entered and printed totals alike). */
export interface CellRead {
  readonly state: CellReading['state'] | 'missing';
  readonly raw: string;
}

export interface ImportHeader {
  /** The title line as printed, or ''. */
  readonly title: string;
  /** Guessed from the name; the clerk confirms it. */
  readonly agencyKindGuessed: boolean;
  /** Official header labels each table shows (三's 自然人 … 总计, 四's 行政复议 … 总计). */
  readonly proactive: readonly string[];
  readonly applications: readonly string[];
  readonly appeals: readonly string[];
}

export interface PublishedImport {
  readonly report: Report;
  readonly stated: NonNullable<RuleContext['stated']>;
  readonly notes: readonly ImportNote[];
  /** The input form the reader saw ("tabs", "pipes", "lines", "spaces", "html", "docx", "pdf"). */
  readonly source: string;
  /** 2019 when any label only the 试行 template has is printed. */
  readonly template: '2021' | '2019';
  /** Sections whose heading was found, in order. */
  readonly sections: readonly SectionId[];
  readonly header: ImportHeader;
  /** Every cell of 二, 三, 四 (computed ones as printed): what stood there. */
  readonly cells: Readonly<Record<string, CellRead>>;
}

// ---------------------------------------------------------------------------------------------
// Page chrome and meta
// ---------------------------------------------------------------------------------------------

const CHROME_START =
  /^(?:【|\[)?(?:发布(?:日期|时间|机构)|来源|信息来源|浏览(?:次数|量)?|阅读(?:次数|量)?|访问(?:次数|量)|点击(?:数|量|率)|字号|字体|打印|关闭|分享|收藏|索引号|发文(?:机关|字号|日期)|文号|主题分类|公开(?:方式|范围|时限|日期|形式)|成文日期|有效性|上一篇|下一篇|相关(?:链接|文章|阅读|附件)|版权所有|主办单位|主办|承办单位|承办|技术支持|网站标识码|网站地图|联系我们|当前位置|您当前的位置|您现在的位置|首页|扫一扫|附件[:：]|责任编辑|编辑[:：]|作者[:：]|【打印】|【关闭】)/;
// The 草稿 mark a draft's printout carries (nianbao's own: a header on every page, a notice above
// the title). Dropped wherever it stands, unlike chrome, which ends 六: a page's header is mid-text.
const DRAFT_MARK = /^草稿(?:$|[:：]本报告尚未定稿)/;
const isDraftMark = (text: string) => DRAFT_MARK.test(text.normalize('NFKC').trim());

/**
 * nianbao's 汇总 note under an aggregate's title (render/html.ts aggregateNote), in parentheses
 * from “（汇总说明：” to “。）”, is not the report's text. A PDF gives it line by line (the 草稿
 * watermark may cut it too): dropped from its opening line to its closing one; without a closing
 * line only the opening one goes.
 */
function withoutAggregateNote(paragraphs: readonly string[]): string[] {
  const norm = (p: string) => p.normalize('NFKC').trim();
  const start = paragraphs.findIndex((p) => /^\(汇总说明:/.test(norm(p)));
  if (start < 0) return [...paragraphs];
  const close = paragraphs.findIndex((p, i) => i >= start && norm(p).endsWith('。)'));
  return paragraphs.filter((_, i) => i < start || i > (close < 0 ? start : close));
}
const CHROME_ANYWHERE = /ICP备|网站标识码|版权所有|公网安备|技术支持[:：]|Copyright|©|繁体版|简体版|无障碍|长者(?:助手|模式)|网站地图|[|｜].*[|｜]/i;

// The site's name alone on its line (the page header as copied): "徐闻县人民政府门户网站", "中国某某政府网".
const SITE_NAME = /^[\p{Script=Han}A-Za-z0-9（）()·]{2,30}(?:门户网站|政府网|网站)$/u;

function isChrome(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  return t.length <= 120 && (CHROME_START.test(t) || CHROME_ANYWHERE.test(t) || SITE_NAME.test(t));
}

const AGENCY_END = /(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公室|办公厅|委员会|街道办事处|管理委员会|管委会|局|委|厅|办|署|院|中心|街道|镇|乡|会|所|站|队|处)$/;
const LEAD_IN = /^(?:.*?[，,。：:《])?(?:特此|特)?(?:编制|现将|现予|现公布|现发布|现印发|公布|发布|印发|根据|关于)?/;

function cleanAgency(text: string): string {
  let t = text.replace(/[《》“”"]/g, '').trim();
  t = t.replace(LEAD_IN, '').trim();
  t = t.replace(/^(?:特编制|编制|现将|现公布|现发布|公布|发布|特|将)/, '').replace(/(?:关于)$/, '').trim();
  if (/^(?:我|本)(?:局|委|办|单位|机关|中心|镇|乡|街道|区|县|市)/.test(t)) return '';
  return t.length >= 2 && t.length <= 40 && AGENCY_END.test(t) ? t : '';
}

const TITLE = /^(.*?)(\d{4})\s*年度?(.*?)政府信息公开(?:工作)?(?:年度)?(?:情况)?报告/;

interface MetaFound {
  title: string;
  agency: string;
  year: number | null;
}

// A line of a place's name alone (宁夏回族自治区石嘴山市): the first line of an agency's name that
// the title set over two lines (render/title.ts breaks a long name after a place).
const PLACE_LINE = /^[\u4e00-\u9fff]{2,30}(?:省|自治区|特别行政区|市|自治州|州|盟|地区|县|自治县|区|旗|自治旗|兵团|师)$/;

/**
 * The agency's whole name when the title gave it a line of its own (above “YYYY年…报告”) and a
 * long name took more than that line: the place lines just above it are its beginning.
 */
function withPlaceLines(lines: readonly string[], first: number, agency: string): string {
  let name = agency;
  for (let k = first - 1; k >= 0 && k >= first - 2; k--) {
    const line = lines[k]!.normalize('NFKC').replace(/\s+/g, '');
    if (!PLACE_LINE.test(line) || (line + name).length > 40) break;
    name = line + name;
  }
  return name;
}

function findTitle(lines: readonly string[]): MetaFound {
  let best: MetaFound = { title: '', agency: '', year: null };
  // A title or first sentence wrapped over two lines (a PDF, a narrow page) is read joined too.
  // Each paragraph keeps the index of its first line, and of the line the joined pair's second half is.
  const paragraphs = lines.flatMap((l, i) =>
    i + 1 < lines.length && !ENDS_SENTENCE.test(l.trim())
      ? [
          { text: l, first: i, second: -1 },
          { text: l.trim() + lines[i + 1]!.trim(), first: i, second: i + 1 },
        ]
      : [{ text: l, first: i, second: -1 }],
  );
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    const text = paragraph.text.normalize('NFKC').replace(/\s+/g, ' ').trim();
    const m = text.replace(/\s/g, '').match(TITLE);
    if (!m) continue;
    const year = Number(m[2]);
    if (year < 2000 || year > 2200) continue;
    let agency = cleanAgency(m[1]!) || cleanAgency(m[3]!);
    // The agency on a line of its own, the year beginning the next (the title set in lines).
    const ownLine = paragraph.second >= 0 && /^\d{4}/.test(lines[paragraph.second]!.normalize('NFKC').trim());
    // "高平市人民政府办公室" on its own line above "2023年政府信息公开工作年度报告".
    if (!agency && !m[1] && !m[3] && i > 0) {
      agency = cleanAgency(paragraphs[i - 1]!.text.trim());
      if (agency) agency = withPlaceLines(lines, paragraphs[i - 1]!.first, agency);
    } else if (agency && ownLine) agency = withPlaceLines(lines, paragraph.first, agency);
    const isTitleLine = text.length <= 60 && /报告$/.test(text);
    if (!best.year || (!best.agency && agency)) {
      best = { title: isTitleLine ? paragraph.text.trim() : best.title, agency: agency || best.agency, year: best.year ?? year };
    }
    if (best.agency && best.year) break;
  }
  return best;
}

const DATE_LABELED = /(?:发布(?:日期|时间)|成文日期|日期|时间)\s*[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
/** Lines of the paper copy's block under 六 (NFKC: the brackets are half-width). */
const PAPER_COPY_LINE = /^(?:单位)?负责人(?:签字|签名|签章)[:：]?[\s_＿]*$|\(盖章\)$|^[\s_＿]*年[\s_＿]*月[\s_＿]*日$/;
const DATE_ONLY = /^(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?$/;

function isoDate(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const PHONE = /(?:联系电话|咨询电话|电话|联系方式|Tel)\s*[:：]?\s*((?:\(?0\d{2,3}\)?[-－—\s]?)?\d{7,8}(?:[-－]\d{1,4})?)/i;

/** The agency kind a name suggests; always shown for the clerk to confirm. */
export function guessAgencyKind(agency: string): AgencyKind {
  const a = agency.normalize('NFKC').trim();
  if (!a) return 'department';
  if (/(?:人民政府|政府)办公(?:室|厅)$|政府办$/.test(a)) return 'governmentOffice';
  if (/(?:街道办事处|街道|镇|乡)(?:人民政府)?$/.test(a)) return 'township';
  if (/人民政府$/.test(a)) return 'government';
  if (/(?:局|委员会|委|厅|办公室|办|署|中心|院)$/.test(a)) return 'department';
  return AGENCY_KINDS.includes('other') ? 'other' : 'department';
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

interface Sectioned {
  head: NeutralBlock[];
  sections: Map<SectionId, NeutralBlock[]>;
  order: SectionId[];
  /** The section of each block (undefined: the head). */
  of: (SectionId | undefined)[];
}

const SECTION_ORDER: readonly SectionId[] = ['overview', 'proactive', 'applications', 'appeals', 'problems', 'other'];

function splitSections(blocks: readonly NeutralBlock[]): Sectioned {
  const sections = new Map<SectionId, NeutralBlock[]>();
  const order: SectionId[] = [];
  const head: NeutralBlock[] = [];
  let current = head;
  let style: HeadingStyle | null = null;
  let last = -1;
  const of: (SectionId | undefined)[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const heading = matchHeading(block.text, style);
      const index = heading ? SECTION_ORDER.indexOf(heading.id) : -1;
      if (heading && index > last) {
        style = heading.style;
        last = index;
        current = [];
        sections.set(heading.id, current);
        order.push(heading.id);
        of.push(heading.id);
        continue;
      }
    }
    current.push(block);
    of.push(order[order.length - 1]);
  }
  return { head, sections, order, of };
}

// ---------------------------------------------------------------------------------------------
// Narrative
// ---------------------------------------------------------------------------------------------

const PART_CN = /^\s*[(（]\s*([一二三四五六七八九十]+)\s*[)）]\s*/;
const PART_ARABIC = /^\s*(\d{1,2})\s*[、.．]\s*(?=\D)/;
const ENDS_SENTENCE = /[。！？!?:：；;）)”"』」]$/;

function numbered(text: string, arabic: boolean): RegExpMatchArray | null {
  return text.match(PART_CN) ?? (arabic ? text.match(PART_ARABIC) : null);
}

/** Lines that do not end a sentence continue on the next (a paragraph wrapped by the page). */
function joinWrapped(lines: readonly string[], arabic: boolean): string[] {
  const out: string[] = [];
  let open = false;
  for (const raw of lines) {
    const line = raw.replace(/\*\*/g, '').trim();
    if (!line) continue;
    const startsPart = numbered(line, arabic) !== null || /^[一二三四五六七八九十]是/.test(line);
    if (open && out.length && !startsPart) out[out.length - 1] += line;
    else out.push(line);
    // A short numbered line without a stop is a part title: it does not take the next line in.
    const title = numbered(line, arabic) !== null && line.length <= 40;
    open = !ENDS_SENTENCE.test(line) && !title && line.length >= 20;
  }
  return out;
}

function narrativeParts(paragraphs: readonly string[]): NarrativePart[] {
  const arabic = paragraphs.filter((p) => PART_ARABIC.test(p)).length >= 2 && !paragraphs.some((p) => PART_CN.test(p));
  const parts: NarrativePart[] = [];
  let awaitingText = false;
  for (const p of joinWrapped(paragraphs, arabic)) {
    const m = numbered(p, arabic);
    if (m) {
      const rest = p.slice(m[0].length).trim();
      const stop = rest.search(/[。.．]/);
      const head = stop > 0 ? rest.slice(0, stop) : rest;
      if (stop > 0 && stop <= 30 && !/[，,；;]/.test(head)) {
        const text = rest.slice(stop + 1).trim();
        parts.push({ title: head.trim(), text });
        awaitingText = text === '';
        continue;
      }
      if (stop < 0 && rest.length <= 40) {
        parts.push({ title: rest, text: '' });
        awaitingText = true;
        continue;
      }
    }
    const last = parts[parts.length - 1];
    if (last && awaitingText) {
      last.text = p;
      awaitingText = false;
    } else if (last) last.text += `\n${p}`;
    else parts.push({ title: '', text: p });
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/** Rows of a region: table rows as they are, paragraphs as rows of one cell (one cell per line). */
function regionRows(blocks: readonly NeutralBlock[]): string[][] {
  return blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => [...r]) : [[b.text]]));
}

/** A cell that stands where a value should: a value, or something short with a digit ("3 0"). */
function valuePosition(cell: string): boolean {
  if (isValueLike(cell)) return true;
  const t = cell.normalize('NFKC').trim();
  return t.length <= 12 && /\d/.test(t) && !matchLabel(t);
}

/**
 * The values of a row: the cells after its label. More cells than columns: blank ones at the
 * end, then at the start (a label spanning two columns) are layout, not data. Fewer: a row of
 * one cell per line continues on the next lines, value by value.
 */
function rowValues(rows: string[][], r: number, labelIndex: number, want: number, target: LabelTarget): { values: string[]; consumed: number } {
  let values = rows[r]!.slice(labelIndex + 1);
  while (values.length > want && values[values.length - 1]!.trim() === '') values.pop();
  while (values.length > want && values[0]!.trim() === '') values.shift();
  let consumed = 0;
  if (values.length === 0) {
    // The label may wrap onto the next line(s) before its values begin.
    let soFar = labelKey(rows[r]![labelIndex]!).body;
    let next = r + 1;
    while (next < rows.length && rows[next]!.length === 1 && !valuePosition(rows[next]![0]!) && continuesLabel(target, soFar, rows[next]![0]!)) {
      soFar += labelBody(rows[next]![0]!);
      next++;
    }
    const gathered: string[] = [];
    while (next < rows.length && gathered.length < want && rows[next]!.every(valuePosition)) {
      gathered.push(...rows[next]!);
      next++;
    }
    while (gathered.length > want && gathered[gathered.length - 1]!.trim() === '') gathered.pop();
    values = gathered;
    consumed = next - r - 1;
  }
  return { values, consumed };
}

function lastLabel(row: readonly string[]): { index: number; target: LabelTarget } | undefined {
  let found: { index: number; target: LabelTarget } | undefined;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i]!;
    if (!cell.trim() || valuePosition(cell)) continue;
    const m = matchLabel(cell);
    if (m) {
      // A row label beats the group labels beside it (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密).
      if (!found || m.target.kind !== 'group' || found.target.kind === 'group') found = { index: i, target: m.target };
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The matcher
// ---------------------------------------------------------------------------------------------

interface CellSpec {
  readonly id: string;
  readonly kind: 'count' | 'amount';
  /** A printed total (a computed cell): compared by statedTotal, never written. */
  readonly stated: boolean;
}

function cellSpec(id: string): CellSpec {
  const cell = REPORT_LAYOUT.cells.get(id)!;
  return { id, kind: cell.cellKind, stated: cell.kind === 'computed' };
}

export function matchPublished(doc: NeutralDocument): PublishedImport {
  const notes: ImportNote[] = [];
  const stated: Record<string, number | null> = {};
  const cells: Record<string, CellRead> = {};
  const { head, sections, order, of } = splitSections(doc.blocks);

  const allText = doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.join(' ')).join('\n'))).join('\n');
  const folded = foldLabel(allText);
  const templateMarkers = TEMPLATE_2019_MARKERS.filter((m) => folded.includes(foldLabel(m)));
  const template: '2021' | '2019' = templateMarkers.length ? '2019' : '2021';

  // ---- Head: title, agency, year, date, contact, preamble
  const headParagraphs = withoutAggregateNote(head.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])));
  const allParagraphs = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  const content = headParagraphs.filter((p) => !isChrome(p) && !isDraftMark(p));
  const firstParagraphs = [...content, ...allParagraphs.slice(0, 40).filter((p) => !isChrome(p))];
  const found = findTitle(firstParagraphs);
  let year = found.year;
  const period = allText.normalize('NFKC').match(/(\d{4})\s*年\s*1\s*月\s*1\s*日/);
  if (year === null && period) year = Number(period[1]);
  if (!found.agency) {
    const source = allParagraphs.map((p) => p.normalize('NFKC').match(/^(?:来源|信息来源|发布机构)\s*[:：]\s*(\S{2,40})/)?.[1]).find(Boolean);
    if (source) found.agency = cleanAgency(source);
  }
  const agency = found.agency;
  let publishedOn: string | null = null;
  for (const p of allParagraphs) {
    const m = p.normalize('NFKC').match(DATE_LABELED);
    if (m && isChrome(p)) {
      publishedOn = isoDate(m[1]!, m[2]!, m[3]!);
      if (publishedOn) break;
    }
  }
  // The preamble: the head's paragraphs but the title line and the agency's name above it.
  const isHeadLine = (p: string) => p.trim() === found.title || Boolean(agency && labelBody(p) === labelBody(agency)) || (p.trim().length <= 60 && /政府信息公开.{0,8}报告$/.test(p.trim()));
  // A PDF prints a long title over two lines: the two lines that make the title go too.
  const preambleParagraphs = content.filter((p, i) => !isHeadLine(p) && !isHeadLine(`${content[i - 1]?.trim() ?? ''}${p.trim()}`) && !isHeadLine(`${p.trim()}${content[i + 1]?.trim() ?? ''}`));
  const preamble = joinWrapped(preambleParagraphs, false).join('\n');
  const contact = (preamble.normalize('NFKC').match(PHONE) ?? allText.normalize('NFKC').match(PHONE))?.[1]?.trim() ?? '';
  if (!agency) notes.push({ path: 'meta.agency', kind: 'missingMeta', found: found.title });
  if (year === null) notes.push({ path: 'meta.year', kind: 'missingMeta', found: found.title });

  let report = emptyReport({ agency, year, contact, agencyKind: guessAgencyKind(agency) });

  // ---- Narrative sections; chrome and a signature at the end of 六 are not the report's text
  const narrative = { ...report.narrative, preamble };
  let signatureDate: string | null = null;
  for (const id of NARRATIVE_SECTION_IDS) {
    const blocks = sections.get(id);
    if (!blocks) {
      notes.push({ path: `narrative.${id}`, kind: 'missingSection', found: '' });
      narrative[id as NarrativeSectionId] = [];
      continue;
    }
    let paragraphs = blocks.flatMap((b) => (b.kind === 'paragraph' && !isDraftMark(b.text) ? [b.text] : []));
    const chrome = paragraphs.findIndex(isChrome);
    if (chrome >= 0 && id === 'other') paragraphs = paragraphs.slice(0, chrome);
    else paragraphs = paragraphs.filter((p) => !isChrome(p));
    if (id === 'other') {
      for (;;) {
        const last = paragraphs[paragraphs.length - 1]?.normalize('NFKC').trim();
        if (last === undefined) break;
        const date = last.match(DATE_ONLY);
        if (date) signatureDate = isoDate(date[1]!, date[2]!, date[3]!);
        else if (PAPER_COPY_LINE.test(last)) {
          // 单位负责人签字 / …（盖章） / 年 月 日: the paper copy's block, not the report's text.
        } else if (!(agency && labelBody(last) === labelBody(agency)) && !(last.length <= 30 && AGENCY_END.test(last) && !/[。，]/.test(last))) break;
        paragraphs = paragraphs.slice(0, -1);
      }
    }
    narrative[id as NarrativeSectionId] = narrativeParts(paragraphs);
  }
  report = { ...report, narrative, meta: { ...report.meta, publishedOn: publishedOn ?? signatureDate } };

  // ---- Tables: every table's rows (labels say where they belong), and the paragraphs of 二, 三
  // and 四 as rows of one cell (one cell per line); every paragraph when those headings are missing.
  const tableSections: readonly (SectionId | undefined)[] = ['proactive', 'applications', 'appeals'];
  const anyTableSection = tableSections.some((s) => sections.has(s!));
  const rows = regionRows(doc.blocks.filter((b, i) => b.kind === 'table' || !anyTableSection || tableSections.includes(of[i])));

  const read = (id: string, raw: string | undefined, kind: 'count' | 'amount', statedTotal: boolean) => {
    if (raw === undefined) {
      cells[id] = { state: 'missing', raw: '' };
      return;
    }
    const reading = readCell(raw, kind);
    cells[id] = { state: reading.state, raw };
    if (reading.state === 'unreadable') notes.push({ path: id, kind: 'unreadable', found: raw });
    if (statedTotal) {
      stated[id] = reading.value;
      return;
    }
    report = setCell(report, id, reading.value);
    if (reading.state === 'blank' || reading.state === 'slash') notes.push({ path: id, kind: reading.state, found: raw });
  };

  const seen = new Set<string>();
  let lastApplicationsRow = -1;
  for (let r = 0; r < rows.length; r++) {
    const label = lastLabel(rows[r]!);
    if (!label) continue;
    const { target } = label;
    let ids: CellSpec[];
    let key: string;
    // The row's cells, left to right, as the layout of the template places them.
    if (target.kind === 'proactive') {
      key = `proactive.${target.row.id}`;
      if (template === '2019') continue; // 二 of the 试行 template holds other quantities
      ids = layoutRow(REPORT_LAYOUT.proactive, key).map(cellSpec);
    } else if (target.kind === 'applications') {
      key = `applications.${target.row.id}`;
      ids = layoutRow(REPORT_LAYOUT.applications, key).map(cellSpec);
    } else if (target.group === 'otherHandling' && template === '2019') {
      // The 试行 template's （六）其他处理 is one row: it is the 2021 template's 3.其他.
      key = 'applications.otherHandling.other';
      ids = layoutRow(REPORT_LAYOUT.applications, key).map(cellSpec);
    } else continue;
    if (seen.has(key)) continue;
    const { values, consumed } = rowValues(rows, r, label.index, ids.length, target);
    if (values.length === 0) continue; // a header cell that reads like a label, or a label alone
    seen.add(key);
    r += consumed;
    if (target.kind !== 'proactive') lastApplicationsRow = r;
    if (values.length < ids.length) {
      notes.push({ path: key, kind: 'shortRow', found: values.join(' | ') });
      for (const cell of ids) cells[cell.id] = { state: 'missing', raw: '' };
      continue;
    }
    ids.forEach((cell, i) => read(cell.id, values[i], cell.kind, cell.stated));
  }
  for (const row of PROACTIVE_ROWS) if (template === '2021' && !seen.has(`proactive.${row.id}`)) notes.push({ path: `proactive.${row.id}`, kind: 'missingRow', found: '' });
  for (const row of APPLICATIONS_ROWS) {
    if (seen.has(`applications.${row.id}`)) continue;
    if (template === '2019' && row.id.startsWith('otherHandling.') && row.id !== 'otherHandling.other') {
      notes.push({ path: `applications.${row.id}`, kind: 'template', found: '' });
      continue;
    }
    notes.push({ path: `applications.${row.id}`, kind: 'missingRow', found: '' });
  }
  if (template === '2019') for (const marker of templateMarkers) notes.push({ path: 'proactive', kind: 'template', found: marker });

  // ---- 四: the first run of its value cells (15) after its header (or after 三's last row)
  const appealBlocks = sections.get('appeals');
  const appealRows = appealBlocks ? regionRows(appealBlocks) : rows.slice(lastApplicationsRow + 1);
  const appealsHeaderText = foldLabel(appealRows.flat().filter((c) => !valuePosition(c)).join(''));
  const appealCells = REPORT_LAYOUT.appeals.valueRows.flat();
  const want = appealCells.length;
  let run: string[] = [];
  let appealValues: string[] | undefined;
  for (const row of [...appealRows, ['\u0000']]) {
    if (row.every(valuePosition)) {
      run.push(...row);
      continue;
    }
    while (run.length > want && run[run.length - 1]!.trim() === '') run.pop();
    while (run.length > want && run[0]!.trim() === '') run.shift();
    if (run.filter((c) => c.trim() !== '').length > 0 && run.length >= want) {
      appealValues = run;
      break;
    }
    run = [];
  }
  if (appealValues) {
    if (appealValues.length > want) notes.push({ path: 'appeals', kind: 'unreadable', found: appealValues.slice(want).join(' | ') });
    appealCells.map(cellSpec).forEach((cell, i) => read(cell.id, appealValues![i], cell.kind, cell.stated));
  } else notes.push({ path: 'appeals', kind: 'missingRow', found: '' });
  for (const id of REPORT_LAYOUT.cells.keys()) cells[id] ??= { state: 'missing', raw: '' };

  const tableText = foldLabel(rows.flat().join(''));
  return {
    report,
    stated: { totals: stated, templateMarkers },
    notes,
    source: doc.source,
    template,
    sections: order,
    header: {
      title: found.title || (agency && year ? `${agency}${year}${TITLE_SUFFIX}` : ''),
      agencyKindGuessed: true,
      proactive: labelsFound(PROACTIVE_HEADER_LABELS, tableText),
      applications: labelsFound(APPLICATIONS_HEADER_LABELS, tableText),
      appeals: labelsFound(APPEALS_HEADER_LABELS, appealsHeaderText),
    },
    cells,
  };
}
