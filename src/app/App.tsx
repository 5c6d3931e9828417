import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { routeHref, useRoute, type Route } from '../ui/router.ts';
import { routePage } from './routePage.tsx';
import { RouteErrorBoundary } from './ErrorBoundary.tsx';

// Each area is its own chunk: the editor's first paint does not wait for review or print code.
// The home imports its own file: through the drafts index it would ride along with the editor page.
const home = routePage(() => import('./HomePage.tsx').then((m) => m.HomePage));
const draft = routePage(() => import('./DraftPage.tsx').then((m) => m.DraftPage));
const newDraft = routePage(() => import('./NewDraftPage.tsx').then((m) => m.NewDraftPage));
const print = routePage(() => import('./PrintPage.tsx').then((m) => m.PrintPage));
const review = routePage(() => import('./ReviewPage.tsx').then((m) => m.ReviewPage));
const importPage = routePage(() => import('./ImportPage.tsx').then((m) => m.ImportRoutePage));

const DraftsHome = home.Page;
const DraftPage = draft.Page;
const NewDraftPage = newDraft.Page;
const PrintPage = print.Page;
const ReviewPage = review.Page;
const ImportPage = importPage.Page;

/** Fetches a route's page; main.tsx waits for it before the first render (see routePage). */
export function preloadPage(route: Route): Promise<void> {
  const page = { home, draft, new: newDraft, print, review, import: importPage, notFound: undefined }[route.name];
  return page ? page.preload() : Promise.resolve();
}

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
    case 'import':
      return <ImportPage />;
    default:
      return (
        <>
          <h1>{t('app.notFound')}</h1>
          <p>
            <a href={routeHref({ name: 'home' })}>{t('app.backHome')}</a>
          </p>
        </>
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
        {route.name === 'notFound' ? (
          <Page route={route} />
        ) : (
          // The review page has its own boundary inside (it can also remove the failing unit).
          <RouteErrorBoundary key={`${route.name}/${'id' in route ? route.id : ''}`} area={route.name}>
            <Suspense fallback={<p>{t('app.loading')}</p>}>
              <Page route={route} />
            </Suspense>
          </RouteErrorBoundary>
        )}
      </main>
    </>
  );
}
