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
  changes(options: { live?: boolean; since?: number | string | 'now'; include_docs?: boolean; conflicts?: boolean }): ChangesFeed;
  sync(remote: PouchDatabase, options: { live?: boolean; retry?: boolean; back_off_function?: (delay: number) => number }): SyncHandler;
  /** One direction: `checkpoint: 'target'` keeps the replication's checkpoint in this database only. */
  replicate: { from(remote: PouchDatabase, options: { checkpoint?: 'source' | 'target' | false; batch_size?: number }): SyncHandler };
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface PouchDBConstructor {
  new (name: string, options?: { skip_setup?: boolean; auto_compaction?: boolean }): PouchDatabase;
}

let loading: Promise<PouchDBConstructor> | undefined;

export function loadPouchDB(): Promise<PouchDBConstructor> {
  loading ??= import('pouchdb-browser').then((m) => (m as unknown as { default: PouchDBConstructor }).default);
  loading.catch(() => (loading = undefined));
  return loading;
}
