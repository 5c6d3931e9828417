import { useTranslation } from 'react-i18next';
import type { StoreError } from '../../storage/review/index.ts';
import { useLabel } from '../../i18n/index.ts';

/** A store or action failure in words, in the UI language. */
export function useActErrorText(): (error: StoreError | { kind: 'action'; message: string }) => string {
  const { t } = useTranslation();
  const label = useLabel();
  return (error) => {
    switch (error.kind) {
      case 'invalid':
        return `${t('review.errors.invalid')} ${error.problems.map((p) => `${p.path || '—'}: ${label(p.message)}`).join('; ')}`;
      case 'unavailable':
      case 'unknown':
        return `${t(`review.errors.${error.kind}`)} (${error.message})`;
      case 'action':
        return `${t('review.errors.action')} (${error.message})`;
      default:
        return t(`review.errors.${error.kind}`);
    }
  };
}
