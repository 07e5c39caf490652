/// <reference lib="webworker" />
/**
 * FaceGap's service worker: keeps a copy of the app, its models and wasm, and the bundled packs,
 * so FaceGap opens and recognises faces without a network. It serves only files of this origin
 * listed in the build's precache manifest; it makes no other request and stores nothing of the
 * user's (their data lives in IndexedDB, see PRIVACY.md).
 */
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { withIsolationHeaders } from './isolation-headers';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

/** The message `OfflineController.applyUpdate` posts to let a waiting version take over. */
const SKIP_WAITING = 'SKIP_WAITING';

// Responses cached at install keep the server's headers, but a host may send none: add them.
addPlugins([{ handlerWillRespond: async ({ response }) => withIsolationHeaders(response) }]);
// `?backend=wasm` and the like select options in the page; they name the same file.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === SKIP_WAITING) void self.skipWaiting();
});
