/**
 * The IndexedDB `Store`: opens the database, assembles the repositories, and reports or wipes
 * everything stored.
 */
import { Connection, deleteFaceGapDatabase, openFaceGapDatabase, BLOCKED_GRACE_MS, type OpenStoreOptions } from './database';
import { createIdbImportJobRepository, createIdbPackRepository } from './idb-packs';
import { createIdbPeopleRepository, createIdbSettingsRepository } from './idb-people';
import { createIdbRoomCodeRepository } from './idb-room';
import { createEmptyUsage, createForgetReport, estimateRecordBytes } from './records';
import { DB_NAME } from './schema';
import type { StorageInventory, Store, StoreName } from './types';

/**
 * Opens FaceGap's storage on this device. Rejects with a `StoreError` (`unavailable`, `version`,
 * `blocked`, `unknown`); the app may then fall back to `createMemoryStore()` and say that
 * nothing will be kept after the tab is closed.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  // Set once the database exists, so the callback below can close it when another tab needs it.
  let connection: Connection | undefined;
  const db = await openFaceGapDatabase(options, (reason) => {
    connection?.close();
    options.onClosedElsewhere?.(reason);
  });
  connection = new Connection(db);
  const open = connection;
  const name = options.name ?? DB_NAME;
  const blockedGraceMs = options.blockedGraceMs ?? BLOCKED_GRACE_MS;

  const inventoryStorage = async (): Promise<StorageInventory> => {
    const counted = await countStores(open);
    return { isPersistent: true, ...counted, estimate: await estimateOriginStorage() };
  };

  return {
    isPersistent: true,
    people: createIdbPeopleRepository(open),
    packs: createIdbPackRepository(open),
    settings: createIdbSettingsRepository(open),
    importJobs: createIdbImportJobRepository(open),
    roomCodes: createIdbRoomCodeRepository(open),
    inventoryStorage,
    async forgetEverything() {
      // The report says what was there; a failed count must not stand in the way of deleting.
      const deleted = open.isOpen ? await countStores(open).then((c) => c.stores, createEmptyUsage) : createEmptyUsage();
      open.close();
      const { isComplete } = await deleteFaceGapDatabase(name, blockedGraceMs);
      return createForgetReport(deleted, isComplete);
    },
    close: () => open.close(),
  };
}

type Counted = Omit<StorageInventory, 'isPersistent' | 'estimate'>;

/** Counts every store in one readonly transaction; pack samples are sized from pack metadata. */
function countStores(connection: Connection): Promise<Counted> {
  return connection.read(
    ['people', 'packs', 'packSamples', 'settings', 'importJobs', 'importFiles', 'thumbnails', 'roomCodes'],
    'the storage inventory',
    async (tx) => {
      const stores = createEmptyUsage();
      const add = (name: StoreName, record: unknown) => {
        stores[name].records++;
        stores[name].approxBytes += estimateRecordBytes(record);
      };
      let embeddingCount = 0;

      for (const person of await tx.objectStore('people').getAll()) {
        add('people', person);
        embeddingCount += person.embeddings.length;
      }
      for (const pack of await tx.objectStore('packs').getAll()) {
        add('packs', pack);
        embeddingCount += pack.sampleCount;
        stores.packSamples.approxBytes += Math.max(0, pack.approxBytes - estimateRecordBytes(pack));
      }
      stores.packSamples.records = await tx.objectStore('packSamples').count();
      const settingKeys = await tx.objectStore('settings').getAllKeys();
      const settingValues = await tx.objectStore('settings').getAll();
      settingKeys.forEach((key, i) => add('settings', { [key]: settingValues[i] }));
      for (const job of await tx.objectStore('importJobs').getAll()) add('importJobs', job);
      let fileCursor = await tx.objectStore('importFiles').openCursor();
      while (fileCursor) {
        add('importFiles', fileCursor.value);
        if (fileCursor.value.sample) embeddingCount++;
        fileCursor = await fileCursor.continue();
      }
      let imageBytes = 0;
      for (const thumbnail of await tx.objectStore('thumbnails').getAll()) {
        add('thumbnails', thumbnail);
        imageBytes += thumbnail.blob.size;
      }
      for (const record of await tx.objectStore('roomCodes').getAll()) add('roomCodes', record);
      const imageCount = stores.thumbnails.records;
      return { stores, embeddingCount, imageCount, imageBytes, isStoringImages: imageCount > 0 };
    },
  );
}

/** The browser's usage and quota for this origin, or undefined when it does not say. */
export async function estimateOriginStorage(): Promise<StorageInventory['estimate']> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return undefined;
    const { usage, quota } = await navigator.storage.estimate();
    return { usageBytes: usage, quotaBytes: quota };
  } catch {
    // Some browsers refuse the estimate in private mode; the inventory stands without it.
    return undefined;
  }
}
