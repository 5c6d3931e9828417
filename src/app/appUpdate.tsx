/**
 * The notice of a new version of the app. main.tsx registers the service worker (vite-plugin-pwa's
 * generateSW, see pwaPlugins in vite.config.ts) and loads this chunk only when a new worker is
 * waiting: a draft's opening does not carry it.
 *
 * A new version never swaps the code under a clerk who is typing: it waits until 刷新 is
 * pressed. Then the open draft's autosave writes first (useDraftSession answers the
 * UPDATE_EVENT with its flush), the waiting worker is asked to take over (the SKIP_WAITING
 * message generateSW's worker listens for in prompt mode) and the page reloads when it has. A tab
 * that did not press (another tab on the app) keeps its notice and reloads when its own clerk
 * presses.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import strings from '../i18n/zh-CN.json?area=appUpdate';
import { addSourceStrings } from '../i18n/index.ts';
import './appUpdate.css';

addSourceStrings(strings);

/**
 * Dispatched on window before the new version loads; each open draft session pushes the
 * promise of its flush into `detail` (useDraftSession.ts listens by this name).
 */
export const UPDATE_EVENT = 'nianbao-update';

/** Writes what the open drafts have not saved yet (errors too are settled: the unload journal keeps those edits). */
async function flushDrafts(): Promise<void> {
  const flushes: Promise<unknown>[] = [];
  window.dispatchEvent(new CustomEvent<Promise<unknown>[]>(UPDATE_EVENT, { detail: flushes }));
  await Promise.allSettled(flushes);
}

async function update(registration: ServiceWorkerRegistration): Promise<void> {
  await flushDrafts();
  const waiting = registration.waiting;
  // This tab's worker was already replaced (another tab pressed first): no controller change
  // will come, the page reloads now, onto the worker that is already active.
  if (!navigator.serviceWorker.controller || !waiting) {
    location.reload();
    return;
  }
  // Only the tab whose clerk pressed reloads when the new worker takes control.
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

function UpdateNotice({ registration, onDismiss }: { registration: ServiceWorkerRegistration; onDismiss: () => void }) {
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
          void update(registration);
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

/** Shows the notice (once: a second waiting worker found while it shows changes nothing it says). */
export function showUpdateNotice(registration: ServiceWorkerRegistration): void {
  if (shown) return;
  shown = true;
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  root.render(
    <UpdateNotice
      registration={registration}
      onDismiss={() => {
        root.unmount();
        host.remove();
        shown = false;
      }}
    />,
  );
}
