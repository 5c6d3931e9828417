/**
 * The drafts home: every draft with agency, year, status, last change and its error and warning
 * counts; create (blank or from last year's report), import, duplicate, rename, delete with undo,
 * and the recently deleted drafts (recoverable for 30 days).
 */
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecodeResult, Problem, Report } from '../../report/index.ts';
import { PURGE_AFTER_MS, DAY_MS, type DraftSummary, type StoreError } from '../../storage/index.ts';
import { navigate, routeHref } from '../../ui/router.ts';
import { CreateDialog, FromLastYearDialog, RenameDialog } from './CreateDialogs.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { ImportChoiceDialog, ImportProblems } from './ImportPieces.tsx';
import { readReportFile } from '../../ui/files.ts';
import { rememberRoute, takeStartRoute } from './lastRoute.ts';
import { requestPersistence, usePersistence } from './persistence.ts';
import { useDraftStore } from './StoreContext.tsx';
import './drafts.css';
import './strings.ts';

type Open =
  | { kind: 'create' }
  | { kind: 'fromLastYear' }
  | { kind: 'rename'; draft: DraftSummary }
  | { kind: 'importChoice'; report: Report; fileName: string; matches: DraftSummary[]; migratedFrom: number | undefined }
  | undefined;

type Notice =
  | { kind: 'deleted'; draft: DraftSummary }
  | { kind: 'text'; text: string; link?: { href: string; label: string } }
  | { kind: 'importFailed'; fileName: string; problems: readonly Problem[] }
  | undefined;

/** Journal entries younger than this may belong to a live tab about to supersede them. */
const RECOVER_MIN_AGE_MS = 10_000;

/** The name the list shows: the clerk's own title, else the agency. */
export function draftName(draft: DraftSummary, untitled: string): string {
  return draft.title || draft.agency || untitled;
}

export function DraftsHome() {
  const { t, i18n } = useTranslation();
  const store = useDraftStore();
  const persistence = usePersistence();
  const [drafts, setDrafts] = useState<DraftSummary[] | undefined>(undefined);
  const [deleted, setDeleted] = useState<DraftSummary[]>([]);
  const [loadError, setLoadError] = useState<StoreError | undefined>(undefined);
  const [open, setOpen] = useState<Open>(undefined);
  const [notice, setNotice] = useState<Notice>(undefined);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const untitled = t('drafts.list.untitled');
  const errorText = (error: StoreError) => t(`drafts.errors.${error.kind}`);

  const load = useCallback(async () => {
    const [list, gone] = await Promise.all([store.list(), store.listDeleted()]);
    if (list.ok) {
      setDrafts(list.value);
      setLoadError(undefined);
    } else setLoadError(list.error);
    if (gone.ok) setDeleted(gone.value);
  }, [store]);

  useEffect(() => {
    let live = true;
    // A fresh start at home returns the clerk to the draft they were in, if it is still there.
    const resume = takeStartRoute();
    if (resume) {
      void store.get(resume.id).then((found) => {
        if (live && found.ok && found.value.deletedAt === null) navigate(resume, { replace: true });
        else if (live) rememberRoute({ name: 'home' });
      });
    } else rememberRoute({ name: 'home' });
    // Edits journaled by pages closed while typing go into their drafts before the list shows.
    void store
      .recover(undefined, RECOVER_MIN_AGE_MS)
      .then(() => store.purge(PURGE_AFTER_MS))
      .then(() => {
        if (live) void load();
      });
    const stop = store.subscribe(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, [store, load]);

  // -------------------------------------------------------------------------------------------
  // Actions
  // -------------------------------------------------------------------------------------------

  const createDraft = async (document: Report, lastYear?: Report) => {
    void requestPersistence();
    const created = await store.create({ document, lastYear });
    if (!created.ok) {
      setNotice({ kind: 'text', text: t('drafts.home.createFailed', { reason: errorText(created.error) }) });
      return;
    }
    setOpen(undefined);
    navigate({ name: 'draft', id: created.value.id });
  };

  const duplicate = async (draft: DraftSummary) => {
    const source = await store.get(draft.id);
    if (!source.ok) {
      setNotice({ kind: 'text', text: t('drafts.home.actionFailed', { reason: errorText(source.error) }) });
      return;
    }
    const name = draftName(draft, untitled);
    const copy = await store.create({ document: source.value.document, lastYear: source.value.lastYear, title: t('drafts.list.copyOf', { name }) });
    setNotice(
      copy.ok
        ? { kind: 'text', text: t('drafts.home.duplicated', { name }), link: { href: routeHref({ name: 'draft', id: copy.value.id }), label: t('drafts.list.openCopy') } }
        : { kind: 'text', text: t('drafts.home.actionFailed', { reason: errorText(copy.error) }) },
    );
  };

  const rename = async (draft: DraftSummary, title: string) => {
    const result = await store.rename(draft.id, title);
    setOpen(undefined);
    if (!result.ok) setNotice({ kind: 'text', text: t('drafts.home.actionFailed', { reason: errorText(result.error) }) });
  };

  const remove = async (draft: DraftSummary) => {
    const result = await store.softDelete(draft.id);
    setNotice(result.ok ? { kind: 'deleted', draft } : { kind: 'text', text: t('drafts.home.actionFailed', { reason: errorText(result.error) }) });
  };

  const undelete = async (draft: DraftSummary) => {
    const result = await store.undelete(draft.id);
    setNotice({
      kind: 'text',
      text: result.ok ? t('drafts.delete.restored', { name: draftName(draft, untitled) }) : t('drafts.home.actionFailed', { reason: errorText(result.error) }),
    });
  };

  const importFile = async (file: File) => {
    void requestPersistence();
    const decoded: DecodeResult = await readReportFile(file);
    if (!decoded.ok) {
      // Refused: nothing in the store changes.
      setNotice({ kind: 'importFailed', fileName: file.name, problems: decoded.problems });
      return;
    }
    const list = await store.list();
    const matches = list.ok
      ? list.value.filter((d) => d.agency === decoded.report.meta.agency && d.year === decoded.report.meta.year && decoded.report.meta.agency !== '')
      : [];
    if (matches.length > 0) {
      setOpen({ kind: 'importChoice', report: decoded.report, fileName: file.name, matches, migratedFrom: decoded.migratedFrom });
      return;
    }
    await importAsNew(decoded.report, file.name, decoded.migratedFrom);
  };

  const importedNotice = (id: string, fileName: string, migratedFrom: number | undefined): Notice => ({
    kind: 'text',
    text: [t('drafts.import.done', { name: fileName }), migratedFrom !== undefined ? t('drafts.import.migrated', { from: migratedFrom }) : '']
      .filter(Boolean)
      .join(' '),
    link: { href: routeHref({ name: 'draft', id }), label: t('drafts.import.open') },
  });

  const importAsNew = async (report: Report, fileName: string, migratedFrom: number | undefined) => {
    const created = await store.create({ document: report, milestone: 'imported' });
    setOpen(undefined);
    setNotice(created.ok ? importedNotice(created.value.id, fileName, migratedFrom) : { kind: 'text', text: t('drafts.import.failed', { reason: errorText(created.error) }) });
  };

  const importAsVersion = async (target: DraftSummary, report: Report, fileName: string, migratedFrom: number | undefined) => {
    const current = await store.get(target.id);
    const saved = current.ok ? await store.save(target.id, report, { expectedRevision: current.value.revision, milestone: 'imported' }) : current;
    setOpen(undefined);
    setNotice(saved.ok ? importedNotice(target.id, fileName, migratedFrom) : { kind: 'text', text: t('drafts.import.failed', { reason: errorText(saved.error) }) });
  };

  const onFileChosen = (files: FileList | null) => {
    const file = files?.[0];
    if (fileInput.current) fileInput.current.value = '';
    if (file) void importFile(file);
  };

  const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  // -------------------------------------------------------------------------------------------
  // View
  // -------------------------------------------------------------------------------------------

  const now = Date.now();
  return (
    <section
      className={`drafts-home${dragging ? ' drafts-dragging' : ''}`}
      aria-labelledby="drafts-home-title"
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h1 id="drafts-home-title">{t('drafts.home.title')}</h1>
      <div className="drafts-actions">
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'create' })} aria-haspopup="dialog">
          {t('drafts.home.new')}
        </button>
        <button type="button" onClick={() => setOpen({ kind: 'fromLastYear' })} aria-haspopup="dialog">
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

      <div className="drafts-notice-area" aria-live="polite">
        {notice?.kind === 'deleted' && (
          <div className="drafts-toast" role="status">
            {t('drafts.delete.done', { name: draftName(notice.draft, untitled) })}{' '}
            <button type="button" onClick={() => void undelete(notice.draft)}>
              {t('drafts.delete.undo')}
            </button>{' '}
            <button type="button" className="drafts-link-button" onClick={() => setNotice(undefined)} aria-label={t('drafts.home.dismiss')}>
              ×
            </button>
          </div>
        )}
        {notice?.kind === 'text' && (
          <div className="drafts-toast" role="status">
            {notice.text} {notice.link && <a href={notice.link.href}>{notice.link.label}</a>}{' '}
            <button type="button" className="drafts-link-button" onClick={() => setNotice(undefined)} aria-label={t('drafts.home.dismiss')}>
              ×
            </button>
          </div>
        )}
      </div>
      {notice?.kind === 'importFailed' && (
        <ImportProblems fileName={notice.fileName} problems={notice.problems} onDismiss={() => setNotice(undefined)} />
      )}

      {loadError && (
        <p role="alert" className="drafts-banner drafts-banner-error">
          {t('drafts.home.loadFailed', { reason: errorText(loadError) })}
        </p>
      )}
      {drafts === undefined && !loadError && <p>{t('app.loading')}</p>}
      {drafts && drafts.length === 0 && <p className="drafts-empty">{t('drafts.home.empty')}</p>}
      {drafts && drafts.length > 0 && (
        <table className="drafts-table drafts-list">
          <caption className="visually-hidden">{t('drafts.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('drafts.list.draft')}</th>
              <th scope="col">{t('drafts.list.year')}</th>
              <th scope="col">{t('drafts.list.status')}</th>
              <th scope="col">{t('drafts.list.updated')}</th>
              <th scope="col" className="num">
                {t('drafts.list.errors')}
              </th>
              <th scope="col" className="num">
                {t('drafts.list.warnings')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('drafts.list.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((draft) => {
              const name = draftName(draft, untitled);
              return (
                <tr key={draft.id}>
                  <th scope="row">
                    <a href={routeHref({ name: 'draft', id: draft.id })}>{name}</a>
                    {draft.title && draft.agency && <div className="drafts-muted">{draft.agency}</div>}
                    {draft.hasLastYear && <span className="drafts-badge">{t('drafts.list.hasLastYear')}</span>}
                  </th>
                  <td>{draft.year ?? '—'}</td>
                  <td>
                    <span className={`drafts-status drafts-status-${draft.status}`}>{t(`drafts.status.${draft.status}`)}</span>
                  </td>
                  <td>
                    <time dateTime={new Date(draft.updatedAt).toISOString()}>{formatDateTime(draft.updatedAt, i18n.language)}</time>
                  </td>
                  <td className={`num${draft.errors > 0 ? ' drafts-has-errors' : ''}`}>{draft.errors}</td>
                  <td className={`num${draft.warnings > 0 ? ' drafts-has-warnings' : ''}`}>{draft.warnings}</td>
                  <td className="drafts-row-actions">
                    <button type="button" onClick={() => void duplicate(draft)} aria-label={t('drafts.list.duplicateNamed', { name })}>
                      {t('drafts.list.duplicate')}
                    </button>
                    <button type="button" onClick={() => setOpen({ kind: 'rename', draft })} aria-label={t('drafts.list.renameNamed', { name })} aria-haspopup="dialog">
                      {t('drafts.list.rename')}
                    </button>
                    <button type="button" onClick={() => void remove(draft)} aria-label={t('drafts.list.deleteNamed', { name })}>
                      {t('drafts.list.delete')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {deleted.length > 0 && (
        <details className="drafts-deleted">
          <summary>{t('drafts.deleted.title', { n: deleted.length })}</summary>
          <p className="drafts-hint">{t('drafts.deleted.explain')}</p>
          <ul>
            {deleted.map((draft) => {
              const name = draftName(draft, untitled);
              const daysLeft = Math.max(0, Math.ceil(((draft.deletedAt ?? now) + PURGE_AFTER_MS - now) / DAY_MS));
              return (
                <li key={draft.id}>
                  <span>
                    {name} {draft.year ?? ''}
                  </span>{' '}
                  <span className="drafts-muted">
                    {t('drafts.deleted.when', { time: formatDateTime(draft.deletedAt ?? now, i18n.language), days: daysLeft })}
                  </span>{' '}
                  <button type="button" onClick={() => void undelete(draft)} aria-label={t('drafts.deleted.restoreNamed', { name })}>
                    {t('drafts.deleted.restore')}
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      )}

      <aside className="drafts-storage" aria-label={t('drafts.storage.title')}>
        <p>{t('drafts.storage.where')}</p>
        <p data-persistence={persistence}>{t(`drafts.storage.${persistence}`)}</p>
      </aside>

      {open?.kind === 'create' && <CreateDialog onCancel={() => setOpen(undefined)} onCreate={(doc) => createDraft(doc)} />}
      {open?.kind === 'fromLastYear' && (
        <FromLastYearDialog drafts={drafts ?? []} onCancel={() => setOpen(undefined)} onCreate={(doc, lastYear) => createDraft(doc, lastYear)} />
      )}
      {open?.kind === 'rename' && (
        <RenameDialog draft={open.draft} onCancel={() => setOpen(undefined)} onRename={(title) => rename(open.draft, title)} />
      )}
      {open?.kind === 'importChoice' && (
        <ImportChoiceDialog
          fileName={open.fileName}
          matches={open.matches}
          onCancel={() => setOpen(undefined)}
          onNew={() => importAsNew(open.report, open.fileName, open.migratedFrom)}
          onVersion={(target) => importAsVersion(target, open.report, open.fileName, open.migratedFrom)}
        />
      )}
    </section>
  );
}
