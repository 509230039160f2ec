/** The views' computing core, fetched on first use; a failed fetch (flaky network in Excel) may succeed next time. */
export type ViewsCore = typeof import('./viewsCore');

let loading: Promise<ViewsCore> | null = null;

export function loadViewsCore(): Promise<ViewsCore> {
  loading ??= import(/* webpackChunkName: "views-core" */ './viewsCore').catch((error) => {
    loading = null;
    throw error;
  });
  return loading;
}
