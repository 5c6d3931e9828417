/** The form in which a clerk writes (or removes) the reason a warning is right. */
import type { Dispatch, SetStateAction } from 'react';
import { isExplanationLongEnough, MIN_EXPLANATION_LENGTH, type Finding } from '../../report/index.ts';
import { useCachedT } from './cachedT.ts';
import { findingDescriptionId, useEditor } from './context.ts';

export function ExplanationForm({
  finding,
  draft,
  setDraft,
  problem,
  setProblem,
  onClose,
}: {
  finding: Finding;
  draft: string;
  setDraft: Dispatch<SetStateAction<string>>;
  problem: boolean;
  setProblem: Dispatch<SetStateAction<boolean>>;
  onClose: () => void;
}) {
  const t = useCachedT();
  const { store } = useEditor();
  const inputId = `explain-${findingDescriptionId(finding.key)}`;

  const save = () => {
    if (!isExplanationLongEnough(draft)) {
      setProblem(true);
      return;
    }
    store.setExplanation(finding.key, draft);
    setProblem(false);
    onClose();
  };

  return (
    <form
      className="explanation-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label htmlFor={inputId}>{t('editor.findings.explanationLabel')}</label>
      <textarea
        id={inputId}
        value={draft}
        rows={3}
        autoFocus
        aria-invalid={problem || undefined}
        aria-describedby={problem ? `${inputId}-problem` : undefined}
        onChange={(e) => setDraft(e.target.value)}
      />
      {problem ? (
        <p id={`${inputId}-problem`} className="field-message">
          {t('editor.findings.explanationTooShort', { n: MIN_EXPLANATION_LENGTH })}
        </p>
      ) : null}
      <div className="explanation-actions">
        <button type="submit" className="primary">
          {t('editor.findings.saveExplanation')}
        </button>
        <button type="button" onClick={() => onClose()}>
          {t('editor.findings.cancel')}
        </button>
        {finding.explained ? (
          <button
            type="button"
            onClick={() => {
              store.setExplanation(finding.key, '');
              onClose();
            }}
          >
            {t('editor.findings.removeExplanation')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
