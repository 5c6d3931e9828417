/**
 * Comparing two versions of a unit's report, or the report with the unit's last year: cell by
 * cell (old, new, difference) and narrative part by part (added, removed, changed sentences).
 * Changes are marked with words and ＋/－ signs (<ins>/<del>), never by colour alone.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTIONS, cellName, compareReports, formatNumber, type PartChange, type Report } from '../../report/index.ts';
import { useLabel, useLang } from '../../i18n/index.ts';
import type { ReviewUnit } from './model.ts';
import { useFormatDateTime } from '../../ui/format.ts';

export interface CompareCandidate {
  readonly id: string;
  readonly label: string;
  readonly report: Report;
}

/**
 * A number as the tables show it (layout.ts's one rule: plain digits); a side not filled is
 * marked — here, where a change from or to nothing must be seen.
 */
function cellText(value: number | null): string {
  return value === null ? '—' : formatNumber(value);
}

function formatDelta(delta: number | null): string {
  if (delta === null) return '—';
  if (delta === 0) return '0';
  // A real minus sign (U+2212) and an explicit plus: the sign carries the meaning, not colour.
  return `${delta > 0 ? '+' : '−'}${cellText(Math.abs(delta))}`;
}

export interface ComparisonViewProps {
  readonly before: Report;
  readonly after: Report;
}

export function ComparisonView({ before, after }: ComparisonViewProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = useLabel();
  const comparison = useMemo(() => compareReports(before, after), [before, after]);
  const sectionName = (p: PartChange) => (p.section === 'preamble' ? t('review.target.preamble') : label(SECTIONS.find((s) => s.id === p.section)!.heading));

  if (comparison.cells.length === 0 && comparison.parts.length === 0) {
    return <p className="rv-ok">✓ {t('review.compare.noChanges')}</p>;
  }
  return (
    <div className="rv-comparison">
      <h3>{t('review.compare.cellsHeading', { count: comparison.cells.length })}</h3>
      {comparison.cells.length === 0 ? (
        <p className="rv-muted">{t('review.compare.noCellChanges')}</p>
      ) : (
        <div className="rv-table-scroll">
          <table className="rv-grid rv-compare-cells">
            <thead>
              <tr>
                <th scope="col">{t('review.compare.cell')}</th>
                <th scope="col">{t('review.compare.old')}</th>
                <th scope="col">{t('review.compare.new')}</th>
                <th scope="col">{t('review.compare.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.cells.map((c) => (
                <tr key={c.cell}>
                  <th scope="row">{cellName(c.cell, lang)}</th>
                  <td className="rv-num">{cellText(c.before)}</td>
                  <td className="rv-num">{cellText(c.after)}</td>
                  <td className="rv-num">{formatDelta(c.delta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('review.compare.partsHeading', { count: comparison.parts.length })}</h3>
      {comparison.parts.length === 0 ? (
        <p className="rv-muted">{t('review.compare.noPartChanges')}</p>
      ) : (
        comparison.parts.map((p) => (
          <section key={`${p.section}-${p.index}-${p.change}`} className={`rv-part-change rv-part-${p.change}`}>
            <h4>
              {sectionName(p)}
              {p.title ? ` · ${p.title}` : ''} <span className="rv-change-kind">[{t(`review.compare.part.${p.change}`)}]</span>
            </h4>
            <p className="rv-sentences">
              {p.sentences.map((s, i) =>
                s.mark === 'added' ? (
                  <ins key={i}>
                    <span className="visually-hidden">{t('review.compare.added')}</span>
                    <span aria-hidden="true">＋</span>
                    {s.text}
                  </ins>
                ) : s.mark === 'removed' ? (
                  <del key={i}>
                    <span className="visually-hidden">{t('review.compare.removed')}</span>
                    <span aria-hidden="true">－</span>
                    {s.text}
                  </del>
                ) : (
                  <span key={i} className="rv-same">
                    {s.text}
                  </span>
                ),
              )}
            </p>
          </section>
        ))
      )}
    </div>
  );
}

/** The versions of a unit, oldest first, and its last year's report when in the workspace. */
export function useCompareCandidates(unit: ReviewUnit): CompareCandidate[] {
  const { t } = useTranslation();
  const format = useFormatDateTime('short');
  return useMemo(() => {
    const list: CompareCandidate[] = unit.versions.map((v, i) => ({
      id: v.id,
      label: t('review.compare.version', { n: i + 1, time: format(v.receivedAt), file: v.fileName || '—' }),
      report: v.document,
    }));
    if (unit.lastYear) list.unshift({ id: 'lastYear', label: t('review.compare.lastYear', { year: unit.lastYear.meta.year ?? '' }), report: unit.lastYear });
    return list;
  }, [unit, t, format]);
}

export interface ComparePanelProps {
  readonly unit: ReviewUnit;
}

/** Pick two reports of the unit and compare them; starts with what changed in the latest version. */
export function ComparePanel({ unit }: ComparePanelProps) {
  const { t } = useTranslation();
  const ids = useId();
  const candidates = useCompareCandidates(unit);
  const latestId = unit.latest.id;
  const previousId = unit.versions.length > 1 ? unit.versions[unit.versions.length - 2]!.id : unit.lastYear ? 'lastYear' : latestId;
  const [beforeId, setBeforeId] = useState(previousId);
  const [afterId, setAfterId] = useState(latestId);
  const before = candidates.find((c) => c.id === beforeId) ?? candidates.find((c) => c.id === previousId)!;
  const after = candidates.find((c) => c.id === afterId) ?? candidates.find((c) => c.id === latestId)!;

  return (
    <section className="rv-compare" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('review.compare.heading')}</h2>
      {candidates.length < 2 ? (
        <p className="rv-muted">{t('review.compare.nothingToCompare')}</p>
      ) : (
        <>
          <div className="rv-toolbar">
            <CandidateSelect label={t('review.compare.before')} candidates={candidates} value={before.id} onChange={setBeforeId} />
            <CandidateSelect label={t('review.compare.after')} candidates={candidates} value={after.id} onChange={setAfterId} />
          </div>
          {before.id === after.id ? <p className="rv-muted">{t('review.compare.same')}</p> : <ComparisonView before={before.report} after={after.report} />}
        </>
      )}
    </section>
  );
}

/** One side of the comparison: which version (or year) of the unit's report. */
function CandidateSelect({ label, candidates, value, onChange }: { label: string; candidates: readonly CompareCandidate[]; value: string; onChange: (id: string) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
