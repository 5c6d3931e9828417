/**
 * Collecting the units' report files: a file picker for many files and a drop zone, and what
 * became of each file (a new unit, a new version, already here, or refused with its problems).
 */
import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n/index.ts';
import type { CollectOutcome } from './files.ts';
import { useActErrorText } from './useActErrorText.ts';

export interface CollectPanelProps {
  readonly onFiles: (files: File[]) => Promise<CollectOutcome[]>;
}

export function CollectPanel({ onFiles }: CollectPanelProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const errorText = useActErrorText();
  const ids = useId();
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [outcomes, setOutcomes] = useState<CollectOutcome[] | null>(null);

  async function take(list: FileList | null) {
    const files = list ? [...list] : [];
    if (files.length === 0) return;
    setBusy(true);
    try {
      setOutcomes(await onFiles(files));
    } finally {
      setBusy(false);
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    void take(e.dataTransfer.files);
  }

  const count = (kind: CollectOutcome['kind']) => outcomes?.filter((o) => o.kind === kind).length ?? 0;
  const refused = outcomes?.filter((o) => o.kind === 'failed' || o.kind === 'storeError') ?? [];
  const duplicates = outcomes?.filter((o) => o.kind === 'duplicate') ?? [];

  return (
    <section className="rv-collect" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('review.collect.heading')}</h2>
      <div
        className={dragging ? 'rv-drop rv-dragging' : 'rv-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={`${ids}-files`}>{t('review.collect.choose')}</label>{' '}
        <input
          id={`${ids}-files`}
          type="file"
          multiple
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            void take(e.target.files).then(() => {
              e.target.value = '';
            });
          }}
        />
        <p className="rv-hint">{t('review.collect.dropHint')}</p>
      </div>
      <div aria-live="polite" className="rv-notice">
        {busy ? t('review.collect.reading') : null}
        {outcomes && !busy
          ? t('review.collect.summary', {
              files: outcomes.length,
              units: count('newUnit'),
              versions: count('newVersion'),
              duplicates: count('duplicate'),
              refused: refused.length,
            })
          : null}
      </div>
      {duplicates.length > 0 ? (
        <p className="rv-muted">
          {t('review.collect.duplicates')} {duplicates.map((d) => d.file).join('、')}
        </p>
      ) : null}
      {refused.length > 0 ? (
        <section className="rv-refused" aria-labelledby={`${ids}-refused`}>
          <h3 id={`${ids}-refused`}>
            <span aria-hidden="true">✕ </span>
            {t('review.collect.refused', { count: refused.length })}
          </h3>
          <ul>
            {refused.map((o, i) => (
              <li key={`${o.file}-${i}`}>
                <strong>{o.file}</strong>
                {o.kind === 'failed' ? (
                  <ul>
                    {o.problems.slice(0, 20).map((p, j) => (
                      <li key={j}>
                        {p.path ? <code>{p.path}</code> : null}
                        {p.path ? '：' : null}
                        {label(p.message)}
                      </li>
                    ))}
                    {o.problems.length > 20 ? <li>{t('review.collect.moreProblems', { count: o.problems.length - 20 })}</li> : null}
                  </ul>
                ) : o.kind === 'storeError' ? (
                  <p>{errorText(o.error)}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
