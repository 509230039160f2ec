/**
 * Which Fluent theme the pane uses. In Office the add-in follows the Office theme (the API gives
 * colours, not a name, so dark vs light is read from the body background's luminance); elsewhere it
 * follows the system's prefers-color-scheme. Pure, so it is unit-tested without a browser.
 */
export type ThemeKind = 'light' | 'dark';

/** Relative luminance (WCAG) of a #RRGGBB or #RGB colour; null when it is not such a colour. */
export function luminance(hex: string | null | undefined): number | null {
  if (!hex) return null;
  let h = hex.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(h))
    h = h
      .split('')
      .map((c) => c + c)
      .join('');
  if (!/^[0-9a-f]{6}$/i.test(h)) return null;
  const channel = (i: number) => {
    const v = parseInt(h.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Office's colourful and white themes have light bodies, dark grey and black have dark ones. */
export function themeFromOfficeBody(bodyBackgroundColor: string | null | undefined): ThemeKind | null {
  const l = luminance(bodyBackgroundColor);
  if (l === null) return null;
  return l < 0.2 ? 'dark' : 'light';
}
