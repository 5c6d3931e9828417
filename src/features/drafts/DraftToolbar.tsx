/**
 * What the editor shows of the draft's keeping: the save state, Export JSON and History. The
 * lead passes it into the editor's `toolbar` slot.
 */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveIndicator } from './SaveIndicator.tsx';
import type { DraftSessionApi } from './useDraftSession.ts';

// Fetched when the clerk opens it, not with the editor's first load.
const HistoryPanel = lazy(() => import('./HistoryPanel.tsx').then((m) => ({ default: m.HistoryPanel })));

export function DraftToolbar({ session }: { session: DraftSessionApi }) {
  const { t } = useTranslation();
  const [historyOpen, setHistoryOpen] = useState(false);
  // The last export: its file name, or that it failed (the download code did not load, the file could not be made).
  const [exported, setExported] = useState<{ name: string } | 'failed' | undefined>(undefined);
  const exportJson = () => {
    session.actions.exportJson().then(
      (name) => name && setExported({ name }),
      () => setExported('failed'),
    );
  };
  return (
    <div className="draft-toolbar" role="group" aria-label={t('drafts.toolbar.label')}>
      <SaveIndicator saveState={session.saveState} onExport={exportJson} onRetry={() => void session.actions.flush()} />
      <button type="button" onClick={exportJson}>
        {t('drafts.toolbar.export')}
      </button>
      <button type="button" onClick={() => setHistoryOpen(true)} aria-haspopup="dialog">
        {t('drafts.toolbar.history')}
      </button>
      <span className="visually-hidden" role="status">
        {exported && exported !== 'failed' ? t('drafts.toolbar.exported', { name: exported.name }) : ''}
      </span>
      {exported === 'failed' && (
        <span className="save-failed" role="alert">
          {t('drafts.toolbar.exportFailed')}
        </span>
      )}
      {historyOpen && (
        <Suspense fallback={<span role="status">{t('app.loading')}</span>}>
          <HistoryPanel session={session} onClose={() => setHistoryOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
