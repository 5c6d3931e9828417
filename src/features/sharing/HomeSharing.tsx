/**
 * The drafts home's sharing part: to which 政务公开办 server this browser is connected and as
 * which unit, where the report of the year being reported stands there (未报送 / 已报送 / 已退回 /
 * 已通过; in January last year's, as the create dialog's year), what has reached the server and
 * when it last synced; connect and disconnect.
 */
import './strings.ts';
import './doorStrings.ts';
import './homeStrings.ts';
import './sharing.css';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { reportingYear } from '../../report/index.ts';
import type { DraftStore } from '../../storage/index.ts';
import { rememberedConnection, type Connection } from '../../sync/connection.ts';
import { clerkAgent, disconnectUnit } from '../../sync/clerk.ts';
import type { ClerkProgress, UnitSync, UnitSyncState } from '../../sync/unit.ts';
import { ConnectForm } from './ConnectForm.tsx';
import { reachClass, reachText } from './reach.ts';
import { clockTime } from './time.ts';

export interface HomeSharingProps {
  readonly store: DraftStore;
  /** Show the connect form at once (the clerk pressed HomeEntry's button). */
  readonly startConnecting?: boolean;
}

const noSync = { subscribe: () => () => {}, state: (): UnitSyncState | undefined => undefined };

/** A time of today as hh:mm:ss; of another day with its date. */
function when(at: number, language: string): string {
  const date = new Date(at);
  return date.toDateString() === new Date().toDateString() ? clockTime(at) : `${date.toLocaleDateString(language)} ${clockTime(at)}`;
}

export default function HomeSharing({ store, startConnecting = false }: HomeSharingProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [connection, setConnection] = useState<Connection | undefined>(() => (rememberedConnection()?.role === 'unit' ? rememberedConnection() : undefined));
  const [connecting, setConnecting] = useState(startConnecting);
  const [sync, setSync] = useState<UnitSync | undefined>();
  const [failed, setFailed] = useState(false);
  const [progress, setProgress] = useState<{ year: number; progress: ClerkProgress } | undefined>();

  useEffect(() => {
    if (!connection) return;
    let live = true;
    void clerkAgent(store)?.then(
      (agent) => live && setSync(agent.sync),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [connection, store]);

  const source = sync ?? noSync;
  const state = useSyncExternalStore(source.subscribe, source.state);

  // The year being reported (in January, last year's), as the create dialog offers it; read
  // again whenever the sync moves (a submission went, a review came back).
  useEffect(() => {
    if (!sync) return;
    let live = true;
    void sync.progress(reportingYear()).then((p) => live && setProgress(p));
    return () => {
      live = false;
    };
  }, [sync, state]);

  if (!connection) {
    return (
      <section className="sharing-home" aria-labelledby={id}>
        <h2 id={id}>{t('sharingHome.heading')}</h2>
        {connecting ? (
          <ConnectForm
            role="unit"
            onConnected={(c) => {
              setConnecting(false);
              setConnection(c);
            }}
            onCancel={() => setConnecting(false)}
          />
        ) : (
          <>
            <p className="sharing-help">{t('sharingHome.intro')}</p>
            <button type="button" onClick={() => setConnecting(true)}>
              {t('sharingDoor.open')}
            </button>
          </>
        )}
      </section>
    );
  }

  const disconnect = async () => {
    await disconnectUnit(connection.url);
    setSync(undefined);
    setProgress(undefined);
    setConnection(undefined);
  };

  const reach = state?.reach ?? { kind: 'starting' as const };
  const lastSync = state?.lastSync ?? null;

  return (
    <section className="sharing-home" aria-labelledby={id}>
      <h2 id={id}>{t('sharingHome.heading')}</h2>
      <dl className="sharing-facts">
        <div>
          <dt>{t('sharing.home.server')}</dt>
          <dd>{connection.url}</dd>
        </div>
        <div>
          <dt>{t('sharing.home.unit')}</dt>
          <dd>{connection.user}</dd>
        </div>
        <div>
          <dt>{progress ? t('sharing.home.report', { year: progress.year }) : t('sharing.home.noReport')}</dt>
          <dd className={`sharing-progress-${progress?.progress ?? 'notSubmitted'}`}>
            {!progress || progress.progress === 'notSubmitted' ? t('sharing.home.notSubmitted') : t(`sharing.supervisor.progress.${progress.progress}`)}
          </dd>
        </div>
        <div>
          <dt>{t('sharing.supervisor.columns.lastSync')}</dt>
          <dd>{lastSync ? when(lastSync, i18n.language) : t('sharing.supervisor.never')}</dd>
        </div>
      </dl>
      <p className={reachClass(reach)} role="status">
        {reachText(t, reach)}
      </p>
      {failed && (
        <p className="sharing-error" role="alert">
          {t('sharing.clerk.failed', { reason: t('sharing.clerk.reasons.storage') })}
        </p>
      )}
      <div className="sharing-actions">
        <button type="button" onClick={() => void disconnect()}>
          {t('sharing.clerk.disconnect')}
        </button>
        {reach.kind === 'signedOut' && (
          <button type="button" onClick={() => void disconnect().then(() => setConnecting(true))}>
            {t('sharingDoor.open')}
          </button>
        )}
      </div>
    </section>
  );
}
