/**
 * The built app (`dist/`) as `nianbao server start` serves it, on the same origin as the
 * CouchDB API (under COUCHDB_PATH): the browser then needs no CORS and CouchDB's cookie
 * session is simply a same-origin cookie. Files are served by express's serve-static (the one
 * pouchdb-server brings); what is ours is the policy: which file answers which path, how long
 * a browser may keep it, and the Content-Security-Policy.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where the CouchDB API lives when the app is served at `/` (the app probes it: src/sync/session.ts). */
export const COUCHDB_PATH = '/couchdb';

/** Hashed build output (vite's `assets/<name>-<hash>.<ext>`): a new build gives new names. */
export const ASSETS_CACHE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, the favicon, a service worker, the manifest): asked again each time. */
export const REVALIDATE = 'no-cache';

/** The sha256 sources of the inline `<script>`s and `<style>`s of a built index.html. */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\ssrc\s*=/i.test(match[1] ?? '')) continue;
    scripts.push(hash(match[2]!));
  }
  for (const match of html.matchAll(/<style(\s[^>]*)?>([\s\S]*?)<\/style\s*>/gi)) styles.push(hash(match[2]!));
  return { scripts, styles };
}

/**
 * The policy for the app, from its built index.html: scripts only from the origin, plus the
 * inline ones the build wrote (by hash, so nothing injected runs); every request to the origin
 * only (the CouchDB API is on it). Styles: the stylesheets are files; the print view inserts the
 * renderer's markup, whose tables keep inline `style` attributes (so that a website's editor that
 * strips `<style>` keeps the grid, src/report/render/html.ts): attributes are allowed, `<style>`
 * elements are not. Workers (pdf.js, a service worker) come from the origin.
 */
export function contentSecurityPolicy(indexHtml: string): string {
  const { scripts, styles } = inlineHashes(indexHtml);
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(' '),
    ["style-src 'self'", ...styles].join(' '),
    "style-src-attr 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response of the server carries, the CouchDB API's included. */
export function setCommonSecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

export interface AppSite {
  /** Whether dist/index.html exists: without it `/` says how to build. */
  readonly built: boolean;
  readonly dist: string;
  /** The policy sent with the app (undefined when not built). */
  readonly csp: string | undefined;
  readonly handler: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
}

type ServeStatic = (root: string, options: object) => (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** How to build, said where the app is missing (the CLI and the page at `/`). */
export function notBuiltMessage(dist: string): string {
  return `the app is not built (no index.html in ${dist}): run \`npm run build\` in the nianbao folder, then start the server again`;
}

/**
 * The app's files: `/assets/…` for a year (a missing one is a 404, never the page); any other
 * existing file asked again each time; any other GET (a deep link, `/drafts/…`) gets
 * index.html (the SPA fallback); index.html is never used from a cache without asking.
 * Only GET and HEAD: the app has nothing to post to.
 */
export function appSite(dist: string, serveStatic: ServeStatic): AppSite {
  const indexPath = join(dist, 'index.html');
  const built = existsSync(indexPath);
  if (!built) {
    const message = `nianbao server: ${notBuiltMessage(dist)}. The CouchDB API is at ${COUCHDB_PATH}/.`;
    return {
      built,
      dist,
      csp: undefined,
      handler: (_req, res) => {
        setCommonSecurityHeaders(res);
        res.statusCode = 503;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(`${message}\n`);
      },
    };
  }
  // Read once: a new build is served after a restart (the policy's hashes are the build's).
  const csp = contentSecurityPolicy(readFileSync(indexPath, 'utf8'));
  const files = serveStatic(dist, {
    index: false,
    redirect: false,
    cacheControl: false,
    fallthrough: true,
    setHeaders: (res: ServerResponse, path: string) => {
      const relative = path.slice(dist.length).replace(/\\/g, '/');
      res.setHeader('Cache-Control', /^\/?assets\//.test(relative) ? ASSETS_CACHE : REVALIDATE);
    },
  });
  const sendIndex = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    req.url = '/index.html';
    files(req, res, next);
  };
  return {
    built,
    dist,
    csp,
    handler: (req, res, next) => {
      setCommonSecurityHeaders(res);
      res.setHeader('Content-Security-Policy', csp);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.statusCode = 405;
        res.setHeader('Allow', 'GET, HEAD');
        res.end();
        return;
      }
      const path = (req.url ?? '/').split('?')[0]!;
      if (path === '/' || path === '/index.html') return sendIndex(req, res, next);
      files(req, res, (error?: unknown) => {
        if (error) return next(error);
        // Not a file. A missing asset, or any path that names a file (an extension), is a 404:
        // the page in its place would be run or parsed as something it is not.
        if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
          res.statusCode = 404;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.setHeader('Cache-Control', REVALIDATE);
          res.end('Not found\n');
          return;
        }
        sendIndex(req, res, next);
      });
    },
  };
}
