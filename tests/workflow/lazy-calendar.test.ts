/**
 * The pane imports the workflow in its first load and the calendar library on demand (docs/ARCHITECTURE.md §7:
 * ~70 KB gzipped). If the workflow ever imported tyme4ts (or a file library) statically, the pane's
 * budget would break silently; the bundler's own view of the import graph says whether it does.
 */
import { buildSync } from 'esbuild';
import * as path from 'node:path';

it('src/core/workflow pulls in neither tyme4ts nor an xlsx library nor Node modules', () => {
  const result = buildSync({
    entryPoints: [path.resolve(__dirname, '../../src/core/workflow/index.ts')],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.some((p) => p.includes('src/core/workflow/index.ts'))).toBe(true);
  expect(inputs.some((p) => p.includes('src/core/reminders'))).toBe(true);
  expect(inputs.filter((p) => /tyme4ts|xlsx|fflate|^node:/.test(p))).toEqual([]);
});
