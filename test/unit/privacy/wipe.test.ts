import { describe, expect, it } from 'vitest';
import { createTemplate, EMBEDDING_LENGTH } from '../../../src/matching/templates';
import { createMemoryStore } from '../../../src/store';
import { wipeEverything } from '../../../src/privacy/wipe';

function fakeCaches(names: string[], options: { failOn?: string } = {}) {
  const kept = new Set(names);
  return {
    kept,
    keys: async () => [...kept],
    delete: async (name: string) => {
      if (name === options.failOn) throw new Error('quota manager busy');
      return kept.delete(name);
    },
  };
}

function fakeServiceWorker(scopes: string[]) {
  const registered = new Set(scopes);
  return {
    registered,
    getRegistrations: async () => [...registered].map((scope) => ({ scope, unregister: async () => registered.delete(scope) })) as unknown as ServiceWorkerRegistration[],
  };
}

async function storeWithOnePerson() {
  const store = createMemoryStore();
  const made = createTemplate({ name: 'Ada', embeddings: [new Float32Array(EMBEDDING_LENGTH).fill(0.01)], modelSha256: 'abc' });
  if (!made.ok) throw new Error(made.problem);
  await store.people.add(made.template);
  await store.settings.set('threshold', 0.6);
  return store;
}

describe('wipeEverything', () => {
  it('deletes the store, every cache and every service worker, and says so', async () => {
    const store = await storeWithOnePerson();
    const caches = fakeCaches(['workbox-precache-v2-http://127.0.0.1/', 'other']);
    const serviceWorker = fakeServiceWorker(['http://127.0.0.1/']);
    const deleted: string[] = [];
    const report = await wipeEverything({ store, cacheStorage: caches, serviceWorker, deleteDatabaseNamed: async (name) => void deleted.push(name) });
    expect(deleted).toEqual(['tensorflowjs']);
    expect(report.deletedDatabases).toEqual(['tensorflowjs']);
    expect(report.isComplete).toBe(true);
    expect(report.database?.deleted.people.records).toBe(1);
    expect(report.deletedCaches).toEqual(['workbox-precache-v2-http://127.0.0.1/', 'other']);
    expect(report.unregisteredScopes).toEqual(['http://127.0.0.1/']);
    expect(caches.kept.size).toBe(0);
    expect(serviceWorker.registered.size).toBe(0);
    expect(report.problems).toEqual([]);
    expect(report.message).toMatch(/1 person/);
    expect(report.message).toMatch(/2 caches/);
    await expect(store.people.list()).rejects.toThrow();
  });

  it('keeps going when one part fails, and says what is left', async () => {
    const store = await storeWithOnePerson();
    const serviceWorker = fakeServiceWorker(['http://127.0.0.1/']);
    const report = await wipeEverything({ store, cacheStorage: fakeCaches(['a'], { failOn: 'a' }), serviceWorker });
    expect(report.isComplete).toBe(false);
    expect(report.database?.isComplete).toBe(true);
    expect(report.unregisteredScopes).toEqual(['http://127.0.0.1/']);
    expect(report.problems).toHaveLength(1);
    expect(report.message).toMatch(/offline copy of the app could not be fully deleted \(quota manager busy\)/);
  });

  it('reports an incomplete database deletion (another tab holds it)', async () => {
    const store = { forgetEverything: async () => ({ isComplete: false, deleted: (await createMemoryStore().inventoryStorage()).stores, message: 'FaceGap is still open in another tab.' }) };
    const report = await wipeEverything({ store, cacheStorage: null, serviceWorker: null });
    expect(report.isComplete).toBe(false);
    expect(report.message).toMatch(/another tab/);
  });

  it('deletes the database by name when no store is open', async () => {
    let called = 0;
    const report = await wipeEverything({ store: null, deleteDatabase: async () => ({ isComplete: (++called, true) }), cacheStorage: null, serviceWorker: null });
    expect(called).toBe(1);
    expect(report.isComplete).toBe(true);
    expect(report.message).toMatch(/no offline copy/);
  });

  it('turns a failing store into a sentence, not a rejection', async () => {
    const store = { forgetEverything: () => Promise.reject(new Error('UnknownError')) };
    const report = await wipeEverything({ store, cacheStorage: null, serviceWorker: null });
    expect(report.isComplete).toBe(false);
    expect(report.problems[0]).toMatch(/could not be deleted \(UnknownError\); they are still on this device/);
  });
});
