/** 最近删除: deleted drafts, each restorable for 30 days. */
import { useTranslation } from 'react-i18next';
import { DAY_MS, PURGE_AFTER_MS, type DraftSummary } from '../../storage/index.ts';
import { formatDateTime } from '../../ui/format.ts';
import { draftName } from './useDraftsHome.ts';

export function DeletedDrafts({ deleted, untitled, onRestore }: { deleted: readonly DraftSummary[]; untitled: string; onRestore: (draft: DraftSummary) => void }) {
  const { t, i18n } = useTranslation();
  if (deleted.length === 0) return null;
  const now = Date.now();
  return (
    <details className="drafts-deleted">
      <summary>{t('drafts.deleted.title', { n: deleted.length })}</summary>
      <p className="drafts-hint">{t('drafts.deleted.explain')}</p>
      <ul>
        {deleted.map((draft) => {
          const name = draftName(draft, untitled);
          const daysLeft = Math.max(0, Math.ceil(((draft.deletedAt ?? now) + PURGE_AFTER_MS - now) / DAY_MS));
          return (
            <li key={draft.id}>
              <span>
                {name} {draft.year ?? ''}
              </span>{' '}
              <span className="drafts-muted">{t('drafts.deleted.when', { time: formatDateTime(draft.deletedAt ?? now, i18n.language), days: daysLeft })}</span>{' '}
              <button type="button" onClick={() => onRestore(draft)} aria-label={t('drafts.deleted.restoreNamed', { name })}>
                {t('drafts.deleted.restore')}
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
