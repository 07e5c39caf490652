/**
 * Which of the build's files the service worker copies at install, and which it keeps only once
 * this device has used them. Pure: no worker APIs, so vitest runs it in node.
 *
 * A first visit must download each large file once (issue #10). The page loads the app, the
 * models and the active pack before the service worker controls it; the worker then takes those
 * bytes from the browser's HTTP cache (`cache: 'only-if-cached'`, checked against the build's
 * sha256) instead of fetching them again, and fetches any other large file only when the page asks.
 */

/** One file of the build, as vite.config.ts's manifest transform writes it into sw.js. */
export interface BuildFile {
  url: string;
  revision: string | null;
  /**
   * Subresource-integrity hash (`sha256-...`), given to large files only (`isLargeFile`): it marks
   * them as kept once used, and refuses a stale HTTP-cache copy.
   */
  integrity?: string;
  /** Set by the build on the page's entry script and the chunks it imports: fetched at install (`isNeededOffline`). */
  isNeededOffline?: boolean;
}

/** Files above this many bytes are never fetched at install, only when used (the limit). */
export const ON_DEMAND_MIN_BYTES = 50 * 1024;

/** The Cache Storage cache of the large files this device has used. */
export const USED_FILES_CACHE = 'facegap-used-files-v1';

/** The message the page posts after it loaded models or a pack: keep what the HTTP cache now holds. */
export const KEEP_LOADED = 'KEEP_LOADED';

/**
 * Whether the service worker fetches `file` at install if the HTTP cache does not hold it: the
 * page's entry script and what it imports (the build marks them, vite.config.ts), without which
 * the app does not open at all. It was loaded before the service worker existed, so on a plain host
 * it comes from the HTTP cache, and a host that sends `Vary: Origin` costs it a second download
 * rather than an app that does not open offline. The models and the wasm binary are not here: the
 * page names the ones its engine loaded (`KEEP_LOADED`), so only those are kept.
 */
export function isNeededOffline(file: BuildFile): boolean {
  return file.isNeededOffline === true;
}

/** tfjs's wasm binaries: the threaded one runs where the page is cross-origin isolated, the SIMD one elsewhere. */
export const WASM_BINARIES = {
  threaded: 'tfjs-backend-wasm-threaded-simd.wasm',
  simd: 'tfjs-backend-wasm-simd.wasm',
  plain: 'tfjs-backend-wasm.wasm',
} as const;

/** The wasm binary an engine ran, from its description; null for another backend. */
export function readWasmBinary(info: { backend: string; wasmSimd: boolean; wasmMultithread: boolean }): string | null {
  if (info.backend !== 'wasm') return null;
  return info.wasmMultithread ? WASM_BINARIES.threaded : info.wasmSimd ? WASM_BINARIES.simd : WASM_BINARIES.plain;
}

/**
 * Whether the engine may run the threaded wasm binary, or must be told to run single-threaded.
 * A page the service worker serves is cross-origin isolated even on a host that is not (src/sw/
 * isolation-headers.ts), so tfjs would ask for the threaded binary; a first visit on such a host
 * ran, and kept, only the SIMD one. 'probe': ask the network whether the threaded one can be had.
 */
export function chooseWasmThreads(page: { isIsolated: boolean; isControlled: boolean; isThreadedKept: boolean }): 'allowed' | 'probe' {
  // Not isolated: tfjs runs single-threaded anyway. Not controlled: nothing is kept yet, the network decides.
  if (!page.isIsolated || !page.isControlled || page.isThreadedKept) return 'allowed';
  return 'probe';
}

/** Whether a file of the build is kept only once used, rather than copied at install (used by the build). */
export function isLargeFile(file: { url: string; size: number }): boolean {
  return file.size > ON_DEMAND_MIN_BYTES && !file.url.endsWith('.html');
}

/** Whether a manifest entry is kept only once used: the build gave it an integrity hash. */
export function isOnDemand(file: BuildFile): boolean {
  return typeof file.integrity === 'string' && file.integrity.length > 0;
}

/** Splits the manifest into the small files copied at install and the large ones kept once used. */
export function splitBuildFiles(files: readonly (BuildFile | string)[]): { atInstall: BuildFile[]; onDemand: BuildFile[] } {
  const atInstall: BuildFile[] = [];
  const onDemand: BuildFile[] = [];
  for (const raw of files) {
    const file = typeof raw === 'string' ? { url: raw, revision: null } : raw;
    (isOnDemand(file) ? onDemand : atInstall).push(file);
  }
  return { atInstall, onDemand };
}

/** The Cache Storage key of one revision of a file: a new build never serves an old revision. */
export function usedFileKey(file: BuildFile, base: string): string {
  const url = new URL(file.url, base);
  url.search = `__revision=${encodeURIComponent(file.revision ?? file.integrity ?? 'hashed')}`;
  return url.href;
}

/** The address of a request without its query and fragment (`?backend=wasm` names the same file). */
export function bareUrl(href: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  return url.href;
}
