/**
 * A `Store` kept in memory: for element tests, and for browsers where IndexedDB is unavailable
 * (the app then says "Nothing will be kept after you close this tab."). It follows the same rules
 * as the IndexedDB store (`records.ts`), copies records in and out as IndexedDB would, and
 * changes nothing when a call fails.
 */
import { normalizeLabels, normalizeName, type Template } from '../matching/templates';
import { createStoreError, StoreError } from './errors';
import { checkRoomCodes, checkThumbnail, compareByName, sortByKeptAt, createEmptyUsage, createForgetReport, createImportJobRecord, describePack, estimateRecordBytes, PACK_CHUNK_SAMPLES, prepareTemplateForStorage } from './records';
import { isValidSetting, readSetting, SETTING_KEYS, type Settings } from './settings';
import type { ImportFileRecord, ImportJob, PackMetadata, PackSample, RoomCodeRecord, StorageInventory, Store, StoreName } from './types';

/** Creates an empty in-memory store; `isPersistent` is false. */
export function createMemoryStore(): Store {
  const people = new Map<string, Template>();
  const thumbnails = new Map<string, Blob>();
  const packs = new Map<string, { metadata: PackMetadata; samples: PackSample[] }>();
  const settings = new Map<string, unknown>();
  const jobs = new Map<string, ImportJob>();
  const files = new Map<string, Map<string, ImportFileRecord>>();
  const roomCodes = new Map<string, RoomCodeRecord>();
  let isOpen = true;

  const copy = <T>(value: T): T => structuredClone(value);
  const ensureOpen = (what: string) => {
    if (!isOpen) throw createStoreError('closed', what);
  };
  const requirePerson = (id: string): Template => {
    const person = people.get(id);
    if (person === undefined) throw createStoreError('not-found', 'this person');
    return person;
  };
  const requireJob = (id: string): ImportJob => {
    const job = jobs.get(id);
    if (job === undefined) throw createStoreError('not-found', 'this import');
    return job;
  };
  const updatePerson = (id: string, what: string, change: (t: Template) => Template): Template => {
    ensureOpen(what);
    const next = { ...change(requirePerson(id)), updatedAt: Date.now() };
    people.set(id, next);
    return copy(next);
  };

  const countStores = (): Omit<StorageInventory, 'isPersistent' | 'estimate'> => {
    const stores = createEmptyUsage();
    const add = (name: StoreName, record: unknown) => {
      stores[name].records++;
      stores[name].approxBytes += estimateRecordBytes(record);
    };
    let embeddingCount = 0;
    for (const person of people.values()) {
      add('people', person);
      embeddingCount += person.embeddings.length;
    }
    for (const { metadata, samples } of packs.values()) {
      add('packs', metadata);
      embeddingCount += samples.length;
      stores.packSamples.records += Math.ceil(samples.length / PACK_CHUNK_SAMPLES);
      stores.packSamples.approxBytes += Math.max(0, metadata.approxBytes - estimateRecordBytes(metadata));
    }
    for (const [key, value] of settings) add('settings', { [key]: value });
    for (const job of jobs.values()) add('importJobs', job);
    for (const record of [...files.values()].flatMap((byFile) => [...byFile.values()])) {
      add('importFiles', record);
      if (record.sample) embeddingCount++;
    }
    for (const record of roomCodes.values()) add('roomCodes', record);
    let imageBytes = 0;
    for (const blob of thumbnails.values()) {
      add('thumbnails', { blob });
      imageBytes += blob.size;
    }
    return { stores, embeddingCount, imageCount: thumbnails.size, imageBytes, isStoringImages: thumbnails.size > 0 };
  };

  return {
    isPersistent: false,
    people: {
      list: async () => (ensureOpen('the list of people'), [...people.values()].sort(compareByName).map(copy)),
      get: async (id) => (ensureOpen('this person'), people.has(id) ? copy(people.get(id)) : undefined),
      async add(template, options = {}) {
        const record = prepareTemplateForStorage(template);
        const what = `the person “${record.name}”`;
        ensureOpen(what);
        if (options.thumbnail) checkThumbnail(options.thumbnail);
        if (people.has(record.id)) throw createStoreError('invalid', `${what} (the id is already used)`);
        const stored: Template = copy(record);
        if (options.thumbnail && readSetting('storeThumbnails', settings.get('storeThumbnails'))) {
          thumbnails.set(record.id, options.thumbnail);
          stored.thumbnailId = record.id;
        }
        people.set(record.id, stored);
        return copy(stored);
      },
      async rename(id, name) {
        const normalized = normalizeName(name);
        if (!normalized.ok) throw new StoreError('invalid', `${normalized.problem} The old name was kept.`);
        return updatePerson(id, `the new name “${normalized.name}”`, (t) => ({ ...t, name: normalized.name }));
      },
      updateLabels: async (id, labels) => updatePerson(id, 'the changed labels', (t) => ({ ...t, labels: normalizeLabels(labels) })),
      async delete(id) {
        ensureOpen('deleting this person');
        people.delete(id);
        thumbnails.delete(id);
      },
      getThumbnail: async (id) => (ensureOpen('the thumbnail'), thumbnails.get(id)),
    },
    packs: {
      async put({ metadata: input, samples }) {
        const what = `the pack “${input.name}”`;
        ensureOpen(what);
        if (!samples.every((s) => s.embedding instanceof Float32Array)) throw createStoreError('invalid', what);
        const metadata = describePack(input, samples, Date.now());
        packs.set(metadata.id, copy({ metadata, samples }));
        return copy(metadata);
      },
      list: async () => (ensureOpen('the list of packs'), [...packs.values()].map((p) => copy(p.metadata)).sort(compareByName)),
      get: async (id) => (ensureOpen('the pack'), packs.has(id) ? copy(packs.get(id)) : undefined),
      async delete(id) {
        ensureOpen('deleting the pack');
        packs.delete(id);
        if (settings.get('activePackId') === id) settings.set('activePackId', null);
      },
    },
    settings: {
      get: async (key) => (ensureOpen('your settings'), readSetting(key, settings.get(key))),
      getAll: async () => {
        ensureOpen('your settings');
        return Object.fromEntries(SETTING_KEYS.map((key) => [key, readSetting(key, settings.get(key))])) as unknown as Settings;
      },
      async set(key, value) {
        ensureOpen('the setting');
        if (!isValidSetting(key, value)) {
          throw new StoreError('invalid', `The setting “${key}” cannot be ${JSON.stringify(value)}. Nothing was changed.`);
        }
        settings.set(key, copy(value));
        if (key === 'storeThumbnails' && value === false) {
          thumbnails.clear();
          for (const [id, person] of people) {
            const { thumbnailId: _removed, ...rest } = person;
            people.set(id, rest);
          }
        }
      },
    },
    importJobs: {
      async create(input) {
        ensureOpen('the import progress');
        const job = createImportJobRecord(input, Date.now());
        if (jobs.has(job.id)) throw createStoreError('invalid', 'the import progress (the id is already used)');
        jobs.set(job.id, job);
        files.set(job.id, new Map());
        return copy(job);
      },
      get: async (id) => (ensureOpen('the import progress'), jobs.has(id) ? copy(jobs.get(id)) : undefined),
      list: async () => (ensureOpen('the import progress'), [...jobs.values()].sort((a, b) => b.createdAt - a.createdAt).map(copy)),
      async recordFiles(jobId, outcomes) {
        ensureOpen('the import progress');
        const job = requireJob(jobId);
        const now = Date.now();
        const records = outcomes.map((outcome): ImportFileRecord => copy({ ...outcome, jobId, recordedAt: now }));
        const byFile = files.get(jobId) ?? new Map<string, ImportFileRecord>();
        for (const record of records) byFile.set(record.file, record);
        files.set(jobId, byFile);
        jobs.set(jobId, { ...job, updatedAt: now });
      },
      listFiles: async (jobId) => {
        ensureOpen('the import progress');
        const records = [...(files.get(jobId)?.values() ?? [])];
        return records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map(copy);
      },
      countFiles: async (jobId) => {
        ensureOpen('the import progress');
        const counts = { done: 0, failed: 0 };
        for (const record of files.get(jobId)?.values() ?? []) counts[record.status]++;
        return counts;
      },
      async setStatus(jobId, status) {
        ensureOpen('the import progress');
        const next = { ...requireJob(jobId), status, updatedAt: Date.now() };
        jobs.set(jobId, next);
        return copy(next);
      },
      async delete(jobId) {
        ensureOpen('deleting the import');
        jobs.delete(jobId);
        files.delete(jobId);
      },
    },
    roomCodes: {
      list: async () => (ensureOpen('the kept room'), sortByKeptAt([...roomCodes.values()].map(copy))),
      async put(records) {
        ensureOpen('the kept room');
        checkRoomCodes(records);
        for (const record of records) roomCodes.set(record.attendeeId, copy({ attendeeId: record.attendeeId, code: record.code, keptAt: record.keptAt }));
      },
      clear: async () => (ensureOpen('clearing the kept room'), roomCodes.clear()),
    },
    inventoryStorage: async () => (ensureOpen('the storage inventory'), { isPersistent: false, ...countStores() }),
    async forgetEverything() {
      const deleted = isOpen ? countStores().stores : createEmptyUsage();
      for (const map of [people, thumbnails, packs, settings, jobs, files, roomCodes]) map.clear();
      isOpen = false;
      return createForgetReport(deleted, true);
    },
    close: () => {
      isOpen = false;
    },
  };
}
