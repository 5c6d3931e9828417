import { defineConfig } from 'vitest/config';
import { localeAreas } from './vite.config.ts';

// End-to-end tests: the built app (dist/) served by `vite preview`, driven in Debian's
// headless Chromium through playwright-core. `npm run build` must run first (npm test does).
export default defineConfig({
  // Some tests render the app's components in Node: the zh-CN strings come in parts (src/i18n/areas.ts).
  plugins: [localeAreas()],
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['./tests/e2e/serve.ts'],
    setupFiles: ['./tests/e2e/docsUntouched.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
