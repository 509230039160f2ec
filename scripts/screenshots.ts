/**
 * `npm run screenshots` (after `npm run build`): the Excel pane at 350 px, the width of a task pane, on the
 * bundled sample, in zh-CN and en-US, through the Office double — the first screen and then every screen
 * once the roster is checked — as docs/pane-<lang>-<screen>.png. Prints what does not fit on each screen.
 * Options: --out <dir> (default docs/), --width <px> (default 350).
 */
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import { parseArgs } from 'util';
import { t, type Lang } from '../src/core/i18n';
import { openSession, TODAY } from '../tests/browser/browser';
import { fakeOfficeScript, openInExcel } from '../tests/browser/excel/open';
import { misfits, openScreen, SCREENS } from '../tests/browser/fit';
import { DIST, serveDist } from '../tests/browser/server';

const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];
/** The screens shown in docs/ besides the first one (the others are in the browser test). */
const PICTURED = new Set(['check', 'pairing', 'today', 'summary', 'settings']);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs' }, width: { type: 'string', default: '350' } } });
  const out = resolve(values.out);
  const viewport = { width: Number(values.width), height: 800 };
  const [server, script] = await Promise.all([serveDist(), fakeOfficeScript()]);
  const workbook = readFileSync(join(DIST, 'assets/sample-roster.xlsx'));
  try {
    for (const lang of LANGS) {
      const short = lang === 'zh-CN' ? 'zh' : 'en';
      const session = await openSession({ locale: lang, viewport });
      try {
        const { page } = session;
        page.setDefaultTimeout(30_000);
        await openInExcel(session, { origin: server.origin, script, workbook, lang, api: 20, today: TODAY });
        await page.getByRole('button', { name: t(lang, 'ui.action.check'), exact: true }).waitFor();
        await page.screenshot({ path: join(out, `pane-${short}-first.png`) });
        for (const screen of SCREENS) {
          await openScreen(page, lang, screen);
          if (screen.id === 'check') {
            await page.getByRole('button', { name: t(lang, 'ui.action.check'), exact: true }).click();
            await page.locator('#findings-title').waitFor();
          }
          const wrong = await misfits(page);
          console.log(`${lang} ${screen.id}: ${wrong.length === 0 ? 'fits' : `\n  ${wrong.join('\n  ')}`}`);
          if (PICTURED.has(screen.id)) await page.screenshot({ path: join(out, `pane-${short}-${screen.id}.png`) });
        }
        if (session.problems.length > 0) console.log(session.problems.join('\n'));
      } finally {
        await session.close();
      }
    }
  } finally {
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
