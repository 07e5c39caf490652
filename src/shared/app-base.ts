/**
 * Where the app's own files live under its host: `/` at a domain's root, `/facegap/` on a GitHub
 * Pages project site (`vite build --base /facegap/`). Every URL of the app's own files (models,
 * packs, the service worker) starts here, so the build works under any base.
 */

/** vite's `base` as the page sees it, always ending in `/`; `/` where vite is not in play (node scripts). */
export const APP_BASE: string = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** The path of one of the app's own files under the base, e.g. `appPath('packs/index.json')`. */
export function appPath(path: string): string {
  return APP_BASE + path.replace(/^\/+/, '');
}
