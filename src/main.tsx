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

// Offline use: the service worker (vite.config.ts, pwaPlugins) registers once the page has loaded,
// with the browser's own API: a few lines here, no library in the first load. The notice of a new
// version (src/app/appUpdate.tsx, a chunk of its own) loads only when a new worker is waiting.
// Only the served build defines NIANBAO_PWA: not the tests, the dev server or the single file.
if (import.meta.env.NIANBAO_PWA && 'serviceWorker' in navigator) addEventListener('load', registerServiceWorker);

/** How often an open page asks the server for a new version (the browser also does on each visit). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

function registerServiceWorker() {
  navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).then((registration) => {
    // Nothing comes back where workers are blocked (a test browser's setting): nothing to watch.
    if (!(registration as ServiceWorkerRegistration | undefined)) return;
    const announce = () => void import('./app/appUpdate.tsx').then((notice) => notice.showUpdateNotice(registration));
    // A new version already waiting (found on an earlier visit or by another tab)…
    if (registration.waiting) announce();
    // …or found now: installed while this page has a worker, it waits (generateSW's prompt mode).
    // (The first visit's worker installs with no controller yet: nothing new to announce.)
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed' && navigator.serviceWorker.controller) announce();
      });
    });
    setInterval(() => void registration.update().catch(() => undefined), CHECK_EVERY_MS);
    // Refused (a browser that keeps no workers here): the app works as before, online.
  }, () => undefined);
}

// zh-CN is in at once; a clerk who chose English waits for its strings rather than see Chinese
// flash. (Not a top-level await: that would make the bundler split this entry into more chunks.)
void Promise.all([initI18n(), pageLoaded]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
