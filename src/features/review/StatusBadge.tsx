import { useTranslation } from 'react-i18next';
import type { ReviewStatus } from '../../report/index.ts';

/** A symbol beside the word, so that the status never rests on colour alone. */
export const STATUS_MARKS: Record<ReviewStatus, string> = {
  notSubmitted: '○',
  submitted: '●',
  returned: '↩',
  approved: '✓',
};

export function StatusBadge({ status }: { status: ReviewStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`rv-status rv-status-${status}`}>
      <span aria-hidden="true">{STATUS_MARKS[status]} </span>
      {t(`review.status.${status}`)}
    </span>
  );
}
