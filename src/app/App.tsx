import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { routeHref, useRoute, type Route } from '../ui/router.ts';

// Each area is its own chunk: the editor's first paint does not wait for review or print code.
// The home imports its own file: through the drafts index it would ride along with the editor page.
const DraftsHome = lazy(() => import('../features/drafts/DraftsHome.tsx').then((m) => ({ default: m.DraftsHome })));
const DraftPage = lazy(() => import('./DraftPage.tsx').then((m) => ({ default: m.DraftPage })));
const NewDraftPage = lazy(() => import('./NewDraftPage.tsx').then((m) => ({ default: m.NewDraftPage })));
const PrintPage = lazy(() => import('./PrintPage.tsx').then((m) => ({ default: m.PrintPage })));
const ReviewPage = lazy(() => import('./ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })));

function Page({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'home':
      return <DraftsHome />;
    case 'draft':
      return <DraftPage key={route.id} id={route.id} section={route.section} />;
    case 'new':
      return <NewDraftPage section={route.section} />;
    case 'print':
      return <PrintPage key={route.id} id={route.id} />;
    case 'review':
      return <ReviewPage unit={route.unit} />;
    default:
      return (
        <p>
          {t('app.notFound')} <a href={routeHref({ name: 'home' })}>{t('app.backHome')}</a>
        </p>
      );
  }
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <a className="brand" href={routeHref({ name: 'home' })}>
          {t('app.name')}
          <small>{t('app.tagline')}</small>
        </a>
        <nav aria-label={t('app.name')}>
          <a href={routeHref({ name: 'home' })} aria-current={route.name === 'home' ? 'page' : undefined}>
            {t('app.nav.drafts')}
          </a>
          <a href={routeHref({ name: 'review' })} aria-current={route.name === 'review' ? 'page' : undefined}>
            {t('app.nav.review')}
          </a>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <Page route={route} />
        </Suspense>
      </main>
    </>
  );
}
