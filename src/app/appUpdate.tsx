/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The service worker (vite-plugin-pwa, see pwaPlugins in vite.config.ts) and the notice of a new
 * version. Loaded by main.tsx once the page has loaded, in the served build only: none of it,
 * nor workbox-window, is in the editor's first load.
 *
 * A new version never swaps the code under a clerk who is typing: it waits until 刷新 is
 * pressed. Then the open draft's autosave writes first (useDraftSession answers the
 * UPDATE_EVENT with its flush), the new worker takes over and the page reloads. A tab that did
 * not press (another tab on the app) keeps its notice and reloads when its own clerk presses.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { registerSW } from 'virtual:pwa-register';
import strings from '../i18n/zh-CN.json?area=appUpdate';
import { addSourceStrings } from '../i18n/index.ts';
import './appUpdate.css';

addSourceStrings(strings);

/**
 * Dispatched on window before the new version loads; each open draft session pushes the
 * promise of its flush into `detail` (useDraftSession.ts listens by this name).
 */
export const UPDATE_EVENT = 'nianbao-update';

/** How often an open page asks the server for a new version (the browser also does on each visit). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

let pressed = false;

const updateServiceWorker = registerSW({
  immediate: true,
  onNeedRefresh: showNotice,
  // The new worker controls the page: reload only the tab whose clerk asked for it.
  onNeedReload: () => {
    if (pressed) location.reload();
  },
  onRegisteredSW: (_url, registration) => {
    if (registration) setInterval(() => void registration.update().catch(() => undefined), CHECK_EVERY_MS);
  },
});

/** Writes what the open drafts have not saved yet (errors too are settled: the unload journal keeps those edits). */
async function flushDrafts(): Promise<void> {
  const flushes: Promise<unknown>[] = [];
  window.dispatchEvent(new CustomEvent<Promise<unknown>[]>(UPDATE_EVENT, { detail: flushes }));
  await Promise.allSettled(flushes);
}

async function update(): Promise<void> {
  await flushDrafts();
  pressed = true;
  // If this tab's worker was already replaced (another tab pressed first), no controller change
  // will come: the page reloads now, onto the worker that is already active.
  if (!navigator.serviceWorker.controller || !(await navigator.serviceWorker.getRegistration())?.waiting) location.reload();
  else await updateServiceWorker(true);
}

function UpdateNotice({ onDismiss }: { onDismiss: () => void }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  return (
    <div role="status" className="app-update">
      <p>{t('app.update.ready')}</p>
      <button
        type="button"
        className="primary"
        disabled={saving}
        onClick={() => {
          setSaving(true);
          void update();
        }}
      >
        {saving ? t('app.update.saving') : t('app.update.reload')}
      </button>
      <button type="button" disabled={saving} onClick={onDismiss}>
        {t('app.update.later')}
      </button>
    </div>
  );
}

let shown = false;

function showNotice() {
  if (shown) return;
  shown = true;
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  root.render(
    <UpdateNotice
      onDismiss={() => {
        root.unmount();
        host.remove();
        shown = false;
      }}
    />,
  );
}
