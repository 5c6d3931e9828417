import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Feature folders may not import one another: what two features share moves down
// (to src/report, src/storage, src/ui or src/i18n).
const features = ['editor', 'drafts', 'print', 'review', 'import', 'sharing'];
const featureBoundaries = features.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: features
          .filter((other) => other !== feature)
          .flatMap((other) => [
            { group: [`../${other}`, `../${other}/**`, `**/features/${other}`, `**/features/${other}/**`], message: `features/${feature} must not import features/${other}; move what they share down.` },
          ]),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist', '.bench-dist*', 'tmp', 'node_modules', 'coverage', 'docs', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...featureBoundaries,
  {
    // The UI language comes from one place, useLang() (src/i18n), in the component that needs it:
    // never a prop handed down (an HTML element's lang attribute is fine).
    files: ['src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXOpeningElement[name.type='JSXIdentifier'][name.name=/^[A-Z]/] > JSXAttribute[name.name='lang']",
          message: 'The UI language comes from useLang() (src/i18n), not a prop.',
        },
      ],
    },
  },
  {
    // The core is pure: the format, the document, totals, rules, render. It runs in Node (CLI,
    // tests, bench) and in the browser alike, so it may import nothing but zod and itself.
    files: ['src/report/**/*.ts'],
    ignores: ['src/report/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/**', 'react-dom', 'react-dom/**'], message: 'src/report is the pure core: no React.' },
            { group: ['idb', 'fake-indexeddb', 'fake-indexeddb/**', '**/storage', '**/storage/**'], message: 'src/report is the pure core: no storage.' },
            { group: ['i18next', 'react-i18next', '@tanstack/**'], message: 'src/report is the pure core: no UI libraries.' },
            { group: ['**/features/**', '**/app/**', '**/i18n/**', '**/ui/**', '**/cli/**'], message: 'src/report is the pure core: it imports nothing above it.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/report runs in the browser too: no Node built-ins.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'HTMLElement', 'location', 'process'].map((name) => ({
          name,
          message: 'src/report is the pure core: no DOM, no storage, no process.',
        })),
      ],
    },
  },
);
