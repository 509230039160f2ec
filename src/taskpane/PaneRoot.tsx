import { useEffect, useState, type ReactNode } from 'react';
import { AriaLiveAnnouncer, FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../core/i18n';
import type { ThemeKind } from './theme';

/**
 * FluentProvider with the theme the host chose. Outside Office `theme` is null and the system theme is
 * followed live (prefers-color-scheme). Windows high contrast needs nothing here: Fluent's styles carry
 * forced-colors rules and the browser substitutes system colours.
 *
 * AriaLiveAnnouncer gives Fluent's `useAnnounce` somewhere to speak: without it a MessageBar's notice is
 * never announced to a screen reader (the shared context's default announce does nothing). It speaks
 * through document.ariaNotify where the browser has it (Chromium, Edge's WebView2) and otherwise through a
 * visually hidden live region it appends to the body.
 */
export function PaneRoot({ theme, lang, children }: { theme: ThemeKind | null; lang: Lang; children: ReactNode }) {
  const system = useSystemTheme();
  const kind = theme ?? system;
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.style.colorScheme = kind;
    document.body.style.margin = '0';
  }, [lang, kind]);
  return (
    <FluentProvider theme={kind === 'dark' ? webDarkTheme : webLightTheme} dir="ltr" style={{ minHeight: '100vh' }}>
      <AriaLiveAnnouncer>{children}</AriaLiveAnnouncer>
    </FluentProvider>
  );
}

function useSystemTheme(): ThemeKind {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(Boolean(query?.matches));
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener?.('change', onChange);
    return () => query.removeEventListener?.('change', onChange);
  }, [query]);
  return dark ? 'dark' : 'light';
}
