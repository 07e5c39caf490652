/** Shared types of the import pipeline: what goes in, what each photo yields, what is reported. */
import type { LabelledItem } from '../datasets/labels/types';
import type { SampleEstimates } from '../datasets/pack-types';
import type { ModelId } from '../models/registry';

/** One photo to import: its labels and a way to read its bytes (a File, or a fetch in the headless builder). */
export interface ImportItem {
  labelled: LabelledItem;
  read(): Promise<Blob>;
}

/** Why a photo yielded no embedding. */
export type ImportFailureReason = 'unreadable' | 'no-face';

/** The outcome of one photo, as kept in the resumable job. `file` identifies it within the job. */
export type ImportRecord =
  | {
    status: 'done';
    file: string;
    /** sha256 of the file's bytes, lower-case hex: equal hashes mean the same file was chosen twice. */
    hash: string;
    id: string;
    subject: string | null;
    labels: Record<string, string>;
    embedding: Float32Array;
    estimates?: SampleEstimates;
    /** e.g. "several-faces:3" (the largest was kept), "age-outside-bands:8". */
    notes: string[];
    /** The same face embedded by the other models the import builds packs for (src/import/other-models.ts). */
    others?: Partial<Record<ModelId, Float32Array>>;
    /** Other models that could not embed this photo, and why: their packs are not built. */
    otherProblems?: Partial<Record<ModelId, string>>;
  }
  | {
    status: 'failed';
    file: string;
    /** Empty when the bytes could not even be read. */
    hash: string;
    id: string;
    labels: Record<string, string>;
    reason: ImportFailureReason;
    /** What happened, for the problems list. */
    message: string;
  };

/** Where the outcome of each photo is kept as soon as it is known, so an import can resume. */
export interface ImportLedger {
  /** Every outcome recorded so far. */
  listRecords(): Promise<ImportRecord[]>;
  /** Keeps one outcome, all or nothing; rejects (e.g. with a quota StoreError) when it cannot. */
  record(record: ImportRecord): Promise<void>;
}

/** Progress after each photo. */
export interface ImportProgress {
  /** Photos with an outcome, including those finished before a resume. */
  done: number;
  total: number;
  /** Photos that yielded no embedding so far. */
  failed: number;
  /** Estimated milliseconds until the end, or null before there is anything to estimate from. */
  remainingMs: number | null;
  /** The photo just finished. */
  file: string;
  /** Median milliseconds per face each other model took so far in this run (src/import/other-models.ts). */
  otherMsPerFace?: Partial<Record<ModelId, number>>;
}

/** How an import run ended. `records` holds every kept outcome, in item order. */
export type ImportRunResult =
  | { status: 'finished'; records: ImportRecord[] }
  | { status: 'cancelled'; records: ImportRecord[]; message: string }
  | { status: 'stopped'; records: ImportRecord[]; message: string; cause: unknown };
