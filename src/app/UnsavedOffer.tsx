/**
 * "发现未保存的修改，恢复？": the edits a previous page kept apart from the database (its saves
 * failed, then it was closed). Loaded only when there are some. Restoring decodes them first
 * (they are outside data); the draft changes only when the clerk says so.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import strings from '../i18n/zh-CN.json?area=unsavedOffer';
import { addSourceStrings } from '../i18n/index.ts';
import { decode } from '../report/decode.ts';
import type { Report } from '../report/index.ts';
import type { UnsavedEntry } from '../storage/unsavedJournal.ts';
import { useFormatDateTime } from '../ui/format.ts';

addSourceStrings(strings);

export function UnsavedOffer({ offer, onRestore, onDiscard }: { offer: UnsavedEntry; onRestore: (report: Report) => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [unreadable, setUnreadable] = useState(false);
  const at = formatDateTime(offer.at);
  return (
    <section role="alertdialog" aria-labelledby="unsaved-offer" className="unsaved-offer">
      <h2 id="unsaved-offer">{t('app.unsaved.heading')}</h2>
      <p>{t('app.unsaved.help', { at })}</p>
      {unreadable && <p role="alert">{t('app.unsaved.unreadable')}</p>}
      <p>
        <button
          type="button"
          disabled={unreadable}
          onClick={() => {
            const decoded = decode(offer.document);
            if (decoded.ok) onRestore(decoded.report);
            else setUnreadable(true);
          }}
        >
          {t('app.unsaved.restore')}
        </button>{' '}
        <button type="button" onClick={onDiscard}>
          {t('app.unsaved.discard')}
        </button>
      </p>
    </section>
  );
}
