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
  const [exported, setExported] = useState<string | undefined>(undefined);
  const exportJson = () => {
    void session.actions.exportJson().then((name) => name && setExported(name));
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
        {exported ? t('drafts.toolbar.exported', { name: exported }) : ''}
      </span>
      {historyOpen && (
        <Suspense fallback={<span role="status">{t('app.loading')}</span>}>
          <HistoryPanel session={session} onClose={() => setHistoryOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
