// @ts-check
'use strict';
/**
 * Which folder of src/ may import which: the layering of docs/ARCHITECTURE.md as lint rules. One source of truth
 * for eslint.config.mjs and tests/architecture/layers.test.ts (CommonJS, so jest can require it as it is).
 *
 * Core ESLint rules, no plugin: every import in src/ is a relative path or a package name, and each layer folder
 * has a name found nowhere else in src/, so matching the import text is exact enough; eslint-plugin-import's
 * no-restricted-paths would resolve paths, at the price of a plugin and a TypeScript resolver.
 *   - no-restricted-imports: static `import` / `export … from`, type-only imports included;
 *   - no-restricted-syntax: dynamic import('…'), which no-restricted-imports does not look at;
 *   - no-restricted-globals: the Office.js globals `Office` and `Excel`.
 * ESLint does not merge one rule's options across blocks, so each source file falls into exactly one block below.
 *
 * What holds today, and so is enforced:
 *   - src/core imports no host (src/workbook, src/taskpane, src/standalone, src/cli, src/commands), no UI or Node
 *     library, and uses no Office global; its tests may read real workbooks through the file port.
 *   - src/workbook/file and src/workbook/office never import each other, nor anything above the ports.
 *   - Only the pane's Excel entry (src/taskpane/excelPane.tsx) imports the Office port; only the entries
 *     (src/taskpane/index.tsx, excelPane.tsx, src/commands/commands.ts) touch the Office globals.
 *   - Nothing in src/ imports from tests/ except test files.
 */

/** A relative import into the folder `dir` (one of src/'s layer folders), from any depth. */
const into = (dir) => `^(\\.\\./)+${dir}(/|$)`;

const WHY = 'see docs/ARCHITECTURE.md, "Layers"';

/** @typedef {{ regex: string, message: string }} Arrow */

/** @type {Record<string, Arrow>} */
const ARROWS = {
  workbook: { regex: into('workbook'), message: `The core imports no host or port: the host passes the core what it needs (${WHY}).` },
  taskpane: { regex: into('taskpane'), message: `Only the standalone page reuses the pane; nothing else imports src/taskpane (${WHY}).` },
  standalone: { regex: into('standalone'), message: `Only the pane's entry chooses the standalone host (${WHY}).` },
  // The pane's views share the standalone page's browser download (the roll-up file); nothing else of it.
  standaloneHost: { regex: '^(\\.\\./)+standalone(/(?!download$)|$)', message: `Only the pane's entry (src/taskpane/index.tsx) chooses the standalone host (${WHY}).` },
  cli: { regex: into('cli'), message: `The command line is a host: nothing imports it (${WHY}).` },
  commands: { regex: into('commands'), message: `The ribbon commands are an entry: nothing imports them (${WHY}).` },
  officePort: { regex: `${into('workbook/office')}|${into('office')}`, message: `Only src/taskpane/excelPane.tsx chooses the Office port (${WHY}).` },
  filePort: { regex: `${into('workbook/file')}|${into('file')}`, message: `The Office port and the file port are siblings: neither imports the other (${WHY}).` },
  // From src/workbook/port.ts the ports are the folders beside it.
  portsBeside: { regex: '^\\./(office|file)(/|$)', message: `The port interface knows no port: each port implements it (${WHY}).` },
  tests: { regex: into('tests'), message: `Code that ships imports nothing from tests/ (${WHY}).` },
  ui: { regex: '^(react|react-dom|@fluentui/.*)(/|$)', message: `The core and the ports render nothing: React and Fluent UI belong to the pane (${WHY}).` },
  node: { regex: '^(node:.*|fs|path|os|child_process)$', message: `The core runs in the browser too: no Node built-ins (${WHY}).` },
  sheetLibs: { regex: '^(@e965/xlsx|fflate)$', message: `Reading and writing .xlsx belongs to the file port (${WHY}).` },
};

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/*.test-data.ts', 'src/core/pairing/testkit.ts'];
const OFFICE_GLOBALS = ['Office', 'Excel', 'OfficeExtension'];

/**
 * The rules for a block of files: no import matching any of `arrows`, static or dynamic, and (unless the block
 * may use them) no Office global.
 * @param {Arrow[]} arrows
 * @param {{ officeGlobals?: boolean }} [options]
 * @returns {import('eslint').Linter.RulesRecord}
 */
function forbid(arrows, options = {}) {
  /** @type {import('eslint').Linter.RulesRecord} */
  const rules = {
    'no-restricted-imports': ['error', { patterns: arrows.map((a) => ({ regex: a.regex, message: a.message })) }],
    'no-restricted-syntax': [
      'error',
      // esquery's /regex/ may hold no '/', so it is written \x2F there.
      ...arrows.map((a) => ({ selector: `ImportExpression[source.value=/${a.regex.replace(/\//g, '\\x2F')}/]`, message: a.message })),
    ],
  };
  if (!options.officeGlobals) {
    rules['no-restricted-globals'] = [
      'error',
      ...OFFICE_GLOBALS.map((name) => ({ name, message: `Office.js is used only in src/workbook/office and the pane's entries (${WHY}).` })),
    ];
  }
  return rules;
}

const A = ARROWS;

/** @type {import('eslint').Linter.Config[]} */
const configs = [
  {
    name: 'layers/core',
    files: ['src/core/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: forbid([A.workbook, A.taskpane, A.standalone, A.cli, A.commands, A.tests, A.ui, A.node, A.sheetLibs]),
  },
  {
    name: 'layers/core-tests',
    // Integration tests read real workbooks through the file port; still no pane, no Office.
    files: ['src/core/**/*.test.ts', 'src/core/**/*.test-data.ts', 'src/core/pairing/testkit.ts'],
    rules: forbid([A.officePort, A.taskpane, A.standalone, A.cli, A.commands, A.ui]),
  },
  {
    name: 'layers/port-interface',
    files: ['src/workbook/*.ts'],
    ignores: TEST_FILES,
    rules: forbid([A.portsBeside, A.officePort, A.filePort, A.taskpane, A.standalone, A.cli, A.commands, A.tests, A.ui]),
  },
  {
    name: 'layers/file-port',
    files: ['src/workbook/file/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: forbid([A.officePort, A.taskpane, A.standalone, A.cli, A.commands, A.tests, A.ui]),
  },
  {
    name: 'layers/office-port',
    files: ['src/workbook/office/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: forbid([A.filePort, A.taskpane, A.standalone, A.cli, A.commands, A.tests, A.ui, A.sheetLibs], { officeGlobals: true }),
  },
  {
    name: 'layers/pane',
    files: ['src/taskpane/**/*.{ts,tsx}'],
    ignores: [...TEST_FILES, 'src/taskpane/index.tsx', 'src/taskpane/excelPane.tsx'],
    rules: forbid([A.officePort, A.standaloneHost, A.cli, A.commands, A.tests, A.node]),
  },
  {
    name: 'layers/pane-entries',
    // index.tsx chooses the host (Excel or the standalone page); excelPane.tsx builds the Office port.
    files: ['src/taskpane/index.tsx', 'src/taskpane/excelPane.tsx'],
    rules: forbid([A.cli, A.commands, A.tests, A.node], { officeGlobals: true }),
  },
  {
    name: 'layers/standalone',
    files: ['src/standalone/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: forbid([A.officePort, A.cli, A.commands, A.tests, A.node]),
  },
  {
    name: 'layers/cli',
    files: ['src/cli/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: forbid([A.officePort, A.taskpane, A.standalone, A.commands, A.tests, A.ui]),
  },
  {
    name: 'layers/commands',
    files: ['src/commands/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: forbid([A.workbook, A.taskpane, A.standalone, A.cli, A.tests, A.ui], { officeGlobals: true }),
  },
];

module.exports = { configs, ARROWS };
