import { createRoot } from 'react-dom/client';
import { langFromTag, t } from '../core/i18n';
import '../core/i18n/all';
import { PaneRoot } from '../taskpane/PaneRoot';
import { localToday } from '../taskpane/today';
import { StandaloneApp } from './StandaloneApp';

/**
 * Render the standalone page into `root`: from standalone.html, and from taskpane.html when it finds
 * itself outside Office. ?sample=1 opens the bundled sample at once; ?lang=en|zh overrides the browser's
 * language; ?today=YYYY-MM-DD fixes the reference date (a reproducible demo).
 */
export function mountStandalone(root: HTMLElement): void {
  const query = new URLSearchParams(location.search);
  const lang = langFromTag(query.get('lang') || navigator.language);
  const givenDay = query.get('today');
  const today = localToday(new Date(), givenDay);
  document.title = t(lang, 'app.name');
  createRoot(root).render(
    <PaneRoot theme={null} lang={lang}>
      <StandaloneApp lang={lang} today={today} todayGiven={today === givenDay} loadSample={query.get('sample') === '1'} />
    </PaneRoot>,
  );
}
