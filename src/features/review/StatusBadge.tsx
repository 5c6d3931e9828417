import { useTranslation } from 'react-i18next';
import type { UnitStatus } from './model.ts';

/** A symbol beside the word, so that the status never rests on colour alone. */
export const STATUS_MARKS: Record<UnitStatus, string> = {
  notReady: '◌',
  notSubmitted: '○',
  submitted: '●',
  returned: '↩',
  approved: '✓',
};

export function StatusBadge({ status }: { status: UnitStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`rv-status rv-status-${status}`}>
      <span aria-hidden="true">{STATUS_MARKS[status]} </span>
      {t(`review.status.${status}`)}
    </span>
  );
}
