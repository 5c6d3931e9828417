/**
 * A compact read-only view of a report for the reviewer: meta, narrative and the tables of 二,
 * 三 and 四 with their values. Each cell and part is a button that picks it as the target of a
 * comment, and shows how many open comments it has. The app may put the editor's read-only
 * layout or the print view in its place (ReviewWorkspace's `renderReport`).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGENCY_KIND_LABELS,
  APPEALS_COLUMN_IDS,
  APPEALS_LITIGATION,
  APPEAL_KINDS,
  APPEAL_OUTCOMES,
  APPEALS_TOTAL_COLUMN,
  APPLICANT_COLUMNS,
  APPLICATIONS_COLUMN_IDS,
  APPLICATIONS_ROWS,
  APPLICATIONS_TOTAL_COLUMN,
  META_FIELDS,
  PROACTIVE_CONTENT_HEADER,
  PROACTIVE_DOCUMENT_COLUMNS,
  PROACTIVE_TABLES,
  SECTIONS,
  applicationsGroup,
  cellLabel,
  cellValue,
  partNumber,
  reportTitle,
  type NarrativeSectionId,
  type Report,
  type SectionDef,
} from '../../report/index.ts';
import { useLabel, useLang } from '../../i18n/index.ts';
import { formatNumber } from '../../ui/format.ts';
import { openCommentsByTarget } from './targets.ts';

export interface ReportViewProps {
  readonly report: Report;
  /** Picks a cell, part or field as the target of a new comment. */
  readonly onPickTarget?: (target: string) => void;
  /** The currently picked target, marked in the view. */
  readonly picked?: string;
}

/** The DOM id of a target in this view, for "go to cell" from findings and comments. */
export function viewTargetId(target: string): string {
  return `rv-target-${target.replace(/[^\w.-]/g, '_')}`;
}

export function ReportView({ report, onPickTarget, picked }: ReportViewProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const lang = useLang();
  const comments = openCommentsByTarget(report);

  // Plain render functions, not components defined in render: those would remount on every
  // render and a picked button would lose keyboard focus.
  const pickable = (target: string, name: string, children: ReactNode, className?: string) => {
    const count = comments.get(target) ?? 0;
    const mark = count > 0 ? <span className="rv-comment-mark" aria-hidden="true">✎{count}</span> : null;
    const description = count > 0 ? t('review.view.openComments', { count }) : '';
    if (!onPickTarget) {
      return (
        <span id={viewTargetId(target)} className={className}>
          {children}
          {mark}
        </span>
      );
    }
    return (
      <button
        type="button"
        id={viewTargetId(target)}
        className={`rv-target ${className ?? ''}${picked === target ? ' rv-picked' : ''}`}
        aria-label={`${name}${description ? `, ${description}` : ''}. ${t('review.view.pickToComment')}`}
        aria-pressed={picked === target}
        onClick={() => onPickTarget(target)}
      >
        {children}
        {mark}
      </button>
    );
  };

  const cell = (id: string) => {
    const value = cellValue(report, id);
    const name = `${cellLabel(id, lang)}: ${value === null ? t('review.view.notFilled') : formatNumber(value, lang)}`;
    return pickable(id, name, formatNumber(value, lang), 'rv-cell');
  };

  const narrativeSection = (section: SectionDef) => {
    const parts = report.narrative[section.id as NarrativeSectionId];
    let n = 0;
    return (
      <section key={section.id} aria-labelledby={`rv-h-${section.id}`}>
        <h3 id={`rv-h-${section.id}`}>{label(section.heading)}</h3>
        {parts.map((part, i) => {
          const number = part.title ? partNumber(n++) : '';
          const target = `narrative.${section.id}.${i}`;
          return (
            <div key={i} className="rv-part">
              {pickable(
                target,
                `${label(section.heading)} ${number}${part.title || t('review.view.untitledPart')}`,
                part.title ? <strong>{`${number}${part.title}`}</strong> : <em className="rv-muted">{t('review.view.untitledPart')}</em>,
                'rv-part-button',
              )}
              <p className="rv-text">{part.text || <em className="rv-muted">{t('review.view.empty')}</em>}</p>
            </div>
          );
        })}
      </section>
    );
  };

  const proactive = (
    <section key="proactive" aria-labelledby="rv-h-proactive">
      <h3 id="rv-h-proactive">{label(SECTIONS.find((s) => s.id === 'proactive')!.heading)}</h3>
      {PROACTIVE_TABLES.map((table) => (
        <table key={table.id} className="rv-grid">
          <caption>{label(table.caption)}</caption>
          <thead>
            <tr>
              <th scope="col">{label(PROACTIVE_CONTENT_HEADER)}</th>
              {table.columns.map((c) => (
                <th key={c.zh} scope="col">
                  {label(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{label(row.label)}</th>
                {row.shape === 'documents' ? (
                  PROACTIVE_DOCUMENT_COLUMNS.map((c) => (
                    <td key={c.id}>
                      {cell(`proactive.${row.id}.${c.id}`)}
                    </td>
                  ))
                ) : (
                  <td>
                    {cell(`proactive.${row.id}`)}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );

  const applications = (
    <section key="applications" aria-labelledby="rv-h-applications">
      <h3 id="rv-h-applications">{label(SECTIONS.find((s) => s.id === 'applications')!.heading)}</h3>
      <div className="rv-table-scroll">
        <table className="rv-grid">
          <thead>
            <tr>
              <td />
              {APPLICANT_COLUMNS.map((c) => (
                <th key={c.id} scope="col">
                  {label(c.label)}
                </th>
              ))}
              <th scope="col">{label(APPLICATIONS_TOTAL_COLUMN.label)}</th>
            </tr>
          </thead>
          <tbody>
            {APPLICATIONS_ROWS.map((row) => {
              const group = row.group && row.group !== 'results' ? `${label(applicationsGroup(row.group).label)} ` : '';
              return (
                <tr key={row.id}>
                  <th scope="row">
                    {group ? <span className="rv-muted">{group}</span> : null}
                    {label(row.label)}
                  </th>
                  {APPLICATIONS_COLUMN_IDS.map((c) => (
                    <td key={c}>
                      {cell(`applications.${row.id}.${c}`)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );

  const appeals = (
    <section key="appeals" aria-labelledby="rv-h-appeals">
      <h3 id="rv-h-appeals">{label(SECTIONS.find((s) => s.id === 'appeals')!.heading)}</h3>
      <table className="rv-grid">
        <thead>
          <tr>
            <td />
            {APPEAL_OUTCOMES.map((o) => (
              <th key={o.id} scope="col">
                {label(o.label)}
              </th>
            ))}
            <th scope="col">{label(APPEALS_TOTAL_COLUMN.label)}</th>
          </tr>
        </thead>
        <tbody>
          {APPEAL_KINDS.map((kind) => (
            <tr key={kind.id}>
              <th scope="row">
                {'parent' in kind ? <span className="rv-muted">{label(APPEALS_LITIGATION)} </span> : null}
                {label(kind.label)}
              </th>
              {APPEALS_COLUMN_IDS.map((c) => (
                <td key={c}>
                  {cell(`appeals.${kind.id}.${c}`)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );

  return (
    <article className="rv-report" aria-label={reportTitle(report.meta.agency, report.meta.year)}>
      <h2>{reportTitle(report.meta.agency, report.meta.year)}</h2>
      <dl className="rv-meta">
        {(Object.keys(META_FIELDS) as (keyof typeof META_FIELDS)[]).map((k) => {
          const raw = report.meta[k];
          const text = k === 'agencyKind' ? label(AGENCY_KIND_LABELS[report.meta.agencyKind]) : raw === null || raw === '' ? '—' : String(raw);
          return (
            <div key={k}>
              <dt>{label(META_FIELDS[k])}</dt>
              <dd>
                {pickable(`meta.${k}`, `${label(META_FIELDS[k])}: ${text}`, text)}
              </dd>
            </div>
          );
        })}
      </dl>
      <div className="rv-part">
        {pickable('narrative.preamble', t('review.target.preamble'), <strong>{t('review.target.preamble')}</strong>, 'rv-part-button')}
        <p className="rv-text">{report.narrative.preamble}</p>
      </div>
      {SECTIONS.map((section) =>
        section.kind === 'narrative' ? narrativeSection(section) : section.id === 'proactive' ? proactive : section.id === 'applications' ? applications : appeals,
      )}
    </article>
  );
}
