/** The home's dialogs: new blank draft, new draft from last year's report, rename. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n/index.ts';
import { AGENCY_KINDS, AGENCY_KIND_LABELS, META_FIELDS, emptyReport, reportingYear, type AgencyKind, type Problem, type Report } from '../../report/index.ts';
import type { DraftSummary } from '../../storage/index.ts';
import { Dialog, DialogActions } from './Dialog.tsx';
import { readReportFile } from '../../ui/files.ts';
import { routeHref } from '../../ui/router.ts';
import { nextYearReport } from './fromLastYear.ts';
import { ProblemList } from './ImportPieces.tsx';
import { useDraftStore } from './StoreContext.tsx';
import './strings.ts';

function validYear(text: string): number | undefined {
  const year = Number(text);
  return Number.isInteger(year) && year >= 1990 && year <= 2200 ? year : undefined;
}

export function CreateDialog({ onCancel, onCreate }: { onCancel: () => void; onCreate: (report: Report) => Promise<void> }) {
  const { t } = useTranslation();
  const label = useLabel();
  const ids = { agency: useId(), kind: useId(), year: useId(), agencyError: useId(), yearError: useId() };
  const [agency, setAgency] = useState('');
  const [kind, setKind] = useState<AgencyKind>('department');
  const [year, setYear] = useState(String(reportingYear()));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const agencyMissing = agency.trim() === '';
  const yearValue = validYear(year);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (agencyMissing || yearValue === undefined) return;
    setBusy(true);
    await onCreate(emptyReport({ agency: agency.trim(), agencyKind: kind, year: yearValue }));
    setBusy(false);
  };

  return (
    <Dialog title={t('drafts.create.title')} onClose={onCancel}>
      <form onSubmit={(e) => void submit(e)} noValidate className="drafts-form">
        <label htmlFor={ids.agency}>{label(META_FIELDS.agency)}</label>
        <input
          id={ids.agency}
          value={agency}
          onChange={(e) => setAgency(e.target.value)}
          required
          aria-invalid={tried && agencyMissing}
          aria-describedby={tried && agencyMissing ? ids.agencyError : undefined}
          data-autofocus
        />
        {tried && agencyMissing && (
          <p id={ids.agencyError} className="drafts-field-error">
            {t('drafts.create.agencyRequired')}
          </p>
        )}
        <label htmlFor={ids.kind}>{label(META_FIELDS.agencyKind)}</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as AgencyKind)}>
          {AGENCY_KINDS.map((k) => (
            <option key={k} value={k}>
              {label(AGENCY_KIND_LABELS[k])}
            </option>
          ))}
        </select>
        <label htmlFor={ids.year}>{label(META_FIELDS.year)}</label>
        <input
          id={ids.year}
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value)}
          aria-invalid={tried && yearValue === undefined}
          aria-describedby={tried && yearValue === undefined ? ids.yearError : undefined}
        />
        {tried && yearValue === undefined && (
          <p id={ids.yearError} className="drafts-field-error">
            {t('drafts.create.yearInvalid')}
          </p>
        )}
        <DialogActions submitLabel={t('drafts.create.submit')} busy={busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

export function FromLastYearDialog({
  drafts,
  onCancel,
  onCreate,
}: {
  drafts: readonly DraftSummary[];
  onCancel: () => void;
  onCreate: (report: Report, lastYear: Report) => Promise<void>;
}) {
  const { t } = useTranslation();
  const store = useDraftStore();
  const ids = { draft: useId(), file: useId(), source: useId() };
  const [source, setSource] = useState<'draft' | 'file'>(drafts.length > 0 ? 'draft' : 'file');
  const [draftId, setDraftId] = useState(drafts[0]?.id ?? '');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [problems, setProblems] = useState<readonly Problem[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblems(undefined);
    setError(undefined);
    let lastYear: Report | undefined;
    if (source === 'draft') {
      const found = draftId ? await store.get(draftId) : undefined;
      if (!found) return setError(t('drafts.fromLast.chooseDraft'));
      if (!found.ok) return setError(t(`drafts.errors.${found.error.kind}`));
      lastYear = found.value.document;
    } else {
      if (!file) return setError(t('drafts.fromLast.chooseFile'));
      const decoded = await readReportFile(file);
      if (!decoded.ok) return setProblems(decoded.problems);
      lastYear = decoded.report;
    }
    setBusy(true);
    await onCreate(nextYearReport(lastYear, reportingYear()), lastYear);
    setBusy(false);
  };

  return (
    <Dialog title={t('drafts.fromLast.title')} onClose={onCancel}>
      <form onSubmit={(e) => void submit(e)} className="drafts-form" noValidate>
        <p className="drafts-hint">{t('drafts.fromLast.explain')}</p>
        <p className="drafts-hint">
          <a href={routeHref({ name: 'import' })}>{t('drafts.importPublished.fromLast')}</a>
        </p>
        <fieldset>
          <legend>{t('drafts.fromLast.source')}</legend>
          <label className="drafts-radio">
            <input type="radio" name={ids.source} checked={source === 'draft'} disabled={drafts.length === 0} onChange={() => setSource('draft')} />
            {t('drafts.fromLast.fromDraft')}
          </label>
          <label className="drafts-radio">
            <input type="radio" name={ids.source} checked={source === 'file'} onChange={() => setSource('file')} />
            {t('drafts.fromLast.fromFile')}
          </label>
        </fieldset>
        {source === 'draft' ? (
          <>
            <label htmlFor={ids.draft}>{t('drafts.fromLast.draft')}</label>
            <select id={ids.draft} value={draftId} onChange={(e) => setDraftId(e.target.value)}>
              {drafts.map((d) => (
                <option key={d.id} value={d.id}>
                  {`${d.title || d.agency || t('drafts.list.untitled')} · ${d.year ?? '—'}`}
                </option>
              ))}
            </select>
          </>
        ) : (
          <>
            <label htmlFor={ids.file}>{t('drafts.fromLast.file')}</label>
            <input id={ids.file} type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0])} />
          </>
        )}
        {error && (
          <p role="alert" className="drafts-field-error">
            {error}
          </p>
        )}
        {problems && (
          <div role="alert">
            <p>{t('drafts.import.refused', { name: file?.name ?? '' })}</p>
            <ProblemList problems={problems} />
          </div>
        )}
        <DialogActions submitLabel={t('drafts.fromLast.submit')} busy={busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

export function RenameDialog({ draft, onCancel, onRename }: { draft: DraftSummary; onCancel: () => void; onRename: (title: string) => Promise<void> }) {
  const { t } = useTranslation();
  const ids = { title: useId(), hint: useId() };
  const [title, setTitle] = useState(draft.title || draft.agency);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onRename(title);
  };
  return (
    <Dialog title={t('drafts.rename.title')} onClose={onCancel}>
      <form onSubmit={(e) => void submit(e)} className="drafts-form">
        <label htmlFor={ids.title}>{t('drafts.rename.label')}</label>
        <input id={ids.title} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} aria-describedby={ids.hint} data-autofocus />
        <p id={ids.hint} className="drafts-hint">
          {t('drafts.rename.hint')}
        </p>
        <div className="drafts-dialog-actions">
          <button type="submit" className="primary">
            {t('drafts.rename.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('drafts.common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
