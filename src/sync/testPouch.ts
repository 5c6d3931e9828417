/**
 * PouchDB in Node for the sync tests (not part of the app bundle): the memory adapter stands for
 * the browser's IndexedDB, the HTTP adapter speaks to the embedded server with Basic auth (the
 * browser uses the session cookie instead). Each call gives a constructor whose local databases
 * are its own (one per simulated browser).
 */
import { basePouchDB } from '../server/embedded.ts';
import type { PouchDBConstructor, PouchDatabase } from './pouch.ts';

// The embedded server's PouchDB (plugins change a class for good, and pouchdb-core's `plugin`
// always plugs the base class: one set of plugins per process, the server's).
type Core = new (name: string, options?: object) => PouchDatabase;
const Core = basePouchDB() as unknown as Core;

let browsers = 0;

export function nodePouch(auth: { name: string; password: string }): PouchDBConstructor {
  const prefix = `browser${++browsers}-`;
  return class {
    constructor(name: string, options: object = {}) {
      return /^https?:/.test(name)
        ? new Core(name, { ...options, auth: { username: auth.name, password: auth.password } })
        : new Core(prefix + name, { ...options, adapter: 'memory' });
    }
  } as unknown as PouchDBConstructor;
}

/** Polls `read` every 50 ms until `ok` holds; fails with the last value read after `timeout` ms. */
export async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > timeout) throw new Error(`not reached in ${timeout} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `until`, and how long it took (a test that reports how soon something arrived). */
export async function timedUntil<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, timeout = 10_000): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await until(read, ok, timeout);
  return { value, ms: Date.now() - started };
}

/** What the server holds at `path` (a document, with its query), read as the admin; undefined when refused or missing. */
export async function readAsAdmin<T>(serverUrl: string, admin: { name: string; password: string }, path: string): Promise<T | undefined> {
  const response = await fetch(`${serverUrl}${path}`, { headers: { authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}` } });
  return response.ok ? ((await response.json()) as T) : undefined;
}
