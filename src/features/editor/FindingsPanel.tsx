/**
 * The findings of the core's rules, live: errors, warnings, hints, each with its message in the
 * UI language, the two sides and their difference, a way to the cell, and for warnings the
 * clerk's written explanation. Also the hidden elements that give marked cells their
 * accessible description.
 */
import { lazy, memo, Suspense, useState } from 'react';
import { META_FIELDS, sectionDef, type Finding, type Severity } from '../../report/index.ts';
import { useLang } from '../../i18n/index.ts';
import { useCachedT, type CachedT } from './cachedT.ts';
import { findingDescriptionId, useDerivedValue, useEditor, useStoreValue } from './context.ts';
import { cellName, sectionOfPath, type EditorSection } from './gridModel.ts';
import { SEVERITY_ICON } from './marks.tsx';
import type { TextHint } from './textPlace.ts';
import type { InvalidInput } from './store.ts';

// Loaded when a clerk first writes an explanation.
const ExplanationForm = lazy(() => import('./ExplanationForm.tsx').then((m) => ({ default: m.ExplanationForm })));

function useSectionName(): (section: EditorSection | undefined) => string {
  const t = useCachedT();
  const lang = useLang();
  return (section) => (!section ? '' : section === 'meta' ? t('editor.nav.meta') : sectionDef(section).heading[lang]);
}

function fieldName(path: string, lang: 'zh' | 'en', t: CachedT): string {
  const meta = /^meta\.(\w+)$/.exec(path)?.[1];
  if (meta && meta in META_FIELDS) return META_FIELDS[meta as keyof typeof META_FIELDS][lang];
  if (path === 'narrative.preamble') return t('editor.meta.preamble');
  return cellName(path, lang) || path;
}

function Explanation({ finding, readOnly }: { finding: Finding; readOnly: boolean }) {
  const t = useCachedT();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(finding.explanation ?? '');
  const [problem, setProblem] = useState(false);

  if (!editing) {
    return (
      <div className="explanation">
        {finding.explained ? (
          <p className="explanation-text">
            <span className="explanation-label">{t('editor.findings.explanation')}</span> {finding.explanation}
          </p>
        ) : null}
        {readOnly ? null : (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setDraft(finding.explanation ?? '');
              setEditing(true);
            }}
          >
            {finding.explained ? t('editor.findings.editExplanation') : t('editor.findings.explain')}
          </button>
        )}
      </div>
    );
  }

  return (
    <Suspense fallback={null}>
      <ExplanationForm finding={finding} draft={draft} setDraft={setDraft} problem={problem} setProblem={setProblem} onClose={() => setEditing(false)} />
    </Suspense>
  );
}

/** A finding about words of a text (a number the tables contradict, an old citation): what to select there. */
function textHint(finding: Finding): TextHint | undefined {
  const quote = finding.params.quote;
  if (typeof quote !== 'string' || !finding.cells[0]?.startsWith('narrative.')) return undefined;
  return finding.left === undefined ? { quote } : { quote, number: finding.left };
}

/** One finding; the store keeps an unchanged finding the same object, so it does not re-render. */
export const FindingItem = memo(function FindingItem({ finding, readOnly }: { finding: Finding; readOnly: boolean }) {
  const t = useCachedT();
  const lang = useLang();
  const { goTo } = useEditor();
  const sectionName = useSectionName();
  const target = finding.cells[0];
  const hasSides = finding.left !== undefined && finding.right !== undefined;
  return (
    <li className={`finding finding-${finding.severity}${finding.explained ? ' finding-explained' : ''}`}>
      <button type="button" className="finding-go" onClick={() => target && goTo(target, textHint(finding))} disabled={!target}>
        <span className="severity">
          <span className="severity-icon" aria-hidden="true">
            {finding.explained ? '✓' : SEVERITY_ICON[finding.severity]}
          </span>
          {t(`editor.severity.${finding.severity}`)}
          {finding.explained ? ` · ${t('editor.findings.explained')}` : ''}
        </span>
        <span className="finding-where">{sectionName(target ? sectionOfPath(target) : undefined)}</span>
        <span className="finding-message">{finding.message[lang]}</span>
      </button>
      {hasSides ? (
        <dl className="sides">
          <div>
            <dt>{t('editor.findings.left')}</dt>
            <dd>{finding.left}</dd>
          </div>
          <div>
            <dt>{t('editor.findings.right')}</dt>
            <dd>{finding.right}</dd>
          </div>
          {finding.delta !== undefined ? (
            <div>
              <dt>{t('editor.findings.delta')}</dt>
              <dd>{finding.delta > 0 ? `+${finding.delta}` : finding.delta}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {finding.severity === 'warning' ? <Explanation finding={finding} readOnly={readOnly} /> : null}
    </li>
  );
});

export function InvalidItem({ path, invalid }: { path: string; invalid: InvalidInput }) {
  const t = useCachedT();
  const lang = useLang();
  const { goTo } = useEditor();
  const sectionName = useSectionName();
  return (
    <li className="finding finding-error">
      <button type="button" className="finding-go" onClick={() => goTo(path)}>
        <span className="severity">
          <span className="severity-icon" aria-hidden="true">
            {SEVERITY_ICON.error}
          </span>
          {t('editor.severity.error')}
        </span>
        <span className="finding-where">{sectionName(sectionOfPath(path))}</span>
        <span className="finding-message">
          {t('editor.findings.invalidInput', { field: fieldName(path, lang, t), text: invalid.text, reason: t(`editor.parse.${invalid.reason}`) })}
        </span>
      </button>
    </li>
  );
}

const ORDER: readonly Severity[] = ['error', 'warning', 'hint'];

export const FindingsPanel = memo(function FindingsPanel({ readOnly }: { readOnly: boolean }) {
  const t = useCachedT();
  const findings = useDerivedValue((s) => s.getFindings());
  const invalid = useDerivedValue((s) => s.getInvalidInputs());
  const strict = useStoreValue((s) => s.isStrict());
  // A ready report is checked as finished: the "checked as you type" mode does not apply to it.
  const ready = useStoreValue((s) => s.getReport().status === 'ready');
  const total = findings.length + invalid.length;
  return (
    <section className="findings-panel" aria-labelledby="findings-heading">
      <h2 id="findings-heading">
        {t('editor.findings.heading')} <span className="count">({total})</span>
      </h2>
      {ready ? null : <p className="muted findings-mode">{strict ? t('editor.findings.modeStrict') : t('editor.findings.modeTyping')}</p>}
      {total === 0 ? <p className="findings-none">{t('editor.findings.none')}</p> : null}
      {invalid.length > 0 ? (
        <>
          <h3>{t('editor.findings.invalidHeading', { n: invalid.length })}</h3>
          <ul className="findings">
            {invalid.map(([path, inv]) => (
              <InvalidItem key={path} path={path} invalid={inv} />
            ))}
          </ul>
        </>
      ) : null}
      {ORDER.map((severity) => {
        const list = findings.filter((f) => f.severity === severity);
        if (list.length === 0) return null;
        return (
          <div key={severity}>
            <h3>{t(`editor.findings.group.${severity}`, { n: list.length })}</h3>
            <ul className="findings">
              {list.map((f) => (
                <FindingItem key={f.key} finding={f} readOnly={readOnly} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
});

/** The hidden texts marked cells point to with aria-describedby. */
export const FindingDescriptions = memo(function FindingDescriptions() {
  const findings = useDerivedValue((s) => s.getFindings());
  return (
    <div hidden>
      {findings.map((f) => (
        <FindingDescription key={f.key} finding={f} />
      ))}
    </div>
  );
});

const FindingDescription = memo(function FindingDescription({ finding }: { finding: Finding }) {
  const t = useCachedT();
  const lang = useLang();
  return (
    <span id={findingDescriptionId(finding.key)}>
      {t(finding.explained ? 'editor.findings.descriptionExplained' : 'editor.findings.description', {
        severity: t(`editor.severity.${finding.severity}`),
        message: finding.message[lang],
      })}
    </span>
  );
});
