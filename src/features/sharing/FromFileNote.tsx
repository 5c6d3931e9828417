/**
 * In the single file (nianbao.html opened from file://) the sharing doors are this sentence: a
 * page opened from a disk has no server to sign in to. Its own chunk, loaded only there, so the
 * served editor's door does not carry the sentence.
 */
import './strings.ts';
import { useTranslation } from 'react-i18next';

export default function FromFileNote() {
  const { t } = useTranslation();
  return (
    <span className="sharing-entry sharing-unavailable" role="note">
      {t('sharing.fromFile')}
    </span>
  );
}
