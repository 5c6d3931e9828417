/** The save state in words: saved (with time), saving, failed (why, and a way out), conflict. */
import { useTranslation } from 'react-i18next';
import { formatClockTime } from '../../ui/format.ts';
import type { SaveState } from './session.ts';

export interface SaveIndicatorProps {
  saveState: SaveState;
  onExport?: () => void;
  onRetry?: () => void;
}

export function SaveIndicator({ saveState, onExport, onRetry }: SaveIndicatorProps) {
  const { t } = useTranslation();
  switch (saveState.kind) {
    case 'saved':
      return (
        <span className="save-indicator save-saved" role="status">
          <span aria-hidden="true">✓ </span>
          {saveState.at ? t('drafts.save.saved', { time: formatClockTime(saveState.at) }) : t('drafts.save.savedNoTime')}
        </span>
      );
    case 'saving':
      return (
        <span className="save-indicator save-saving" role="status">
          <span aria-hidden="true">… </span>
          {t('drafts.save.saving')}
        </span>
      );
    case 'conflict':
      return (
        <span className="save-indicator save-conflict" role="status">
          <span aria-hidden="true">⚠ </span>
          {t('drafts.save.conflict')}
        </span>
      );
    case 'failed':
      return (
        <span className="save-indicator save-failed" role="alert">
          <span aria-hidden="true">⚠ </span>
          <strong>{t('drafts.save.failed', { reason: t(`drafts.errors.${saveState.reason}`) })}</strong> {t('drafts.save.kept')}{' '}
          {onRetry && (
            <button type="button" onClick={onRetry}>
              {t('drafts.save.retryNow')}
            </button>
          )}{' '}
          {onExport && (
            <button type="button" className="primary" onClick={onExport}>
              {t('drafts.save.exportNow')}
            </button>
          )}
        </span>
      );
  }
}
