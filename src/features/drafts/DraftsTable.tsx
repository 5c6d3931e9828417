/** 我的年报's table: each draft with its year, status (草稿 / 已退回 / 定稿), last change, counts and actions. */
import { useTranslation } from 'react-i18next';
import { clerkStatus } from '../../report/index.ts';
import type { DraftSummary } from '../../storage/index.ts';
import { routeHref } from '../../ui/router.ts';
import { formatDateTime } from '../../ui/format.ts';
import { draftName } from './useDraftsHome.ts';

export interface DraftRowActions {
  duplicate: (draft: DraftSummary) => void;
  rename: (draft: DraftSummary) => void;
  remove: (draft: DraftSummary) => void;
}

export function DraftsTable({ drafts, untitled, actions }: { drafts: readonly DraftSummary[]; untitled: string; actions: DraftRowActions }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="drafts-table drafts-list">
      <caption className="visually-hidden">{t('drafts.list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('drafts.list.draft')}</th>
          <th scope="col">{t('drafts.list.year')}</th>
          <th scope="col">{t('drafts.list.status')}</th>
          <th scope="col">{t('drafts.list.updated')}</th>
          <th scope="col" className="num">
            {t('drafts.list.errors')}
          </th>
          <th scope="col" className="num">
            {t('drafts.list.warnings')}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('drafts.list.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((draft) => {
          const name = draftName(draft, untitled);
          const status = clerkStatus(draft.status, draft.reviewStatus);
          return (
            <tr key={draft.id}>
              <th scope="row">
                <a href={routeHref({ name: 'draft', id: draft.id })}>{name}</a>
                {draft.title && draft.agency && <div className="drafts-muted">{draft.agency}</div>}
                {draft.hasLastYear && <span className="drafts-badge">{t('drafts.list.hasLastYear')}</span>}
              </th>
              <td>{draft.year ?? '—'}</td>
              <td>
                <span className={`drafts-status drafts-status-${status}`}>{t(`drafts.status.${status}`)}</span>
              </td>
              <td>
                <time dateTime={new Date(draft.updatedAt).toISOString()}>{formatDateTime(draft.updatedAt, i18n.language)}</time>
              </td>
              <td className={`num${draft.errors > 0 ? ' drafts-has-errors' : ''}`}>{draft.errors}</td>
              <td className={`num${draft.warnings > 0 ? ' drafts-has-warnings' : ''}`}>{draft.warnings}</td>
              <td className="drafts-row-actions">
                <button type="button" onClick={() => actions.duplicate(draft)} aria-label={t('drafts.list.duplicateNamed', { name })}>
                  {t('drafts.list.duplicate')}
                </button>
                <button type="button" onClick={() => actions.rename(draft)} aria-label={t('drafts.list.renameNamed', { name })} aria-haspopup="dialog">
                  {t('drafts.list.rename')}
                </button>
                <button type="button" onClick={() => actions.remove(draft)} aria-label={t('drafts.list.deleteNamed', { name })}>
                  {t('drafts.list.delete')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
