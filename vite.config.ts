import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
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

export default defineConfig({
  plugins: [coreBoundary(), react()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: false },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./tests/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
    // Component tests type into 150-cell grids; CI has 2 cores and other work running.
    testTimeout: 20_000,
  },
});
