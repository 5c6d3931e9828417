import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';

const root = fileURLToPath(new URL('.', import.meta.url));

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
      const allowed = target.startsWith(core) || /(^|[\\/])node_modules[\\/]zod[\\/]/.test(target) || source === 'zod' || source.startsWith('zod/');
      if (!allowed) this.error(`${from} imports "${source}": src/report is the pure core and may import only zod and itself`);
      return null;
    },
  };
}

/**
 * `…/zh-CN.json?area`: the locale file again, as its own module of one export per top-level
 * key. Review imports its strings from it, so they ride in review's chunk; the first load's
 * copy (the plain `zh-CN.json`) then leaves them out, as nothing there uses them.
 */
function localeAreas(): Plugin {
  return {
    name: 'nianbao-locale-areas',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith('.json?area')) return null;
      const strings = JSON.parse(readFileSync(id.slice(0, -'?area'.length), 'utf8')) as Record<string, unknown>;
      return Object.entries(strings)
        .map(([key, value]) => `export const ${key} = ${JSON.stringify(value)};`)
        .join('\n');
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
/** zod and the core's modules that use it; its date patterns (regexes) are the core's too. */
const FULL_DECODE = (id: string) =>
  /src[\\/]report[\\/](schema|decode)\.ts$/.test(id) || (nm('zod').test(id) && !/[\\/]regexes\.js$/.test(id));
const CHUNK_GROUPS = [
  { name: 'vendor', test: nm('react|react-dom|scheduler|i18next|react-i18next|use-sync-external-store'), priority: 30 },
  { name: 'decode', test: FULL_DECODE, priority: 25, includeDependenciesRecursively: false },
  {
    name: 'core',
    test: (id: string) =>
      /node_modules[\\/](zod[\\/].*[\\/]regexes\.js$|idb[\\/])/.test(id) ||
      (/src[\\/](report|storage)[\\/]/.test(id) && !REVIEW_CORE.test(id) && !/src[\\/](report[\\/]render|storage[\\/]review)[\\/]/.test(id)),
    priority: 20,
    includeDependenciesRecursively: false,
  },
  { name: 'review-core', test: REVIEW_CORE, priority: 10 },
];

export default defineConfig({
  plugins: [coreBoundary(), localeAreas(), react()],
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
