/** Import: the list of problems of a refused file, and the choice for a known agency and year. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n/index.ts';
import type { Problem } from '../../report/index.ts';
import type { DraftSummary } from '../../storage/index.ts';
import { Dialog, DialogActions } from './Dialog.tsx';
import './strings.ts';

const SHOWN_PROBLEMS = 50;

export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  return (
    <>
      <table className="drafts-table drafts-problems">
        <thead>
          <tr>
            <th scope="col">{t('drafts.import.field')}</th>
            <th scope="col">{t('drafts.import.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p, i) => (
            <tr key={`${p.path}:${i}`}>
              <td>{p.path ? <code>{p.path}</code> : t('drafts.import.wholeFile')}</td>
              <td>{label(p.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > shown.length && <p>{t('drafts.import.moreProblems', { n: problems.length - shown.length })}</p>}
    </>
  );
}

export function ImportProblems({ fileName, problems, onDismiss }: { fileName: string; problems: readonly Problem[]; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="drafts-banner drafts-banner-error drafts-import-problems">
      <p>
        <strong>{t('drafts.import.refused', { name: fileName })}</strong> {t('drafts.import.unchanged')}
      </p>
      <ProblemList problems={problems} />
      <button type="button" onClick={onDismiss}>
        {t('drafts.home.dismiss')}
      </button>
    </div>
  );
}

export function ImportChoiceDialog({
  fileName,
  matches,
  returned = false,
  onCancel,
  onNew,
  onVersion,
}: {
  fileName: string;
  matches: readonly DraftSummary[];
  /** The file came back from the 政务公开办 (退回): a new version of the draft is offered first, and chosen. */
  returned?: boolean;
  onCancel: () => void;
  onNew: () => Promise<void>;
  onVersion: (target: DraftSummary) => Promise<void>;
}) {
  const { t } = useTranslation();
  const name = useId();
  const [choice, setChoice] = useState<string>(returned ? matches[0]!.id : 'new');
  const [busy, setBusy] = useState(false);
  const first = matches[0]!;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const target = matches.find((m) => m.id === choice);
    if (target) await onVersion(target);
    else await onNew();
    setBusy(false);
  };
  const asNew = (
    <label className="drafts-radio">
      <input type="radio" name={name} value="new" checked={choice === 'new'} onChange={() => setChoice('new')} data-autofocus={returned ? undefined : true} />
      {t('drafts.import.asNew')}
    </label>
  );
  return (
    <Dialog title={t('drafts.import.title')} onClose={onCancel}>
      <form onSubmit={(e) => void submit(e)} className="drafts-form">
        <p>{t('drafts.import.exists', { file: fileName, agency: first.agency, year: first.year ?? '' })}</p>
        {returned ? <p>{t('drafts.import.returned')}</p> : null}
        <fieldset>
          <legend>{t('drafts.import.how')}</legend>
          {returned ? null : asNew}
          {matches.map((m, i) => (
            <label key={m.id} className="drafts-radio">
              <input
                type="radio"
                name={name}
                value={m.id}
                checked={choice === m.id}
                onChange={() => setChoice(m.id)}
                data-autofocus={returned && i === 0 ? true : undefined}
              />
              {t('drafts.import.asVersion', { name: m.title || m.agency })}
            </label>
          ))}
          {returned ? asNew : null}
        </fieldset>
        <DialogActions submitLabel={t('drafts.import.submit')} busy={busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
