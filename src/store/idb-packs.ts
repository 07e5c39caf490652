/**
 * Reference packs and resumable imports on IndexedDB. Pack metadata and samples sit in separate
 * stores, so listing packs never reads their embeddings.
 */
import { createStoreError } from './errors';
import type { Connection } from './database';
import { chunkSamples, compareByName, createImportJobRecord, describePack } from './records';
import type { ImportFileRecord, ImportJob, ImportJobRepository, PackRepository, PackSample } from './types';

/** Key range of every sample chunk of a pack. */
function packChunks(packId: string): IDBKeyRange {
  return IDBKeyRange.bound([packId, -Infinity], [packId, Infinity]);
}

/** Key range of every file record of an import job (arrays sort after every string). */
function jobFiles(jobId: string): IDBKeyRange {
  return IDBKeyRange.bound([jobId, ''], [jobId, []]);
}

function checkSamples(samples: PackSample[], what: string): void {
  for (const sample of samples) {
    if (!(sample.embedding instanceof Float32Array) || typeof sample.id !== 'string') {
      throw createStoreError('invalid', `${what} (sample “${String(sample.id)}” has no embedding)`);
    }
  }
}

/** `PackRepository` over an IndexedDB connection. */
export function createIdbPackRepository(connection: Connection): PackRepository {
  return {
    async put({ metadata: input, samples }) {
      const what = `the pack “${input.name}”`;
      checkSamples(samples, what);
      const metadata = describePack(input, samples, Date.now());
      return connection.write(['packs', 'packSamples'], what, async (tx) => {
        const sampleStore = tx.objectStore('packSamples');
        await sampleStore.delete(packChunks(metadata.id));
        await tx.objectStore('packs').put(metadata);
        for (const [chunk, chunkSamplesList] of chunkSamples(samples).entries()) {
          await sampleStore.put({ packId: metadata.id, chunk, samples: chunkSamplesList });
        }
        return metadata;
      });
    },

    list: () => connection.read(['packs'], 'the list of packs', async (tx) => (await tx.store.getAll()).sort(compareByName)),

    get: (id) =>
      connection.read(['packs', 'packSamples'], 'the pack', async (tx) => {
        const metadata = await tx.objectStore('packs').get(id);
        if (metadata === undefined) return undefined;
        const chunks = await tx.objectStore('packSamples').getAll(packChunks(id));
        return { metadata, samples: chunks.flatMap((chunk) => chunk.samples) };
      }),

    delete: (id) =>
      connection.write(['packs', 'packSamples', 'settings'], 'deleting the pack', async (tx) => {
        await tx.objectStore('packSamples').delete(packChunks(id));
        await tx.objectStore('packs').delete(id);
        // A deleted pack cannot stay active: the views would point at nothing.
        const settings = tx.objectStore('settings');
        if ((await settings.get('activePackId')) === id) await settings.put(null, 'activePackId');
      }),
  };
}

/** `ImportJobRepository` over an IndexedDB connection. */
export function createIdbImportJobRepository(connection: Connection): ImportJobRepository {
  const what = 'the import progress';
  return {
    create: (input) =>
      connection.write(['importJobs'], what, async (tx) => {
        const job = createImportJobRecord(input, Date.now());
        await tx.store.add(job);
        return job;
      }),

    get: (id) => connection.read(['importJobs'], what, (tx) => tx.store.get(id)),

    list: () =>
      connection.read(['importJobs'], what, async (tx) => (await tx.store.getAll()).sort((a, b) => b.createdAt - a.createdAt)),

    recordFiles: (jobId, outcomes) =>
      connection.write(['importJobs', 'importFiles'], what, async (tx) => {
        const job = await tx.objectStore('importJobs').get(jobId);
        if (job === undefined) throw createStoreError('not-found', 'this import');
        const now = Date.now();
        const files = tx.objectStore('importFiles');
        for (const outcome of outcomes) {
          const record: ImportFileRecord = { ...outcome, jobId, recordedAt: now };
          await files.put(record);
        }
        await tx.objectStore('importJobs').put({ ...job, updatedAt: now });
      }),

    listFiles: (jobId) => connection.read(['importFiles'], what, (tx) => tx.store.getAll(jobFiles(jobId))),

    countFiles: (jobId) =>
      connection.read(['importFiles'], what, async (tx) => {
        const counts = { done: 0, failed: 0 };
        for (const record of await tx.store.getAll(jobFiles(jobId))) counts[record.status]++;
        return counts;
      }),

    setStatus: (jobId, status) =>
      connection.write(['importJobs'], what, async (tx) => {
        const job = await tx.store.get(jobId);
        if (job === undefined) throw createStoreError('not-found', 'this import');
        const next = { ...job, status, updatedAt: Date.now() };
        await tx.store.put(next);
        return next;
      }),

    delete: (jobId) =>
      connection.write(['importJobs', 'importFiles'], 'deleting the import', async (tx) => {
        await tx.objectStore('importFiles').delete(jobFiles(jobId));
        await tx.objectStore('importJobs').delete(jobId);
      }),
  };
}
