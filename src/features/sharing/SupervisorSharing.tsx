/**
 * The review workspace's sharing part (the 政务公开办 connected to its server): the connection,
 * the roster with where each unit stands (未开始 / 填报中 / 已报送 / 已退回 / 已通过), and the
 * workspace's store with reviews going back to the units. Without a connection the workspace
 * works from files as before.
 */
import './strings.ts';
import './sharing.css';
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../report/index.ts';
import { createIdbReviewStore, type ReviewStore } from '../../storage/review/index.ts';
import { openedFromFile, rememberConnection, rememberedConnection, type Connection } from '../../sync/connection.ts';
import { signOut } from '../../sync/session.ts';
import { openSupervisorSync, type SupervisorSync, type SupervisorSyncState } from '../../sync/supervisor.ts';
import type { UnitProgress } from '../../sync/docs.ts';
import { ConnectForm } from './ConnectForm.tsx';
import FromFileNote from './FromFileNote.tsx';
import { clockTime } from './time.ts';

const PROGRESS: readonly UnitProgress[] = ['notStarted', 'filling', 'submitted', 'returned', 'approved'];
const noSync = { subscribe: () => () => {}, state: (): SupervisorSyncState | undefined => undefined };

export interface SharedReviewProps {
  /** The workspace, given the shared store when connected (undefined: its own, files only). */
  readonly children: (store: ReviewStore | undefined) => ReactNode;
  /** Shows two versions of a review side by side (the review feature's compare view). */
  readonly renderConflict?: (mine: Report, theirs: Report) => ReactNode;
}

/** The furthest a unit got over its years (the latest year counts). */
function progressOf(years: ReadonlyMap<number, UnitProgress>): UnitProgress {
  if (years.size === 0) return 'notStarted';
  return years.get(Math.max(...years.keys()))!;
}

export function SharedReview({ children, renderConflict }: SharedReviewProps) {
  const { t } = useTranslation();
  const [connection, setConnection] = useState<Connection | undefined>(() => (rememberedConnection()?.role === 'supervisor' ? rememberedConnection() : undefined));
  const [connecting, setConnecting] = useState(false);
  const [sync, setSync] = useState<SupervisorSync | undefined>();

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
  const counts = Object.fromEntries(PROGRESS.map((p) => [p, 0])) as Record<UnitProgress, number>;
  if (roster && state) for (const unit of roster) counts[progressOf(state.units.get(unit.user)?.years ?? new Map())]++;

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
              {state?.rosterError === 'denied' ? t('sharing.supervisor.rosterDenied') : state?.online === false ? t('sharing.supervisor.offline') : t('sharing.supervisor.online')}
            </p>
            {!roster ? (
              <p>{t('sharing.supervisor.noRoster')}</p>
            ) : (
              <>
                <p>{t('sharing.supervisor.summary', counts)}</p>
                <table className="sharing-roster">
                  <caption>{t('sharing.supervisor.rosterHeading', { count: roster.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('sharing.supervisor.columns.agency')}</th>
                      <th scope="col">{t('sharing.supervisor.columns.user')}</th>
                      <th scope="col">{t('sharing.supervisor.columns.progress')}</th>
                      <th scope="col">{t('sharing.supervisor.columns.lastSync')}</th>
                      <th scope="col">{t('sharing.supervisor.columns.problems')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {roster.map((unit) => {
                      const share = state?.units.get(unit.user);
                      const progress = progressOf(share?.years ?? new Map());
                      return (
                        <tr key={unit.user}>
                          <th scope="row">{unit.agency}</th>
                          <td>{unit.user}</td>
                          <td className={`sharing-progress-${progress}`}>{t(`sharing.supervisor.progress.${progress}`)}</td>
                          <td>{share?.lastSync ? clockTime(share.lastSync) : t('sharing.supervisor.never')}</td>
                          <td>
                            {share?.error === 'denied' && t('sharing.supervisor.denied')}
                            {share?.error === 'offline' && t('sharing.supervisor.unitOffline')}
                            {share?.unreadable.length ? t('sharing.supervisor.unreadable', { count: share.unreadable.length }) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                {[...(state?.units.values() ?? [])].flatMap((share) =>
                  share.conflicts.map((conflict) => (
                    <div key={`${share.unit.user}:${conflict.year}`} className="sharing-conflict" role="note">
                      <p>
                        {share.unit.agency}: {t('sharing.supervisor.conflict', { year: conflict.year })}
                      </p>
                      {renderConflict?.(conflict.mine, conflict.theirs)}
                    </div>
                  )),
                )}
              </>
            )}
          </>
        )}
      </section>
      {children(connection ? sync?.store : undefined)}
    </>
  );
}
