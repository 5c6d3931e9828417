// @vitest-environment node
/**
 * `nianbao server start` serving the app and the CouchDB API on one origin: which file answers
 * which path, with which headers, and the CouchDB API under /couchdb behind the same front.
 * A small built app is written to a temporary folder (the real dist/ is served in the e2e).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServer, type EmbeddedServer } from './embedded.ts';
import { ASSETS_CACHE, contentSecurityPolicy, inlineHashes } from './app.ts';
import { APP_DIST } from '../cli/commands/server.ts';
import { sameOriginServer, signIn } from '../sync/session.ts';
import { setupArea } from './setup.ts';
import { main } from '../cli/main.ts';
import { memoryIo } from '../cli/io.ts';

const admin = { name: 'admin', password: 'admin-app-password' };
const clerk = { name: 'pl-mzj', password: 'mzj-password-1' };
const INLINE = "if (location.hash) document.head.append('x');";
const INDEX = `<!doctype html><html><head><script type="module" crossorigin src="/assets/index-AbC123.js"></script><script>${INLINE}</script></head><body><div id="root"></div></body></html>`;
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

let dist: string;
let server: EmbeddedServer;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'nianbao-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'index-AbC123.js'), 'console.log(1);\n');
  writeFileSync(join(dist, 'assets', 'index-AbC123.css'), 'body{}\n');
  writeFileSync(join(dist, 'assets', 'pdf.worker.min-XyZ.mjs'), 'export {};\n');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"年报"}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  server = await startEmbeddedServer({ port: 0, inMemory: true, admin, origins: ['http://127.0.0.1:4173'], app: dist });
  await setupArea(server.url, admin, [{ agency: '平罗县民政局', user: clerk.name, password: clerk.password }], { name: 'zwgk', password: 'zwgk-password-1' });
});
afterAll(() => server?.close());

const get = (path: string, init?: RequestInit) => fetch(`${server.origin}${path}`, init);

describe('the app at /', () => {
  it('serves index.html at / and at a deep route (SPA fallback), never from a cache without asking', async () => {
    for (const path of ['/', '/index.html', '/drafts/2f3a/section/3', '/review?x=1']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('caches hashed assets for a year, immutable, with their types; a missing one is a 404, not the page', async () => {
    const js = await get('/assets/index-AbC123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe(ASSETS_CACHE);
    expect(ASSETS_CACHE).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
    expect((await get('/assets/index-AbC123.css')).headers.get('content-type')).toMatch(/^text\/css/);
    // pdf.js's worker is a module: served as JavaScript or the browser refuses it.
    expect((await get('/assets/pdf.worker.min-XyZ.mjs')).headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
    const missing = await get('/assets/index-Gone99.js');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<html');
    expect((await get('/missing.png')).status).toBe(404);
  });

  it('serves the manifest as application/manifest+json and other files revalidated', async () => {
    const manifest = await get('/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    expect((await get('/favicon.svg')).headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });

  it('sends the security headers: the policy with the build\'s inline script hashed, nosniff, no referrer, no framing', async () => {
    const response = await get('/');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toBe(server.app!.csp);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`script-src 'self' ${sha(INLINE)}`);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await get('/assets/index-AbC123.js')).headers.get('content-security-policy')).toBe(csp);
  });

  it('takes only GET and HEAD', async () => {
    expect((await get('/', { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await get('/', { method: 'HEAD' })).status).toBe(200);
  });
});

describe('the CouchDB API at /couchdb on the same origin', () => {
  it('answers CouchDB there, and the front still refuses what CouchDB 3 refuses', async () => {
    expect(server.url).toBe(`${server.origin}/couchdb`);
    const welcome = await get('/couchdb/', { headers: { accept: 'application/json' } });
    expect(welcome.status).toBe(200);
    expect(((await welcome.json()) as Record<string, unknown>)['express-pouchdb']).toBe('Welcome!');
    expect(welcome.headers.get('content-security-policy')).toBeNull();
    expect(welcome.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get('/couchdb/_all_dbs')).status).toBe(401);
    expect((await get('/couchdb/_users/_all_docs')).status).toBe(401);
    expect((await get('/couchdb/nianbao-unit-pl-mzj/_all_docs')).status).toBe(401);
  });

  it('signs in with a cookie that the same origin sends back, without any CORS header', async () => {
    const login = await fetch(`${server.url}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(clerk) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^AuthSession=[^;]+;.*Path=\//);
    expect(cookie).toMatch(/HttpOnly/);
    const session = cookie.split(';')[0]!;
    const docs = await get('/couchdb/nianbao-unit-pl-mzj/_all_docs', { headers: { cookie: session } });
    expect(docs.status).toBe(200);
    expect(docs.headers.get('access-control-allow-origin')).toBeNull();
    expect((await get('/couchdb/_all_dbs', { headers: { cookie: session } })).status).toBe(403);
  });

  it('keeps CORS for the dev setup\'s origin (npm start on 4173) and no other', async () => {
    const allowed = await get('/couchdb/_session', { headers: { origin: 'http://127.0.0.1:4173' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173');
    const preflight = await get('/couchdb/_session', { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is found by the app from its own page (the connect form\'s default), and signs in there', async () => {
    expect(await sameOriginServer(`${server.origin}/`)).toBe(server.url);
    expect(await sameOriginServer(`${server.origin}/#/drafts/2f3a`)).toBe(server.url);
    expect(await signIn((await sameOriginServer(`${server.origin}/`))!, clerk.name, clerk.password)).toMatchObject({ ok: true });
    // Not found: a page not served by the area's server, or a file.
    expect(await sameOriginServer(`${server.url}/`)).toBeUndefined();
    expect(await sameOriginServer('file:///media/usb/nianbao.html')).toBeUndefined();
    expect(await sameOriginServer('http://127.0.0.1:9/')).toBeUndefined();
  });
});

describe('a server whose app is not built', () => {
  it('says at / how to build it, and still serves the CouchDB API', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nianbao-nodist-'));
    const bare = await startEmbeddedServer({ port: 0, inMemory: true, admin, origins: [], app: empty });
    try {
      expect(bare.app).toMatchObject({ built: false, csp: undefined });
      const page = await fetch(`${bare.origin}/`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npm run build');
      expect((await fetch(`${bare.url}/`)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it('the CLI serves the dist/ of its own folder', () => {
    expect(APP_DIST).toBe(resolve('dist'));
  });
});

describe('nianbao server csp', () => {
  it('prints the policy the server sends, for nginx or IIS; says how to build when there is no build', async () => {
    const io = memoryIo();
    expect(await main(['server', 'csp', '--dist', dist], io)).toBe(0);
    expect(io.out().trim()).toBe(server.app!.csp);
    const missing = memoryIo();
    expect(await main(['server', 'csp', '--dist', join(dist, 'assets')], missing)).toBe(1);
    expect(missing.err()).toContain('npm run build');
  });
});

describe('contentSecurityPolicy', () => {
  it.each([
    ['no inline script', '<script type="module" src="/a.js"></script>', [], []],
    ['one inline script', `<script>${INLINE}</script>`, [sha(INLINE)], []],
    ['an inline style and a script with attributes', '<style>p{}</style><script id="x">a()</script>', [sha('a()')], [sha('p{}')]],
  ])('%s', (_name, html, scripts, styles) => {
    expect(inlineHashes(html)).toEqual({ scripts, styles });
    const csp = contentSecurityPolicy(html);
    expect(csp.split('; ').find((d) => d.startsWith('script-src '))).toBe(["script-src 'self'", ...scripts].join(' '));
    expect(csp.split('; ').find((d) => d.startsWith('style-src '))).toBe(["style-src 'self'", ...styles].join(' '));
  });
});

describe('nianbao server start, the command', () => {
  it('serves this folder\'s dist/ at / (or says how to build it) and the CouchDB API at /couchdb', async () => {
    const { spawn } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    const child = spawn(process.execPath, ['bin/nianbao.mjs', 'server', 'start', '--port', '0', '--in-memory', '--admin', 'admin:cli-admin-pw'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const couch = await new Promise<string>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no start line in: ${out}`)), 30_000);
        const poll = setInterval(() => {
          const match = /the CouchDB API at (http:\/\/\S+)/.exec(out);
          if (match) {
            clearInterval(poll);
            clearTimeout(timer);
            done(match[1]!);
          }
        }, 100);
      });
      const origin = couch.replace(/\/couchdb$/, '');
      expect(couch).toBe(`${origin}/couchdb`);
      const page = await fetch(`${origin}/`);
      if (existsSync('dist/index.html')) {
        expect(out).toContain(`the app at ${origin}/`);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      } else {
        expect(out).toContain('npm run build');
        expect(page.status).toBe(503);
      }
      expect((await fetch(`${couch}/`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 40_000);
});
