/**
 * Ledgers: where each photo's outcome is kept the moment it is known. The IndexedDB one makes an
 * import survive a reload; the memory one serves the headless pack builder and tests.
 */
import type { ImportFileOutcome, ImportFileRecord, ImportJobRepository } from '../store/types';
import type { ImportFailureReason, ImportLedger, ImportRecord } from './types';

/** A ledger in memory, optionally seeded with earlier outcomes. */
export function createMemoryLedger(initial: readonly ImportRecord[] = []): ImportLedger & { readonly records: ImportRecord[] } {
  const records = [...initial];
  return {
    records,
    listRecords: async () => [...records],
    record: async (record) => {
      const index = records.findIndex((kept) => kept.file === record.file);
      if (index >= 0) records[index] = record;
      else records.push(record);
    },
  };
}

const FAILURE_REASONS: readonly ImportFailureReason[] = ['unreadable', 'no-face'];

/**
 * The store's file records carry a sentence, not a reason code, for failures; the code, hash, id
 * and labels follow the sentence on a last line of JSON and are read back here.
 * TODO(store): a `details` field on ImportFileRecord would make this line unnecessary.
 */
function encodeProblem(record: Extract<ImportRecord, { status: 'failed' }>): string {
  const { reason, hash, id, labels } = record;
  return `${record.message}\n${JSON.stringify({ reason, hash, id, labels })}`;
}

function decodeProblem(file: string, problem: string): ImportRecord | null {
  const split = problem.lastIndexOf('\n');
  if (split < 0) return null;
  try {
    const { reason, hash, id, labels } = JSON.parse(problem.slice(split + 1)) as Record<string, unknown>;
    if (!FAILURE_REASONS.includes(reason as ImportFailureReason) || typeof hash !== 'string' || typeof id !== 'string') return null;
    if (typeof labels !== 'object' || labels === null) return null;
    return { status: 'failed', file, reason: reason as ImportFailureReason, hash, id, labels: labels as Record<string, string>, message: problem.slice(0, split) };
  } catch {
    return null;
  }
}

/** Turns one ImportRecord into what the store's import-job repository keeps. */
export function toFileOutcome(record: ImportRecord): ImportFileOutcome {
  if (record.status === 'failed') return { file: record.file, status: 'failed', problem: encodeProblem(record) };
  return {
    file: record.file,
    status: 'done',
    sample: {
      id: record.id,
      embedding: record.embedding,
      labels: record.labels,
      ...(record.subject === null ? {} : { identity: record.subject }),
      details: { hash: record.hash, notes: record.notes, ...(record.estimates ? { estimates: record.estimates } : {}) },
    },
  };
}

/** Reads back a stored file record; null when it is not one this pipeline wrote. */
export function fromFileRecord(stored: ImportFileRecord): ImportRecord | null {
  if (stored.status === 'failed') return decodeProblem(stored.file, stored.problem ?? '');
  const sample = stored.sample;
  if (!sample) return null;
  const details = (sample.details ?? {}) as { hash?: string; notes?: string[]; estimates?: Extract<ImportRecord, { status: 'done' }>['estimates'] };
  return {
    status: 'done', file: stored.file, hash: details.hash ?? '', id: sample.id, subject: sample.identity ?? null,
    labels: sample.labels, embedding: sample.embedding, notes: details.notes ?? [],
    ...(details.estimates ? { estimates: details.estimates } : {}),
  };
}

/** A ledger over one job of the store's import-job repository (IndexedDB in the app). */
export function createStoreLedger(jobs: ImportJobRepository, jobId: string): ImportLedger {
  return {
    listRecords: async () => (await jobs.listFiles(jobId)).map(fromFileRecord).filter((record): record is ImportRecord => record !== null),
    record: (record) => jobs.recordFiles(jobId, [toFileOutcome(record)]),
  };
}
