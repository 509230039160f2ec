/**
 * The import layering (docs/ARCHITECTURE.md): ESLint's layering rules, taken from eslint.layers.cjs (the same
 * definition eslint.config.mjs uses), must report an arrow that goes the wrong way and pass one that does not.
 * Only those rules run here: the type-aware rest of the config needs no jest run to be trusted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { parser } from 'typescript-eslint';

const ROOT = path.resolve(__dirname, '..', '..');
const LAYER_RULES = ['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-globals'];
const layers = require('../../eslint.layers.cjs') as { configs: Linter.Config[] };

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } } }, ...layers.configs],
});

/** The layering rules' findings for `code` as if it were the file `file` (relative to the project root). */
async function findings(file: string, code: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  // A real file's disable comments name rules not loaded here: only the layering rules and parse errors count.
  return result.messages.filter((m) => m.fatal || LAYER_RULES.includes(m.ruleId ?? '')).map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('the layering check fails when an arrow goes the wrong way', () => {
  it('reports the core importing the Office port, naming the rule it breaks', async () => {
    // A planted wrong import: a pretend file inside src/core reaching up into a host.
    const found = await findings('src/core/summary/pretend.ts', "import { applyPlan } from '../../workbook/office/apply';\nexport const f = applyPlan;\n");
    expect(found).toEqual([{ rule: 'no-restricted-imports', message: expect.stringContaining('The core imports no host') }]);
  });

  it('passes the same file importing within the core', async () => {
    expect(await findings('src/core/summary/pretend.ts', "import { SHEETS } from '../sheets';\nexport const f = SHEETS;\n")).toEqual([]);
  });

  it.each([
    ['the core, a type from the pane', 'src/core/roster/pretend.ts', "import type { Operation } from '../../taskpane/useOperation';\nexport type O = Operation;\n"],
    ['the core, the pane loaded on demand', 'src/core/roster/pretend.ts', "export const load = () => import('../../taskpane/Pane');\n"],
    ['the core, React', 'src/core/pretend.ts', "import { useState } from 'react';\nexport const f = useState;\n"],
    ['the core, a Node built-in', 'src/core/pretend.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['the core, an Office global', 'src/core/pretend.ts', 'export const ready = () => Office.onReady();\n'],
    ['the core, the command line', 'src/core/i18n/pretend.ts', "import { cli } from '../../cli/main';\nexport const f = cli;\n"],
    ['the file port, the Office port', 'src/workbook/file/pretend.ts', "import { createOfficePort } from '../office';\nexport const f = createOfficePort;\n"],
    ['the Office port, the file port', 'src/workbook/office/pretend.ts', "import { openXlsx } from '../file';\nexport const f = openXlsx;\n"],
    ['the port interface, the file port beside it', 'src/workbook/pretend.ts', "import { openXlsx } from './file';\nexport const f = openXlsx;\n"],
    ['the port interface, the Office port beside it', 'src/workbook/pretend.ts', "export const load = () => import('./office/officePort');\n"],
    ['a pane view, the Office port', 'src/taskpane/views/pretend.tsx', "import { createOfficePort } from '../../workbook/office';\nexport const f = createOfficePort;\n"],
    ['a pane view, an Office global', 'src/taskpane/views/pretend.tsx', 'export const theme = () => Office.context.officeTheme;\n'],
    ['a pane view, the standalone host', 'src/taskpane/views/pretend.tsx', "import { StandaloneApp } from '../../standalone/StandaloneApp';\nexport const f = StandaloneApp;\n"],
    ['the standalone page, the Office port', 'src/standalone/pretend.tsx', "import { createOfficePort } from '../workbook/office';\nexport const f = createOfficePort;\n"],
    ['the command line, the pane', 'src/cli/pretend.ts', "import { Pane } from '../taskpane/Pane';\nexport const f = Pane;\n"],
    [
      'shipped code, the test doubles',
      'src/workbook/office/pretend.ts',
      "import { createOfficeDouble } from '../../../tests/office-double';\nexport const f = createOfficeDouble;\n",
    ],
  ])('reports %s', async (_what, file, code) => {
    const rules = (await findings(file, code)).map((f) => f.rule);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(LAYER_RULES).toContain(rule); // not a parse error
  });

  it.each([
    [
      "the pane's Excel entry, the Office port and its globals",
      'src/taskpane/excelPane.tsx',
      "import { createOfficePort } from '../workbook/office';\nexport const port = () => createOfficePort(Excel, Office);\n",
    ],
    ["the pane's entry, the standalone page on demand", 'src/taskpane/index.tsx', "export const load = () => import('../standalone/mount');\n"],
    ['a pane view, the shared browser download', 'src/taskpane/views/pretend.ts', "import { downloadBytes } from '../../standalone/download';\nexport const f = downloadBytes;\n"],
    ['the standalone page, the file port on demand', 'src/standalone/pretend.tsx', "export const load = () => import('../workbook/file');\n"],
    [
      'the Office port, Office globals and the core',
      'src/workbook/office/pretend.ts',
      "import { SHEETS } from '../../core/sheets';\nexport const f = (c: Excel.RequestContext) => [c, SHEETS];\n",
    ],
    ['a core integration test, the file port', 'src/core/summary/pretend.test.ts', "import { openXlsx } from '../../workbook/file';\nexport const f = openXlsx;\n"],
    ['the core, its own i18n catalogue of command-line messages', 'src/core/i18n/pretend.ts', "import { cli } from './messages/cli';\nexport const f = cli;\n"],
  ])('passes %s', async (_what, file, code) => {
    expect(await findings(file, code)).toEqual([]);
  });
});

describe('the tree as it is keeps the layering', () => {
  it('has no import going the wrong way in src/', async () => {
    // lintText, not lintFiles: ESLint's file search imports a module dynamically, which jest's runtime refuses.
    const files = (readdirSync(path.join(ROOT, 'src'), { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join('src', f));
    expect(files.length).toBeGreaterThan(100);
    const broken: string[] = [];
    for (const file of files) {
      for (const f of await findings(file, readFileSync(path.join(ROOT, file), 'utf8'))) broken.push(`${file}: ${f.rule}: ${f.message}`);
    }
    expect(broken).toEqual([]);
  }, 120_000);
});
