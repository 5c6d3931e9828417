import { useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportFileName, type Report } from '../../report/index.ts';
import { renderReport, renderReportHtml } from '../../report/render/index.ts';
import { downloadText } from '../../ui/files.ts';
import { CopyWebButton } from './PublishButtons.tsx';
import { WordDownloadButton } from './WordButton.tsx';
import './print.css';
import './strings.ts';

/**
 * The renderer's stylesheet is adopted by the document (CSSOM), not written as a `<style>`
 * element: the served app's Content-Security-Policy refuses inline `<style>` (src/server/app.ts).
 * A browser without constructable stylesheets (and jsdom) gets the element.
 */
const ADOPTS_SHEETS = typeof document !== 'undefined' && 'adoptedStyleSheets' in document;

export interface PrintViewProps {
  report: Report;
}

/**
 * The report as it prints: A4 sheets on screen, the browser's print dialog, and the printable
 * HTML file. The sheet is the renderer's own markup, so the screen, the printout and the file
 * are the same document; the report stays Chinese whatever the UI language.
 */
export function PrintView({ report }: PrintViewProps) {
  const { t } = useTranslation();
  const [paperCopyBlock, setPaperCopyBlock] = useState(false);
  const rendered = useMemo(() => renderReport(report, { paperCopyBlock }), [report, paperCopyBlock]);
  const draft = report.status !== 'ready';

  useLayoutEffect(() => {
    if (!ADOPTS_SHEETS) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rendered.css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [rendered.css]);

  return (
    <div className="print-view">
      {!ADOPTS_SHEETS && <style>{rendered.css}</style>}
      <div className="print-controls no-print">
        <div className="print-toolbar" role="group" aria-label={t('print.toolbar')}>
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('print.print')}
          </button>
          <button
            type="button"
            onClick={() =>
              downloadText(reportFileName(report, 'html'), renderReportHtml(report, { paperCopyBlock }), 'text/html;charset=utf-8')
            }
          >
            {t('print.download')}
          </button>
          <WordDownloadButton report={report} paperCopyBlock={paperCopyBlock} />
          <CopyWebButton report={report} paperCopyBlock={paperCopyBlock} />
          <label>
            <input type="checkbox" checked={paperCopyBlock} onChange={(e) => setPaperCopyBlock(e.currentTarget.checked)} />
            {t('print.paperCopy')}
          </label>
        </div>
        {draft && (
          <p className="print-draft-notice" role="note">
            {t('print.draftNotice')}
          </p>
        )}
      </div>
      {/* The renderer escapes every piece of user text; this markup holds no user HTML. */}
      <section className="print-desk" aria-label={t('print.preview')} dangerouslySetInnerHTML={{ __html: rendered.body }} />
    </div>
  );
}
