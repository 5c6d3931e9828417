/**
 * The supervisor's workspace (审核工作台): collect the units' report files, see them all in one
 * table, review one (findings, comments, return or approve, compare), act on many at once, and
 * sum them up (汇总). `#/review` shows the table, `#/review/<unit>` one unit.
 *
 * The app may pass the editor's read-only layout and the print view in (`renderReport`,
 * `renderPrint`); without them the workspace shows its own compact read-only view.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowSelectionState } from '@tanstack/react-table';
import type { Report } from '../../report/index.ts';
import { approveReport, reportTitle } from '../../report/index.ts';
import { createIdbReviewStore, type ReviewStore } from '../../storage/review/index.ts';
import { useLabel } from '../../i18n/index.ts';
import { AggregatePanel } from './AggregatePanel.tsx';
import { CollectPanel } from './CollectPanel.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { downloadReport, downloadReportsZip } from './files.ts';
import { planApproval, unitRows, type ReviewUnit, type SharedUnits } from './model.ts';
import { ReportView, viewTargetId } from './ReportView.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { UnitReviewPanel } from './UnitReviewPanel.tsx';
import { UnitsTable } from './UnitsTable.tsx';
import { useActErrorText } from './useActErrorText.ts';
import type { UnitsTableView } from './unitsTableModel.ts';
import './review.css';
import { useReviewWorkspace, type ReviewWorkspaceState } from './useReviewWorkspace.ts';

/** What the app's report renderers get besides the report, to show and pick comment targets. */
export interface ReportSlotContext {
  readonly unit: ReviewUnit;
  /** The cell or part picked as the comment target ('' = the whole report). */
  readonly picked: string;
  /** Picks a cell id, `narrative.<section>.<i>`, `narrative.preamble` or `meta.<field>`. */
  readonly onPickTarget: (target: string) => void;
}

export interface ReviewWorkspaceProps {
  /** The unit key from the route (`#/review/<unit>`); absent: the units table. */
  readonly unit?: string;
  /** Defaults to the browser's review database (`nianbao-review`). */
  readonly store?: ReviewStore;
  /** The editor's read-only layout of a unit's report, with comments at their cells. */
  readonly renderReport?: (report: Report, context: ReportSlotContext) => ReactNode;
  /** The print layout of a report (a unit's or the aggregate). */
  readonly renderPrint?: (report: Report) => ReactNode;
  /** Print an aggregate report (the app opens its print view). */
  readonly onPrintAggregate?: (report: Report) => void;
  readonly onAggregateBuilt?: (report: Report) => void;
  /** Connected to a shared server: what it says of the area's units (roster, progress, conflicts). */
  readonly shared?: SharedUnits;
  /** Connected: the unit's documents in conflict, both versions and the choice (the sharing feature's). */
  readonly renderConflicts?: (agency: string) => ReactNode;
  /**
   * The units table's filters, sort, ticked rows, scroll and focus, kept by the caller so that
   * they outlive this workspace (it is mounted anew when the server's store comes in, and on
   * each unit's page). Without it, each units page starts afresh.
   */
  readonly tableView?: UnitsTableView;
}

let defaultStore: ReviewStore | undefined;
function browserStore(): ReviewStore {
  defaultStore ??= createIdbReviewStore();
  return defaultStore;
}


export function ReviewWorkspace({ unit: unitKey, store: givenStore, ...slots }: ReviewWorkspaceProps) {
  const { t } = useTranslation();
  const store = givenStore ?? browserStore();
  const workspace = useReviewWorkspace(store);
  const errorText = useActErrorText();

  if (workspace.phase.phase === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (workspace.phase.phase === 'failed') {
    return (
      <div role="alert">
        <h1>{t('review.heading')}</h1>
        <p>{errorText(workspace.phase.error)}</p>
      </div>
    );
  }
  if (unitKey !== undefined) {
    const unit = workspace.units.find((u) => u.key === unitKey);
    if (!unit) {
      return (
        <div>
          <p>{t('review.unit.notFound')}</p>
          <a href="#/review">{t('review.unit.back')}</a>
        </div>
      );
    }
    return <UnitPage key={unit.key} unit={unit} workspace={workspace} {...slots} />;
  }
  return <UnitsPage workspace={workspace} {...slots} />;
}

function ReviewerField({ workspace }: { workspace: ReviewWorkspaceState }) {
  const { t } = useTranslation();
  const ids = useId();
  const [name, setName] = useState(workspace.settings.reviewer);
  return (
    <div className="rv-reviewer">
      <label htmlFor={`${ids}-name`}>{t('review.settings.reviewer')}</label>{' '}
      <input
        id={`${ids}-name`}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          // Saved as typed: the actions below read the stored name.
          void workspace.saveSettings({ reviewer: e.target.value.trim() });
        }}
        placeholder={t('review.settings.reviewerPlaceholder')}
        autoComplete="name"
      />
    </div>
  );
}

function RosterField({ workspace, serverRoster }: { workspace: ReviewWorkspaceState; serverRoster?: readonly string[] }) {
  const { t } = useTranslation();
  const ids = useId();
  const [text, setText] = useState(workspace.settings.roster.join('\n'));
  const [notice, setNotice] = useState('');
  return (
    <details className="rv-roster">
      <summary>{t('review.settings.roster', { count: workspace.settings.roster.length || (serverRoster?.length ?? 0) })}</summary>
      <label htmlFor={`${ids}-roster`}>{t('review.settings.rosterLabel')}</label>
      <textarea id={`${ids}-roster`} rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      <button
        type="button"
        onClick={() =>
          void workspace.saveSettings({ roster: text.split('\n') }).then((r) => setNotice(r.ok ? t('review.settings.rosterSaved') : t('review.errors.unknown')))
        }
      >
        {t('review.settings.saveRoster')}
      </button>
      <span aria-live="polite">{notice}</span>
      {serverRoster && workspace.settings.roster.length === 0 ? <p className="rv-muted">{t('review.settings.rosterFromServer', { count: serverRoster.length })}</p> : null}
    </details>
  );
}

type Slots = Omit<ReviewWorkspaceProps, 'unit' | 'store'>;

function UnitsPage({ workspace, onPrintAggregate, onAggregateBuilt, renderPrint, shared, tableView }: { workspace: ReviewWorkspaceState } & Slots) {
  const { t } = useTranslation();
  const label = useLabel();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>(() => ({ ...tableView?.selection }));
  useEffect(() => {
    if (tableView) tableView.selection = rowSelection;
  }, [tableView, rowSelection]);
  // The last 汇总, kept in the review store, is shown again after a reload.
  const kept = workspace.settings.lastAggregate;
  const [aggregateKeys, setAggregateKeys] = useState<readonly string[] | null>(() => kept?.units ?? null);
  const keysShownFirst = useRef(aggregateKeys);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const aggregateRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => unitRows(workspace.units, shared), [workspace.units, shared]);
  // The 汇总's expected units: the list typed here, else (connected) the server's roster.
  const roster = workspace.settings.roster.length > 0 ? workspace.settings.roster : (shared?.roster ?? []);
  const byKey = useMemo(() => new Map(workspace.units.map((u) => [u.key, u])), [workspace.units]);
  const unitsOf = useCallback((keys: readonly string[]) => keys.map((k) => byKey.get(k)).filter((u): u is ReviewUnit => u !== undefined), [byKey]);
  const reviewer = workspace.settings.reviewer.trim();

  useEffect(() => {
    if (aggregateKeys && aggregateKeys !== keysShownFirst.current) aggregateRef.current?.querySelector('h2')?.focus();
  }, [aggregateKeys]);

  async function approveSelected(keys: readonly string[]) {
    const plan = planApproval(unitsOf(keys));
    setBusy(true);
    let approved = 0;
    const failed: string[] = [];
    for (const unit of plan.approve) {
      const r = await workspace.act(unit, (report) => approveReport(report, { actor: reviewer }));
      if (r.ok) approved++;
      else failed.push(unit.agency);
    }
    setBusy(false);
    setRowSelection({});
    const parts = [t('review.batch.approvedCount', { count: approved })];
    if (plan.withErrors.length) parts.push(t('review.batch.skippedErrors', { count: plan.withErrors.length, names: plan.withErrors.map((u) => u.agency).join('、') }));
    if (plan.notReady.length) parts.push(t('review.batch.skippedNotReady', { count: plan.notReady.length, names: plan.notReady.map((u) => u.agency).join('、') }));
    if (plan.alreadyApproved.length) parts.push(t('review.batch.alreadyApproved', { count: plan.alreadyApproved.length }));
    if (failed.length) parts.push(t('review.batch.failed', { names: failed.join('、') }));
    setNotice(parts.join(' '));
  }

  async function exportSelected(keys: readonly string[]) {
    const units = unitsOf(keys);
    if (units.length === 1) {
      setNotice(t('review.panel.exported', { file: downloadReport(units[0]!.report) }));
      return;
    }
    // Several files: one .zip of them (a burst of downloads is dropped or questioned by browsers).
    setBusy(true);
    try {
      const zip = await downloadReportsZip(units.map((u) => u.report));
      setNotice(t('review.batch.exportedZip', { count: units.length, file: zip }));
    } catch {
      // The zip code did not load (offline after an update) or the zip could not be made.
      setNotice(t('review.batch.exportFailed'));
    } finally {
      setBusy(false);
    }
  }

  const batch = (keys: readonly string[]) => (
    <span className="rv-batch-actions">
      <button type="button" disabled={busy || keys.length === 0 || !reviewer} onClick={() => void approveSelected(keys)}>
        {t('review.batch.approve')}
      </button>
      <button type="button" disabled={busy || keys.length === 0} onClick={() => void exportSelected(keys)}>
        {t('review.batch.export')}
      </button>
      <button type="button" disabled={busy || keys.length === 0} onClick={() => setAggregateKeys([...keys])}>
        {t('review.batch.aggregate')}
      </button>
    </span>
  );

  const aggregateUnits = aggregateKeys ? unitsOf(aggregateKeys) : [];

  return (
    <div className="rv-workspace">
      <h1>{t('review.heading')}</h1>
      <p className="rv-intro">{t('review.intro')}</p>
      <div className="rv-settings">
        <ReviewerField workspace={workspace} />
        <RosterField workspace={workspace} serverRoster={shared?.roster} />
      </div>
      {!reviewer ? <p className="rv-hint">{t('review.panel.needReviewer')}</p> : null}
      <CollectPanel onFiles={workspace.collect} />
      {workspace.unreadable.length > 0 ? (
        <section role="alert" className="rv-refused">
          <h2>{t('review.unreadable', { count: workspace.unreadable.length })}</h2>
          <ul>
            {workspace.unreadable.map((u) => (
              <li key={u.id}>
                <strong>{u.fileName}</strong>: {u.problems.map((p) => (p.path ? `${p.path}：${label(p.message)}` : label(p.message))).join('; ')}
                {u.unitKey ? (
                  <>
                    {' '}
                    <button type="button" onClick={() => void workspace.removeUnit({ key: u.unitKey })}>
                      {t('review.unreadableRemove', { file: u.fileName })}
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="rv-units-h">
        <h2 id="rv-units-h">{t('review.table.heading', { count: rows.length })}</h2>
        <UnitsTable rows={rows} rowSelection={rowSelection} onRowSelectionChange={setRowSelection} renderBatchActions={batch} view={tableView} />
        <p aria-live="polite" className="rv-notice">
          {notice}
        </p>
      </section>
      {aggregateKeys ? (
        <div ref={aggregateRef}>
          <AggregatePanel
            key={aggregateKeys.join('\n')}
            selected={aggregateUnits}
            all={workspace.units}
            roster={roster}
            defaultAgency={workspace.settings.aggregateAgency}
            onAgencyChange={(aggregateAgency) => void workspace.saveSettings({ aggregateAgency })}
            kept={kept && kept.units.join('\n') === aggregateKeys.join('\n') ? kept : null}
            onBuilt={(report, choices) => {
              void workspace.saveSettings({ lastAggregate: { units: aggregateKeys, ...choices } });
              onAggregateBuilt?.(report);
            }}
            onPrint={onPrintAggregate}
            renderReport={renderPrint}
          />
        </div>
      ) : null}
    </div>
  );
}

type ViewMode = 'compact' | 'editor' | 'print';

function UnitPage({ unit, workspace, renderReport, renderPrint, renderConflicts }: { unit: ReviewUnit; workspace: ReviewWorkspaceState } & Slots) {
  const { t } = useTranslation();
  const ids = useId();
  const [picked, setPicked] = useState('');
  const [mode, setMode] = useState<ViewMode>('compact');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const corrected = unit.versions.length > 1;
  const modes: ViewMode[] = ['compact', ...(renderReport ? (['editor'] as const) : []), ...(renderPrint ? (['print'] as const) : [])];

  useEffect(() => headingRef.current?.focus(), []);

  const openTarget = useCallback(
    (target: string) => {
      setPicked(target);
      if (mode !== 'compact') return;
      // Let the view mark the picked target first, then move the focus there.
      requestAnimationFrame(() => {
        const el = document.getElementById(viewTargetId(target));
        el?.scrollIntoView?.({ block: 'center' });
        el?.focus();
      });
    },
    [mode],
  );

  async function remove() {
    if (!window.confirm(t('review.unit.removeConfirm', { agency: unit.agency, year: unit.year ?? '' }))) return;
    const r = await workspace.removeUnit(unit);
    if (r.ok) window.location.hash = '#/review';
  }

  const context: ReportSlotContext = { unit, picked, onPickTarget: setPicked };
  const view =
    mode === 'editor' && renderReport ? (
      renderReport(unit.report, context)
    ) : mode === 'print' && renderPrint ? (
      renderPrint(unit.report)
    ) : (
      <ReportView report={unit.report} onPickTarget={setPicked} picked={picked} />
    );

  return (
    <div className="rv-unit">
      <p>
        <a href="#/review">← {t('review.unit.back')}</a>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {reportTitle(unit.agency, unit.year)} <StatusBadge status={unit.status} />
      </h1>
      <p className="rv-muted">
        {t('review.unit.versions', { count: unit.versions.length })} · {unit.latest.fileName}
      </p>
      {renderConflicts?.(unit.agency)}
      {/* A corrected version came in: what changed comes first, above the report (README, Compare). */}
      {corrected ? <ComparePanel unit={unit} /> : null}
      {modes.length > 1 ? (
        <fieldset className="rv-modes">
          <legend>{t('review.unit.viewMode')}</legend>
          {modes.map((m) => (
            <label key={m}>
              <input type="radio" name={`${ids}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} /> {t(`review.unit.mode.${m}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="rv-unit-layout">
        <div className="rv-unit-view">{view}</div>
        {/* Named: the 填报版式 view holds the editor's own aside, and two unnamed ones are one landmark twice. */}
        <aside className="rv-unit-aside" aria-label={t('review.panel.heading')}>
          <UnitReviewPanel unit={unit} reviewer={workspace.settings.reviewer} onAct={workspace.act} onOpenCell={openTarget} target={picked} onTargetChange={setPicked} />
        </aside>
      </div>
      {corrected ? null : <ComparePanel unit={unit} />}
      <p>
        <button type="button" onClick={() => void remove()}>
          {t('review.unit.remove')}
        </button>
      </p>
    </div>
  );
}
