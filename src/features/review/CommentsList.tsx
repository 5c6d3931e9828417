/** The review's comments on a report: where, what, who, when, and resolved or not. */
import { useTranslation } from 'react-i18next';
import type { Report, ReviewComment } from '../../report/index.ts';
import { currentTarget } from '../../report/review/targets.ts';
import { useLang } from '../../i18n/index.ts';
import { targetLabel } from './targets.ts';
import { useFormatDateTime } from '../../ui/format.ts';

export interface CommentsListProps {
  readonly report: Report;
  readonly onResolve?: (comment: ReviewComment) => void;
  readonly onReopen?: (comment: ReviewComment) => void;
  /** Go to the comment's cell or part. */
  readonly onOpenTarget?: (target: string) => void;
  readonly disabled?: boolean;
}

export function CommentsList({ report, onResolve, onReopen, onOpenTarget, disabled }: CommentsListProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useFormatDateTime('short');
  const words = { whole: t('review.target.whole'), preamble: t('review.target.preamble'), untitledPart: t('review.view.untitledPart') };
  const comments = [...report.review.comments].sort((a, b) => Number(a.resolved) - Number(b.resolved) || Date.parse(a.at) - Date.parse(b.at));
  if (comments.length === 0) return <p className="rv-muted">{t('review.comments.none')}</p>;
  return (
    <ul className="rv-comments" aria-label={t('review.comments.heading')}>
      {comments.map((c) => {
        const target = currentTarget(report, c);
        const where = targetLabel(report, target, lang, words);
        return (
          <li key={c.id} className={c.resolved ? 'rv-comment rv-resolved' : 'rv-comment'}>
            <div className="rv-comment-head">
              <span className="rv-comment-state">{c.resolved ? `✓ ${t('review.comments.resolved')}` : `✎ ${t('review.comments.open')}`}</span>{' '}
              {onOpenTarget && target ? (
                <button type="button" className="rv-link" onClick={() => onOpenTarget(target)}>
                  {where}
                </button>
              ) : (
                <strong>{where}</strong>
              )}
            </div>
            <p className="rv-comment-text">{c.text}</p>
            <div className="rv-comment-meta">
              {t('review.comments.by', { author: c.author, time: format(c.at) })}
              {c.resolved && c.resolvedAt ? ` · ${t('review.comments.resolvedAt', { time: format(c.resolvedAt) })}` : ''}
              {!c.resolved && onResolve ? (
                <button type="button" disabled={disabled} onClick={() => onResolve(c)} aria-label={`${t('review.comments.resolve')}: ${where}`}>
                  {t('review.comments.resolve')}
                </button>
              ) : null}
              {c.resolved && onReopen ? (
                <button type="button" disabled={disabled} onClick={() => onReopen(c)} aria-label={`${t('review.comments.reopen')}: ${where}`}>
                  {t('review.comments.reopen')}
                </button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
