import type { Report } from '../../report/index.ts';

// Characters that Windows, macOS or Linux refuse in a file name, and control characters.
// eslint-disable-next-line no-control-regex -- control characters are what must go
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** `<机关名称>-<year>-政府信息公开年报.html`, safe as a file name on every system. */
export function printableFileName(report: Report): string {
  const agency = report.meta.agency.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 100);
  const parts = [agency || '未命名机关', report.meta.year === null ? null : String(report.meta.year), '政府信息公开年报'];
  return `${parts.filter((p) => p !== null).join('-')}.html`;
}
