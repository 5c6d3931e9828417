/**
 * The messages of decode's problems, in both languages. Apart from the rules' messages: only a
 * document that does not decode needs them, and they come with the full decode, not with the
 * editor's first load.
 */
import { fillMessage, type LocalizedText, type MessageParams } from './messages.ts';

export const DECODE_MESSAGES = {
  'decode.notObject': {
    zh: '不是年报文件：应为一个 JSON 对象',
    en: 'Not a report file: expected a JSON object',
  },
  'decode.wrongKind': {
    zh: '文件类型不对：kind 为 {{found}}，应为 {{expected}}',
    en: 'Wrong kind of file: kind is {{found}}, expected {{expected}}',
  },
  'decode.format2019': {
    zh: '这是 2019 年试行格式（国办公开办函〔2019〕60号）的年报，不能按 2021 年格式打开',
    en: 'This report uses the 2019 trial format (〔2019〕60号); it cannot be opened as the 2021 format',
  },
  'decode.unknownFormatVersion': {
    zh: '未知的格式版本 formatVersion：{{found}}（本程序只认 "2021"）',
    en: 'Unknown formatVersion {{found}} (only "2021" is known)',
  },
  'decode.formatVersionNotText': {
    zh: 'formatVersion 应为文字 "2021"（带引号），实为数字 {{found}}',
    en: 'formatVersion must be the text "2021" (in quotes), found the number {{found}}',
  },
  'decode.replacedByMigration': {
    zh: 'schemaVersion {{from}} 的文件不应有字段 {{key}}（升级时由程序生成）：文件可能被改动过，未予读取',
    en: 'A file of schemaVersion {{from}} cannot have the field {{key}} (the upgrade makes it): the file may have been altered; not read',
  },
  'decode.duplicateKey': {
    zh: '字段 {{key}} 出现了不止一次，无法确定以哪个为准',
    en: 'The field {{key}} appears more than once; which one counts is unclear',
  },
  'decode.tooDeep': {
    zh: '嵌套过深：超过 {{limit}} 层',
    en: 'Nested too deep: more than {{limit}} levels',
  },
  'decode.illFormedText': {
    zh: '文字中有残缺的 Unicode 字符（孤立的代理项），文件可能在复制或转换时损坏：{{found}}',
    en: 'The text holds a broken Unicode character (a lone surrogate); the file may have been damaged in copying or converting: {{found}}',
  },
  'decode.truncated': {
    zh: '文件不完整：在第 {{line}} 行第 {{column}} 列（{{where}} 处）中断，可能下载或复制时被截断',
    en: 'The file is incomplete: it ends at line {{line}}, column {{column}} (in {{where}}); it may have been cut off in downloading or copying',
  },
  'decode.truncatedTop': {
    zh: '文件不完整：在第 {{line}} 行第 {{column}} 列中断，可能下载或复制时被截断',
    en: 'The file is incomplete: it ends at line {{line}}, column {{column}}; it may have been cut off in downloading or copying',
  },
  'decode.empty': { zh: '文件是空的', en: 'The file is empty' },
  'decode.newerSchema': {
    zh: '文件由更新版本的程序保存（schemaVersion {{found}}，本程序最高支持 {{supported}}），请升级后再打开',
    en: 'The file was saved by a newer version (schemaVersion {{found}}, this one reads up to {{supported}}); please update',
  },
  'decode.badSchemaVersion': {
    zh: 'schemaVersion 应为正整数，实为 {{found}}',
    en: 'schemaVersion must be a positive whole number, found {{found}}',
  },
  'decode.migrationFailed': {
    zh: '无法从 schemaVersion {{from}} 升级：{{reason}}',
    en: 'Cannot migrate from schemaVersion {{from}}: {{reason}}',
  },
  'decode.missing': { zh: '缺少此项', en: 'Missing' },
  'decode.unknownKey': { zh: '多余的字段 {{key}}（格式中没有此项）', en: 'Unknown field {{key}} (not part of the format)' },
  'decode.expectedNumber': { zh: '应为数字，实为{{found}}', en: 'Expected a number, found {{found}}' },
  'decode.expectedString': { zh: '应为文字，实为{{found}}', en: 'Expected text, found {{found}}' },
  'decode.expectedObject': { zh: '应为对象，实为{{found}}', en: 'Expected an object, found {{found}}' },
  'decode.expectedArray': { zh: '应为列表，实为{{found}}', en: 'Expected a list, found {{found}}' },
  'decode.expectedType': { zh: '类型不对：应为 {{expected}}，实为{{found}}', en: 'Wrong type: expected {{expected}}, found {{found}}' },
  'decode.notWhole': { zh: '件数应为整数，不能有小数：{{found}}', en: 'A count must be a whole number: {{found}}' },
  'decode.negative': { zh: '不能为负数：{{found}}', en: 'Must not be negative: {{found}}' },
  'decode.tooSmall': { zh: '不能小于 {{min}}：{{found}}', en: 'Must be at least {{min}}: {{found}}' },
  'decode.tooLarge': { zh: '数值过大：最大为 {{limit}}，实为 {{found}}', en: 'Too large: at most {{limit}}, found {{found}}' },
  'decode.tooLong': { zh: '文字过长：最多 {{limit}} 个字符，实为 {{length}} 个', en: 'Text too long: at most {{limit}} characters, found {{length}}' },
  'decode.tooMany': { zh: '条目过多：最多 {{limit}} 项，实为 {{count}} 项', en: 'Too many entries: at most {{limit}}, found {{count}}' },
  'decode.feeDecimals': {
    zh: '金额最多保留 4 位小数（单位：万元）：{{found}}',
    en: 'An amount has at most 4 decimal places (unit: 10,000 yuan): {{found}}',
  },
  'decode.badValue': { zh: '取值不对：{{found}}，可选 {{options}}', en: 'Invalid value {{found}}; allowed: {{options}}' },
  'decode.badDate': { zh: '日期应为 YYYY-MM-DD：{{found}}', en: 'A date must be YYYY-MM-DD: {{found}}' },
  'decode.invalid': { zh: '内容不对：{{found}}', en: 'Invalid: {{found}}' },
  'decode.notJson': { zh: '不是 JSON 文件：{{reason}}', en: 'Not a JSON file: {{reason}}' },
  'decode.notUtf8': {
    zh: '文件不是 UTF-8 编码的文字（可能是 GBK 编码或二进制文件），请另存为 UTF-8',
    en: 'The file is not UTF-8 text (perhaps GBK or a binary file); save it as UTF-8',
  },
  'decode.fileTooLarge': {
    zh: '文件过大（{{size}}），上限为 {{limit}}（年报文件一般不超过 1 MB）',
    en: 'File too large ({{size}}); the limit is {{limit}} (a report file is normally under 1 MB)',
  },
} as const satisfies Record<string, LocalizedText>;

export type DecodeMessageKey = keyof typeof DECODE_MESSAGES;

/** A problem's message in both languages with its placeholders filled. */
export function decodeMessage(key: DecodeMessageKey, params: MessageParams = {}): LocalizedText {
  return fillMessage(DECODE_MESSAGES[key], params);
}
