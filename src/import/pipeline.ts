/**
 * The import pipeline, shared by the page and the headless pack builder: each photo is read,
 * hashed, decoded, padded and scaled (preprocess.ts), detected and embedded in the vision worker,
 * and its outcome kept in a ledger before the next photo starts. A reload resumes from the ledger;
 * a cancel or a full disk stops between photos, so nothing is half-written.
 */
import type { VisionClient } from '../vision/types';
import { preprocessImage, UnreadableImageError, type PreprocessSettings } from './preprocess';
import { assignSampleIds, orderRecords, planResume } from './resume';
import { estimateRemainingMs } from './time-left';
import type { ImportFailureReason, ImportItem, ImportLedger, ImportProgress, ImportRecord, ImportRunResult } from './types';
import { describeError, isAbortError } from '../shared/errors';

export { preprocessImage, drawPrepared, planCanvas, TIGHT_CROP_PREPROCESSING, UNPADDED_PREPROCESSING } from './preprocess';
export type { PreprocessSettings, PreprocessedImage } from './preprocess';

/** Options of {@link runImport}. */
export interface RunImportOptions {
  client: VisionClient;
  /** Where each outcome is kept before the next photo starts. */
  ledger: ImportLedger;
  preprocessing: PreprocessSettings;
  /**
   * `one-per-photo`: a photo without an identity is its own subject (sets with one photo per
   * person, such as UTKFace: every pair is an impostor pair). `as-labelled` keeps null subjects.
   */
  subjects?: 'as-labelled' | 'one-per-photo';
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Clock in ms, injectable for tests. */
  now?: () => number;
}

/** sha256 of a file's bytes, lower-case hex. */
export async function hashBlob(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Imports photos. Items already in the ledger (same file path) are not processed again.
 * Never rejects for a photo's own problem (unreadable, no face: those become failure records)
 * nor for a cancel or a storage failure: the result says how the run ended and what was kept.
 * Rejects only when the vision engine itself fails, since every later photo would fail too.
 */
export async function runImport(items: readonly ImportItem[], options: RunImportOptions): Promise<ImportRunResult> {
  const { ledger, signal, onProgress } = options;
  const now = options.now ?? (() => performance.now());
  const files = items.map((item) => item.labelled.file);
  const ids = assignSampleIds(files);

  let recorded: ImportRecord[];
  try {
    recorded = await ledger.listRecords();
  } catch (cause) {
    return { status: 'stopped', records: [], cause, message: `The import could not read its saved progress: ${describeError(cause)}` };
  }
  const plan = planResume(items, recorded);
  const kept = [...plan.kept];
  let failed = kept.filter((record) => record.status === 'failed').length;
  const durations: number[] = [];
  const finish = () => orderRecords(kept, files);

  for (const item of plan.todo) {
    if (signal?.aborted) return cancelled(finish(), items.length);
    const started = now();
    let record: ImportRecord;
    try {
      record = await processItem(item, ids.get(item.labelled.file)!, options);
    } catch (error) {
      if (isAbortError(error)) return cancelled(finish(), items.length);
      throw error;
    }
    try {
      await ledger.record(record);
    } catch (cause) {
      const done = kept.length;
      return {
        status: 'stopped', records: finish(), cause,
        message: `${describeError(cause)} The import stopped at ${record.file}: the ${done} photo${done === 1 ? '' : 's'} finished before it ${done === 1 ? 'is' : 'are'} kept, and it will resume from there.`,
      };
    }
    kept.push(record);
    if (record.status === 'failed') failed++;
    durations.push(now() - started);
    onProgress?.({
      done: kept.length, total: items.length, failed, file: record.file,
      remainingMs: estimateRemainingMs(durations, items.length - kept.length),
    });
  }
  return { status: 'finished', records: finish() };
}

/** Reads, preprocesses, detects and embeds one photo. Rejects only on abort or an engine failure. */
async function processItem(item: ImportItem, id: string, options: RunImportOptions): Promise<ImportRecord> {
  const { labelled } = item;
  const fail = (reason: ImportFailureReason, hash: string, message: string): ImportRecord =>
    ({ status: 'failed', file: labelled.file, hash, id, labels: labelled.labels, reason, message });

  let blob: Blob;
  try {
    blob = await item.read();
  } catch (error) {
    return fail('unreadable', '', `${labelled.file} could not be read (${describeError(error)}).`);
  }
  const hash = await hashBlob(blob);
  let bitmap: ImageBitmap;
  try {
    bitmap = (await preprocessImage(blob, options.preprocessing)).bitmap;
  } catch (error) {
    if (error instanceof UnreadableImageError) return fail('unreadable', hash, `${labelled.file} is not an image this browser can open: ${error.message}`);
    throw error;
  }
  const observation = await options.client.detect(bitmap, { embed: true, signal: options.signal });
  const faces = observation.faces.filter((face) => face.embedding !== null);
  const face = faces[0];
  if (!face) {
    return fail('no-face', hash, `No face was found in ${labelled.file}${options.preprocessing.margin > 0 ? ', even with padding around it' : ''}.`);
  }
  const notes = [...labelled.notes];
  if (faces.length > 1) notes.push(`several-faces:${faces.length}`);
  const subject = labelled.subject ?? (options.subjects === 'one-per-photo' ? id : null);
  return {
    status: 'done', file: labelled.file, hash, id, subject, labels: labelled.labels, embedding: face.embedding!, notes,
    ...(face.age !== null && face.gender !== null && face.genderScore !== null
      ? { estimates: { age: face.age, gender: face.gender, genderScore: face.genderScore } }
      : {}),
  };
}

function cancelled(records: ImportRecord[], total: number): ImportRunResult {
  return {
    status: 'cancelled', records,
    message: `Import cancelled: ${records.length} of ${total} photos are done and kept. Start the import again with the same files to continue where it stopped.`,
  };
}
