/**
 * The page's side of "each byte downloaded once": after it loaded the models or a pack, the page
 * asks the service worker to keep what the browser now holds in its HTTP cache (src/sw/sw.ts), so
 * the offline copy never downloads those files a second time.
 */
import { chooseWasmThreads, KEEP_LOADED, USED_FILES_CACHE, WASM_BINARIES } from './files';

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
 * `alsoUsed` names files a worker loaded (the vision engine's models and wasm binary), which the
 * page's resource timing cannot see. Resolves with how many it newly kept; 0 where there is no
 * service worker (dev server, tests, browsers without one). Never rejects: offline use is a
 * convenience, the page works without it.
 */
export async function keepLoadedFiles(container: ServiceWorkerContainer | undefined = globalThis.navigator?.serviceWorker, alsoUsed: readonly string[] = []): Promise<number> {
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
    worker.postMessage({ type: KEEP_LOADED, urls: [...listLoadedUrls(), ...alsoUsed] }, [channel.port2]);
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

/**
 * Whether the vision engine may run the threaded wasm binary (`chooseWasmThreads`): yes unless
 * this page is isolated by the service worker, which does not keep that binary, and the server
 * cannot give it now (offline after a first visit that ran the SIMD binary).
 */
export async function isThreadedWasmUsable(wasmPath: string, container: ServiceWorkerContainer | undefined = globalThis.navigator?.serviceWorker): Promise<boolean> {
  const url = new URL(WASM_BINARIES.threaded, wasmPath);
  const kept = await listKeptFiles(container);
  const choice = chooseWasmThreads({ isIsolated: globalThis.crossOriginIsolated === true, isControlled: Boolean(container?.controller), isThreadedKept: kept?.has(url.pathname) ?? false });
  if (choice === 'allowed') return true;
  // The service worker routes GETs only: a HEAD asks the server itself, and downloads nothing.
  return fetch(url, { method: 'HEAD', cache: 'no-store' }).then((response) => response.ok, () => false);
}
