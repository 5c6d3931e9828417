/**
 * The parts of a conflict's view that both sides show (a document with two versions): who wrote
 * each version and when, and the two choices (keep the version shown, or use the other). The
 * supervisor's view of a unit's conflict (SupervisorSharing) and the clerk's of its own report
 * (ClerkConflict) are made of these around their own heading, help and compare view.
 */
import { useTranslation } from 'react-i18next';
import type { ConflictVersion, DocConflict } from '../../sync/conflicts.ts';

/** Who wrote each version, and when; `mark` adds a word to a version (the clerk's "this draft"). */
export function ConflictVersions({ conflict, mark }: { conflict: DocConflict; mark?: (version: ConflictVersion) => string }) {
  const { t, i18n } = useTranslation();
  const other = conflict.others[0]!;
  const stamp = (v: ConflictVersion) => ({ by: v.by, at: new Date(v.at).toLocaleString(i18n.language) });
  return (
    <ul>
      <li>
        {t('sharing.supervisor.conflictWinner', stamp(conflict.winner))}
        {mark?.(conflict.winner)}
      </li>
      <li>
        {t('sharing.supervisor.conflictOther', stamp(other))}
        {mark?.(other)}
      </li>
    </ul>
  );
}

/** The two choices: keep the version shown, or use the other (its leaves removed, never overwritten). */
export function KeepButtons({ conflict, busy, onKeep }: { conflict: DocConflict; busy: boolean; onKeep: (rev: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" disabled={busy} onClick={() => onKeep(conflict.winner.rev)}>
        {t('sharing.supervisor.keepWinner')}
      </button>
      <button type="button" disabled={busy} onClick={() => onKeep(conflict.others[0]!.rev)}>
        {t('sharing.supervisor.keepOther')}
      </button>
    </>
  );
}
