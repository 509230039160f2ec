/**
 * The Excel pane's first load stays under its budget (bench/README.md #3, issue 15): sizes of the built
 * files, never time. Fails when a static import drags something the first screen does not need into the
 * pane's first chunks; move it behind a dynamic import (src/workbook/office/lazy.ts) instead.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { FIRST_LOAD_BUDGET_BYTES, firstLoad } from './firstLoad';
import { DIST } from './server';

it('the Excel pane loads at most 150 KB of gzipped JavaScript before it is interactive', () => {
  const scripts = firstLoad(DIST);
  // The page's own bundle and the shared vendor chunk at least; a page with no local script would pass vacuously.
  expect(scripts.some((s) => s.src.startsWith('taskpane.'))).toBe(true);
  const total = scripts.reduce((sum, s) => sum + s.gzipped, 0);
  if (total > FIRST_LOAD_BUDGET_BYTES) console.log(scripts.map((s) => `${s.src}: ${s.gzipped} B gzipped`).join('\n'));
  expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
});

it('the writer, undo and the roll-up insert are chunks of their own, not in the first load', () => {
  const first = firstLoad(DIST)
    .map((s) => readFileSync(join(DIST, s.src), 'utf8'))
    .join('\n');
  // The chunk names lazy.ts gives them appear in the first load only as names to fetch later.
  for (const chunk of ['office-apply', 'office-undo', 'office-insert']) expect(first).toContain(chunk);
  // The writer's own error (apply/rows.ts) is in its chunk, not in the first load.
  expect(first).not.toContain('append conflict');
});
