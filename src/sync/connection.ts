/**
 * Which server this browser shares through, and as whom: the address and the user name only
 * (localStorage). Never the password: the session is the server's HttpOnly cookie.
 */
export interface Connection {
  readonly url: string;
  readonly user: string;
  readonly role: 'unit' | 'supervisor';
}

const KEY = 'nianbao.sharing';

/**
 * The app opened as one file from a disk or USB stick (nianbao.html, `npm run build:single`),
 * not from a web server: there is no server to share with, so the sharing doors are a sentence
 * saying why. (Here, beside the remembered connection both doors read, so that the check rides
 * in the chunk they already share rather than a chunk of its own.)
 */
export function openedFromFile(): boolean {
  return globalThis.location?.protocol === 'file:';
}

export function rememberedConnection(): Connection | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<Connection>;
    if (typeof value.url !== 'string' || typeof value.user !== 'string' || (value.role !== 'unit' && value.role !== 'supervisor')) return undefined;
    return { url: value.url, user: value.user, role: value.role };
  } catch {
    return undefined;
  }
}

const changes = new Set<() => void>();

/** Hears this page connect or disconnect (the returned banner's words follow it). */
export function onConnectionChange(listener: () => void): () => void {
  changes.add(listener);
  return () => changes.delete(listener);
}

export function rememberConnection(connection: Connection | undefined): void {
  try {
    if (connection) globalThis.localStorage?.setItem(KEY, JSON.stringify({ url: connection.url, user: connection.user, role: connection.role }));
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Storage refused (private mode): sharing works for this page's life.
  }
  for (const listener of [...changes]) listener();
}
