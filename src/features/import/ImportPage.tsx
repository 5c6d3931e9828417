/**
 * 导入已发布的年报 (issue 14): paste a published report (its HTML flavour when the clipboard has
 * one), drop or pick a file; the core reads it; the clerk checks what was read, section by
 * section and cell by cell, confirms the agency details, and then keeps it as last year's
 * report (starting this year's from it) or opens it as a draft of its own year. Nothing is
 * saved before that choice; cancel leaves nothing behind. The host (src/app) does the saving.
 */
import { useId, useMemo, useRef, useState, type ClipboardEvent, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel, useLang } from '../../i18n/index.ts';
import { AGENCY_KINDS, AGENCY_KIND_LABELS, META_FIELDS, type AgencyKind, type Report } from '../../report/index.ts';
import type { PublishedImport } from '../../report/import/index.ts';
import { ImportReview } from './ImportReview.tsx';
import { readFileInBrowser, readPasteInBrowser } from './readInBrowser.ts';
import './strings.ts';
import './import.css';

export interface ImportPageProps {
  /** Save `imported` as last year's report and open this year's, made from it. */
  onKeepAsLastYear: (imported: Report) => Promise<string | undefined>;
  /** Save `imported` as a draft of its own year and open it. */
  onOpenAsDraft: (imported: Report) => Promise<string | undefined>;
  onCancel: () => void;
}

type Step = { kind: 'input'; error?: string } | { kind: 'reading' } | { kind: 'review'; name: string; result: PublishedImport };

export function ImportPage({ onKeepAsLastYear, onOpenAsDraft, onCancel }: ImportPageProps) {
  const { t } = useTranslation();
  const ids = { paste: useId(), pasteHint: useId(), file: useId() };
  const [step, setStep] = useState<Step>({ kind: 'input' });
  const pasted = useRef<{ html?: string; text?: string }>({});
  const [pasteText, setPasteText] = useState('');
  const lang = useLang();

  const failure = (name: string, e: unknown) => {
    const text = (e as { text?: { zh: string; en: string } }).text;
    return t('import.failed', { name, reason: text ? text[lang] : e instanceof Error ? e.message : String(e) });
  };

  const readPaste = async () => {
    const html = pasted.current.html;
    const text = pasted.current.text ?? pasteText;
    if (!html && !text.trim()) return setStep({ kind: 'input', error: t('import.nothingPasted') });
    setStep({ kind: 'reading' });
    try {
      setStep({ kind: 'review', name: t('import.pasted'), result: await readPasteInBrowser(html, text) });
    } catch (e) {
      setStep({ kind: 'input', error: failure(t('import.pasted'), e) });
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const html = event.clipboardData.getData('text/html');
    const text = event.clipboardData.getData('text/plain');
    pasted.current = { html: html || undefined, text };
    if (html) {
      // The rich copy is what is read; the box shows its plain text so the clerk sees what came.
      event.preventDefault();
      setPasteText(text);
    }
    void Promise.resolve().then(readPaste);
  };

  const readFile = async (file: File) => {
    setStep({ kind: 'reading' });
    try {
      setStep({ kind: 'review', name: file.name, result: await readFileInBrowser(file) });
    } catch (e) {
      setStep({ kind: 'input', error: failure(file.name, e) });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) void readFile(file);
  };

  if (step.kind === 'review') {
    return (
      <ReviewStep
        name={step.name}
        result={step.result}
        onKeepAsLastYear={onKeepAsLastYear}
        onOpenAsDraft={onOpenAsDraft}
        onBack={() => {
          pasted.current = {};
          setPasteText('');
          setStep({ kind: 'input' });
        }}
        onCancel={onCancel}
      />
    );
  }

  return (
    <section className="import-page" aria-labelledby={`${ids.paste}-title`} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h1 id={`${ids.paste}-title`}>{t('import.title')}</h1>
      <p className="import-explain">{t('import.explain')}</p>
      <form
        className="import-input"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void readPaste();
        }}
      >
        <label htmlFor={ids.paste}>{t('import.pasteLabel')}</label>
        <textarea
          id={ids.paste}
          rows={8}
          value={pasteText}
          aria-describedby={ids.pasteHint}
          onPaste={onPaste}
          onChange={(e) => {
            pasted.current = {};
            setPasteText(e.target.value);
          }}
          data-autofocus
        />
        <p id={ids.pasteHint} className="import-hint">
          {t('import.pasteHint')}
        </p>
        <div className="import-actions">
          <button type="submit" className="primary" disabled={step.kind === 'reading'}>
            {t('import.readPaste')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('import.cancel')}
          </button>
        </div>
      </form>
      <div className="import-drop">
        <label htmlFor={ids.file}>{t('import.fileLabel')}</label>
        <input
          id={ids.file}
          type="file"
          accept=".html,.htm,.txt,.docx,.pdf,text/html,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void readFile(file);
          }}
        />
        <p className="import-hint">{t('import.dropHint')}</p>
      </div>
      {step.kind === 'reading' && (
        <p role="status" className="import-status">
          {t('import.reading')}
        </p>
      )}
      {step.kind === 'input' && step.error && (
        <p role="alert" className="import-error">
          {step.error}
        </p>
      )}
    </section>
  );
}

function ReviewStep({
  name,
  result,
  onKeepAsLastYear,
  onOpenAsDraft,
  onBack,
  onCancel,
}: {
  name: string;
  result: PublishedImport;
} & Pick<ImportPageProps, 'onKeepAsLastYear' | 'onOpenAsDraft' | 'onCancel'> & { onBack: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const ids = { agency: useId(), kind: useId(), year: useId(), contact: useId(), published: useId(), kindHint: useId(), title: useId() };
  const meta = result.report.meta;
  const [agency, setAgency] = useState(meta.agency);
  const [kind, setKind] = useState<AgencyKind>(meta.agencyKind);
  const [year, setYear] = useState(meta.year === null ? '' : String(meta.year));
  const [contact, setContact] = useState(meta.contact);
  const [publishedOn, setPublishedOn] = useState(meta.publishedOn ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const yearValue = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : null;

  // The report as confirmed: the clerk's header over what was read.
  const confirmed = useMemo<Report>(
    () => ({
      ...result.report,
      meta: { ...result.report.meta, agency: agency.trim(), agencyKind: kind, year: yearValue, contact: contact.trim(), publishedOn: /^\d{4}-\d{2}-\d{2}$/.test(publishedOn) ? publishedOn : null },
    }),
    [result.report, agency, kind, yearValue, contact, publishedOn],
  );

  const act = async (action: (r: Report) => Promise<string | undefined>) => {
    if (!agency.trim()) return setError(t('import.noAgency'));
    if (yearValue === null) return setError(t('import.noYear'));
    setError(undefined);
    setBusy(true);
    const failed = await action(confirmed);
    setBusy(false);
    if (failed) setError(t('import.saveFailed', { reason: failed }));
  };

  return (
    <section className="import-page import-review" aria-labelledby={ids.title}>
      <h1 id={ids.title}>{t('import.reviewTitle')}</h1>
      <p className="import-explain">{t('import.reviewExplain', { name, source: t(`import.source.${result.source as 'html'}`, { defaultValue: result.source }) })}</p>
      {result.template === '2019' && (
        <p role="note" className="import-warning">
          {t('import.template2019')}
        </p>
      )}
      <fieldset className="import-header">
        <legend>{t('import.header')}</legend>
        <p className="import-hint">{result.header.title ? t('import.detectedTitle', { title: result.header.title }) : t('import.noTitle')}</p>
        <label htmlFor={ids.agency}>{label(META_FIELDS.agency)}</label>
        <input id={ids.agency} value={agency} onChange={(e) => setAgency(e.target.value)} aria-invalid={!agency.trim()} />
        <label htmlFor={ids.kind}>{label(META_FIELDS.agencyKind)}</label>
        <div>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as AgencyKind)} aria-describedby={ids.kindHint}>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {label(AGENCY_KIND_LABELS[k])}
              </option>
            ))}
          </select>
          <p id={ids.kindHint} className="import-hint">
            {t('import.kindGuessed')}
          </p>
        </div>
        <label htmlFor={ids.year}>{label(META_FIELDS.year)}</label>
        <input id={ids.year} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} aria-invalid={yearValue === null} />
        <label htmlFor={ids.published}>{label(META_FIELDS.publishedOn)}</label>
        <input id={ids.published} type="date" value={publishedOn} onChange={(e) => setPublishedOn(e.target.value)} />
        <label htmlFor={ids.contact}>{label(META_FIELDS.contact)}</label>
        <input id={ids.contact} value={contact} onChange={(e) => setContact(e.target.value)} />
      </fieldset>
      <ImportReview result={result} />
      <section className="import-use" aria-labelledby={`${ids.title}-use`}>
        <h2 id={`${ids.title}-use`}>{t('import.useTitle')}</h2>
        {error && (
          <p role="alert" className="import-error">
            {error}
          </p>
        )}
        <div className="import-choice">
          <button type="button" className="primary" disabled={busy} onClick={() => void act(onKeepAsLastYear)}>
            {yearValue === null ? t('import.keepAsLastYearNoYear') : t('import.keepAsLastYear', { next: yearValue + 1 })}
          </button>
          <p className="import-hint">{t('import.keepAsLastYearHint')}</p>
        </div>
        <div className="import-choice">
          <button type="button" disabled={busy} onClick={() => void act(onOpenAsDraft)}>
            {yearValue === null ? t('import.openAsDraftNoYear') : t('import.openAsDraft', { year: yearValue })}
          </button>
          <p className="import-hint">{t('import.openAsDraftHint')}</p>
        </div>
        <div className="import-actions">
          <button type="button" onClick={onBack} disabled={busy}>
            {t('import.back')}
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('import.cancel')}
          </button>
        </div>
      </section>
    </section>
  );
}
