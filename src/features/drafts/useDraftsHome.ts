/**
 * The drafts home's state and actions: the list and the recently deleted, loading (with the
 * recovery of journaled edits), the last draft to continue, the dialog open, the notice shown,
 * and every action (create, duplicate, rename, delete, undelete, import). No markup here.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openReturned, type DecodeResult, type Problem, type Report } from '../../report/index.ts';
import { PURGE_AFTER_MS, type DraftSummary, type StoreError } from '../../storage/index.ts';
import { navigate, routeHref } from '../../ui/router.ts';
import { readReportFile } from '../../ui/files.ts';
import { lastDraftRoute, markJustCreated, type DraftRoute } from './lastRoute.ts';
import { requestPersistence } from './persistence.ts';
import { useDraftStore } from './StoreContext.tsx';

export type HomeDialog =
  | { kind: 'create' }
  | { kind: 'fromLastYear' }
  | { kind: 'rename'; draft: DraftSummary }
  | {
      kind: 'importChoice';
      report: Report;
      fileName: string;
      matches: DraftSummary[];
      migratedFrom: number | undefined;
      /** A file the 政务公开办 returned: a new version of the clerk's draft comes first. */
      returned: boolean;
    }
  | undefined;

export type HomeNotice =
  | { kind: 'deleted'; draft: DraftSummary }
  | { kind: 'text'; text: string; link?: { href: string; label: string } }
  | { kind: 'importFailed'; fileName: string; problems: readonly Problem[] }
  | undefined;

/** What failed, in the notices' words: "操作未完成：<why>" and its kin. */
export type FailureKey = 'drafts.home.createFailed' | 'drafts.home.actionFailed' | 'drafts.import.failed';

/** Journal entries younger than this may belong to a live tab about to supersede them. */
const RECOVER_MIN_AGE_MS = 10_000;

/** The name the list shows: the clerk's own title, else the agency. */
export function draftName(draft: DraftSummary, untitled: string): string {
  return draft.title || draft.agency || untitled;
}

export function useDraftsHome() {
  const { t } = useTranslation();
  const store = useDraftStore();
  const [drafts, setDrafts] = useState<DraftSummary[] | undefined>(undefined);
  const [deleted, setDeleted] = useState<DraftSummary[]>([]);
  const [loadError, setLoadError] = useState<StoreError | undefined>(undefined);
  const [dialog, setDialog] = useState<HomeDialog>(undefined);
  const [notice, setNotice] = useState<HomeNotice>(undefined);
  const untitled = t('drafts.list.untitled');

  const errorText = useCallback((error: StoreError) => t(`drafts.errors.${error.kind}`), [t]);
  /** The one failure notice: what failed and why (the store's error in words). */
  const fail = (key: FailureKey, error: StoreError) => setNotice({ kind: 'text', text: t(key, { reason: errorText(error) }) });

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

  // The draft the clerk was last in, while it is still in the list: offered as "继续填写".
  const [lastRoute] = useState(lastDraftRoute);
  const lastDraft = lastRoute && drafts?.find((d) => d.id === lastRoute.id);
  const resume: { draft: DraftSummary; route: DraftRoute } | undefined = lastRoute && lastDraft ? { draft: lastDraft, route: lastRoute } : undefined;

  const createDraft = async (document: Report, lastYear?: Report) => {
    void requestPersistence();
    const created = await store.create({ document, lastYear });
    if (!created.ok) return fail('drafts.home.createFailed', created.error);
    setDialog(undefined);
    markJustCreated(created.value.id);
    navigate({ name: 'draft', id: created.value.id });
  };

  const duplicate = async (draft: DraftSummary) => {
    const source = await store.get(draft.id);
    if (!source.ok) return fail('drafts.home.actionFailed', source.error);
    const name = draftName(draft, untitled);
    const copy = await store.create({ document: source.value.document, lastYear: source.value.lastYear, title: t('drafts.list.copyOf', { name }) });
    if (!copy.ok) return fail('drafts.home.actionFailed', copy.error);
    setNotice({ kind: 'text', text: t('drafts.home.duplicated', { name }), link: { href: routeHref({ name: 'draft', id: copy.value.id }), label: t('drafts.list.openCopy') } });
  };

  const rename = async (draft: DraftSummary, title: string) => {
    const result = await store.rename(draft.id, title);
    setDialog(undefined);
    if (!result.ok) fail('drafts.home.actionFailed', result.error);
  };

  const remove = async (draft: DraftSummary) => {
    const result = await store.softDelete(draft.id);
    if (!result.ok) return fail('drafts.home.actionFailed', result.error);
    setNotice({ kind: 'deleted', draft });
  };

  const undelete = async (draft: DraftSummary) => {
    const result = await store.undelete(draft.id);
    if (!result.ok) return fail('drafts.home.actionFailed', result.error);
    setNotice({ kind: 'text', text: t('drafts.delete.restored', { name: draftName(draft, untitled) }) });
  };

  const importedNotice = (id: string, fileName: string, migratedFrom: number | undefined): HomeNotice => ({
    kind: 'text',
    text: [t('drafts.import.done', { name: fileName }), migratedFrom !== undefined ? t('drafts.import.migrated', { from: migratedFrom }) : '']
      .filter(Boolean)
      .join(' '),
    link: { href: routeHref({ name: 'draft', id }), label: t('drafts.import.open') },
  });

  const importAsNew = async (report: Report, fileName: string, migratedFrom: number | undefined) => {
    const created = await store.create({ document: report, milestone: 'imported' });
    setDialog(undefined);
    if (!created.ok) return fail('drafts.import.failed', created.error);
    setNotice(importedNotice(created.value.id, fileName, migratedFrom));
  };

  const importAsVersion = async (target: DraftSummary, report: Report, fileName: string, migratedFrom: number | undefined) => {
    const current = await store.get(target.id);
    const saved = current.ok ? await store.save(target.id, report, { expectedRevision: current.value.revision, milestone: 'imported' }) : current;
    setDialog(undefined);
    if (!saved.ok) return fail('drafts.import.failed', saved.error);
    setNotice(importedNotice(target.id, fileName, migratedFrom));
  };

  const importFile = async (file: File) => {
    void requestPersistence();
    const decoded: DecodeResult = await readReportFile(file);
    if (!decoded.ok) {
      // Refused: nothing in the store changes.
      setNotice({ kind: 'importFailed', fileName: file.name, problems: decoded.problems });
      return;
    }
    // A returned report comes back open for the changes asked for (已退回, editable).
    const report = openReturned(decoded.report);
    const returned = report.review.status === 'returned';
    const list = await store.list();
    const matches = list.ok ? list.value.filter((d) => d.agency === report.meta.agency && d.year === report.meta.year && report.meta.agency !== '') : [];
    if (matches.length > 0) {
      setDialog({ kind: 'importChoice', report, fileName: file.name, matches, migratedFrom: decoded.migratedFrom, returned });
      return;
    }
    await importAsNew(report, file.name, decoded.migratedFrom);
  };

  return {
    drafts,
    deleted,
    loadError,
    errorText,
    dialog,
    setDialog,
    notice,
    setNotice,
    resume,
    untitled,
    actions: { createDraft, duplicate, rename, remove, undelete, importFile, importAsNew, importAsVersion },
  };
}

export type DraftsHomeState = ReturnType<typeof useDraftsHome>;
