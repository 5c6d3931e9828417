/**
 * 复制网页版: the report as HTML with inline styles (plus text) on the clipboard for a website's
 * content editor (下载 Word 文件 is WordButton.tsx). The writer is fetched when the clerk asks,
 * never with the page.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../report/index.ts';
import './strings.ts';

interface PublishProps {
  /** The report, or how to get it as it is now (the editor's latest edits). */
  report: Report | (() => Report);
  paperCopyBlock?: boolean;
}
const now = (report: PublishProps['report']) => (typeof report === 'function' ? report() : report);

/** Puts HTML and text on the clipboard: the async clipboard, or a copy event where it is refused. */
async function copyToClipboard(html: string, text: string): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) }),
      ]);
      return;
    } catch {
      // Refused (no permission, not focused): try the copy command below.
    }
  }
  let copied = false;
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/html', html);
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
    copied = e.clipboardData !== null;
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  if (!copied) throw new Error('the browser refused to copy');
}

export function CopyWebButton({ report, paperCopyBlock = false }: PublishProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle');
  const copy = async () => {
    setState('busy');
    try {
      const { renderReportFragment } = await import('../../report/publish/fragment.ts');
      const fragment = renderReportFragment(now(report), { paperCopyBlock });
      await copyToClipboard(fragment.html, fragment.text);
      setState('done');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()} disabled={state === 'busy'} title={t('print.copyWebHint')}>
        {t('print.copyWeb')}
      </button>
      <span role="status">{state === 'done' ? t('print.copied') : ''}</span>
      {state === 'failed' ? <span role="alert">{t('print.copyFailed')}</span> : null}
    </>
  );
}
