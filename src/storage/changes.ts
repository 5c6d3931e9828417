/**
 * Tells listeners that a draft changed: in this tab directly, in other tabs of the same origin
 * through a BroadcastChannel (lists refresh; an open editor learns its draft moved on).
 */
import type { StoreChange } from './types.ts';

export const CHANGES_CHANNEL = 'nianbao.drafts';

interface ChangeMessage {
  readonly type: 'draft-changed';
  readonly draftId: string;
  readonly revision: number | null;
}

function isChangeMessage(data: unknown): data is ChangeMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return m.type === 'draft-changed' && typeof m.draftId === 'string' && (typeof m.revision === 'number' || m.revision === null);
}

export class ChangeFeed {
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private channel: BroadcastChannel | undefined;

  constructor(channelName: string | false = CHANGES_CHANNEL) {
    if (channelName && typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(channelName);
      this.channel.onmessage = (event: MessageEvent) => {
        // Messages from other tabs are outside input: accept only the expected shape.
        if (isChangeMessage(event.data)) this.emit({ draftId: event.data.draftId, revision: event.data.revision, origin: 'remote' });
      };
    }
  }

  publish(draftId: string, revision: number | null) {
    this.emit({ draftId, revision, origin: 'local' });
    try {
      this.channel?.postMessage({ type: 'draft-changed', draftId, revision } satisfies ChangeMessage);
    } catch {
      // A closed channel: other tabs refresh on their next read.
    }
  }

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: StoreChange) {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (e) {
        // One failing listener must not keep the others (or the writer) from hearing of it.
        console.warn('drafts change listener failed', e);
      }
    }
  }

  close() {
    this.channel?.close();
    this.channel = undefined;
    this.listeners.clear();
  }
}
