/**
 * The report's title broken into lines, once, for every writer (print/HTML, the website's
 * fragment, the Word file). GB/T 9704-2012 §7.3.1: a title of several lines is broken where the
 * meaning allows (“回行时，要做到词意完整，排列对称，长短适宜，间距恰当”), set as a trapezoid or
 * diamond, in 2号 (22 pt) 小标宋, centred. A browser or a word processor breaks where the line is
 * full, in the middle of a word (“…工作年 / 度报告”); here the break is chosen by meaning:
 *
 *   - a title that fits on one line stays one line;
 *   - else the agency's name goes above “YYYY年政府信息公开工作年度报告”, which is never broken;
 *   - an agency name too long for one line is broken after a unit of its own (a place:
 *     自治区, 市, 县 …; a body: 人民政府, 委员会, 局 …), into lines as even as can be (no short
 *     line of a few characters), and only where no such boundary fits, between two characters
 *     that are not one word.
 */
import { TITLE_SUFFIX, reportTitle } from '../format.ts';
import { PAGE } from './styles.ts';

/** 2号: the title's size in points. */
export const TITLE_PT = 22;
const MM_PER_PT = 25.4 / 72;
/** Full-width characters of 2号 on one line of the text block: 156 mm / 7.76 mm = 20. */
export const TITLE_LINE_EM = Math.floor(PAGE.textWidthMm / (TITLE_PT * MM_PER_PT));

/**
 * Width of a text in em of the title's size: a Chinese character (or any full-width form) is
 * one em; digits and Latin letters are proportional, about half of one (0.55 to be safe); a space
 * a third.
 */
export function titleWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ') em += 0.3;
    else if (ch.charCodeAt(0) < 0x2000) em += 0.55;
    else em += 1;
  }
  return em;
}

// Units an agency's name is made of: a break after one of them falls between two words.
// Places: the name of a division ends in its level.
const PLACE_ENDS = ['特别行政区', '自治区', '自治州', '自治县', '自治旗', '地区', '省', '市', '州', '盟', '县', '区', '旗', '乡', '镇', '街道', '兵团', '师'];
// Bodies: 人民政府 and its offices, commissions, bureaus, centres.
const BODY_ENDS = ['人民政府', '人民代表大会常务委员会', '人大常委会', '委员会', '办公室', '办公厅', '办事处', '管理局', '中心', '局', '厅', '委', '院'];
// Two characters that are one word although the first ends a unit: no break between them
// (“平罗县市场监督管理局” is not “平罗县市 / 场监督管理局”, “委员会” not “委 / 员会”).
const WORDS_ACROSS = new Set(['市场', '市政', '市容', '市民', '市级', '市县', '市区', '区域', '区划', '区县', '县域', '县级', '县乡', '县区', '县市', '乡村', '乡镇', '镇村', '镇街', '州市', '省级', '省市', '局属', '委员', '院校', '师范', '师生', '盟市', '旗县', '街道']);
// Two characters ending in a unit's last character that are one word with what follows
// (“城市管理局”, “住房和城乡建设局”, “社区服务中心”): no break after them.
const WORDS_ENDING = new Set(['城市', '城区', '社区', '园区', '景区', '山区', '市区', '牧区', '林区', '矿区', '街区', '小区', '城乡', '乡镇', '城镇', '教师', '律师', '医师']);
// A line neither begins with closing punctuation nor ends with opening punctuation.
const CLOSING = /^[）)》」』〕】、，。；：！？”’]/u;
const OPENING = /[（(《「『〔【“‘]$/u;
// Latin letters and digits are one word (“5G”, “12345”).
const ALNUM = /[0-9A-Za-z]/;

/** Cost of a break at a place boundary, at a body's boundary, and between any two characters. */
const COST = { place: 0, body: 30, anywhere: 400, shortLine: 1000 } as const;
/** A line shorter than this (in em) is a short line: avoided (not 排列对称). */
const SHORT_LINE_EM = 4;

function allowed(chars: readonly string[], i: number): boolean {
  if (i <= 0 || i >= chars.length) return false;
  const left = chars[i - 1]!;
  const right = chars[i]!;
  if (ALNUM.test(left) && ALNUM.test(right)) return false;
  if (CLOSING.test(right) || OPENING.test(left)) return false;
  return !WORDS_ACROSS.has(left + right);
}

/** Where a unit of the name ends (a break between two words), with the cost of breaking there. */
function unitBreaks(chars: readonly string[]): Map<number, number> {
  const costs = new Map<number, number>();
  const endsAt = (i: number, end: string) => i >= end.length && chars.slice(i - end.length, i).join('') === end;
  for (let i = 1; i < chars.length; i++) {
    if (!allowed(chars, i) || WORDS_ENDING.has(chars.slice(Math.max(0, i - 2), i).join(''))) continue;
    if (PLACE_ENDS.some((end) => endsAt(i, end))) costs.set(i, COST.place);
    else if (BODY_ENDS.some((end) => endsAt(i, end))) costs.set(i, COST.body);
    else if (chars[i - 1] === ' ' || chars[i] === ' ') costs.set(i, COST.place);
  }
  return costs;
}

/**
 * The agency's name in lines of at most `maxEm`: the fewest lines, then the cheapest breaks
 * (a unit's boundary before any other) and the most even lines.
 */
export function agencyLines(name: string, maxEm: number = TITLE_LINE_EM): string[] {
  const chars = [...name];
  const n = chars.length;
  if (titleWidthEm(name) <= maxEm) return [name];
  const units = unitBreaks(chars);
  const solve = (anywhere: boolean) => {
    const cost = (i: number) => (i === n ? 0 : units.get(i) ?? (anywhere && allowed(chars, i) ? COST.anywhere : Infinity));
    // best[j]: the best way to set chars[0..j) as lines ending in a break at j.
    const best: { lines: number; cost: number; from: number }[] = [{ lines: 0, cost: 0, from: -1 }];
    for (let j = 1; j <= n; j++) {
      best[j] = { lines: Infinity, cost: Infinity, from: -1 };
      const breakCost = cost(j);
      if (breakCost === Infinity) continue;
      for (let i = j - 1; i >= 0; i--) {
        const prev = best[i]!;
        if (prev.lines === Infinity) continue;
        const width = titleWidthEm(chars.slice(i, j).join(''));
        if (width > maxEm) break;
        const slack = maxEm - width;
        const lineCost = breakCost + slack * slack + (width < SHORT_LINE_EM ? COST.shortLine : 0);
        const lines = prev.lines + 1;
        const total = prev.cost + lineCost;
        const cur = best[j]!;
        if (lines < cur.lines || (lines === cur.lines && total < cur.cost)) best[j] = { lines, cost: total, from: i };
      }
    }
    if (best[n]!.lines === Infinity) return null;
    const out: string[] = [];
    for (let j = n; j > 0; j = best[j]!.from) out.unshift(chars.slice(best[j]!.from, j).join(''));
    return out;
  };
  return solve(false) ?? solve(true) ?? [name];
}

/**
 * The report's title as printed, line by line; joined, the lines are reportTitle(agency, year).
 * `maxEm` is the line's measure (the A4 text block's at 2号 by default).
 */
export function titleLines(agency: string, year: number | null, maxEm: number = TITLE_LINE_EM): string[] {
  const name = agency.replace(/\s+/g, ' ').trim();
  const whole = reportTitle(name, year);
  const tail = `${year ?? ''}${TITLE_SUFFIX}`;
  if (!name || titleWidthEm(whole) <= maxEm) return [whole];
  return [...agencyLines(name, maxEm), tail];
}
