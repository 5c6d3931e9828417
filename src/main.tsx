import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index.ts';
import { App, preloadPage } from './app/App.tsx';
import { parseRoute } from './ui/router.ts';
import './ui/base.css';

// The route's page is fetched alongside the strings, and the first render waits for both: a
// page that suspended on start would show only after React's fallback throttle (see routePage).
const route = parseRoute(location.hash);
const pageLoaded = preloadPage(route).catch(() => undefined);
// The drafts' database opens while the page's code arrives, not after the page first renders.
if (route.name === 'home' || route.name === 'draft' || route.name === 'new' || route.name === 'print') {
  void import('./storage/index.ts').then((storage) => storage.getDraftStore().prepare?.());
}

// Offline use: the service worker registers once the page has loaded, from a chunk of its own
// (src/app/appUpdate.tsx), so the first load does not carry it. Only the served build defines
// NIANBAO_PWA (vite.config.ts, pwaPlugins): not the tests, the dev server or the single file.
if (import.meta.env.NIANBAO_PWA) addEventListener('load', () => void import('./app/appUpdate.tsx'));

// zh-CN is in at once; a clerk who chose English waits for its strings rather than see Chinese
// flash. (Not a top-level await: that would make the bundler split this entry into more chunks.)
void Promise.all([initI18n(), pageLoaded]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
