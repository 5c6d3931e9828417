import { defineConfig, type Plugin } from 'vitest/config';
import type { Rolldown } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { LAZY_AREAS, omitPaths, pickPaths } from './src/i18n/areas.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The core's writers of outside formats and the one library each may import. */
const CORE_WRITERS: Record<string, RegExp> = {
  'src/report/publish/docx.ts': /^docx(\/watermarks)?$/,
};

/**
 * The core (src/report) is pure: it may import nothing but zod and itself. ESLint says so in
 * `npm test`; this makes `vite build` fail too, so a forbidden import never ships.
 */
function coreBoundary(): Plugin {
  const core = `src${sep}report${sep}`;
  return {
    name: 'nianbao-core-boundary',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const from = relative(root, importer);
      if (!from.startsWith(core) || /\.test\.tsx?$/.test(from)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const target = resolved ? relative(root, resolved.id.split('?')[0]!) : source;
      const allowed =
        target.startsWith(core) ||
        /(^|[\\/])node_modules[\\/]zod[\\/]/.test(target) ||
        source === 'zod' ||
        source.startsWith('zod/') ||
        // A writer of an outside format uses its one library (architecture.md), loaded on first use.
        (CORE_WRITERS[from.split(sep).join('/')]?.test(source) ?? false);
      if (!allowed) this.error(`${from} imports "${source}": src/report is the pure core and may import only zod and itself (and a writer its library)`);
      return null;
    },
  };
}

/**
 * The zh-CN strings in parts (src/i18n/areas.ts): `zh-CN.json?first` is the file without the
 * lazy areas, `zh-CN.json?area=<name>` one area's paths, each a module of its own so that an
 * area's strings ride in the chunk of the code that shows them.
 */
export function localeAreas(): Plugin {
  return {
    name: 'nianbao-locale-areas',
    enforce: 'pre',
    load(id) {
      const match = /^(.*\.json)\?(first|area=(\w+))$/.exec(id);
      if (!match) return null;
      const strings = JSON.parse(readFileSync(match[1]!, 'utf8')) as Record<string, unknown>;
      const areas = LAZY_AREAS as Record<string, readonly string[]>;
      if (match[3] !== undefined && !areas[match[3]]) this.error(`no strings area "${match[3]}" in src/i18n/areas.ts`);
      const part = match[3] === undefined ? omitPaths(strings, Object.values(areas).flat()) : pickPaths(strings, areas[match[3]]!);
      return `export default ${JSON.stringify(part)};`;
    },
  };
}

/**
 * On a draft's address (`#/drafts/<id>…`, where a clerk comes back to), the editor page's
 * chunks are requested while the HTML is read, beside the entry's, rather than once the entry
 * has run: a few lines of inline script add their modulepreload links, and the browser fetches
 * and compiles them while the entry starts React. Other routes load as before.
 */
function draftRoutePreload(): Plugin {
  let base = '/';
  return {
    name: 'nianbao-draft-route-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.chunk) return html;
        const chunks = new Map(Object.values(ctx.bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
        const closure = (chunk: Rolldown.OutputChunk, into = new Set<string>()) => {
          if (!into.has(chunk.fileName)) {
            into.add(chunk.fileName);
            for (const name of chunk.imports) closure(chunks.get(name)!, into);
          }
          return into;
        };
        const page = [...chunks.values()].find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith('/src/app/DraftPage.tsx'));
        if (!page) return html;
        const withEntry = closure(ctx.chunk);
        const files = [...closure(page)].filter((name) => !withEntry.has(name)).map((name) => base + name);
        const script = `if (/^#\\/drafts\\/[^/]+(\\/(?!print$)|$)/.test(location.hash)) for (const href of ${JSON.stringify(files)}) { const link = document.createElement('link'); link.rel = 'modulepreload'; link.crossOrigin = ''; link.href = href; document.head.append(link); }`;
        return [{ tag: 'script', children: script, injectTo: 'head' }];
      },
    },
  };
}

const nm = (names: string) => new RegExp(`node_modules[\\\\/](${names})[\\\\/]`);

/**
 * Chunks by what loads them, not by which barrel reaches what: every route loads the vendor
 * chunk (React, i18next) and the core (the report model, rules, decode, storage); the parts
 * of the core only review uses go with review. Without these groups the automatic splitting
 * moves React out of the entry as soon as a lazy chunk is shared, and the editor's first load
 * carries review's comparison and aggregation code because the core's index reaches them.
 */
const REVIEW_CORE = /src[\\/]report[\\/](review[\\/](compare|aggregate)|import)[\\/.]/;
/** zod, the core's modules that use it, decode's messages and its JSON reader (jsonText). */
const FULL_DECODE = (id: string) => /src[\\/]report[\\/](schema|decode|decodeMessages|jsonText)\.ts$/.test(id) || nm('zod').test(id);
const CHUNK_GROUPS = [
  {
    // With vite's preload helper and the bundler's runtime, which every chunk may need.
    name: 'vendor',
    test: (id: string) =>
      (nm('react|react-dom|scheduler|i18next|react-i18next|use-sync-external-store').test(id) && !id.includes('with-selector')) ||
      /vite[\\/]preload-helper|rolldown[\\/]runtime/.test(id),
    priority: 30,
  },
  { name: 'decode', test: FULL_DECODE, priority: 25, includeDependenciesRecursively: false },
  {
    name: 'core',
    test: (id: string) =>
      // The save indicator's clock (clockTime.ts) is in the first load; the UI's other formats
      // (format.ts: dates, grouped numbers) go with the lazy screens that show them. The last route
      // (lastRoute.ts: the draft page, the home and the review page) is no chunk of its own.
      /node_modules[\\/]idb[\\/]|src[\\/]features[\\/]drafts[\\/](StoreContext|lastRoute)\.|src[\\/]ui[\\/]clockTime\./.test(id) ||
      (/src[\\/](report|storage)[\\/]/.test(id) &&
        !REVIEW_CORE.test(id) &&
        // The review's actions change a review: the editor's review panel and the workspace load them.
        // The print renderer and the publishing writers (sentences, Word, fragment) go with what uses them,
        // and so do a saved file's name and text (fileName.ts: export, download).
        !/src[\\/](report[\\/](render|publish)|storage[\\/]review)[\\/]|src[\\/]report[\\/](review[\\/]actions|fileName)\./.test(id)),
    priority: 20,
    includeDependenciesRecursively: false,
  },
  {
    // The editor as it first shows (form, store, findings, the grids of 二 三 四, the helpers its
    // lazy parts share with it): one chunk. Left to the automatic splitting, each helper a lazy
    // part (the review panel) also imports became a chunk of its own, a request and some glue each.
    name: 'editor',
    test: (id: string) =>
      // The grids' strings (gridStrings.ts), a module of their own (src/i18n/areas.ts).
      /zh-CN\.json\?area=editorGrid$/.test(id) ||
      /src[\\/]ui[\\/]idleTimer\.|src[\\/]features[\\/]editor[\\/](index|Editor|store|FindingsPanel|parse|form|LayoutGrid|GridFrame|GridCells|gridStrings|SectionNav|CommentMarks|undo|gridModel|marks|context|cachedT)\.tsx?$/.test(id),
    priority: 15,
    includeDependenciesRecursively: false,
  },
  { name: 'review-core', test: REVIEW_CORE, priority: 10 },
];

/** The favicon's red (public/favicon.svg) and the app's accent (src/ui/base.css, --accent). */
const THEME_COLOUR = '#9b1c1c';

/**
 * The installed, offline app (vite-plugin-pwa, Workbox's generateSW): a web app manifest and a
 * service worker that precaches the app's own built files, so that after one visit the app opens
 * and every screen works with the network cut (drafts live in IndexedDB anyway). It caches
 * nothing at run time: no report, no response of the sharing server (CouchDB under /couchdb), no
 * other origin. src/main.tsx registers it after the page's load, with the browser's own API (no
 * workbox-window in any chunk); a new version waits until the clerk presses 刷新 on the notice
 * (src/app/appUpdate.tsx, loaded only when a new worker is waiting), which posts SKIP_WAITING.
 *
 * Every plugin here is named `vite-plugin-pwa…`: a build that must not have a service worker
 * (the single file, vite.single.config.ts) leaves them out by that name, and with them the
 * registration (import.meta.env.NIANBAO_PWA is then undefined, so main.tsx's registration and
 * the notice's chunk are dropped). NIANBAO_SW=off keeps the registration code but writes no
 * worker: `npm run size` builds in memory and must not rewrite dist/sw.js.
 */
export function pwaPlugins(): Plugin[] {
  const register: Plugin = {
    name: 'vite-plugin-pwa:nianbao-register',
    apply: 'build',
    config: () => ({ define: { 'import.meta.env.NIANBAO_PWA': 'true' } }),
    // The installed app's title bar takes the manifest's colour; the browser's tab, this one.
    transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOUR }, injectTo: 'head' }],
  };
  const pwa = VitePWA({
    disable: process.env.NIANBAO_SW === 'off',
    registerType: 'prompt',
    // src/main.tsx registers it (after load, navigator.serviceWorker.register), not a script in
    // index.html nor virtual:pwa-register. In prompt mode the worker skips waiting on the message
    // { type: 'SKIP_WAITING' } (src/app/appUpdate.tsx sends it when 刷新 is pressed).
    injectRegister: false,
    // The icons and the favicon are precached by the glob below, the manifest by the plugin.
    includeManifestIcons: false,
    manifest: {
      id: '/',
      name: '年报 · 政府信息公开工作年度报告',
      short_name: '年报',
      description: '填写、检查、打印政府信息公开工作年度报告（国办公开办函〔2021〕30号格式），断网也能用。',
      lang: 'zh-CN',
      dir: 'ltr',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: THEME_COLOUR,
      background_color: '#ffffff',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // Everything every screen loads, the lazy parts included: print, Word export, the import
      // readers (pdf.js and its worker, mammoth), review, sharing's code (which says it cannot
      // reach the server when offline). Left out: nianbao.html, the single-file build that
      // `npm run build` may put beside the app (a download, ~700 kB, of the same code).
      globPatterns: ['**/*.{js,mjs,css,html,svg,png}'],
      globIgnores: ['nianbao.html', 'bench/**'],
      // pdf.js's worker (~1.1 MB) must be in, for an import to work offline.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      // The app has one page (its routes are in the hash): a navigation in scope gets it, but not
      // one to the sharing server's API or a file of the site (the single file's download).
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/^\/couchdb(\/|$)/, /^\/_/, /\.(?!html$)[a-z0-9]+$/i, /\/nianbao\.html$/],
      // Nothing cached at run time: a request that is not one of the precached files goes to the network.
      runtimeCaching: [],
      cleanupOutdatedCaches: true,
      // The first visit's page is controlled at once (no code is swapped: it is the same build);
      // a new version waits (no skipWaiting) until the clerk asks for it.
      clientsClaim: true,
      skipWaiting: false,
    },
  });
  return [register, ...pwa];
}

export default defineConfig({
  plugins: [coreBoundary(), localeAreas(), draftRoutePreload(), react(), ...pwaPlugins()],
  resolve: {
    // React 19 has useSyncExternalStore; the shim's fallback for older React need not ship.
    alias: [{ find: /^use-sync-external-store\/shim$/, replacement: fileURLToPath(new URL('./src/ui/syncExternalStoreShim.ts', import.meta.url)) }],
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser the app supports has modulepreload: no polyfill chunk on the first load.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // The core is pure (no module of it does anything when loaded but define): the bundler
      // may leave out what a chunk does not use, and need not load review's part of the core
      // just because the core's index re-exports it.
      treeshake: { moduleSideEffects: [{ test: /src[\\/]report[\\/]/, sideEffects: false }] },
      output: { codeSplitting: { groups: CHUNK_GROUPS } },
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./tests/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
    // Component tests type into 150-cell grids; CI has 2 cores and other work running.
    testTimeout: 20_000,
  },
});
