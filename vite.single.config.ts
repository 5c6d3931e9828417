/**
 * `npm run build:single`: the whole app as one HTML file (dist-single/nianbao.html) for a clerk
 * whose computer only takes files from a USB stick: opened by double click (file://), it asks
 * for nothing else — scripts, styles, both languages' strings, the lazily loaded parts (print,
 * the Word writer, the import readers, pdf.js and its worker) are all inside.
 *
 * The served app's config (vite.config.ts) is reused: its plugins (the core's boundary, the
 * strings in parts, React), aliases and build options. Left out are what only makes sense when
 * served: the chunk groups (there is one chunk here), the draft route's modulepreload links
 * (nothing to preload) and the service worker (vite-plugin-pwa; a file:// page cannot have one).
 * `npm run build` also runs this with `--outDir dist`, so the served app offers the file as a
 * plain same-origin download (the 离线版 link on the drafts home).
 */
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin, type PluginOption, type UserConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import served from './vite.config.ts';

/** The served build's plugins that do not belong in the single file (by their names). */
const SERVED_ONLY = /^(nianbao-draft-route-preload$|vite-plugin-pwa)/;

function flatPlugins(options: readonly PluginOption[] | undefined): Plugin[] {
  return (options ?? []).flatMap((option): Plugin[] => {
    if (Array.isArray(option)) return flatPlugins(option);
    if (!option || option instanceof Promise) {
      if (option instanceof Promise) throw new Error('vite.single.config.ts: an async plugin in vite.config.ts; flatten it here first');
      return [];
    }
    return [option as Plugin];
  });
}

/**
 * The favicon is a file of public/ referred to by an absolute path: from file:// it would be the
 * disk's root. It goes into the page as a data: URL (and public/ is not copied: nothing reads it).
 */
function inlineFavicon(): Plugin {
  return {
    name: 'nianbao-single-favicon',
    transformIndexHtml(html) {
      const svg = readFileSync(new URL('./public/favicon.svg', import.meta.url));
      const dataUrl = `data:image/svg+xml;base64,${svg.toString('base64')}`;
      const replaced = html.replace(/(<link rel="icon" href=")\/favicon\.svg(")/, `$1${dataUrl}$2`);
      if (replaced === html) throw new Error('vite.single.config.ts: the favicon link in index.html changed; update inlineFavicon');
      return replaced;
    },
  };
}

/**
 * pdf.js's worker as text in the file, started from a blob: URL when a PDF is read. The served
 * build asks for its URL (`?url`, src/features/import/readInBrowser.ts); inlined as such it would
 * be a base64 data: URL, a third bigger (about 360 kB raw and 160 kB gzip more).
 */
function pdfWorkerAsText(): Plugin {
  const WORKER_URL = 'pdfjs-dist/build/pdf.worker.min.mjs?url';
  const ID = '\0nianbao-single-pdf-worker';
  return {
    name: 'nianbao-single-pdf-worker',
    enforce: 'pre',
    resolveId(source) {
      return source === WORKER_URL ? ID : null;
    },
    load(id) {
      if (id !== ID) return null;
      return [
        "import source from 'pdfjs-dist/build/pdf.worker.min.mjs?raw';",
        "export default URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));",
      ].join('\n');
    },
  };
}

const { test: _test, ...base } = served as UserConfig & { test?: unknown };
const rolldownOptions = base.build?.rolldownOptions ?? {};
const { codeSplitting: _groups, ...output } = (Array.isArray(rolldownOptions.output) ? {} : (rolldownOptions.output ?? {})) as Record<string, unknown>;

export default defineConfig({
  ...base,
  plugins: [...flatPlugins(base.plugins).filter((p) => !SERVED_ONLY.test(p.name)), inlineFavicon(), pdfWorkerAsText(), viteSingleFile({ outputFileName: 'nianbao.html' })],
  publicDir: false,
  build: {
    ...base.build,
    outDir: 'dist-single',
    // `npm run build` writes the file beside the served app in dist/: leave the rest of it there.
    emptyOutDir: false,
    rolldownOptions: { ...rolldownOptions, output },
  },
});
