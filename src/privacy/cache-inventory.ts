/** What Cache Storage and the service worker hold for this origin, for the storage panel. */

/** One Cache Storage cache. */
export interface CacheUsage {
  name: string;
  entries: number;
  /** Sum of the cached bodies' sizes. */
  bytes: number;
}

/** The service worker's state, as the storage panel shows it. */
export interface ServiceWorkerStatus {
  state: 'unsupported' | 'none' | 'installing' | 'waiting' | 'active';
  /** Scope of the registration, when there is one. */
  scope: string | null;
}

/** Lists each cache with its entry count and size; [] where Cache Storage is missing. */
export async function inventoryCaches(cacheStorage: CacheStorage | null | undefined = globalThis.caches): Promise<CacheUsage[]> {
  if (!cacheStorage) return [];
  const usages: CacheUsage[] = [];
  for (const name of await cacheStorage.keys()) {
    const cache = await cacheStorage.open(name);
    let bytes = 0;
    const requests = await cache.keys();
    for (const request of requests) {
      const response = await cache.match(request);
      if (!response) continue;
      const declared = Number(response.headers.get('content-length'));
      // Content-Length is absent on some cached responses; then the body is measured.
      bytes += Number.isFinite(declared) && declared > 0 ? declared : (await response.blob()).size;
    }
    usages.push({ name, entries: requests.length, bytes });
  }
  return usages;
}

/** Reads the registration that controls this page's scope, if any. */
export async function readServiceWorkerStatus(
  container: Pick<ServiceWorkerContainer, 'getRegistration'> | null | undefined = globalThis.navigator?.serviceWorker,
): Promise<ServiceWorkerStatus> {
  if (!container) return { state: 'unsupported', scope: null };
  const registration = await container.getRegistration();
  if (!registration) return { state: 'none', scope: null };
  const state = registration.active ? 'active' : registration.waiting ? 'waiting' : 'installing';
  return { state, scope: registration.scope };
}
