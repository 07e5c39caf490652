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

/** What a failed file's record keeps in `details`, beside the sentence in `problem`. */
type FailureDetails = {
  reason: ImportFailureReason;
  hash: string;
  id: string;
  labels: Record<string, string>;
};

function isFailureDetails(details: Record<string, unknown> | undefined): details is Record<string, unknown> & FailureDetails {
  if (details === undefined) return false;
  const { reason, hash, id, labels } = details;
  return FAILURE_REASONS.includes(reason as ImportFailureReason) && typeof hash === 'string' && typeof id === 'string'
    && typeof labels === 'object' && labels !== null;
}

/** Turns one ImportRecord into what the store's import-job repository keeps. */
export function toFileOutcome(record: ImportRecord): ImportFileOutcome {
  if (record.status === 'failed') {
    const details: FailureDetails = { reason: record.reason, hash: record.hash, id: record.id, labels: record.labels };
    return { file: record.file, status: 'failed', problem: record.message, details };
  }
  return {
    file: record.file,
    status: 'done',
    sample: {
      id: record.id,
      embedding: record.embedding,
      labels: record.labels,
      ...(record.subject === null ? {} : { identity: record.subject }),
      details: {
        hash: record.hash, notes: record.notes,
        ...(record.estimates ? { estimates: record.estimates } : {}),
        ...(record.others ? { others: record.others } : {}),
        ...(record.otherProblems ? { otherProblems: record.otherProblems } : {}),
      },
    },
  };
}

/** Reads back a stored file record; null when it is not one this pipeline wrote. */
export function fromFileRecord(stored: ImportFileRecord): ImportRecord | null {
  if (stored.status === 'failed') {
    // Records without details predate them, or were not written here: the file is simply tried again.
    if (!isFailureDetails(stored.details)) return null;
    const { reason, hash, id, labels } = stored.details;
    return { status: 'failed', file: stored.file, reason, hash, id, labels, message: stored.problem ?? '' };
  }
  const sample = stored.sample;
  if (!sample) return null;
  type Done = Extract<ImportRecord, { status: 'done' }>;
  const details = (sample.details ?? {}) as { hash?: string; notes?: string[]; estimates?: Done['estimates']; others?: Done['others']; otherProblems?: Done['otherProblems'] };
  return {
    status: 'done', file: stored.file, hash: details.hash ?? '', id: sample.id, subject: sample.identity ?? null,
    labels: sample.labels, embedding: sample.embedding, notes: details.notes ?? [],
    ...(details.estimates ? { estimates: details.estimates } : {}),
    ...(details.others ? { others: details.others } : {}),
    ...(details.otherProblems ? { otherProblems: details.otherProblems } : {}),
  };
}

/** A ledger over one job of the store's import-job repository (IndexedDB in the app). */
export function createStoreLedger(jobs: ImportJobRepository, jobId: string): ImportLedger {
  return {
    listRecords: async () => (await jobs.listFiles(jobId)).map(fromFileRecord).filter((record): record is ImportRecord => record !== null),
    record: (record) => jobs.recordFiles(jobId, [toFileOutcome(record)]),
  };
}
