/**
 * The review workspace's sharing part (the 政务公开办 connected to its server): the connection,
 * the roster with where each unit stands (未开始 / 填报中 / 已报送 / 已退回 / 已通过), and the
 * workspace's store with reviews going back to the units. Without a connection the workspace
 * works from files as before.
 */
import './strings.ts';
import './sharing.css';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../report/index.ts';
import { createIdbReviewStore, type ReviewStore } from '../../storage/review/index.ts';
import { openedFromFile, rememberConnection, rememberedConnection, type Connection } from '../../sync/connection.ts';
import { signOut } from '../../sync/session.ts';
import { openSupervisorSync, type DocConflict, type SupervisorSync, type SupervisorSyncState, type UnitShare } from '../../sync/supervisor.ts';
import type { UnitProgress } from '../../sync/docs.ts';
import { ConflictVersions, KeepButtons } from './ConflictParts.tsx';
import { ConnectForm } from './ConnectForm.tsx';
import FromFileNote from './FromFileNote.tsx';
import { clockTime } from './time.ts';

const noSync = { subscribe: () => () => {}, state: (): SupervisorSyncState | undefined => undefined };

/** What the workspace gets from the connection (the review feature's SharedUnits and slots). */
export interface SharedWorkspace {
  readonly shared: {
    readonly roster: readonly string[];
    readonly units: ReadonlyMap<string, { readonly years: ReadonlyMap<number, UnitProgress>; readonly conflict: boolean }>;
  };
  readonly renderConflicts: (agency: string) => ReactNode;
}

export interface SharedReviewProps {
  /** The workspace, given the shared store and what the server says when connected (else undefined: files only). */
  readonly children: (store: ReviewStore | undefined, shared: SharedWorkspace | undefined) => ReactNode;
  /** Two versions of a report side by side (the review feature's compare view): before = the other, after = the one shown. */
  readonly renderConflict?: (shown: Report, other: Report) => ReactNode;
  /** A unit's page is shown (it lists that unit's conflicts itself). */
  readonly unitPage?: boolean;
}

/** The furthest a unit got over its years (the latest year counts). */
function progressOf(years: ReadonlyMap<number, UnitProgress>): UnitProgress {
  if (years.size === 0) return 'notStarted';
  return years.get(Math.max(...years.keys()))!;
}

/** A document with two versions: both compared, and (when this user may write it) which to keep. */
function ConflictView({
  share,
  conflict,
  sync,
  renderConflict,
  onNotice,
}: {
  share: UnitShare;
  conflict: DocConflict;
  sync: SupervisorSync;
  renderConflict?: SharedReviewProps['renderConflict'];
  /** What came of a choice (said outside this view: a resolved conflict's view goes away). */
  onNotice: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const other = conflict.others[0]!;
  const sides = [
    { name: t('sharing.supervisor.conflictSideShown'), version: conflict.winner },
    { name: t('sharing.supervisor.conflictSideOther'), version: other },
  ];
  const keep = async (rev: string) => {
    setBusy(true);
    const result = await sync.resolveConflict(share.unit.user, conflict.id, rev);
    setBusy(false);
    onNotice(result.ok ? t('sharing.supervisor.conflictResolved') : t('sharing.supervisor.conflictFailed', { reason: result.message ?? result.reason }));
  };
  return (
    <section className="sharing-conflict" role="region" aria-label={t('sharing.supervisor.conflictHeading', { agency: share.unit.agency, what: t(`sharing.supervisor.conflictWhat.${conflict.kind}`, { year: conflict.year }) })}>
      <h3>
        <span aria-hidden="true">⚠ </span>
        {t('sharing.supervisor.conflictHeading', { agency: share.unit.agency, what: t(`sharing.supervisor.conflictWhat.${conflict.kind}`, { year: conflict.year }) })}
      </h3>
      <p>{t('sharing.supervisor.conflictExplain')}</p>
      <ConflictVersions conflict={conflict} />
      {conflict.kind === 'review' ? (
        <p className="sharing-actions">
          <KeepButtons conflict={conflict} busy={busy} onKeep={(rev) => void keep(rev)} />
        </p>
      ) : (
        <p>{t('sharing.supervisor.conflictUnitOnly')}</p>
      )}
      {/* The review part side by side (status, comments); the report's content by the compare view. */}
      <table className="sharing-roster sharing-sides">
        <caption>{t('sharing.supervisor.conflictSides')}</caption>
        <thead>
          <tr>
            <td />
            {sides.map((side) => (
              <th key={side.name} scope="col">
                {side.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('sharing.supervisor.conflictStatus')}</th>
            {sides.map((side) => (
              <td key={side.name}>{t(`review.status.${side.version.report.review.status}`)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('sharing.supervisor.conflictComments')}</th>
            {sides.map((side) => (
              <td key={side.name}>
                {side.version.report.review.comments.length === 0 ? (
                  t('sharing.supervisor.conflictNoComments')
                ) : (
                  <ul>
                    {side.version.report.review.comments.map((c) => (
                      <li key={c.id}>
                        {c.text} <span className="sharing-help">— {c.author}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <h4>{t('sharing.supervisor.conflictReport')}</h4>
      {renderConflict?.(conflict.winner.report, other.report)}
    </section>
  );
}

/** The per-unit sync table (last sync, problems): rendered only while open (thousands of units). */
function SyncDetails({ roster, state }: { roster: NonNullable<SupervisorSyncState['roster']>; state: SupervisorSyncState }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('sharing.supervisor.syncDetails')}</summary>
      {open ? (
        <table className="sharing-roster">
          <caption>{t('sharing.supervisor.rosterHeading', { count: roster.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sharing.supervisor.columns.agency')}</th>
              <th scope="col">{t('sharing.supervisor.columns.user')}</th>
              <th scope="col">{t('sharing.supervisor.columns.progress')}</th>
              <th scope="col">{t('sharing.supervisor.columns.lastChange')}</th>
              <th scope="col">{t('sharing.supervisor.columns.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {roster.map((unit) => {
              const share = state.units.get(unit.user);
              const progress = progressOf(share?.years ?? new Map());
              return (
                <tr key={unit.user}>
                  <th scope="row">{unit.agency}</th>
                  <td>{unit.user}</td>
                  <td className={`sharing-progress-${progress}`}>{t(`sharing.supervisor.progress.${progress}`)}</td>
                  <td>{share?.lastChange ? clockTime(share.lastChange) : t('sharing.supervisor.nothingYet')}</td>
                  <td>
                    {share?.unsent ? t('sharing.supervisor.unsent', { count: share.unsent }) : null}
                    {share?.error === 'denied' && t('sharing.supervisor.pushDenied')}
                    {share?.unreadable.length ? t('sharing.supervisor.unreadable', { count: share.unreadable.length }) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}

export function SharedReview({ children, renderConflict, unitPage = false }: SharedReviewProps) {
  const { t } = useTranslation();
  const [connection, setConnection] = useState<Connection | undefined>(() => (rememberedConnection()?.role === 'supervisor' ? rememberedConnection() : undefined));
  const [connecting, setConnecting] = useState(false);
  const [sync, setSync] = useState<SupervisorSync | undefined>();
  const [conflictNotice, setConflictNotice] = useState('');

  useEffect(() => {
    if (!connection) return;
    let live = true;
    let opened: SupervisorSync | undefined;
    void openSupervisorSync(connection, createIdbReviewStore()).then((s) => {
      opened = s;
      if (live) setSync(s);
      else void s.close();
    });
    return () => {
      live = false;
      void opened?.close();
      setSync(undefined);
    };
  }, [connection]);

  const source = sync ?? noSync;
  const state = useSyncExternalStore(source.subscribe, source.state);

  const disconnect = async () => {
    if (!connection) return;
    await signOut(connection.url);
    rememberConnection(undefined);
    setConnection(undefined);
  };

  const roster = state?.roster ?? null;

  // What the workspace's table and 汇总 need, by agency; a new object only when the state changed.
  const shared = useMemo(() => {
    if (!state?.roster) return undefined;
    const units = new Map<string, { years: ReadonlyMap<number, UnitProgress>; conflict: boolean }>();
    for (const share of state.units.values()) units.set(share.unit.agency, { years: share.years, conflict: share.conflicts.length > 0 });
    return { roster: state.roster.map((u) => u.agency), units };
  }, [state]);
  const conflictsOf = useCallback(
    (filter: (share: UnitShare) => boolean) =>
      sync && state
        ? [...state.units.values()].filter(filter).flatMap((share) =>
            share.conflicts.map((conflict) => <ConflictView key={`${share.unit.user}:${conflict.id}`} share={share} conflict={conflict} sync={sync} renderConflict={renderConflict} onNotice={setConflictNotice} />),
          )
        : [],
    [sync, state, renderConflict],
  );
  const renderConflicts = useCallback((agency: string) => <>{conflictsOf((share) => share.unit.agency === agency)}</>, [conflictsOf]);
  const workspace = useMemo<SharedWorkspace | undefined>(() => (shared ? { shared, renderConflicts } : undefined), [shared, renderConflicts]);

  return (
    <>
      <section className="sharing-panel" aria-labelledby="sharing-panel-h">
        <h2 id="sharing-panel-h">{t('sharing.supervisor.heading')}</h2>
        {!connection ? (
          connecting ? (
            <ConnectForm
              role="supervisor"
              onConnected={(c) => {
                setConnecting(false);
                setConnection(c);
              }}
              onCancel={() => setConnecting(false)}
            />
          ) : openedFromFile() ? (
            // The single file (file://) has no server to share with.
            <p>
              <FromFileNote />
            </p>
          ) : (
            <button type="button" onClick={() => setConnecting(true)}>
              {t('sharing.connect.openSupervisor')}
            </button>
          )
        ) : (
          <>
            <p>
              {t('sharing.supervisor.connectedAs', { url: connection.url, user: connection.user })}{' '}
              <button type="button" onClick={() => void sync?.syncNow()} disabled={!sync}>
                {t('sharing.supervisor.syncNow')}
              </button>{' '}
              <button type="button" onClick={() => void disconnect()}>
                {t('sharing.supervisor.disconnect')}
              </button>
            </p>
            <p role="status" className={state?.online === false ? 'sharing-error' : 'sharing-notice'}>
              {state?.areaError === 'denied' ? t('sharing.supervisor.rosterDenied') : state?.online === false ? t('sharing.supervisor.offline') : t('sharing.supervisor.online')}
            </p>
            <p aria-live="polite" className="sharing-notice">
              {conflictNotice}
            </p>
            {state?.feed.firstPass ? (
              <p className="sharing-help">
                {t(state.feed.firstPass.docs > 0 ? 'sharing.supervisor.feedState' : 'sharing.supervisor.feedStateHeld', {
                  docs: state.feed.firstPass.docs,
                  seconds: (state.feed.firstPass.ms / 1000).toFixed(1),
                  time: state.feed.caughtUpAt ? clockTime(state.feed.caughtUpAt) : '',
                })}
              </p>
            ) : null}
            {!roster || !state ? (
              <p>{t('sharing.supervisor.noRoster')}</p>
            ) : (
              <>
                <SyncDetails roster={roster} state={state} />
                {/* On the units page every conflict is listed here; a unit's page shows its own. */}
                {unitPage ? null : conflictsOf(() => true)}
              </>
            )}
          </>
        )}
      </section>
      {children(connection ? sync?.store : undefined, connection ? workspace : undefined)}
    </>
  );
}
