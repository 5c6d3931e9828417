/**
 * A compact read-only view of a report for the reviewer: meta, narrative and the tables of 二,
 * 三 and 四 with their values, laid out by the core's layout.ts as the template merges them. Each cell and part is a button that picks it as the target of a
 * comment, and shows how many open comments it has. The app may put the editor's read-only
 * layout or the print view in its place (ReviewWorkspace's `renderReport`).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGENCY_KIND_LABELS,
  META_FIELDS,
  REPORT_LAYOUT,
  SECTIONS,
  cellName,
  partNumber,
  reportTitle,
  shownValue,
  type LayoutCell,
  type LayoutRow,
  type NarrativeSectionId,
  type Report,
  type ReportLayout,
  type SectionDef,
  type TableLayout,
  type TableSectionId,
} from '../../report/index.ts';
import { useLabel, useLang } from '../../i18n/index.ts';
import { openCommentsByTarget } from './targets.ts';

export interface ReportViewProps {
  readonly report: Report;
  /** Picks a cell, part or field as the target of a new comment. */
  readonly onPickTarget?: (target: string) => void;
  /** The currently picked target, marked in the view. */
  readonly picked?: string;
  /** The tables' layout; the format's by default (a test passes a changed one). */
  readonly layout?: ReportLayout;
}

/** The DOM id of a target in this view, for "go to cell" from findings and comments. */
export function viewTargetId(target: string): string {
  return `rv-target-${target.replace(/[^\w.-]/g, '_')}`;
}

/** Class of a label cell by its role in the layout (the note and groups set apart). */
const LABEL_CLASS: Partial<Record<string, string>> = { caption: 'rv-caption', note: 'rv-note', rowGroup: 'rv-group' };

export function ReportView({ report, onPickTarget, picked, layout = REPORT_LAYOUT }: ReportViewProps) {
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

  // A value as every view shows it (layout.ts): a blank, or a total of blanks, stays empty;
  // its name says 未填写.
  const cell = (id: string) => {
    const text = shownValue(report, id, layout);
    return pickable(id, `${cellName(id, lang, layout)}: ${text === '' ? t('review.view.notFilled') : text}`, text, 'rv-cell');
  };

  const layoutCell = (c: LayoutCell, i: number) =>
    c.kind === 'label' ? (
      <th key={c.key} scope={c.scope} rowSpan={c.rowSpan} colSpan={c.colSpan} className={LABEL_CLASS[c.role]}>
        {label(c.label)}
      </th>
    ) : (
      <td key={`${c.cellId}:${i}`} rowSpan={c.rowSpan} colSpan={c.colSpan} data-cell={c.cellId} className={c.kind === 'computed' ? 'rv-computed' : undefined}>
        {cell(c.cellId)}
      </td>
    );
  const layoutRow = (row: LayoutRow) => <tr key={row.key}>{row.cells.map(layoutCell)}</tr>;

  // The tables of 二, 三 and 四 as layout.ts lays them out (the template's merged headers).
  const tableSection = (section: SectionDef) => {
    const table: TableLayout = layout[section.id as TableSectionId];
    return (
      <section key={section.id} aria-labelledby={`rv-h-${section.id}`}>
        <h3 id={`rv-h-${section.id}`}>{label(section.heading)}</h3>
        <div className="rv-table-scroll">
          <table className={`rv-grid rv-grid-${section.id}`}>
            {table.head.length > 0 ? <thead>{table.head.map(layoutRow)}</thead> : null}
            {table.bodies.map((body) => (
              <tbody key={body.key}>{body.rows.map(layoutRow)}</tbody>
            ))}
          </table>
        </div>
      </section>
    );
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
        section.kind === 'narrative' ? narrativeSection(section) : tableSection(section),
      )}
    </article>
  );
}
