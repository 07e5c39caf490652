/**
 * The page's side of "each byte downloaded once": after it loaded the models or a pack, the page
 * asks the service worker to keep what the browser now holds in its HTTP cache (src/sw/sw.ts), so
 * the offline copy never downloads those files a second time.
 */
import { KEEP_LOADED, USED_FILES_CACHE } from './files';

/** Longest wait for the service worker's answer; it copies from disk, never from the network. */
const KEEP_TIMEOUT_MS = 30_000;

/** Same-origin files this page has loaded (its resource timing; a worker's own loads are not in it). */
function listLoadedUrls(): string[] {
  const entries = globalThis.performance?.getEntriesByType('resource') ?? [];
  return entries.map((entry) => entry.name).filter((url) => url.startsWith(`${location.origin}/`));
}

/**
 * Asks the active service worker, once there is one, to keep the large files the page has loaded
 * (from the HTTP cache; those it cannot take from there, it fetches, so the page opens offline).
 * Resolves with how many it newly kept; 0 where there is no service worker (dev server, tests,
 * browsers without one). Never rejects: offline use is a convenience, the page works without it.
 */
export async function keepLoadedFiles(container: ServiceWorkerContainer | undefined = globalThis.navigator?.serviceWorker): Promise<number> {
  try {
    if (!container || !(await container.getRegistration())) return 0;
    const registration = await container.ready;
    const worker = registration.active;
    if (!worker) return 0;
    const channel = new MessageChannel();
    const answer = new Promise<number>((resolve) => {
      channel.port1.onmessage = (event: MessageEvent<{ kept?: number }>) => resolve(event.data.kept ?? 0);
      setTimeout(() => resolve(0), KEEP_TIMEOUT_MS);
    });
    worker.postMessage({ type: KEEP_LOADED, urls: listLoadedUrls() }, [channel.port2]);
    return await answer;
  } catch {
    return 0;
  }
}

/**
 * The paths (e.g. `/packs/utkface-600.faceres.fgpack`) of the large files the service worker keeps
 * for offline use; null where there is no service worker, so nothing is kept between visits.
 */
export async function listKeptFiles(container: ServiceWorkerContainer | undefined = globalThis.navigator?.serviceWorker): Promise<Set<string> | null> {
  try {
    if (!container || !globalThis.caches || !(await container.getRegistration())) return null;
    if (!(await caches.has(USED_FILES_CACHE))) return new Set();
    const cache = await caches.open(USED_FILES_CACHE);
    return new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
  } catch {
    return null;
  }
}
