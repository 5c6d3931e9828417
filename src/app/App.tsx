import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { ReviewWorkspace } from '../features/review/index.ts';
import { navigate, routeHref, useRoute, type Route } from '../ui/router.ts';
import { DraftsHome } from '../features/drafts/index.ts';
import { DraftPage } from './DraftPage.tsx';
import { Editor } from '../features/editor/index.ts';
import { emptyReport } from '../report/index.ts';

function Page({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'home':
      return <DraftsHome />;
    case 'draft':
      return <DraftPage key={route.id} id={route.id} section={route.section} />;
    case 'new':
      // A new report held in memory only, until the drafts-backed route replaces it.
      return <Editor report={emptyReport()} section={route.section} onSectionChange={(section) => navigate({ name: 'new', section })} />;
    case 'review':
      return <ReviewWorkspace unit={route.unit} />;
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
        <Page route={route} />
      </main>
    </>
  );
}
