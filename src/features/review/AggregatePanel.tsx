/**
 * 汇总: the selected units' reports summed cell by cell into the area's report (kind
 * government), with every unit that is not in the sum named where it cannot be missed.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cellName, shownValue, type Report } from '../../report/index.ts';
import { useLang } from '../../i18n/index.ts';
import { downloadReport } from './files.ts';
import { buildAggregate, commonYear, type ReviewUnit, type WorkspaceAggregate } from './model.ts';
import { ReportView } from './ReportView.tsx';

/** The totals a supervisor checks first. */
export const KEY_TOTALS = [
  'applications.newReceived.total',
  'applications.carriedOver.total',
  'applications.granted.total',
  'applications.resultsTotal.total',
  'applications.carriedForward.total',
  'appeals.review.total',
  'appeals.litigationDirect.total',
  'appeals.litigationAfterReview.total',
  'proactive.normativeDocuments.issued',
  'proactive.licensing',
  'proactive.punishment',
  'proactive.fees',
] as const;

export interface AggregatePanelProps {
  /** The units chosen for the sum. */
  readonly selected: readonly ReviewUnit[];
  /** Every unit in the workspace (to name the ones without a report or not selected). */
  readonly all: readonly ReviewUnit[];
  /** Agencies expected to report. */
  readonly roster: readonly string[];
  /** The name the aggregate is made for, remembered between rounds. */
  readonly defaultAgency: string;
  readonly onAgencyChange?: (agency: string) => void;
  /** Called with each aggregate built (e.g. for the app to print it) and the choices it was built with (to keep them). */
  readonly onBuilt?: (report: Report, choices: AggregateChoices) => void;
  /** The choices of a 汇总 built before (kept in the review store): the result shows again at once. */
  readonly kept?: AggregateChoices | null;
  /** Shows a print button that hands the aggregate to the app's print view. */
  readonly onPrint?: (report: Report) => void;
  /** Renders the aggregate report (e.g. the print view); defaults to the compact view. */
  readonly renderReport?: (report: Report) => ReactNode;
}

export interface AggregateChoices {
  readonly year: number;
  readonly includeUnapproved: boolean;
}

export function AggregatePanel({ selected, all, roster, defaultAgency, onAgencyChange, onBuilt, onPrint, renderReport, kept }: AggregatePanelProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const ids = useId();
  const years = useMemo(() => [...new Set(selected.map((u) => u.year).filter((y): y is number => y !== null))].sort((a, b) => b - a), [selected]);
  const [agency, setAgency] = useState(defaultAgency);
  const [year, setYear] = useState<number | null>(() => kept?.year ?? commonYear(selected));
  const [includeUnapproved, setIncludeUnapproved] = useState(kept?.includeUnapproved ?? false);
  const [agencyMissing, setAgencyMissing] = useState(false);
  // A kept 汇总 is built again from the same units and choices, as it was (nothing is sent or changed).
  const [result, setResult] = useState<WorkspaceAggregate | null>(() =>
    kept && defaultAgency.trim() && years.includes(kept.year)
      ? buildAggregate(selected, all, roster, { agency: defaultAgency.trim(), year: kept.year, includeUnapproved: kept.includeUnapproved })
      : null,
  );
  const [notice, setNotice] = useState('');
  const resultRef = useRef<HTMLHeadingElement>(null);
  // A new result: take the reader (and the focus) to it, with what was left out first. A kept one
  // shown on opening the workspace stays where it is.
  const shownFirst = useRef(result);
  useEffect(() => {
    if (!result || result === shownFirst.current) return;
    resultRef.current?.scrollIntoView?.({ block: 'start' });
    resultRef.current?.focus({ preventScroll: true });
  }, [result]);
  const chosenYear = year !== null && years.includes(year) ? year : commonYear(selected);

  function build(e: FormEvent) {
    e.preventDefault();
    if (!agency.trim()) {
      setAgencyMissing(true);
      return;
    }
    setAgencyMissing(false);
    if (chosenYear === null) return;
    const built = buildAggregate(selected, all, roster, { agency: agency.trim(), year: chosenYear, includeUnapproved });
    setResult(built);
    setNotice(t('review.aggregate.built', { count: built.included.length }));
    onAgencyChange?.(agency.trim());
    onBuilt?.(built.report, { year: chosenYear, includeUnapproved });
  }

  const leftOut = result
    ? [
        { key: 'missing', names: result.missing },
        { key: includeUnapproved ? 'includedNotApproved' : 'notApproved', names: result.notApproved },
        { key: 'otherYear', names: result.otherYear.map((o) => `${o.agency}（${o.year ?? '—'}）`) },
        { key: 'notSelected', names: result.notSelected },
        // Counted, but with blank cells: their blanks are not zeros in the totals.
        { key: 'withBlanks', names: result.withBlanks.map((b) => t('review.aggregate.blankCells', { agency: b.agency, count: b.blank })) },
      ].filter((g) => g.names.length > 0)
    : [];

  return (
    <section className="rv-aggregate" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`} tabIndex={-1}>
        {t('review.aggregate.heading')}
      </h2>
      <p>{t('review.aggregate.intro', { count: selected.length })}</p>
      <form className="rv-form rv-inline" onSubmit={build}>
        <label>
          {t('review.aggregate.agency')}{' '}
          <input
            value={agency}
            onChange={(e) => setAgency(e.target.value)}
            aria-required="true"
            aria-invalid={agencyMissing || undefined}
            aria-describedby={agencyMissing ? `${ids}-agency-err` : undefined}
          />
        </label>
        <label>
          {t('review.aggregate.year')}{' '}
          <select value={chosenYear ?? ''} onChange={(e) => setYear(Number(e.target.value))} disabled={years.length === 0}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={includeUnapproved} onChange={(e) => setIncludeUnapproved(e.target.checked)} /> {t('review.aggregate.includeUnapproved')}
        </label>
        <button type="submit" className="primary" disabled={selected.length === 0 || chosenYear === null}>
          {t('review.aggregate.build')}
        </button>
        {agencyMissing ? (
          <p id={`${ids}-agency-err`} className="rv-error-text">
            {t('review.aggregate.agencyRequired')}
          </p>
        ) : null}
      </form>
      <div aria-live="polite" className="rv-notice">
        {notice}
      </div>

      {result ? (
        <div className="rv-aggregate-result">
          <h3 ref={resultRef} tabIndex={-1}>
            {result.report.meta.agency} {result.report.meta.year} · {t('review.aggregate.resultHeading')}
          </h3>
          {leftOut.length > 0 ? (
            <section className="rv-attention" aria-labelledby={`${ids}-attn`}>
              <h4 id={`${ids}-attn`}>
                <span aria-hidden="true">⚠ </span>
                {t('review.aggregate.attention')}
              </h4>
              <dl>
                {leftOut.map((g) => (
                  <div key={g.key}>
                    <dt>{t(`review.aggregate.leftOut.${g.key}` as 'review.aggregate.leftOut.missing', { count: g.names.length })}</dt>
                    <dd>{g.names.join('、')}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : roster.length > 0 ? (
            <p className="rv-ok">✓ {t('review.aggregate.complete')}</p>
          ) : null}
          {/* Without a roster nobody can tell whether a unit that should report is missing. */}
          {roster.length === 0 ? <p className="rv-hint">{t('review.aggregate.noRoster')}</p> : null}
          {result.included.length > 0 ? (
            <p>
              <strong>{t('review.aggregate.included', { count: result.included.length })}</strong> {result.included.join('、')}
            </p>
          ) : (
            <p className="rv-hint">{t('review.aggregate.noneIncluded')}</p>
          )}
          <table className="rv-grid rv-key-totals">
            <caption>{t('review.aggregate.keyTotals')}</caption>
            <tbody>
              {KEY_TOTALS.map((id) => (
                <tr key={id}>
                  <th scope="row">{cellName(id, lang)}</th>
                  <td className="rv-num" data-cell={id}>
                    {/* A total of blanks is blank (—), as a blank cell is: never a 0 nobody entered. */}
                    {shownValue(result.report, id) || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="rv-actions">
            <button type="button" onClick={() => setNotice(t('review.panel.exported', { file: downloadReport(result.report) }))}>
              {t('review.aggregate.export')}
            </button>
            {onPrint ? (
              <button type="button" onClick={() => onPrint(result.report)}>
                {t('review.aggregate.print')}
              </button>
            ) : null}
          </div>
          <details>
            <summary>{t('review.aggregate.allTables')}</summary>
            {renderReport ? renderReport(result.report) : <ReportView report={result.report} />}
          </details>
        </div>
      ) : null}
    </section>
  );
}
