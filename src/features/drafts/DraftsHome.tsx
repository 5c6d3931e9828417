/**
 * The drafts home (我的年报): every draft with agency, year, status, last change and its error and
 * warning counts; "继续填写" the draft the clerk was last in; create (blank or from last year's
 * report), import (a file chosen or dropped), duplicate, rename, delete with undo, and the
 * recently deleted drafts (recoverable for 30 days). State and actions: useDraftsHome.
 */
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../ui/router.ts';
import { CreateDialog, FromLastYearDialog, RenameDialog } from './CreateDialogs.tsx';
import { DeletedDrafts } from './DeletedDrafts.tsx';
import { DraftsTable } from './DraftsTable.tsx';
import { HomeNotices } from './HomeNotices.tsx';
import { ImportChoiceDialog } from './ImportPieces.tsx';
import { usePersistence } from './persistence.ts';
import { useDraftStore } from './StoreContext.tsx';
import type { DraftStore } from '../../storage/index.ts';
import { draftName, useDraftsHome, type DraftsHomeState } from './useDraftsHome.ts';
import { useFileDrop } from './useFileDrop.ts';
import './drafts.css';
import './strings.ts';

export { draftName } from './useDraftsHome.ts';

/** The single file, written beside index.html by `npm run build` (vite.single.config.ts). */
const SINGLE_FILE_NAME = 'nianbao.html';

/** `sharing`: the app's door to a 政务公开办's server (lazy, its own chunk), shown under the actions. */
export function DraftsHome({ sharing }: { sharing?: (store: DraftStore) => ReactNode } = {}) {
  const { t } = useTranslation();
  const home = useDraftsHome();
  const store = useDraftStore();
  const { drafts, loadError, notice, setNotice, resume, untitled, actions } = home;
  const persistence = usePersistence();
  const fileInput = useRef<HTMLInputElement>(null);
  const drop = useFileDrop((file) => void actions.importFile(file));

  const onFileChosen = (files: FileList | null) => {
    const file = files?.[0];
    if (fileInput.current) fileInput.current.value = '';
    if (file) void actions.importFile(file);
  };

  return (
    <section className={`drafts-home${drop.dragging ? ' drafts-dragging' : ''}`} aria-labelledby="drafts-home-title" {...drop.handlers}>
      <h1 id="drafts-home-title">{t('drafts.home.title')}</h1>
      {resume && (
        <p className="drafts-resume">
          <a className="button-link primary" href={routeHref(resume.route)}>
            {t('drafts.list.resume', { name: draftName(resume.draft, untitled) })}
          </a>
        </p>
      )}
      <div className="drafts-actions">
        <button type="button" className="primary" onClick={() => home.setDialog({ kind: 'create' })} aria-haspopup="dialog">
          {t('drafts.home.new')}
        </button>
        <button type="button" onClick={() => home.setDialog({ kind: 'fromLastYear' })} aria-haspopup="dialog">
          {t('drafts.home.fromLastYear')}
        </button>
        <a className="button-link" href={routeHref({ name: 'import' })}>
          {t('drafts.importPublished.button')}
        </a>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('drafts.home.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('drafts.home.importFile')}
          onChange={(e) => onFileChosen(e.target.files)}
        />
        <span className="drafts-muted">{t('drafts.home.dropHint')}</span>
      </div>

      {sharing?.(store)}

      <HomeNotices notice={notice} untitled={untitled} onUndelete={(draft) => void actions.undelete(draft)} onDismiss={() => setNotice(undefined)} />

      {loadError && (
        <p role="alert" className="drafts-banner drafts-banner-error">
          {t('drafts.home.loadFailed', { reason: home.errorText(loadError) })}
        </p>
      )}
      {drafts === undefined && !loadError && <p>{t('app.loading')}</p>}
      {drafts && drafts.length === 0 && <p className="drafts-empty">{t('drafts.home.empty')}</p>}
      {drafts && drafts.length > 0 && (
        <DraftsTable
          drafts={drafts}
          untitled={untitled}
          actions={{
            duplicate: (draft) => void actions.duplicate(draft),
            rename: (draft) => home.setDialog({ kind: 'rename', draft }),
            remove: (draft) => void actions.remove(draft),
          }}
        />
      )}

      <DeletedDrafts deleted={home.deleted} untitled={untitled} onRestore={(draft) => void actions.undelete(draft)} />

      <aside className="drafts-storage" aria-label={t('drafts.storage.title')}>
        <p>{t('drafts.storage.where')}</p>
        <p data-persistence={persistence}>{t(`drafts.storage.${persistence}`)}</p>
      </aside>

      <OfflineVersion />

      <HomeDialogs home={home} />
    </section>
  );
}

/**
 * The single file (nianbao.html) a 政务公开办 hands on to units whose computers are cut off: the
 * served app offers it as a plain download (npm run build writes it beside index.html); the file
 * itself says what it is, since a copy of it is the way to pass it on.
 */
function OfflineVersion() {
  const { t } = useTranslation();
  // Opened from a disk (file://): this page is the single file. (The check is written out here, not
  // shared with sharing's doors: a module of its own would be a chunk on the editor's first load.)
  const fromFile = location.protocol === 'file:';
  return (
    <aside className="drafts-storage drafts-offline" aria-label={t('drafts.offline.title')}>
      {fromFile ? (
        <p>{t('drafts.offline.thisFile')}</p>
      ) : (
        <p>
          <a href={SINGLE_FILE_NAME} download={SINGLE_FILE_NAME}>
            {t('drafts.offline.link')}
          </a>{' '}
          {t('drafts.offline.hint')}
        </p>
      )}
    </aside>
  );
}

function HomeDialogs({ home }: { home: DraftsHomeState }) {
  const { dialog, setDialog, actions } = home;
  const close = () => setDialog(undefined);
  switch (dialog?.kind) {
    case 'create':
      return <CreateDialog onCancel={close} onCreate={(doc) => actions.createDraft(doc)} />;
    case 'fromLastYear':
      return <FromLastYearDialog drafts={home.drafts ?? []} onCancel={close} onCreate={(doc, lastYear) => actions.createDraft(doc, lastYear)} />;
    case 'rename':
      return <RenameDialog draft={dialog.draft} onCancel={close} onRename={(title) => actions.rename(dialog.draft, title)} />;
    case 'importChoice':
      return (
        <ImportChoiceDialog
          fileName={dialog.fileName}
          matches={dialog.matches}
          returned={dialog.returned}
          onCancel={close}
          onNew={() => actions.importAsNew(dialog.report, dialog.fileName, dialog.migratedFrom)}
          onVersion={(target) => actions.importAsVersion(target, dialog.report, dialog.fileName, dialog.migratedFrom)}
        />
      );
    default:
      return null;
  }
}
