/**
 * What the service worker downloads once, in the background after the first visit, so that the
 * app works offline (vite.config.ts, pwaPlugins): the files of its precache manifest (read from
 * the built sw.js, as the worker reads it) and their size, raw and gzip (level 9, as the other
 * bundle figures). `npx tsx bench/precache.ts [dir]` prints it for a build (dist/ by default);
 * `npm run bench` reports it for its own build. The editor's first load is another figure
 * (bundle.initialJs): the worker registers after the page has loaded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round, type Figure } from './stats.ts';

/** The URLs the worker precaches, relative to the build's folder. */
export function precachedFiles(outDir: string): string[] {
  const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!);
  if (urls.length === 0) throw new Error(`${outDir}/sw.js: no precache manifest found (did the build make the service worker?)`);
  return [...new Set(urls)];
}

/** The precache's figures; `exclude` leaves out files that are not the app's (the bench's own pages). */
export function precacheFigures(outDir: string, exclude?: RegExp): Figure[] {
  const files = precachedFiles(outDir).filter((url) => !exclude?.test(url));
  let raw = 0;
  let gzip = 0;
  for (const url of files) {
    const body = readFileSync(join(outDir, url));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return [
    { id: 'precache.files', label: 'files the service worker precaches (offline after one visit)', unit: 'files', p50: files.length, n: 1 },
    { id: 'precache.raw', label: `the precache's size (${files.length} files)`, unit: 'kB', p50: round(raw / 1024), n: 1 },
    { id: 'precache.gzip', label: `the precache's size, gzip (${files.length} files)`, unit: 'kB gzip', p50: round(gzip / 1024), n: 1 },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const figure of precacheFigures(process.argv[2] ?? 'dist')) console.log(JSON.stringify(figure));
}
