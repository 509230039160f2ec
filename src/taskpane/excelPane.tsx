import { createRoot } from 'react-dom/client';
import { t, type Lang } from '../core/i18n';
import { createOfficePort } from '../workbook/office';
import { Pane } from './Pane';
import { PaneRoot } from './PaneRoot';
import { themeFromOfficeBody } from './theme';
import { localToday } from './today';

/** The pane inside Excel (any host office.js reports; the manifest only declares Excel). */
export function mountExcelPane(root: HTMLElement, lang: Lang): void {
  const port = createOfficePort(Excel, Office);
  const theme = themeFromOfficeBody(Office.context.officeTheme?.bodyBackgroundColor);
  document.title = t(lang, 'app.name');
  createRoot(root).render(
    <PaneRoot theme={theme} lang={lang}>
      <main>
        <Pane port={port} lang={lang} today={localToday()} dayFromWorkbook />
      </main>
    </PaneRoot>,
  );
}
