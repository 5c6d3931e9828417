
/**
 * Messages of the core's rules in both languages (decode's problems have theirs in
 * decodeMessages.ts). The UI registers this catalogue with i18next as the `report` namespace;
 * the CLI prints it as it is. Placeholders are written {{name}}, as i18next does.
 */

export type Lang = 'zh' | 'en';
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

export const MESSAGES = {
  'rule.balance': {
    zh: '{{column}}栏不平衡：一、本年新收 + 二、上年结转 = {{left}}，（七）总计 + 四、结转下年度 = {{right}}，相差 {{delta}}',
    en: 'Column “{{columnEn}}” does not balance: new + carried over = {{left}}, results total + carried forward = {{right}}, difference {{delta}}',
  },
  'rule.count.blank': {
    zh: '{{section}}有 {{n}} 个单元格未填写（没有的请填 0）',
    en: '{{sectionEn}}: {{n}} cells not filled (enter 0 where there were none)',
  },
  'rule.count.invalid': {
    zh: '{{cell}}应为不小于 0 的整数：{{value}}',
    en: '{{cellEn}} must be a whole number ≥ 0: {{value}}',
  },
  'rule.fee': {
    zh: '行政事业性收费金额应不小于 0，最多 4 位小数：{{value}}',
    en: 'Administrative fees must be ≥ 0 with at most 4 decimals: {{value}}',
  },
  'rule.required': { zh: '{{what}}未填写', en: '{{whatEn}} is not filled' },
  'rule.statedTotal': {
    zh: '{{cell}}所填总计 {{left}} 与各项之和 {{right}} 不符，相差 {{delta}}',
    en: '{{cellEn}}: the stated total {{left}} differs from the sum of its parts {{right}} (difference {{delta}})',
  },
  'rule.template': {
    zh: '{{year}}年度报告使用了 2019 年试行格式的表格（发现“{{marker}}”），应使用国办公开办函〔2021〕30号格式',
    en: 'A {{year}} report uses the 2019 trial-format tables (found “{{marker}}”); use the 2021 format',
  },
  'rule.carryover': {
    zh: '{{column}}：上年结转 {{left}} 与上年报告的结转下年度 {{right}} 不一致，相差 {{delta}}',
    en: '{{columnEn}}: carried over {{left}} differs from last year’s carried forward {{right}} (difference {{delta}})',
  },
  'rule.inForce.minimum': {
    zh: '{{row}}现行有效件数 {{left}} 小于本年制发减本年废止 {{right}}',
    en: '{{rowEn}}: in force {{left}} is less than issued − repealed {{right}}',
  },
  'rule.inForce.lastYear': {
    zh: '{{row}}现行有效件数 {{left}} 不等于上年现行有效 + 本年制发 − 本年废止 = {{right}}，相差 {{delta}}',
    en: '{{rowEn}}: in force {{left}} ≠ last year’s in force + issued − repealed = {{right}} (difference {{delta}})',
  },
  'rule.narrativeCount': {
    zh: '正文写“{{quote}}”（{{left}}），而表格中{{what}}为 {{right}}',
    en: 'The text says “{{quote}}” ({{left}}) but the table’s {{whatEn}} is {{right}}',
  },
  'rule.narrativeCount.allUpheld': {
    zh: '正文写“{{quote}}”，而表四中有纠正或其他结果 {{right}} 件',
    en: 'The text says “{{quote}}” (all upheld) but table 4 has {{right}} corrected or other results',
  },
  'rule.yearMismatch': {
    zh: '{{where}}中的“{{quote}}”与报告年度 {{year}} 年不符',
    en: '“{{quote}}” in {{whereEn}} does not match the report year {{year}}',
  },
  'rule.citation.superseded': {
    zh: '导语引用了已废止的文件（“{{quote}}”），应引用国办公开办函〔2021〕30号',
    en: 'The preamble cites the superseded notice (“{{quote}}”); cite 国办公开办函〔2021〕30号',
  },
  'rule.citation.garbled': {
    zh: '导语中的文号“{{quote}}”有误，应为国办公开办函〔2021〕30号',
    en: 'The notice number “{{quote}}” in the preamble is garbled; it is 国办公开办函〔2021〕30号',
  },
  'rule.deadline': {
    zh: '发布日期 {{date}} 晚于 {{deadline}}（条例第四十九条）',
    en: 'Publication date {{date}} is after the deadline {{deadline}} (Regulations, art. 49)',
  },
  'rule.feeStatement': {
    zh: '“六、其他需要报告的事项”未说明信息处理费收取情况',
    en: 'Section 6 does not state whether information processing fees were collected',
  },
  'rule.sameAsLastYear.numbers': {
    zh: '所有数字都与上年报告相同，请核实',
    en: 'Every number equals last year’s report; please check',
  },
  'rule.sameAsLastYear.part': {
    zh: '{{where}}与上年报告一字不差',
    en: '{{whereEn}} is copied unchanged from last year’s report',
  },
  'rule.regulations': {
    zh: '填写了规章（本年制发 {{issued}}、本年废止 {{repealed}}、现行有效 {{inForce}}）：只有国务院部门、省级和设区的市人民政府可以制定规章，请确认不是行政规范性文件',
    en: 'Regulations (规章) entered (issued {{issued}}, repealed {{repealed}}, in force {{inForce}}): only State Council departments and provincial or city governments can make them; check these are not normative documents',
  },
  'rule.unpaidFeeStatement': {
    zh: '表三有“逾期未按收费通知要求缴纳费用” {{n}} 件，而第六部分写“{{quote}}”',
    en: 'Table 3 has {{n}} applications closed for unpaid fees, but section 6 says “{{quote}}”',
  },
} as const satisfies Record<string, LocalizedText>;

/** The key of a rule's message. */
export type RuleMessageKey = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;

/**
 * Templates split once into text and placeholder names (even and odd places): every finding of
 * every evaluation, on every keystroke, fills two of them.
 */
const SPLIT_TEMPLATES = new Map<string, readonly string[]>();

function interpolate(template: string, params: MessageParams): string {
  let parts = SPLIT_TEMPLATES.get(template);
  if (parts === undefined) {
    parts = template.split(/\{\{(\w+)\}\}/);
    SPLIT_TEMPLATES.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in params ? String(params[name]) : `{{${name}}}`) + parts[i + 1]!;
  }
  return out;
}

/** A text in both languages with its placeholders filled. */
export function fillMessage(text: LocalizedText, params: MessageParams = {}): LocalizedText {
  return { zh: interpolate(text.zh, params), en: interpolate(text.en, params) };
}

/** A rule's message in both languages with its placeholders filled. */
export function message(key: RuleMessageKey, params: MessageParams = {}): LocalizedText {
  return fillMessage(MESSAGES[key], params);
}
