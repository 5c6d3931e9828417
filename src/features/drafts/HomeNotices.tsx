/** The drafts home's notices: a deletion with 撤销, a line of text (with a link), a refused import. */
import { useTranslation } from 'react-i18next';
import { ImportProblems } from './ImportPieces.tsx';
import { draftName, type HomeNotice } from './useDraftsHome.ts';

export function HomeNotices({
  notice,
  untitled,
  onUndelete,
  onDismiss,
}: {
  notice: HomeNotice;
  untitled: string;
  onUndelete: (draft: Extract<HomeNotice, { kind: 'deleted' }>['draft']) => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const dismiss = (
    <button type="button" className="drafts-link-button" onClick={onDismiss} aria-label={t('drafts.home.dismiss')}>
      ×
    </button>
  );
  return (
    <>
      <div className="drafts-notice-area" aria-live="polite">
        {notice?.kind === 'deleted' && (
          <div className="drafts-toast" role="status">
            {t('drafts.delete.done', { name: draftName(notice.draft, untitled) })}{' '}
            <button type="button" onClick={() => onUndelete(notice.draft)}>
              {t('drafts.delete.undo')}
            </button>{' '}
            {dismiss}
          </div>
        )}
        {notice?.kind === 'text' && (
          <div className="drafts-toast" role="status">
            {notice.text} {notice.link && <a href={notice.link.href}>{notice.link.label}</a>} {dismiss}
          </div>
        )}
      </div>
      {notice?.kind === 'importFailed' && <ImportProblems fileName={notice.fileName} problems={notice.problems} onDismiss={onDismiss} />}
    </>
  );
}
