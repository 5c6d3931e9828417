/**
 * 下载 Word 文件, as small as a button can be: the editor's toolbar shows it with every draft, so
 * the writer, the docx library, the file's name and the download code come only on the press
 * (wordFile.ts), not with the page (the bench counts what a draft's opening loads). The button
 * itself rides in the core chunk (vite.config.ts), which the draft page and the print view both
 * load, and its four strings are in the first load's (src/i18n/areas.ts): no chunk of its own.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../report/index.ts';

export interface WordButtonProps {
  /** The report, or how to get it as it is now (the editor's latest edits). */
  report: Report | (() => Report);
  paperCopyBlock?: boolean;
}

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; name: string } | { kind: 'failed' };

export function WordDownloadButton({ report, paperCopyBlock = false }: WordButtonProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const download = async () => {
    setState({ kind: 'busy' });
    try {
      const { downloadWordFile } = await import('./wordFile.ts');
      const name = await downloadWordFile(typeof report === 'function' ? report() : report, { paperCopyBlock });
      setState({ kind: 'done', name });
    } catch {
      setState({ kind: 'failed' });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void download()} disabled={state.kind === 'busy'}>
        {state.kind === 'busy' ? t('print.wordBusy') : t('print.word')}
      </button>
      <span className="visually-hidden" role="status">
        {state.kind === 'done' ? t('print.wordDone', { name: state.name }) : ''}
      </span>
      {state.kind === 'failed' ? <span role="alert">{t('print.wordFailed')}</span> : null}
    </>
  );
}
