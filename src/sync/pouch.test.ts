// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { remoteFetch } from './pouch.ts';

/** A server that records what it was asked and answers each with a new body. */
function recorder() {
  const asked: { url: string; method: string; contentType: string | null; accept: string | null }[] = [];
  const base = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    asked.push({ url, method: init.method ?? 'GET', contentType: headers.get('Content-Type'), accept: headers.get('Accept') });
    return new Response(JSON.stringify({ uuid: 'u1', n: asked.length }), { status: url.endsWith('/gone') ? 404 : 200, headers: { 'content-type': 'application/json' } });
  };
  return { asked, base };
}

const json = () => new Headers({ 'Content-Type': 'application/json', Accept: 'application/json' });

describe('remoteFetch', () => {
  it('sends a GET without Content-Type (no CORS preflight), a POST as PouchDB made it', async () => {
    const { asked, base } = recorder();
    const f = remoteFetch('http://h:5984', base);
    await f('http://h:5984/db/_changes?since=0', { headers: json(), credentials: 'include' });
    await f('http://h:5984/db/_bulk_get', { method: 'POST', headers: json(), body: '{}' });
    expect(asked).toEqual([
      { url: 'http://h:5984/db/_changes?since=0', method: 'GET', contentType: null, accept: 'application/json' },
      { url: 'http://h:5984/db/_bulk_get', method: 'POST', contentType: 'application/json', accept: 'application/json' },
    ]);
  });

  it('asks the server’s root once, each caller getting the whole answer', async () => {
    const { asked, base } = recorder();
    const f = remoteFetch('http://h:5984/couchdb/', base);
    const answers = await Promise.all([f('http://h:5984/couchdb/', { headers: json() }), f('http://h:5984/couchdb/', { headers: json() })]);
    const third = await f('http://h:5984/couchdb/', { headers: json() });
    for (const r of [...answers, third]) expect(await r.json()).toEqual({ uuid: 'u1', n: 1 });
    expect(asked).toHaveLength(1);
    // Any other URL is asked each time.
    await f('http://h:5984/couchdb/db', { headers: json() });
    await f('http://h:5984/couchdb/db', { headers: json() });
    expect(asked).toHaveLength(3);
  });

  it('keeps no failed answer of the root: the next asks again', async () => {
    let fail = true;
    const asked: string[] = [];
    const f = remoteFetch('http://h:5984', async (url) => {
      asked.push(url);
      if (fail) throw new TypeError('network');
      return new Response('{"uuid":"u2"}', { status: 200 });
    });
    await expect(f('http://h:5984/')).rejects.toThrow('network');
    fail = false;
    expect(await (await f('http://h:5984/')).json()).toEqual({ uuid: 'u2' });
    expect(asked).toHaveLength(2);
  });
});
