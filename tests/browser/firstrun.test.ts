/**
 * A teacher's first minutes (issue 15): `npm start` opens standalone.html?sample=1, and the sample is
 * already checked — the findings listed in the pane and drawn on the sheet view — without a click and
 * without anything to save; a teacher's own file waits for her 检查花名册.
 */
import { join } from 'path';
import { t, type Lang } from '../../src/core/i18n';
import { ERROR_FILL, WARNING_FILL } from '../../src/core/roster/plans';
import { openSession, operationStarts, screenshot, TODAY, type Session } from './browser';
import { cellName, expectedSampleCheck, idle } from './flow';
import { serveDist, type StaticServer } from './server';

const LANG: Lang = 'zh-CN';
let server: StaticServer;
let session: Session;

beforeAll(async () => {
  server = await serveDist();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(async () => {
  session = await openSession({ locale: LANG });
});
afterEach(async () => {
  await session?.close();
});

describe('npm start: the sample opens checked', () => {
  it('lists the findings and marks their cells on the sheet view, without any click', async () => {
    const { page, problems } = session;
    const expected = await expectedSampleCheck();
    await page.goto(`${server.origin}/standalone.html?sample=1&today=${TODAY}`);
    const heading = page.locator('#findings-title');
    await heading.waitFor();
    await idle(page, LANG);
    expect(await heading.textContent()).toBe(t(LANG, 'ui.findings.title', { count: expected.findings.length }));
    expect(await operationStarts(page, 'ui.op.check')).toBe(1);

    // The cells in view that carry a finding are drawn as the add-in's marks (a fill and a note), and only they.
    const fills = new Map<string, string>();
    for (const f of expected.findings) {
      if (f.col === null || f.sheet !== expected.layout.sheet) continue;
      const name = cellName(f.row, f.col);
      if (f.severity === 'error' || !fills.has(name)) fills.set(name, f.severity === 'error' ? ERROR_FILL : WARNING_FILL);
    }
    const drawn = await page
      .getByRole('grid')
      .locator('[data-note]')
      .evaluateAll((cells) => cells.map((c) => [(c as HTMLElement).dataset.cell, (c as HTMLElement).dataset.fill]));
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn).toEqual(drawn.map(([cell]) => [cell, fills.get(cell!)]));
    await screenshot(page, 'firstrun-1-checked');

    // Nothing was written: no unsaved mark, and leaving the page asks nothing.
    expect(await page.getByTestId('unsaved').count()).toBe(0);
    expect(await page.title()).not.toMatch(/^\*/);
    // Chromium prompts before unload only on a page the user has touched: a click in the grid (which writes nothing) first.
    await page.getByRole('grid').click();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    await page.reload();
    await heading.waitFor();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('checks the sample again when 加载示例花名册 opens it, and a teacher own file is not checked behind her back', async () => {
    const { page } = session;
    await page.goto(`${server.origin}/standalone.html?today=${TODAY}`);
    await page.getByRole('button', { name: t(LANG, 'ui.standalone.sample'), exact: true }).click();
    await page.locator('#findings-title').waitFor();
    await idle(page, LANG);
    expect(await operationStarts(page, 'ui.op.check')).toBe(1);

    await page.locator('input[type="file"]').setInputFiles(join(__dirname, '../fixtures/defective.xlsx'));
    await page.getByTestId('file-name').filter({ hasText: 'defective.xlsx' }).waitFor();
    await page.getByText(t(LANG, 'ui.check.intro'), { exact: true }).waitFor();
    expect(await page.locator('#findings-title').count()).toBe(0);
    expect(await operationStarts(page, 'ui.op.check')).toBe(1);
    expect(await page.getByRole('grid').locator('[data-note]').count()).toBe(0);
  });
});
