// @ts-check
/**
 * ESLint 9 flat config. Every rule that fires is fixed in the code or turned off here with a one-line reason;
 * no blanket disables in code. The import layering (which folder may import which) lives in eslint.layers.cjs,
 * shared with tests/architecture/layers.test.ts.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint.layers.cjs';

/**
 * The Office.js rules of the plugin's own recommended set, all at error: they are the mistakes this project must
 * never make. Only its rules are taken, not its whole config: that one brings its own older typescript-eslint,
 * parses as ES6, leaves out .tsx and runs Prettier as a lint rule.
 */
const officeRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.keys(c.rules ?? {}))
    .filter((id) => id.startsWith('office-addins/'))
    .map((id) => [id, 'error']),
);

/** Tests, their data builders and the benchmarks. */
const TEST_LIKE = ['tests/**', 'bench/**', 'src/**/*.test.ts', 'src/**/*.test.tsx', 'src/**/*.test-data.ts', 'src/core/pairing/testkit.ts'];

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'test-output/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: dirname(fileURLToPath(import.meta.url)) } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading _ names a parameter kept for the interface's shape; a rest sibling drops a key on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // `async` on a method that implements a Promise-returning port keeps its throws as rejections, as callers expect.
      '@typescript-eslint/require-await': 'off',
      // The .xlsx writers strip the control characters XML 1.0 forbids: matching them is the point.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins, 'react-hooks': reactHooks },
    rules: {
      ...officeRules,
      ...reactHooks.configs['recommended-latest'].rules,
      // Issue 11: a function over 100 lines is split into named steps, or says above it why it stays long.
      'max-lines-per-function': ['error', { max: 100, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Plain JavaScript (build config, scripts, this file): no types to check, Node's globals.
    files: ['**/*.{js,cjs,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // CommonJS files (webpack and jest configs, scripts/manifest.cjs) load what they need with require().
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/taskpane/old-webview-guard.js'],
    // Runs in the old webview before anything else: a browser script.
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/workbook/**/*.ts'],
    rules: {
      // Values from Excel and SheetJS arrive untyped; String() is the deliberate last resort (or a size estimate).
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    files: ['src/workbook/office/**/*.ts'],
    rules: {
      // Office's async callbacks hand back an Office.Error (not an Error subclass); the port rejects with it as given.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    // These loops are the sized syncs: each sync carries one bounded batch, so Excel's payload limit holds.
    files: ['src/workbook/office/batch.ts', 'src/workbook/office/capture.ts', 'src/workbook/office/read.ts'],
    rules: { 'office-addins/no-context-sync-in-loop': 'off' },
  },
  {
    // `ws.charts` is a navigation property (a proxy, no load needed); the plugin's load checks flag any property read.
    files: ['src/workbook/office/insert.ts'],
    rules: { 'office-addins/load-object-before-read': 'off', 'office-addins/call-sync-before-read': 'off' },
  },
  {
    // Commands are queued, run by runChunks' sync, and read in their `after`: the plugin cannot see the sync
    // between a command's queue() and after(), so it reports reads the port makes only after a sync.
    files: ['src/workbook/office/undo/compare.ts', 'src/workbook/office/apply/*.ts', 'src/workbook/office/undo/*.ts'],
    rules: { 'office-addins/call-sync-after-load': 'off' },
  },
  {
    files: TEST_LIKE,
    rules: {
      // Tests load CommonJS build files (webpack.config.js, scripts/manifest.cjs, eslint.layers.cjs) that have no types.
      '@typescript-eslint/no-require-imports': 'off',
      // Tests walk JSON.parse output, XML and CommonJS modules as `any` by design; the assertions check the shape.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Tests type 18-digit ID numbers as Excel stores them: the precision lost is the case under test.
      'no-loss-of-precision': 'off',
      // Tests stringify cells they have just built as text.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      // jest takes methods as values (expect(port.read)); typed CommonJS shapes declare functions as methods.
      '@typescript-eslint/unbound-method': 'off',
      // A describe callback is a list of cases, not a function to read.
      'max-lines-per-function': 'off',
    },
  },
  {
    // Assert that the double (and Microsoft's client, in wire mode) refuse what Excel refuses: the Office.js
    // mistakes are the cases under test.
    files: ['tests/office-port/double.test.ts', 'tests/office-port/wire.test.ts'],
    rules: {
      'office-addins/load-object-before-read': 'off',
      'office-addins/call-sync-before-read': 'off',
      'office-addins/call-sync-after-load': 'off',
    },
  },
  {
    // The Office double imitates untyped proxies: members take whatever object an API call targets.
    files: ['tests/office-double/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      // The proxy handlers' closures need the request context itself.
      '@typescript-eslint/no-this-alias': 'off',
      // A failed sync rethrows, after the batch, whatever a command threw (caught as unknown).
      '@typescript-eslint/only-throw-error': 'off',
      // Setters choose add or delete with a ternary statement.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  ...layers.configs,
);
