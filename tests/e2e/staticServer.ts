/**
 * A plain static web server for the offline tests, as a 政务公开办's intranet server would host
 * dist/: files by path, `/` is index.html, nothing else rewritten. Unlike `vite preview` it can
 * switch the folder it serves (a new version is deployed) and cut the network (every connection
 * is dropped: what a clerk gets when the intranet is down). Under /couchdb it answers like the
 * sharing server's API, with a count of the requests it got and headers that would let a cache
 * keep the answer a day: a response that came from a cache shows an old count.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  readonly url: string;
  /** The folder served from now on. */
  root: string;
  /** When true, every request's connection is dropped. */
  offline: boolean;
  /** How many requests reached /couchdb. */
  readonly couchRequests: number;
  close(): Promise<void>;
}

export async function startStaticServer(root: string): Promise<StaticServer> {
  let couchRequests = 0;
  const state = { root, offline: false };
  const server: Server = createServer((request, response) => {
    if (state.offline) {
      request.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === '/couchdb' || path.startsWith('/couchdb/')) {
      couchRequests += 1;
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=86400' });
      response.end(JSON.stringify({ ok: true, request: couchRequests }));
      return;
    }
    const file = normalize(join(state.root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(state.root + sep) && file !== state.root) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
        response.end(body);
      },
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    get root() {
      return state.root;
    },
    set root(folder: string) {
      state.root = folder;
    },
    get offline() {
      return state.offline;
    },
    set offline(value: boolean) {
      state.offline = value;
    },
    get couchRequests() {
      return couchRequests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
