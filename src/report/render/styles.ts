/**
 * The print styles of the report: A4 pages set as party-and-government documents are
 * (GB/T 9704-2012). Every rule is scoped under `.nb-report` so the same CSS can sit inside the
 * app's print view; only `@page` is global (it applies while the style is in the document).
 *
 * No font is fetched: each stack names the fonts offices have (Windows, macOS, 方正) and ends in
 * the Noto CJK fonts of Linux and a generic family.
 */

/** Page box (GB/T 9704 §5.2.1): top 37 mm, left 28 mm, text block 156 × 225 mm on A4. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  topMm: 37,
  leftMm: 28,
  textWidthMm: 156,
  textHeightMm: 225,
  get rightMm() {
    return this.widthMm - this.leftMm - this.textWidthMm;
  },
  get bottomMm() {
    return this.heightMm - this.topMm - this.textHeightMm;
  },
} as const;

/** 22 lines a page and 28 characters a line (GB/T 9704 §5.2.2) at 3号 (16 pt). */
const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;
const BODY_PT = 16;
const MM_PER_PT = 25.4 / 72;
const LINE_HEIGHT_MM = PAGE.textHeightMm / LINES_PER_PAGE;
// 28 characters of 16 pt are 158 mm; a slight negative tracking fits them into 156 mm, as the
// document grid of a word processor does.
const TRACKING_MM = PAGE.textWidthMm / CHARS_PER_LINE - BODY_PT * MM_PER_PT;

const mm = (v: number) => `${Number(v.toFixed(3))}mm`;

export const FONT_STACKS = {
  /** 仿宋_GB2312 for the body text. */
  fangsong: `'FangSong_GB2312', '仿宋_GB2312', 'FangSong', '仿宋', 'STFangsong', '华文仿宋', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', serif`,
  /** 方正小标宋 for the title; the bold Noto/Source Han Serif is the closest local stand-in. */
  xiaobiaosong: `'nianbao 小标宋', 'FZXiaoBiaoSong-B05S', '方正小标宋简体', '方正小标宋_GBK', 'STZhongsong', '华文中宋', 'SimSun', '宋体', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', serif`,
  /** 黑体 for first-level headings. */
  hei: `'SimHei', '黑体', 'STHeiti', '华文黑体', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif`,
  /** 楷体_GB2312 for second-level headings. */
  kai: `'KaiTi_GB2312', '楷体_GB2312', 'KaiTi', '楷体', 'STKaiti', '华文楷体', 'Kaiti SC', 'AR PL UKai CN', 'Noto Serif CJK SC', 'Source Han Serif SC', serif`,
  /** 宋体 for tables and page numbers. */
  song: `'SimSun', '宋体', 'STSong', '华文宋体', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', serif`,
} as const;

/**
 * 方正小标宋 has one (heavy) weight. A local-only alias lets the title use it at normal weight,
 * or, where it is missing, the bold cut of a serif CJK font — rather than a faked bold of 宋体.
 * `local()` only looks at installed fonts; nothing is downloaded.
 */
const TITLE_FONT_FACE = `@font-face {
  font-family: 'nianbao 小标宋';
  src: local('FZXiaoBiaoSong-B05S'), local('方正小标宋简体'), local('FZXBSJW--GB1-0'), local('方正小标宋_GBK'),
    local('Noto Serif CJK SC Bold'), local('NotoSerifCJKsc-Bold'), local('Source Han Serif SC Bold'),
    local('SourceHanSerifSC-Bold'), local('Songti SC Bold'), local('STSongti-SC-Bold');
}`;

/** 4号 (14 pt) for page numbers. */
const PAGE_NUMBER_PT = 14;
const PAGE_NUMBER_BOX = `content: '— ' counter(page) ' —';
    font-family: ${FONT_STACKS.song};
    font-size: ${PAGE_NUMBER_PT}pt;
    letter-spacing: 0;
    vertical-align: top;
    padding-top: 7mm;
    white-space: nowrap;`;

/** The report's CSS: page set-up, typography, tables, the draft mark, screen sheet look. */
export const REPORT_CSS = `${TITLE_FONT_FACE}
@page {
  size: A4 portrait;
  margin: ${mm(PAGE.topMm)} ${mm(PAGE.rightMm)} ${mm(PAGE.bottomMm)} ${mm(PAGE.leftMm)};
}
/* Page numbers (GB/T 9704 §7.5): 4号 宋体 between dashes, below the text block; odd pages on the
   right, even pages on the left, one character in from the edge of the text block. */
@page :right {
  @bottom-right {
    ${PAGE_NUMBER_BOX}
    text-align: right;
    padding-right: ${PAGE_NUMBER_PT}pt;
  }
}
@page :left {
  @bottom-left {
    ${PAGE_NUMBER_BOX}
    text-align: left;
    padding-left: ${PAGE_NUMBER_PT}pt;
  }
}
.nb-report {
  box-sizing: border-box;
  color: #000;
  background: #fff;
  font-family: ${FONT_STACKS.fangsong};
  font-size: ${BODY_PT}pt;
  line-height: ${mm(LINE_HEIGHT_MM)};
  letter-spacing: ${mm(TRACKING_MM)};
  text-align: justify;
  orphans: 2;
  widows: 2;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.nb-report *, .nb-report *::before, .nb-report *::after { box-sizing: border-box; }
.nb-report p { margin: 0; text-indent: 2em; }
.nb-report .nb-title {
  margin: 0 0 ${mm(LINE_HEIGHT_MM)};
  font-family: ${FONT_STACKS.xiaobiaosong};
  font-size: 22pt;
  font-weight: normal;
  line-height: 1.5;
  letter-spacing: 0;
  text-align: center;
  text-indent: 0;
}
/* One line of the title as title.ts broke it (at a boundary of meaning, GB/T 9704 §7.3.1). */
.nb-report .nb-title-line { display: block; }
.nb-report h2 {
  margin: 0;
  font-family: ${FONT_STACKS.hei};
  font-size: ${BODY_PT}pt;
  font-weight: normal;
  line-height: inherit;
  text-indent: 2em;
  break-after: avoid;
}
.nb-report h3 {
  margin: 0;
  font-family: ${FONT_STACKS.kai};
  font-size: ${BODY_PT}pt;
  font-weight: normal;
  line-height: inherit;
  text-indent: 2em;
  break-after: avoid;
}
/* A heading is kept with what follows it; the last heading of a section has nothing under it
   (an unwritten part's title, a section with no text: a 汇总's, a draft's), and kept with the
   next section's heading it chained every heading of the run to the table after them, one block
   too high for the page: the page before ended half empty (the 汇总's page 1 after its preamble).
   Titles of a run stay together with their section's heading, as a paragraph's lines do. */
.nb-report h2:last-child, .nb-report h3:last-child { break-after: auto; }
/* A long table (三) starts on the page where its heading is and breaks between rows: a row is
   never split (tr below), the header rows repeat on the next page (thead below). Keeping the
   whole table together left up to two-thirds of a page blank before it. */
.nb-report .nb-table-wrap {
  margin: ${mm(LINE_HEIGHT_MM / 3)} 0 ${mm(LINE_HEIGHT_MM / 2)};
}
/* 四 is its three header rows and one row of figures: split, it would be a header alone. */
.nb-report .nb-appeals { break-inside: avoid; page-break-inside: avoid; }
.nb-report table {
  width: 100%;
  border-collapse: collapse;
  /* Fixed layout: the table never grows past the text block, whatever the numbers. A value
     column holds 5 digits; a longer number wraps rather than spilling into the next cell. */
  table-layout: fixed;
  font-family: ${FONT_STACKS.song};
  font-size: 10.5pt;
  line-height: 1.3;
  letter-spacing: 0;
  text-align: center;
}
.nb-report th, .nb-report td {
  border: 1px solid #000;
  padding: 0.5mm 0.8mm;
  vertical-align: middle;
  font-weight: normal;
  overflow-wrap: anywhere;
}
.nb-report td { padding: 0.5mm 0.2mm; font-variant-numeric: tabular-nums; }
.nb-report .nb-applications th[scope='row'] { text-align: left; }
.nb-report thead { display: table-header-group; }
/* A row is never split: its cells are kept whole. Not the row itself: the first row of a group
   holds the group's label cell spanning all its rows (三、本年度办理结果 spans 21), and a row kept
   whole would keep those 21 rows together. The spanning label cell may run on over a break. */
.nb-report tr > td, .nb-report tr > th:not([rowspan]) { break-inside: avoid; page-break-inside: avoid; }
.nb-report .nb-proactive tbody { break-inside: avoid; page-break-inside: avoid; }
.nb-report .nb-applications { font-size: 10pt; }
.nb-report .nb-applications .nb-note { font-size: 9pt; text-align: left; }
.nb-report .nb-appeals { font-size: 10pt; }
.nb-report .nb-draft-note {
  margin: 0 0 ${mm(LINE_HEIGHT_MM / 2)};
  padding: 1mm 3mm;
  border: 1.5pt solid #b42318;
  color: #b42318;
  font-family: ${FONT_STACKS.hei};
  font-size: 12pt;
  line-height: 1.6;
  letter-spacing: 0;
  text-indent: 0;
  text-align: center;
}
.nb-report .nb-draft-mark {
  pointer-events: none;
  z-index: 10;
  font-family: ${FONT_STACKS.hei};
  color: rgba(180, 35, 24, 0.16);
  text-indent: 0;
  letter-spacing: 0.2em;
}
.nb-report .nb-draft-mark::before {
  content: attr(data-mark);
  display: inline-block;
  transform: rotate(-35deg);
  font-size: 110pt;
  line-height: 1;
  white-space: nowrap;
}
.nb-report .nb-paper-copy {
  margin-top: ${mm(LINE_HEIGHT_MM * 2)};
  break-inside: avoid;
  page-break-inside: avoid;
}
.nb-report .nb-paper-copy p { text-indent: 0; }
.nb-report .nb-paper-copy .nb-signature { text-align: right; }
/* Signature of the issuing body: its name centred over the date, the date 4 characters from the
   right edge (GB/T 9704 §7.3.5); the seal goes over both. */
.nb-report .nb-paper-copy .nb-issuer {
  width: fit-content;
  margin: ${mm(LINE_HEIGHT_MM * 2)} 4em 0 auto;
  text-align: center;
}
.nb-report .nb-blank { display: inline-block; min-width: 5em; border-bottom: 1px solid #000; }
@media screen {
  .nb-report {
    width: ${mm(PAGE.widthMm)};
    min-height: ${mm(PAGE.heightMm)};
    margin: 0 auto;
    padding: ${mm(PAGE.topMm)} ${mm(PAGE.rightMm)} ${mm(PAGE.bottomMm)} ${mm(PAGE.leftMm)};
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35);
  }
  /* On screen the mark follows the reader down the sheet, and stays on the sheet. */
  .nb-report .nb-draft-mark { position: sticky; top: 40vh; height: 0; overflow: visible; text-align: center; }
}
@media print {
  .nb-report { width: auto; margin: 0; padding: 0; box-shadow: none; }
  /* On paper the measure is the A4 text block each line was made for: a line stays whole. */
  .nb-report .nb-title-line { white-space: nowrap; }
  /* A fixed box is repeated on every printed page, centred in the page area. */
  .nb-report .nb-draft-mark {
    position: fixed;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
  }
}
`;

/** Page-level CSS of the standalone file: grey desk on screen, nothing around the page in print. */
export const DOCUMENT_CSS = `html, body { margin: 0; padding: 0; }
@media screen {
  html { background: #e3e3e3; }
  body { padding: 8mm 0; }
}
`;
