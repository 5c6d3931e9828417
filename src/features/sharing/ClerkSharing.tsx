/**
 * The editor toolbar's sharing part (a clerk connected to the 政务公开办): 连接到政务公开办, 报送 /
 * 重新报送, and where the report is: only on this computer, offline, or reached the server. A
 * review that comes back while the draft is open is loaded after the clerk's typing is saved.
 */
import './strings.ts';
import './doorStrings.ts';
import './sharing.css';
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { submit, type Report } from '../../report/index.ts';
import type { DraftStore } from '../../storage/index.ts';
import { rememberedConnection, type Connection } from '../../sync/connection.ts';
import { clerkAgent, disconnectUnit } from '../../sync/clerk.ts';
import type { UnitSync, UnitSyncState } from '../../sync/unit.ts';
import type { DocConflict } from '../../sync/conflicts.ts';
import { ClerkConflict } from './ClerkConflict.tsx';
import { ConnectForm } from './ConnectForm.tsx';
import { clockTime } from './time.ts';
import { reachClass, reachText } from './reach.ts';

export interface ClerkSharingProps {
  readonly draftId: string;
  readonly store: DraftStore;
  /** Saves what the clerk typed so far, now (the draft's autosave). */
  readonly flush: () => Promise<unknown>;
  /** Loads the draft again after sharing wrote a new version of it. */
  readonly reload: () => Promise<unknown>;
  /** Show the connect form at once (the clerk pressed ClerkEntry's button). */
  readonly startConnecting?: boolean;
  /** Two versions of the report side by side (the review's compare view, loaded on use): before = the other, after = the one shown. */
  readonly renderCompare?: (shown: Report, other: Report) => ReactNode;
}

type Notice = { key: 'needReady' | 'reviewArrived' | 'reviewCreated' } | { key: 'submitted'; time: string } | { key: 'failed'; reason: string } | { key: 'conflict'; text: string; ok: boolean };

const noSync = { subscribe: () => () => {}, state: (): UnitSyncState | undefined => undefined };

export default function ClerkSharing({ draftId, store, flush, reload, startConnecting = false, renderCompare }: ClerkSharingProps) {
  const { t } = useTranslation();
  const [connection, setConnection] = useState<Connection | undefined>(() => (rememberedConnection()?.role === 'unit' ? rememberedConnection() : undefined));
  // Opened from ClerkEntry's button: the form shows at once, as if this component's own button was pressed.
  const [connecting, setConnecting] = useState(startConnecting);
  const [sync, setSync] = useState<UnitSync | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const [busy, setBusy] = useState(false);
  const [submittedBefore, setSubmittedBefore] = useState(false);
  // The draft's year and agency (its report document), and that document's conflict if any.
  const [draftKey, setDraftKey] = useState<{ year: number; agency: string } | undefined>();
  const [conflict, setConflict] = useState<DocConflict | undefined>();

  useEffect(() => {
    if (!connection) return;
    let live = true;
    let release: (() => void) | undefined;
    void clerkAgent(store)?.then(
      (agent) => {
        if (!live) return;
        setSync(agent.sync);
        // The draft open here is the one being filled: its working copy goes (填报中).
        agent.touch(draftId);
        release = agent.handle(draftId, async (apply) => {
          // The clerk's typing is saved first, so the review's version does not race it.
          await flush();
          const outcome = await apply();
          if (outcome.kind === 'applied' && outcome.draftId === draftId) {
            await reload();
            setNotice({ key: 'reviewArrived' });
          } else if (outcome.kind === 'created') setNotice({ key: 'reviewCreated' });
        });
      },
      // PouchDB did not load or its database did not open: said, not a silently dead button.
      () => live && setNotice({ key: 'failed', reason: 'storage' }),
    );
    return () => {
      live = false;
      release?.();
    };
  }, [connection, store, draftId, flush, reload]);

  const source = sync ?? noSync;
  const state = useSyncExternalStore(source.subscribe, source.state);

  // Whether this draft's year was submitted from here before (报送 or 重新报送).
  useEffect(() => {
    if (!sync) return;
    let live = true;
    void store.get(draftId).then(async (draft) => {
      if (!draft.ok || draft.value.document.meta.year === null) return;
      const { year, agency } = draft.value.document.meta;
      const doc = await sync.reportDoc(year);
      if (!live) return;
      setSubmittedBefore(doc?.draftId === draftId);
      setDraftKey((before) => (before?.year === year && before.agency === agency ? before : { year, agency }));
    });
    return () => {
      live = false;
    };
  }, [sync, store, draftId, state?.reach.kind]);

  // Two versions of this year's submission (another browser of the unit submitted too).
  const conflicted = draftKey !== undefined && (state?.conflicts.includes(draftKey.year) ?? false);
  useEffect(() => {
    if (!sync || !draftKey || !conflicted) return setConflict(undefined);
    let live = true;
    void sync.conflict(draftKey.year).then((c) => live && setConflict(c));
    return () => {
      live = false;
    };
  }, [sync, draftKey, conflicted, state?.conflicts]);

  if (!connection) {
    return (
      <span className="sharing-entry">
        <button type="button" onClick={() => setConnecting(true)} aria-haspopup="dialog">
          {t('sharingDoor.open')}
        </button>
        {connecting && (
          <div className="sharing-dialog" role="dialog" aria-modal="false" aria-label={t('sharing.connect.heading')}>
            <ConnectForm
              role="unit"
              onConnected={(c) => {
                setConnecting(false);
                setConnection(c);
              }}
              onCancel={() => setConnecting(false)}
            />
          </div>
        )}
      </span>
    );
  }

  const doSubmit = async () => {
    if (!sync) return;
    setBusy(true);
    setNotice(undefined);
    try {
      await flush();
      const current = await store.get(draftId);
      if (!current.ok) return setNotice({ key: 'failed', reason: current.error.kind === 'conflict' ? 'conflict' : 'unknown' });
      if (current.value.document.status !== 'ready') return setNotice({ key: 'needReady' });
      const submitted: Report = submit(current.value.document, { actor: connection.user });
      const saved = await store.save(draftId, submitted, { expectedRevision: current.value.revision, milestone: 'exported' });
      if (!saved.ok) return setNotice({ key: 'failed', reason: saved.error.kind === 'conflict' ? 'conflict' : 'unknown' });
      const put = await sync.put(saved.value.document, draftId);
      await reload();
      if (!put.ok) return setNotice({ key: 'failed', reason: put.reason });
      setSubmittedBefore(true);
      setNotice({ key: 'submitted', time: clockTime(Date.now()) });
    } finally {
      setBusy(false);
    }
  };

  const disconnect = async () => {
    await disconnectUnit(connection.url);
    setSync(undefined);
    setConnection(undefined);
  };

  const reach = state?.reach ?? { kind: 'starting' as const };
  const alarming = notice !== undefined && (notice.key === 'failed' || notice.key === 'needReady' || (notice.key === 'conflict' && !notice.ok));

  return (
    <span className="sharing-entry" role="group" aria-label={t('sharing.clerk.label')}>
      <span className={reachClass(reach)} role="status">
        {reachText(t, reach)}
      </span>
      <button type="button" className="primary" onClick={() => void doSubmit()} disabled={busy || !sync}>
        {busy ? t('sharing.clerk.submitting') : submittedBefore ? t('sharing.clerk.resubmit') : t('sharing.clerk.submit')}
      </button>
      <button type="button" onClick={() => void disconnect()} title={t('sharing.clerk.connectedAs', { user: connection.user })}>
        {t('sharing.clerk.disconnect')}
      </button>
      {conflict && draftKey && (
        <ClerkConflict
          conflict={conflict}
          draftId={draftId}
          agency={draftKey.agency}
          busy={busy}
          onKeep={(rev) => sync!.resolve(draftKey.year, rev)}
          onResubmit={() => void doSubmit()}
          renderCompare={renderCompare}
          onNotice={(text, ok) => setNotice({ key: 'conflict', text, ok })}
        />
      )}
      {reach.kind === 'signedOut' && (
        <button type="button" onClick={() => void disconnect().then(() => setConnecting(true))}>
          {t('sharingDoor.open')}
        </button>
      )}
      {notice && (
        <span className={alarming ? 'sharing-error' : 'sharing-notice'} role={alarming ? 'alert' : 'status'}>
          {notice.key === 'conflict'
            ? notice.text
            : notice.key === 'submitted'
            ? t('sharing.clerk.submitted', { time: notice.time })
            : notice.key === 'failed'
              ? t('sharing.clerk.failed', { reason: t(`sharing.clerk.reasons.${notice.reason as 'unknown'}`) })
              : t(`sharing.clerk.${notice.key}`)}
        </span>
      )}
    </span>
  );
}
