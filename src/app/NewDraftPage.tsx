/** #/new: makes a blank draft in the store and opens it (a new report is never held in memory only). */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
// The store's context alone: the drafts index would bring the editor page's toolbar and session.
import { useDraftStore } from '../features/drafts/StoreContext.tsx';
import { emptyReport, type SectionId } from '../report/index.ts';
import { navigate, routeHref } from '../ui/router.ts';

export function NewDraftPage({ section }: { section?: SectionId | 'meta' }) {
  const { t } = useTranslation();
  const store = useDraftStore();
  const started = useRef(false);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void store.create({ document: emptyReport() }).then((result) => {
      if (result.ok) navigate(section ? { name: 'draft', id: result.value.id, section } : { name: 'draft', id: result.value.id }, { replace: true });
      else setFailed(t(`drafts.errors.${result.error.kind}`));
    });
  }, [section, store, t]);

  if (failed)
    return (
      <section>
        <p role="alert">{t('drafts.page.loadError', { reason: failed })}</p>
        <a href={routeHref({ name: 'home' })}>{t('app.backHome')}</a>
      </section>
    );
  return <p>{t('app.loading')}</p>;
}
