/** A unit's findings (errors, warnings, hints) with the clerk's explanations beside the warnings. */
import { useTranslation } from 'react-i18next';
import type { Finding, Report } from '../../report/index.ts';
import { useLabel, useLang } from '../../i18n/index.ts';
import { targetLabel } from './targets.ts';

const SEVERITY_MARKS = { error: '✕', warning: '!', hint: 'i' } as const;

/** A finding's cell or path as a comment target: `narrative.overview.1.text` → `narrative.overview.1`. */
export function findingTarget(cell: string): string {
  const m = /^(narrative\.(?:overview|problems|other)\.\d+)\./.exec(cell);
  if (m) return m[1]!;
  if (cell.startsWith('narrative.preamble')) return 'narrative.preamble';
  return cell;
}

export interface FindingsListProps {
  readonly report: Report;
  readonly findings: readonly Finding[];
  /** Go to a cell or part (e.g. focus it in the report view). */
  readonly onOpenCell?: (target: string) => void;
}

export function FindingsList({ report, findings, onOpenCell }: FindingsListProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const lang = useLang();
  const words = { whole: t('review.target.whole'), preamble: t('review.target.preamble'), untitledPart: t('review.view.untitledPart') };
  if (findings.length === 0) return <p className="rv-ok">✓ {t('review.findings.none')}</p>;
  return (
    <ul className="rv-findings">
      {findings.map((f) => {
        const targets = [...new Set(f.cells.map(findingTarget))].slice(0, 4);
        return (
          <li key={f.key} className={`rv-finding rv-sev-${f.severity}`}>
            <span className="rv-sev">
              <span aria-hidden="true">{SEVERITY_MARKS[f.severity]} </span>
              {t(`review.findings.severity.${f.severity}`)}
            </span>{' '}
            <span>{label(f.message)}</span>
            {targets.length > 0 && onOpenCell ? (
              <span className="rv-finding-cells">
                {targets.map((target) => (
                  <button key={target} type="button" className="rv-link" onClick={() => onOpenCell(target)}>
                    {t('review.findings.goTo', { target: targetLabel(report, target, lang, words) })}
                  </button>
                ))}
              </span>
            ) : null}
            {f.severity === 'warning' ? (
              f.explained ? (
                <blockquote className="rv-explanation">
                  <span className="rv-explanation-label">{t('review.findings.explanation')}</span> {f.explanation}
                </blockquote>
              ) : (
                <p className="rv-unexplained">{t('review.findings.unexplained')}</p>
              )
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
