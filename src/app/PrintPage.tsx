/** The print view of one stored draft (#/drafts/:id/print). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintView } from '../features/print/index.ts';
// The store's context alone: the drafts index would bring the editor page's toolbar and session.
import { useDraftStore } from '../features/drafts/StoreContext.tsx';
import type { Report } from '../report/index.ts';
import { routeHref } from '../ui/router.ts';

type Loaded = { state: 'loading' } | { state: 'ready'; report: Report } | { state: 'failed'; reason: string };

export function PrintPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const store = useDraftStore();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    void store.get(id).then((result) => {
      if (!live) return;
      setLoaded(result.ok ? { state: 'ready', report: result.value.document } : { state: 'failed', reason: t(`drafts.errors.${result.error.kind}`) });
    });
    return () => {
      live = false;
    };
  }, [id, store, t]);

  const back = (
    <a className="no-print" href={routeHref({ name: 'draft', id })}>
      {t('app.backToEditor')}
    </a>
  );
  if (loaded.state === 'loading') return <p>{t('app.loading')}</p>;
  if (loaded.state === 'failed')
    return (
      <section>
        <p role="alert">{t('drafts.page.loadError', { reason: loaded.reason })}</p>
        {back}
      </section>
    );
  return (
    <>
      <p className="no-print">{back}</p>
      <PrintView report={loaded.report} />
    </>
  );
}
