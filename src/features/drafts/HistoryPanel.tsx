/**
 * The versions of a draft: when, why (milestone) and what changed; any version can be viewed
 * (read-only: its findings and its values) and restored (a new version; nothing overwritten).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import {
  ENTERED_CELLS,
  NARRATIVE_SECTION_IDS,
  cellLabel,
  getCell,
  reportTitle,
  sectionDef,
  summarise,
  type Report,
} from '../../report/index.ts';
import { draftFindings, type StoreError, type VersionInfo, type VersionRecord } from '../../storage/index.ts';
import { Dialog } from './Dialog.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { changedLabel } from './labels.ts';
import { useDraftStore } from './StoreContext.tsx';
import type { DraftSessionApi } from './useDraftSession.ts';
import './strings.ts';

const SHOWN_CHANGES = 6;

export function HistoryPanel({ session, onClose }: { session: DraftSessionApi; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const store = useDraftStore();
  const [versions, setVersions] = useState<VersionInfo[] | undefined>(undefined);
  const [loadError, setLoadError] = useState<StoreError | undefined>(undefined);
  const [viewing, setViewing] = useState<VersionRecord | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const draftId = session.id;

  const load = useCallback(async () => {
    const result = await store.versions(draftId);
    if (result.ok) {
      setVersions(result.value);
      setLoadError(undefined);
    } else setLoadError(result.error);
  }, [store, draftId]);

  useEffect(() => {
    void load();
    return store.subscribe((change) => {
      if (change.draftId === draftId) void load();
    });
  }, [store, draftId, load]);

  const view = async (id: string) => {
    const result = await store.version(id);
    if (result.ok) setViewing(result.value);
    else setNotice(t('drafts.history.viewFailed', { reason: t(`drafts.errors.${result.error.kind}`) }));
  };

  const restore = async (version: VersionInfo) => {
    setBusy(true);
    const result = await session.actions.restoreVersion(version.id);
    setBusy(false);
    if (result.ok) {
      setViewing(undefined);
      setNotice(t('drafts.history.restored', { time: formatDateTime(version.time, i18n.language, 'seconds') }));
      void load();
    } else {
      setNotice(t('drafts.history.restoreFailed', { reason: t(`drafts.errors.${result.error.kind}`) }));
    }
  };

  const canRestore = !session.readOnly && session.state === 'ready';

  return (
    <Dialog title={t('drafts.history.title')} onClose={onClose} className="drafts-history">
      <p className="drafts-hint">{t('drafts.history.explain')}</p>
      <div role="status" className="drafts-notice">
        {notice}
      </div>
      {loadError && <p role="alert">{t('drafts.history.loadFailed', { reason: t(`drafts.errors.${loadError.kind}`) })}</p>}
      {versions === undefined && !loadError && <p>{t('app.loading')}</p>}
      {versions && (
        <table className="drafts-table">
          <caption className="visually-hidden">{t('drafts.history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('drafts.history.time')}</th>
              <th scope="col">{t('drafts.history.milestone')}</th>
              <th scope="col">{t('drafts.history.changed')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('drafts.list.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version, index) => {
              // Versions can be minutes apart: seconds tell them apart.
              const time = formatDateTime(version.time, i18n.language, 'seconds');
              return (
                <tr key={version.id} aria-current={viewing?.id === version.id ? 'true' : undefined}>
                  <td>
                    <time dateTime={new Date(version.time).toISOString()}>{time}</time>
                    {index === 0 && <span className="drafts-badge">{t('drafts.history.latest')}</span>}
                  </td>
                  <td>{t(`drafts.history.milestones.${version.milestone}`)}</td>
                  <td>
                    <ChangedList changed={version.changed} document={viewing?.id === version.id ? viewing.document : session.actions.current()} />
                  </td>
                  <td className="drafts-row-actions">
                    <button type="button" onClick={() => void view(version.id)} aria-label={t('drafts.history.viewVersion', { time })}>
                      {t('drafts.history.view')}
                    </button>
                    {canRestore && (
                      <button type="button" disabled={busy} onClick={() => void restore(version)} aria-label={t('drafts.history.restoreVersion', { time })}>
                        {t('drafts.history.restore')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {viewing && <VersionView version={viewing} lastYear={session.lastYear} />}
      <div className="drafts-dialog-actions">
        <button type="button" onClick={onClose}>
          {t('drafts.history.close')}
        </button>
      </div>
    </Dialog>
  );
}

function ChangedList({ changed, document }: { changed: readonly string[]; document: Report | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (changed.length === 0) return <span className="drafts-muted">{t('drafts.history.noChange')}</span>;
  const shown = changed.slice(0, SHOWN_CHANGES).map((id) => changedLabel(id, document, lang, t));
  const rest = changed.length - shown.length;
  return (
    <span>
      {shown.join('；')}
      {rest > 0 && <span className="drafts-muted">{` ${t('drafts.history.more', { n: rest })}`}</span>}
    </span>
  );
}

/** A version, read-only: its findings in numbers, the values filled in, the parts written. */
function VersionView({ version, lastYear }: { version: VersionRecord; lastYear: Report | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const doc = version.document;
  const counts = summarise(draftFindings(doc, lastYear));
  const filled = ENTERED_CELLS.map((cell) => ({ cell, value: getCell(doc, cell.id) })).filter((c) => c.value !== null);
  return (
    <section className="drafts-version" aria-label={t('drafts.history.viewing', { time: formatDateTime(version.time, i18n.language, 'seconds') })}>
      <h3>{t('drafts.history.viewing', { time: formatDateTime(version.time, i18n.language, 'seconds') })}</h3>
      <p>
        <strong>{reportTitle(doc.meta.agency, doc.meta.year)}</strong> · {t(`drafts.status.${doc.status}`)}
      </p>
      <p>{t('drafts.history.findings', { errors: counts.errors, warnings: counts.unexplainedWarnings, hints: counts.hints })}</p>
      <h4>{t('drafts.history.parts')}</h4>
      <ul className="drafts-compact">
        {NARRATIVE_SECTION_IDS.map((section) => (
          <li key={section}>
            {sectionDef(section).heading[lang]}:{' '}
            {t('drafts.history.partsCount', {
              n: doc.narrative[section].length,
              chars: doc.narrative[section].reduce((n, p) => n + p.text.length, 0),
            })}
          </li>
        ))}
      </ul>
      <h4>{t('drafts.history.values', { n: filled.length })}</h4>
      {filled.length === 0 ? (
        <p className="drafts-muted">{t('drafts.history.noValues')}</p>
      ) : (
        <dl className="drafts-values">
          {filled.map(({ cell, value }) => (
            <div key={cell.id}>
              <dt>{cellLabel(cell.id, lang)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
