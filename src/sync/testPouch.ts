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
