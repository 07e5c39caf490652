/**
 * People and settings on IndexedDB. Settings live here too because one setting, `storeThumbnails`,
 * decides what a person's record may hold, and both are changed in shared transactions.
 */
import { normalizeLabels, normalizeName, type Template } from '../matching/templates';
import { StoreError, createStoreError } from './errors';
import type { Connection } from './database';
import { checkThumbnail, compareByName, prepareTemplateForStorage } from './records';
import { isValidSetting, readSetting, SETTING_KEYS, type SettingKey, type Settings } from './settings';
import type { PeopleRepository, SettingsRepository } from './types';

/** `PeopleRepository` over an IndexedDB connection. */
export function createIdbPeopleRepository(connection: Connection): PeopleRepository {
  const update = (id: string, what: string, change: (template: Template) => Template) =>
    connection.write(['people'], what, async (tx) => {
      const current = await tx.store.get(id);
      if (current === undefined) throw createStoreError('not-found', 'this person');
      const next = { ...change(current), updatedAt: Date.now() };
      await tx.store.put(next);
      return next;
    });

  return {
    list: () => connection.read(['people'], 'the list of people', async (tx) => (await tx.store.getAll()).sort(compareByName)),

    get: (id) => connection.read(['people'], 'this person', (tx) => tx.store.get(id)),

    async add(template, options = {}) {
      const record = prepareTemplateForStorage(template);
      if (options.thumbnail) checkThumbnail(options.thumbnail);
      return connection.write(['people', 'settings', 'thumbnails'], `the person “${record.name}”`, async (tx) => {
        // Read inside the transaction, so a concurrent opt-out cannot let a thumbnail slip in.
        const isOptedIn = readSetting('storeThumbnails', await tx.objectStore('settings').get('storeThumbnails'));
        const stored: Template = { ...record };
        if (options.thumbnail && isOptedIn) {
          await tx.objectStore('thumbnails').put({ id: record.id, personId: record.id, blob: options.thumbnail, createdAt: Date.now() });
          stored.thumbnailId = record.id;
        }
        await tx.objectStore('people').add(stored);
        return stored;
      });
    },

    async rename(id, name) {
      const normalized = normalizeName(name);
      if (!normalized.ok) throw new StoreError('invalid', `${normalized.problem} The old name was kept.`);
      return update(id, `the new name “${normalized.name}”`, (template) => ({ ...template, name: normalized.name }));
    },

    updateLabels: (id, labels) =>
      update(id, 'the changed labels', (template) => ({ ...template, labels: normalizeLabels(labels) })),

    delete: (id) =>
      connection.write(['people', 'thumbnails'], 'deleting this person', async (tx) => {
        await tx.objectStore('thumbnails').delete(id);
        await tx.objectStore('people').delete(id);
      }),

    getThumbnail: (id) =>
      connection.read(['thumbnails'], 'the thumbnail', async (tx) => (await tx.store.get(id))?.blob),
  };
}

/** `SettingsRepository` over an IndexedDB connection. */
export function createIdbSettingsRepository(connection: Connection): SettingsRepository {
  return {
    get: <K extends SettingKey>(key: K) =>
      connection.read(['settings'], 'your settings', async (tx) => readSetting(key, await tx.store.get(key))),

    getAll: () =>
      connection.read(['settings'], 'your settings', async (tx) => {
        const values = await Promise.all(SETTING_KEYS.map((key) => tx.store.get(key)));
        return Object.fromEntries(SETTING_KEYS.map((key, i) => [key, readSetting(key, values[i])])) as unknown as Settings;
      }),

    async set(key, value) {
      if (!isValidSetting(key, value)) {
        throw new StoreError('invalid', `The setting “${key}” cannot be ${JSON.stringify(value)}. Nothing was changed.`);
      }
      if (key === 'storeThumbnails' && value === false) {
        // Opting out removes every image in the same transaction as the setting itself.
        return connection.write(['settings', 'thumbnails', 'people'], 'turning thumbnails off', async (tx) => {
          await tx.objectStore('settings').put(value, key);
          await tx.objectStore('thumbnails').clear();
          let cursor = await tx.objectStore('people').openCursor();
          while (cursor) {
            if (cursor.value.thumbnailId !== undefined) {
              const { thumbnailId: _removed, ...rest } = cursor.value;
              await cursor.update(rest);
            }
            cursor = await cursor.continue();
          }
        });
      }
      return connection.write(['settings'], 'the setting', async (tx) => {
        await tx.store.put(value, key);
      });
    },
  };
}
