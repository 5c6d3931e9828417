/**
 * The editor page of one draft: the drafts session (load, autosave, conflicts, history) around
 * the editor. The editor remounts (key) when the session loads another document (reload,
 * restore, a conflict resolved).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Editor, type EditorSection } from '../features/editor/index.ts';
import { ConflictNotice, DraftToolbar, rememberRoute, takeJustCreated, useDraftSession, useDraftStore } from '../features/drafts/index.ts';
import { navigate, routeHref } from '../ui/router.ts';
import { useUnsavedBackup } from './useUnsavedBackup.ts';
// The toolbar's Word button and sharing door are small and show with every draft: they come with
// this page, not as lazy chunks of their own (a request and its glue each). What is behind them
// (the Word writer; ClerkSharing, the sync code and PouchDB) still loads on a press, or at once
// when a unit's connection is remembered.
import { WordDownloadButton } from '../features/print/WordButton.tsx';
import ClerkSharing from '../features/sharing/ClerkEntry.tsx';

const UnsavedOffer = lazy(() => import('./UnsavedOffer.tsx').then((m) => ({ default: m.UnsavedOffer })));
// The review's compare view, for two versions of the unit's submitted report (a conflict the
// clerk settles): loaded when the clerk opens it.
const ClerkCompare = lazy(() => import('./ClerkCompare.tsx'));

export function DraftPage({ id, section }: { id: string; section?: EditorSection }) {
  const { t } = useTranslation();
  const session = useDraftSession(id);
  const store = useDraftStore();
  const [undeleteFailed, setUndeleteFailed] = useState(false);
  // Just made with 创建: the clerk goes on typing in the first field of the header.
  const [focusOnOpen] = useState(() => (takeJustCreated(id) ? 'meta.agency' : undefined));
  const backup = useUnsavedBackup(session);
  // Restored edits remount the editor on them (the session holds them as unsaved, saving).
  const [restored, setRestored] = useState(0);

  useEffect(() => {
    if (session.state === 'ready') rememberRoute(section ? { name: 'draft', id, section } : { name: 'draft', id });
  }, [id, section, session.state]);

  switch (session.state) {
    case 'loading':
      return <p>{t('app.loading')}</p>;
    case 'missing':
      return (
        <section>
          <p role="alert">{session.deleted ? t('drafts.page.deleted') : t('drafts.page.missing')}</p>
          {session.deleted && (
            <button
              type="button"
              onClick={async () => {
                const result = await store.undelete(id);
                if (result.ok) await session.actions.reload();
                else setUndeleteFailed(true);
              }}
            >
              {t('drafts.page.undelete')}
            </button>
          )}
          {undeleteFailed && <p role="alert">{t('drafts.home.actionFailed', { reason: t('drafts.errors.unknown') })}</p>}{' '}
          <a href={routeHref({ name: 'home' })}>{t('drafts.page.backHome')}</a>
        </section>
      );
    case 'error':
      return (
        <section>
          <p role="alert">{t('drafts.page.loadError', { reason: t(`drafts.errors.${session.error?.kind ?? 'unknown'}`) })}</p>
          <button type="button" onClick={() => void session.actions.reload()}>
            {t('drafts.page.retry')}
          </button>{' '}
          <a href={routeHref({ name: 'home' })}>{t('drafts.page.backHome')}</a>
        </section>
      );
    case 'ready':
      return (
        <>
          <ConflictNotice session={session} />
          {backup.offer && !session.readOnly && (
            <Suspense fallback={null}>
              <UnsavedOffer
                offer={backup.offer}
                onRestore={(report) => {
                  session.update(report);
                  void session.actions.flush();
                  setRestored((n) => n + 1);
                  backup.dismiss();
                }}
                onDiscard={backup.dismiss}
              />
            </Suspense>
          )}
          <Editor
            key={`${id}:${session.generation}:${restored}`}
            report={restored ? (session.actions.current() ?? session.report!) : session.report!}
            lastYear={session.lastYear}
            section={section}
            onSectionChange={(next) => navigate({ name: 'draft', id, section: next })}
            onChange={session.update}
            readOnly={session.readOnly}
            focusOnOpen={focusOnOpen}
            toolbar={
              <>
                <DraftToolbar session={session} />
                <a className="button-link" href={routeHref({ name: 'print', id })}>
                  {t('app.printView')}
                </a>
                {/* The latest document, edits not yet saved included. */}
                <WordDownloadButton report={() => session.actions.current() ?? session.report!} />
                <ClerkSharing
                  draftId={id}
                  store={store}
                  flush={session.actions.flush}
                  reload={session.actions.reload}
                  renderCompare={(shown, other) => (
                    <Suspense fallback={<p>{t('app.loading')}</p>}>
                      <ClerkCompare shown={shown} other={other} />
                    </Suspense>
                  )}
                />
              </>
            }
          />
        </>
      );
  }
}
