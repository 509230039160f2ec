/**
 * Which of the pane's tabs stay in the row and which go into the 更多 (More) menu: all of them when they fit
 * `available`; otherwise the selected one and as many of the first ones as fit beside it and the menu
 * button, in their order, so the tab being looked at is never hidden. Indexes into `widths` (pixels).
 */
export function fitTabs(widths: readonly number[], available: number, moreWidth: number, selected: number): { shown: number[]; hidden: number[] } {
  const all = widths.map((_, i) => i);
  if (widths.reduce((a, b) => a + b, 0) <= available) return { shown: all, hidden: [] };
  const room = available - moreWidth;
  const keep = new Set<number>(selected >= 0 ? [selected] : []);
  let used = selected >= 0 ? widths[selected] : 0;
  for (const i of all) {
    if (i === selected) continue;
    if (used + widths[i] > room) break;
    used += widths[i];
    keep.add(i);
  }
  return { shown: all.filter((i) => keep.has(i)), hidden: all.filter((i) => !keep.has(i)) };
}
