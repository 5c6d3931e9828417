/**
 * The report as a Word file, downloaded: the writer (with the docx library), the file's name
 * and the download come together, when the clerk asks for the file — never with a page.
 */
import { reportFileName, type Report } from '../../report/index.ts';
import { renderReportDocx, DOCX_MIME } from '../../report/publish/docx.ts';
import { downloadText } from '../../ui/files.ts';

/** Makes and downloads the Word file; returns its name. */
export async function downloadWordFile(report: Report, options: { paperCopyBlock: boolean }): Promise<string> {
  const bytes = await renderReportDocx(report, options);
  const name = reportFileName(report, 'docx');
  downloadText(name, bytes, DOCX_MIME);
  return name;
}
