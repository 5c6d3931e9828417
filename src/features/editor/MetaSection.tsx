/**
 * The report's header: 机关名称, kind, year, contact, publication date, and the preamble that is
 * generated from them. "Edited" is not stored: the preamble is edited when it differs from the
 * text generated from the fields above; then the clerk is told so and may regenerate it.
 */
import './sectionStrings.ts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import {
  AGENCY_KIND_LABELS,
  AGENCY_KINDS,
  META_FIELDS,
  publicationDeadline,
  reportTitle,
  standardPreamble,
  isStandardPreamble,
  type Label,
} from '../../report/index.ts';
import { useEditor, useFieldStatus, useStoreValue } from './context.ts';
import { InvalidMessage, markAria, markClass, MarkIcon, OfficialLabel } from './marks.tsx';
import { CommentNotes } from './ReviewComments.tsx';

function Field({
  path,
  label,
  children,
  hint,
}: {
  path: string;
  label: Label;
  children: (aria: ReturnType<typeof markAria>) => ReactNode;
  hint?: ReactNode;
}) {
  const status = useFieldStatus(path);
  return (
    <div className={`meta-field ${markClass(status)}`}>
      <label htmlFor={`field-${path}`}>
        <OfficialLabel label={label} />
      </label>
      <div className="meta-input">
        {children(markAria(path, status))}
        <MarkIcon status={status} />
      </div>
      <InvalidMessage path={path} status={status} />
      <CommentNotes status={status} />
      {hint ? <p className="field-hint">{hint}</p> : null}
    </div>
  );
}

export function MetaSection({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { form } = useEditor();
  // From the document (not the form): the preamble may be regenerated while a field changes.
  const meta = useStoreValue((s) => s.getReport().meta);
  const preamble = useStoreValue((s) => s.getReport().narrative.preamble);
  const generated = standardPreamble(meta.agency, meta.year, meta.contact);
  const edited = !isStandardPreamble(preamble, meta.agency, meta.year, meta.contact);
  const [replaced, setReplaced] = useState<string | null>(null);
  const deadline = useStoreValue((s) => publicationDeadline(s.getReport()));
  const preambleStatus = useFieldStatus('narrative.preamble');

  const regenerate = () => {
    setReplaced(preamble);
    form.set('narrative.preamble', generated, true);
  };
  const undoRegenerate = () => {
    if (replaced !== null) form.set('narrative.preamble', replaced, true);
    setReplaced(null);
  };

  return (
    <div className="meta-section">
      <div className="meta-grid">
        <Field path="meta.agency" label={META_FIELDS.agency}>
          {(aria) => (
            <input id="field-meta.agency" data-path="meta.agency" type="text" autoComplete="organization" readOnly={readOnly} {...aria} {...form.register('meta.agency')} />
          )}
        </Field>
        <Field path="meta.agencyKind" label={META_FIELDS.agencyKind}>
          {(aria) =>
            readOnly ? (
              <input id="field-meta.agencyKind" data-path="meta.agencyKind" type="text" readOnly value={AGENCY_KIND_LABELS[meta.agencyKind][lang]} {...aria} />
            ) : (
              <select id="field-meta.agencyKind" data-path="meta.agencyKind" {...aria} {...form.register('meta.agencyKind')}>
                {AGENCY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {lang === 'zh' ? AGENCY_KIND_LABELS[k].zh : `${AGENCY_KIND_LABELS[k].en} — ${AGENCY_KIND_LABELS[k].zh}`}
                  </option>
                ))}
              </select>
            )
          }
        </Field>
        <Field path="meta.year" label={META_FIELDS.year}>
          {(aria) => (
            <input
              id="field-meta.year"
              data-path="meta.year"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              className="input-year"
              readOnly={readOnly}
              {...aria}
              {...form.register('meta.year')}
            />
          )}
        </Field>
        <Field path="meta.contact" label={META_FIELDS.contact} hint={t('editor.meta.contactHint')}>
          {(aria) => <input id="field-meta.contact" data-path="meta.contact" type="text" readOnly={readOnly} {...aria} {...form.register('meta.contact')} />}
        </Field>
        <Field
          path="meta.publishedOn"
          label={META_FIELDS.publishedOn}
          hint={deadline ? t('editor.meta.deadline', { date: deadline }) : t('editor.meta.deadlineUnknown')}
        >
          {(aria) => <input id="field-meta.publishedOn" data-path="meta.publishedOn" type="date" readOnly={readOnly} {...aria} {...form.register('meta.publishedOn')} />}
        </Field>
      </div>

      <p className="report-title">
        <span className="muted">{t('editor.meta.title')}</span> <span lang="zh-CN">{reportTitle(meta.agency || t('editor.meta.agencyPlaceholder'), meta.year)}</span>
      </p>

      <div className={`preamble ${markClass(preambleStatus)}`}>
        <label htmlFor="field-narrative.preamble">{t('editor.meta.preamble')}</label>
        <p className="field-hint" id="preamble-state">
          {edited ? t('editor.meta.preambleEdited') : t('editor.meta.preambleGenerated')}
        </p>
        <div className="meta-input">
          <textarea
            id="field-narrative.preamble"
            data-path="narrative.preamble"
            rows={4}
            lang="zh-CN"
            readOnly={readOnly}
            {...markAria('narrative.preamble', preambleStatus)}
            {...form.register('narrative.preamble')}
          />
          <MarkIcon status={preambleStatus} />
        </div>
        <CommentNotes status={preambleStatus} />
        {!readOnly && (edited || replaced !== null) ? (
          <div className="preamble-actions">
            {edited ? (
              <button type="button" onClick={regenerate}>
                {t('editor.meta.regenerate')}
              </button>
            ) : null}
            {replaced !== null && !edited ? (
              <>
                <span role="status">{t('editor.meta.regenerated')}</span>{' '}
                <button type="button" onClick={undoRegenerate}>
                  {t('editor.meta.undoRegenerate')}
                </button>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
