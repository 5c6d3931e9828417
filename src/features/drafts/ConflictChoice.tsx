/**
 * Two tabs on one draft: the tab whose write lost is told, its unsaved edits are already in the
 * history, and it chooses: load the other tab's version, or stay here read-only (and export).
 * Loaded by ConflictNotice when a conflict happens.
 */
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog.tsx';
import type { DraftSessionApi } from './useDraftSession.ts';
import './conflictStrings.ts';

export function ConflictChoice({ session }: { session: DraftSessionApi }) {
  const { t } = useTranslation();
  if (!session.conflict) return null;
  const reload = () => void session.actions.reload();
  if (session.readOnlyChosen) {
    return (
      <div className="drafts-banner drafts-banner-warning" role="status">
        <span aria-hidden="true">⚠ </span>
        {t('drafts.conflict.readOnlyNote')}{' '}
        <button type="button" onClick={reload}>
          {t('drafts.conflict.reload')}
        </button>
      </div>
    );
  }
  return (
    <Dialog role="alertdialog" title={t('drafts.conflict.title')}>
      <p>{t('drafts.conflict.body')}</p>
      {session.conflict.keptVersion && <p>{t('drafts.conflict.kept')}</p>}
      <div className="drafts-dialog-actions">
        <button type="button" className="primary" onClick={reload} data-autofocus>
          {t('drafts.conflict.reload')}
        </button>
        <button type="button" onClick={session.actions.continueReadOnly}>
          {t('drafts.conflict.readOnly')}
        </button>
      </div>
    </Dialog>
  );
}
