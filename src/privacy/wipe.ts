/**
 * "Forget everything": deletes FaceGap's database, every Cache Storage cache of this origin and
 * every service worker registration, and says what went. Each step runs even when another fails,
 * so one stubborn part never keeps the rest on the device.
 */
import type { ForgetReport, Store } from '../store/types';
import { describeError } from '../shared/errors';

/** Where the wipe reaches; each part is injectable so tests can hand in fakes. */
export interface WipeTargets {
  /** The open store; `null` when none could be opened (then `deleteDatabase` runs instead). */
  store: Pick<Store, 'forgetEverything'> | null;
  /** Deletes the database by name when there is no store to do it (e.g. it failed to open). */
  deleteDatabase?: () => Promise<{ isComplete: boolean }>;
  /** Cache Storage; `null` where the browser has none (plain http on another host). */
  cacheStorage?: Pick<CacheStorage, 'keys' | 'delete'> | null;
  /** The service worker container; `null` where service workers are unavailable. */
  serviceWorker?: Pick<ServiceWorkerContainer, 'getRegistrations'> | null;
  /** Deletes one IndexedDB database by name (default: `indexedDB.deleteDatabase`). */
  deleteDatabaseNamed?: (name: string) => Promise<void>;
}

/**
 * Databases dependencies create: tfjs (inside human) keeps a copy of the face models in
 * `tensorflowjs` when human's `cacheModels` is on (its default). Model weights only, no user
 * data, but "forget everything" leaves nothing behind.
 */
export const DEPENDENCY_DATABASES: readonly string[] = ['tensorflowjs'];

/** What `wipeEverything` removed, and what it could not. */
export interface WipeReport {
  /** True when every part was deleted now, not later and not partly. */
  isComplete: boolean;
  /** The store's own report, or null when no store was open. */
  database: ForgetReport | null;
  /** Names of the Cache Storage caches deleted. */
  deletedCaches: string[];
  /** Dependencies' IndexedDB databases deleted (or found absent). */
  deletedDatabases: string[];
  /** Scopes of the service workers unregistered. */
  unregisteredScopes: string[];
  /** One sentence per step that failed, saying what is left. */
  problems: string[];
  /** Sentences for the user: what was deleted, and what is left to do. */
  message: string;
}

/** Deletes everything FaceGap keeps on this device. Never rejects: failures are in `problems`. */
export async function wipeEverything(targets: WipeTargets): Promise<WipeReport> {
  const { store, deleteDatabase } = targets;
  const cacheStorage = targets.cacheStorage === undefined ? globalThis.caches ?? null : targets.cacheStorage;
  const serviceWorker = targets.serviceWorker === undefined ? globalThis.navigator?.serviceWorker ?? null : targets.serviceWorker;
  const problems: string[] = [];
  let database: ForgetReport | null = null;
  let isDatabaseGone = true;

  try {
    if (store) {
      database = await store.forgetEverything();
      isDatabaseGone = database.isComplete;
    } else if (deleteDatabase) {
      isDatabaseGone = (await deleteDatabase()).isComplete;
    }
  } catch (error) {
    isDatabaseGone = false;
    problems.push(`Your saved people, packs and settings could not be deleted (${describeError(error)}); they are still on this device. Close other FaceGap tabs and try again, or clear this site's data in the browser's settings.`);
  }

  const deletedCaches: string[] = [];
  try {
    for (const name of (await cacheStorage?.keys()) ?? []) {
      if (await cacheStorage!.delete(name)) deletedCaches.push(name);
    }
  } catch (error) {
    problems.push(`The offline copy of the app could not be fully deleted (${describeError(error)}); it holds the app and its models, no data of yours.`);
  }

  const deleteNamed = targets.deleteDatabaseNamed ?? deleteIndexedDb;
  const deletedDatabases: string[] = [];
  for (const name of DEPENDENCY_DATABASES) {
    try {
      await deleteNamed(name);
      deletedDatabases.push(name);
    } catch (error) {
      problems.push(`The copy of the face models in the ${name} database could not be deleted (${describeError(error)}); it holds no data of yours.`);
    }
  }

  const unregisteredScopes: string[] = [];
  try {
    for (const registration of (await serviceWorker?.getRegistrations()) ?? []) {
      if (await registration.unregister()) unregisteredScopes.push(registration.scope);
    }
  } catch (error) {
    problems.push(`The service worker could not be removed (${describeError(error)}); it only serves the app's own files.`);
  }

  const isComplete = problems.length === 0 && isDatabaseGone;
  return { isComplete, database, deletedCaches, deletedDatabases, unregisteredScopes, problems, message: describeWipe(database, deletedCaches, unregisteredScopes, problems, isDatabaseGone) };
}

function describeWipe(database: ForgetReport | null, caches: string[], scopes: string[], problems: string[], isDatabaseGone: boolean): string {
  const parts: string[] = [];
  if (database) parts.push(database.message);
  else if (isDatabaseGone && problems.length === 0) parts.push('FaceGap’s storage on this device was deleted.');
  parts.push(caches.length > 0
    ? `The offline copy of the app (${caches.length} ${caches.length === 1 ? 'cache' : 'caches'}) was deleted.`
    : 'There was no offline copy of the app to delete.');
  if (scopes.length > 0) parts.push('The service worker was removed; reloading fetches the app afresh.');
  return [...parts, ...problems].join(' ');
}

/** Deletes a database by name; resolves also when it did not exist or another tab holds it (deleted on close). */
function deleteIndexedDb(name: string): Promise<void> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onblocked = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
