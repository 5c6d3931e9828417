/**
 * PouchDB, loaded on first use only (it is ~45 kB gzip: never in the editor's first load), with
 * the few parts of its API nianbao uses, typed here (the package ships no types).
 */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [key: string]: unknown;
}

export interface ChangesFeed {
  on(event: 'change', listener: (change: { id: string; seq: number | string; doc?: PouchDoc; deleted?: boolean }) => void): ChangesFeed;
  on(event: 'error', listener: (error: unknown) => void): ChangesFeed;
  cancel(): void;
}

export interface SyncInfo {
  direction?: 'push' | 'pull';
  /** A one-way replication's change: documents written so far. */
  docs_written?: number;
  change?: { docs?: PouchDoc[]; docs_written?: number; pending?: number };
}

export interface SyncHandler {
  on(event: 'change', listener: (info: SyncInfo) => void): SyncHandler;
  on(event: 'paused', listener: (error?: unknown) => void): SyncHandler;
  on(event: 'active', listener: () => void): SyncHandler;
  on(event: 'denied' | 'error', listener: (error: unknown) => void): SyncHandler;
  on(event: 'complete', listener: (info: unknown) => void): SyncHandler;
  cancel(): void;
}

export interface PouchDatabase {
  readonly name: string;
  get(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
  allDocs(options: { include_docs?: boolean; startkey?: string; endkey?: string; conflicts?: boolean; limit?: number; keys?: string[] }): Promise<{ rows: { id: string; key?: string; value?: { rev: string; deleted?: boolean }; error?: string; doc?: PouchDoc }[] }>;
  /** `return_docs: false`: a long feed keeps no list of what it passed (thousands of reports). */
  changes(options: { live?: boolean; since?: number | string | 'now'; include_docs?: boolean; conflicts?: boolean; return_docs?: boolean }): ChangesFeed;
  sync(remote: PouchDatabase, options: { live?: boolean; retry?: boolean; back_off_function?: (delay: number) => number }): SyncHandler;
  /** One direction: `checkpoint: 'target'` keeps the replication's checkpoint in this database only. */
  replicate: {
    from(remote: PouchDatabase, options: ReplicateOptions): SyncHandler;
    to(remote: PouchDatabase, options: ReplicateOptions): SyncHandler;
  };
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface ReplicateOptions {
  readonly live?: boolean;
  readonly retry?: boolean;
  readonly back_off_function?: (delay: number) => number;
  readonly checkpoint?: 'source' | 'target' | false;
  readonly batch_size?: number;
  readonly batches_limit?: number;
  /** Only these documents; from this sequence of the source on (with a checkpoint kept). */
  readonly doc_ids?: readonly string[];
  readonly since?: number;
}

export type PouchFetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface PouchDBConstructor {
  new (name: string, options?: { skip_setup?: boolean; auto_compaction?: boolean; fetch?: PouchFetch }): PouchDatabase;
}

/**
 * The fetch for remote databases on one server (PouchDB's `fetch` option): what PouchDB asks,
 * sent lighter, for a supervisor's thousands of replications.
 *  - A GET or HEAD goes without the `Content-Type` PouchDB puts on every request: a GET has no
 *    body, and without it a cross-origin GET is a simple request, sent without a CORS preflight
 *    (an OPTIONS round trip per URL, and every `_changes?since=…` is a new URL).
 *  - The server's root (`GET /`: its uuid, which PouchDB asks once per replication to name the
 *    replication's checkpoint) is asked once per session: it does not change while it runs.
 */
export function remoteFetch(serverUrl: string, base: PouchFetch = (url, init) => fetch(url, init)): PouchFetch {
  const root = `${serverUrl.replace(/\/+$/, '')}/`;
  let rootAnswer: Promise<{ text: string; init: ResponseInit }> | undefined;
  return async (url, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return base(url, init);
    const headers = new Headers(init.headers);
    headers.delete('Content-Type');
    const light = { ...init, headers };
    if (url !== root || method !== 'GET') return base(url, light);
    if (!rootAnswer) {
      const asked = base(url, light).then(async (r) => {
        // Only a good answer is kept (the network or the session may be gone): others are passed on.
        if (!r.ok) throw r;
        return { text: await r.text(), init: { status: r.status, statusText: r.statusText, headers: r.headers } };
      });
      rootAnswer = asked;
      asked.catch(() => (rootAnswer = undefined));
    }
    try {
      const kept = await rootAnswer;
      return new Response(kept.text, kept.init);
    } catch (failure) {
      if (failure instanceof Response) return failure;
      throw failure;
    }
  };
}

let loading: Promise<PouchDBConstructor> | undefined;

export function loadPouchDB(): Promise<PouchDBConstructor> {
  loading ??= import('pouchdb-browser').then((m) => (m as unknown as { default: PouchDBConstructor }).default);
  loading.catch(() => (loading = undefined));
  return loading;
}
