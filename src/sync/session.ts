/**
 * Signing in to the area's server: CouchDB's cookie session (POST /_session). The password goes
 * in the request body once and is forgotten; the browser keeps the HttpOnly AuthSession cookie.
 * Nothing here writes a credential to a URL, to storage or to the console.
 */
export type SignInError = 'wrongPassword' | 'unreachable' | 'notAUser' | 'unknown';

export interface ServerSession {
  readonly user: string;
  readonly roles: readonly string[];
}

/**
 * The names the app and the server share (src/server/roster.ts takes them from here): the
 * supervisor's role, a unit's database, the area's database and its roster document.
 */
export const SUPERVISOR_ROLE = 'nianbao-supervisor';
export const unitDbOf = (user: string) => `nianbao-unit-${user}`;
export const AREA_DB = 'nianbao-area';
export const ROSTER_DOC = 'roster';

/** The server's address as typed, without a trailing slash; refused when it carries a user or password. */
export function normaliseServerUrl(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password || url.search || url.hash) return undefined;
  return url.toString().replace(/\/+$/, '');
}

/** Where the area's server keeps the CouchDB API when it also serves the app (src/server/app.ts). */
export const SAME_ORIGIN_COUCHDB = 'couchdb/';

/**
 * The CouchDB API beside the page, when the app was served by the area's server (or by a web
 * server that proxies CouchDB under `couchdb/`): it answers CouchDB's welcome (Apache CouchDB's
 * `{"couchdb":"Welcome"}`, pouchdb-server's `{"express-pouchdb":"Welcome!"}`). Anything else (a
 * static host's page, a file:// page, no network) is no server: undefined.
 */
export async function sameOriginServer(page: string | undefined = globalThis.location?.href): Promise<string | undefined> {
  if (!page) return undefined;
  let url: URL;
  try {
    url = new URL(SAME_ORIGIN_COUCHDB, page);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  url.search = '';
  try {
    // `*/*` too: a static host that falls back to the page answers 200 (no error in the console).
    const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json, */*;q=0.1' }, signal: AbortSignal.timeout(5000) });
    if (!response.ok) return undefined;
    const welcome = JSON.parse(await response.text()) as Record<string, unknown>;
    if (welcome.couchdb !== 'Welcome' && welcome['express-pouchdb'] !== 'Welcome!') return undefined;
  } catch {
    return undefined;
  }
  return url.toString().replace(/\/+$/, '');
}

export async function signIn(url: string, user: string, password: string): Promise<{ ok: true; session: ServerSession } | { ok: false; error: SignInError }> {
  let response: Response;
  try {
    response = await fetch(`${url}/_session`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name: user, password }),
    });
  } catch {
    return { ok: false, error: 'unreachable' };
  }
  if (response.status === 401) return { ok: false, error: 'wrongPassword' };
  if (!response.ok) return { ok: false, error: 'unknown' };
  const body = (await response.json().catch(() => ({}))) as { name?: string; roles?: string[] };
  const roles = body.roles ?? [];
  if (!roles.includes(SUPERVISOR_ROLE) && !roles.includes(`nianbao-unit-${user}`)) return { ok: false, error: 'notAUser' };
  return { ok: true, session: { user: body.name ?? user, roles } };
}

/** Who the browser's cookie says we are, or null (expired, signed out, server unreachable: undefined). */
export async function currentSession(url: string): Promise<ServerSession | null | undefined> {
  try {
    const response = await fetch(`${url}/_session`, { credentials: 'include', headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    const body = (await response.json()) as { userCtx?: { name?: string | null; roles?: string[] } };
    return body.userCtx?.name ? { user: body.userCtx.name, roles: body.userCtx.roles ?? [] } : null;
  } catch {
    return undefined;
  }
}

export async function signOut(url: string): Promise<void> {
  try {
    await fetch(`${url}/_session`, { method: 'DELETE', credentials: 'include' });
  } catch {
    // Offline: the cookie expires by itself (the server's session timeout).
  }
}
