import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';
import base from '../vite.config.ts';

// The production build plus bench-only pages: one seeds the drafts' store on the same origin, one
// the review workspace's (a province's units), one is a bare input (the browser's floor for a keystroke).
export default mergeConfig(base, {
  build: {
    outDir: fileURLToPath(new URL('../.bench-dist', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('../index.html', import.meta.url)),
        seed: fileURLToPath(new URL('./seed/index.html', import.meta.url)),
        floor: fileURLToPath(new URL('./floor/index.html', import.meta.url)),
        seedReview: fileURLToPath(new URL('./seed-review/index.html', import.meta.url)),
      },
    },
  },
});
