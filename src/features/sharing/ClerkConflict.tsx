/**
 * The clerk's side of a conflict in the unit's own report: two browsers of the unit (two clerks,
 * or an offline laptop and the office PC) both 报送 the same year from the same revision, and the
 * server kept both. Only the unit may settle it (the supervisor cannot write the unit's report):
 * keep one version (the other removed, never overwritten), or 重新报送 this draft on top (which
 * removes the other versions too). The two are compared by the review's compare view, which the
 * app hands in (renderCompare) and which loads only when the clerk opens it.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../report/index.ts';
import type { DocConflict } from '../../sync/conflicts.ts';
import { ConflictVersions, KeepButtons } from './ConflictParts.tsx';

export interface ClerkConflictProps {
  readonly conflict: DocConflict;
  /** The draft open here: its version is marked "this draft". */
  readonly draftId: string;
  readonly agency: string;
  /** Keeps one version (the unit's sync removes the others). */
  readonly onKeep: (rev: string) => Promise<{ ok: true } | { ok: false; reason: string; message?: string }>;
  /** 重新报送 this draft on top of both. */
  readonly onResubmit: () => void;
  readonly busy: boolean;
  /** Two versions side by side (before = the other, after = the one shown). */
  readonly renderCompare?: (shown: Report, other: Report) => ReactNode;
  /** What came of a choice (said outside: a settled conflict's view goes away). */
  readonly onNotice: (text: string, ok: boolean) => void;
}

export function ClerkConflict({ conflict, draftId, agency, onKeep, onResubmit, busy, renderCompare, onNotice }: ClerkConflictProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [comparing, setComparing] = useState(false);
  const [keeping, setKeeping] = useState(false);
  const heading = t('sharing.supervisor.conflictHeading', { agency, what: t('sharing.supervisor.conflictWhat.report', { year: conflict.year }) });
  const keep = async (rev: string) => {
    setKeeping(true);
    const result = await onKeep(rev);
    setKeeping(false);
    onNotice(result.ok ? t('sharing.supervisor.conflictResolved') : t('sharing.supervisor.conflictFailed', { reason: result.message ?? result.reason }), result.ok);
  };
  return (
    <>
      <button type="button" className="sharing-conflict-button" aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">⚠ </span>
        {t('sharing.clerk.conflictButton')}
      </button>
      {open && (
        <div
          id={id}
          className="sharing-dialog sharing-conflict-dialog"
          role="dialog"
          aria-modal="false"
          aria-label={heading}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <section className="sharing-conflict">
            <h3>
              <span aria-hidden="true">⚠ </span>
              {heading}
            </h3>
            <p>{t('sharing.clerk.conflictHelp')}</p>
            <ConflictVersions conflict={conflict} mark={(version) => (version.draftId === draftId ? t('sharing.clerk.thisDraft') : '')} />
            <p className="sharing-actions">
              <KeepButtons conflict={conflict} busy={busy || keeping} onKeep={(rev) => void keep(rev)} />
              <button type="button" className="primary" disabled={busy || keeping} onClick={onResubmit}>
                {t('sharing.clerk.resubmit')}
              </button>
            </p>
            {renderCompare && (
              <>
                <button type="button" aria-expanded={comparing} onClick={() => setComparing(!comparing)}>
                  {t('sharing.clerk.compare')}
                </button>
                {comparing && (
                  <div className="sharing-compare">
                    <p className="sharing-help">{t('sharing.supervisor.conflictExplain')}</p>
                    {renderCompare(conflict.winner.report, conflict.others[0]!.report)}
                  </div>
                )}
              </>
            )}
          </section>
        </div>
      )}
    </>
  );
}
