/**
 * The name a report travels under, the same in every copy of the app (clerk's export,
 * supervisor's export, printable HTML, Word file): `<机关名称>-<year>-政府信息公开年报.<ext>`.
 */
import type { Report } from './document.ts';

export const FILE_NAME_SUFFIX = '政府信息公开年报';

// Characters that Windows, macOS or Linux refuse in a file name, and control characters.
// eslint-disable-next-line no-control-regex -- control characters are what must go
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** Safe as a file name on every system; an empty agency is 未命名机关, a missing year left out. */
export function reportFileName(report: Report, extension: 'json' | 'html' | 'docx'): string {
  const agency = report.meta.agency.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 100);
  const parts = [agency || '未命名机关', report.meta.year === null ? null : String(report.meta.year), FILE_NAME_SUFFIX];
  return `${parts.filter((p) => p !== null).join('-')}.${extension}`;
}

/** The whole document, explanations and review included, as a file holds it. */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
