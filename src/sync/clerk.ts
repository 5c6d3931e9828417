/**
 * The clerk's sharing agent: one per page, started when the browser is connected as a unit. A
 * review that comes back becomes a new version of the draft it was submitted from, as an
 * imported returned file does (the draft's current version is kept in its history first); the
 * clerk's own text stays as it is now, the review part (status, comments, history) is the
 * supervisor's.
 */
import { openReturned, type Report } from '../report/index.ts';
import type { DraftStore } from '../storage/index.ts';
import { rememberConnection, rememberedConnection } from './connection.ts';
import { signOut } from './session.ts';
import { openUnitSync, type ReviewArrival, type UnitSync } from './unit.ts';

const sameEvent = (a: Report['review']['history'][number], b: Report['review']['history'][number]) => a.at === b.at && a.action === b.action && a.by === b.by;

/** Whether the draft already holds this review (its last event is in the draft's history). */
export function holdsReview(draft: Report, reviewed: Report): boolean {
  const last = reviewed.review.history.at(-1);
  if (!last) return true;
  return draft.review.history.some((event) => sameEvent(event, last));
}

/**
 * The draft with the supervisor's review: the clerk's content, the reviewer's comments and status.
 * A return opens the draft for the changes (定稿 → editable), as an imported returned file does.
 */
export function withReviewOf(draft: Report, reviewed: Report): Report {
  // Events of the clerk made after the submission (comments resolved) stay after the reviewer's.
  const reviewerEvents = reviewed.review.history;
  const later = draft.review.history.filter((event) => !reviewerEvents.some((e) => sameEvent(e, event)) && event.at > (reviewerEvents.at(-1)?.at ?? ''));
  return openReturned({ ...draft, review: { ...reviewed.review, history: [...reviewerEvents, ...later] } });
}

export type ApplyOutcome = { kind: 'applied'; draftId: string } | { kind: 'created'; draftId: string } | { kind: 'already'; draftId: string } | { kind: 'failed'; reason: string };

export async function applyReview(store: DraftStore, arrival: ReviewArrival): Promise<ApplyOutcome> {
  if (arrival.draftId) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await store.get(arrival.draftId);
      if (!current.ok && current.error.kind === 'notFound') break;
      if (!current.ok) return { kind: 'failed', reason: current.error.kind };
      if (current.value.deletedAt !== null) break;
      if (holdsReview(current.value.document, arrival.report)) return { kind: 'already', draftId: arrival.draftId };
      const saved = await store.save(arrival.draftId, withReviewOf(current.value.document, arrival.report), { expectedRevision: current.value.revision, milestone: 'imported' });
      if (saved.ok) return { kind: 'applied', draftId: arrival.draftId };
      if (saved.error.kind !== 'conflict') return { kind: 'failed', reason: saved.error.kind };
    }
  }
  // The draft is gone (or was never in this browser): the reviewed report becomes a draft.
  const created = await store.create({ document: openReturned(arrival.report), milestone: 'imported' });
  return created.ok ? { kind: 'created', draftId: created.value.id } : { kind: 'failed', reason: created.error.kind };
}

/** An open editor of a draft takes the review itself (it saves its edits first, then reloads). */
export type ReviewHandler = (apply: () => Promise<ApplyOutcome>) => Promise<void>;

interface ClerkAgent {
  readonly sync: UnitSync;
  /** The draft's working copy goes to the server soon (debounced): 填报中 for the supervisor. */
  touch(draftId: string): void;
  stopWorkingCopies(): void;
  /** Reviews applied in this page's life (the toolbar tells the clerk). */
  readonly arrivals: ApplyOutcome[];
  handle(draftId: string, handler: ReviewHandler): () => void;
  subscribe(listener: () => void): () => void;
}

/** After the draft's local autosave, the working copy waits this long for the next one. */
const WORKING_COPY_MS = 1_500;

/**
 * Every saved change of a draft is followed, a moment later, by its working copy in the unit's
 * database: the local save comes first and is never held up by this (it reads what the store
 * kept, after the fact); one write per pause in the clerk's typing, not per keystroke.
 */
export function workingCopies(store: DraftStore, sync: Pick<UnitSync, 'putWorking'>, delayMs = WORKING_COPY_MS): { touch: (draftId: string) => void; stop: () => void } {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const send = async (draftId: string) => {
    timers.delete(draftId);
    const draft = await store.get(draftId);
    if (!draft.ok || draft.value.deletedAt !== null || draft.value.document.meta.year === null) return;
    await sync.putWorking(draft.value.document, draftId);
  };
  const touch = (draftId: string) => {
    clearTimeout(timers.get(draftId));
    timers.set(draftId, setTimeout(() => void send(draftId).catch(() => undefined), delayMs));
  };
  const unsubscribe = store.subscribe((change) => {
    if (change.revision !== null) touch(change.draftId);
  });
  const stop = () => {
    unsubscribe();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
  return { touch, stop };
}

let agent: Promise<ClerkAgent> | undefined;

/** The agent of the remembered unit connection (started on first call), or undefined when none. */
export function clerkAgent(store: DraftStore): Promise<ClerkAgent> | undefined {
  const connection = rememberedConnection();
  if (!connection || connection.role !== 'unit') return undefined;
  agent ??= openUnitSync(connection).then((sync) => {
    const handlers = new Map<string, ReviewHandler>();
    const listeners = new Set<() => void>();
    const arrivals: ApplyOutcome[] = [];
    // One review at a time: two arriving together must not race on the same draft.
    let chain = Promise.resolve();
    sync.onReview((arrival) => {
      chain = chain.then(async () => {
        const apply = async () => {
          const outcome = await applyReview(store, arrival);
          if (outcome.kind !== 'already') {
            arrivals.push(outcome);
            for (const listener of [...listeners]) listener();
          }
          return outcome;
        };
        const handler = arrival.draftId ? handlers.get(arrival.draftId) : undefined;
        if (handler) await handler(apply);
        else await apply();
      });
    });
    const working = workingCopies(store, sync);
    return {
      sync,
      touch: working.touch,
      stopWorkingCopies: working.stop,
      arrivals,
      handle(draftId, handler) {
        handlers.set(draftId, handler);
        return () => {
          if (handlers.get(draftId) === handler) handlers.delete(draftId);
        };
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  });
  agent.catch(() => (agent = undefined));
  return agent;
}

/** Disconnects the unit: the agent stops, the session ends, the connection is forgotten; drafts stay. */
export async function disconnectUnit(url: string): Promise<void> {
  await stopClerkAgent();
  await signOut(url);
  rememberConnection(undefined);
}

/** Ends sharing in this browser: the agent stops; drafts stay as they are. */
export async function stopClerkAgent(): Promise<void> {
  const running = agent;
  agent = undefined;
  if (!running) return;
  const stopped = await running.catch(() => undefined);
  stopped?.stopWorkingCopies();
  await stopped?.sync.close().catch(() => undefined);
}
