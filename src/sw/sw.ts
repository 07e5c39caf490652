/// <reference lib="webworker" />
/**
 * FaceGap's service worker: keeps a copy of the app, and of the models, wasm and packs this device
 * has used, so FaceGap opens and recognises faces without a network. It serves only files of this
 * origin listed in the build's manifest; it stores nothing of the user's (their data lives in
 * IndexedDB, see PRIVACY.md).
 *
 * Each byte is downloaded once (issue #10): small files are copied at install; large ones
 * (src/sw/files.ts) are taken from the HTTP cache where the page already loaded them, and
 * otherwise fetched the first time the page asks for them, then kept.
 */
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { bareUrl, isNeededOffline, KEEP_LOADED, splitBuildFiles, usedFileKey, USED_FILES_CACHE, type BuildFile } from './files';
import { withIsolationHeaders } from './isolation-headers';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | BuildFile> };

/** The message `OfflineController.applyUpdate` posts to let a waiting version take over. */
const SKIP_WAITING = 'SKIP_WAITING';

const { atInstall, onDemand } = splitBuildFiles(self.__WB_MANIFEST);
const onDemandByUrl = new Map(onDemand.map((file) => [new URL(file.url, self.registration.scope).href, file]));

// Responses cached at install keep the server's headers, but a host may send none: add them.
addPlugins([{ handlerWillRespond: async ({ response }) => withIsolationHeaders(response) }]);
// `?backend=wasm` and the like select options in the page; they name the same file.
precacheAndRoute(atInstall, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
registerRoute(({ url }) => onDemandByUrl.has(bareUrl(url.href)), ({ request }) => serveUsedFile(request));
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
// The first version takes the page that installed it at once, so the page's later loads (another
// pack, a restarted vision worker) come through here and are kept. Updates still wait (SKIP_WAITING).
clientsClaim();

/** The kept copy of a large file, or the network's, kept for next time. */
async function serveUsedFile(request: Request): Promise<Response> {
  const file = onDemandByUrl.get(bareUrl(request.url))!;
  const cache = await caches.open(USED_FILES_CACHE);
  const key = usedFileKey(file, self.registration.scope);
  const kept = await cache.match(key);
  if (kept) return withIsolationHeaders(kept);
  const response = await fetch(new URL(file.url, self.registration.scope).href, { credentials: 'same-origin', integrity: file.integrity });
  if (response.ok) await cache.put(key, response.clone());
  return withIsolationHeaders(response);
}

/**
 * Copies into the cache every large file the HTTP cache already holds (the page loaded it before
 * this worker controlled it), without touching the network; the integrity hash refuses a stale copy.
 * Files in `used` (the page's own list of what it loaded) and, with `fetchNeeded`, the files needed
 * offline (`isNeededOffline`) are fetched when the HTTP cache cannot give them: a host that sends
 * `Vary: Origin` (vite preview) keeps module scripts apart from this worker's requests, and the
 * page must still open offline.
 */
async function keepLoadedFiles(used: ReadonlySet<string> = new Set(), fetchNeeded = false): Promise<number> {
  const cache = await caches.open(USED_FILES_CACHE);
  const keys = new Set((await cache.keys()).map((request) => request.url));
  let kept = 0;
  // One at a time: the models are several MB each, and a phone has little memory to spare.
  for (const file of onDemand) {
    const key = usedFileKey(file, self.registration.scope);
    if (keys.has(key)) continue;
    const url = new URL(file.url, self.registration.scope).href;
    try {
      const response = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin', integrity: file.integrity });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await cache.put(key, response);
      kept += 1;
    } catch {
      // Not in the HTTP cache: fetched now only if the page used it or offline needs it, else when first asked for.
      if (!used.has(url) && !(fetchNeeded && isNeededOffline(file))) continue;
      const response = await serveUsedFile(new Request(url)).catch(() => null);
      if (response?.ok) kept += 1;
    }
  }
  return kept;
}

/** Deletes kept files of earlier builds. */
async function dropOldRevisions(): Promise<void> {
  const cache = await caches.open(USED_FILES_CACHE);
  const current = new Set(onDemand.map((file) => usedFileKey(file, self.registration.scope)));
  for (const request of await cache.keys()) if (!current.has(request.url)) await cache.delete(request);
}

self.addEventListener('install', (event) => event.waitUntil(keepLoadedFiles(new Set(), true)));
self.addEventListener('activate', (event) => event.waitUntil(dropOldRevisions()));
self.addEventListener('message', (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === SKIP_WAITING) void self.skipWaiting();
  if (type === KEEP_LOADED) {
    const urls = (event.data as { urls?: unknown }).urls;
    const used = new Set(Array.isArray(urls) ? urls.filter((url): url is string => typeof url === 'string').map(bareUrl) : []);
    event.waitUntil(keepLoadedFiles(used).then((kept) => event.ports[0]?.postMessage({ kept })));
  }
});
