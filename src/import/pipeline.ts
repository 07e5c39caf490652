/**
 * The import pipeline, shared by the page and the headless pack builder: each photo is read,
 * hashed, decoded, padded and scaled (preprocess.ts), detected and embedded in the vision worker,
 * and its outcome kept in a ledger before the next photo starts. A reload resumes from the ledger;
 * a cancel or a full disk stops between photos, so nothing is half-written.
 */
import type { ModelId } from '../models/registry';
import { VisionError, type Observation, type VisionClient } from '../vision/types';
import { planOtherModels, summariseMsPerFace } from './other-models';
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
  /**
   * Other models to embed each face with, besides the client's own (src/import/other-models.ts): a
   * model that fails on a photo is recorded as a problem of that photo and not asked again.
   */
  otherModels?: readonly ModelId[];
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
  let others = planOtherModels(options.otherModels ?? [], kept).running;
  const otherTimings = new Map<ModelId, number[]>();
  const durations: number[] = [];
  const finish = () => orderRecords(kept, files);

  for (const item of plan.todo) {
    if (signal?.aborted) return cancelled(finish(), items.length);
    const started = now();
    let record: ImportRecord;
    try {
      record = await processItem(item, ids.get(item.labelled.file)!, options, others, otherTimings);
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
    else if (record.otherProblems) others = others.filter((id) => record.otherProblems?.[id] === undefined);
    durations.push(now() - started);
    onProgress?.({
      done: kept.length, total: items.length, failed, file: record.file,
      remainingMs: estimateRemainingMs(durations, items.length - kept.length),
      ...(otherTimings.size > 0 ? { otherMsPerFace: summariseMsPerFace(otherTimings) } : {}),
    });
  }
  return { status: 'finished', records: finish() };
}

/**
 * Reads, preprocesses, detects and embeds one photo (with the active model and `others`). Rejects
 * only on abort or an engine failure.
 */
async function processItem(item: ImportItem, id: string, options: RunImportOptions, others: readonly ModelId[], otherTimings: Map<ModelId, number[]>): Promise<ImportRecord> {
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
  const observe = async (alsoEmbedWith: readonly ModelId[]) => {
    const bitmap = (await preprocessImage(blob, options.preprocessing)).bitmap;
    return options.client.detect(bitmap, { embed: true, signal: options.signal, ...(alsoEmbedWith.length > 0 ? { alsoEmbedWith } : {}) });
  };
  let observation: Observation;
  let otherProblems: Partial<Record<ModelId, string>> = {};
  try {
    observation = await observe(others);
  } catch (error) {
    if (error instanceof UnreadableImageError) return fail('unreadable', hash, `${labelled.file} is not an image this browser can open: ${error.message}`);
    if (!isWorkerLoss(error) || others.length === 0) throw error;
    // The worker died or hung with the other models loaded: the active model's pack goes on
    // without them, in the new worker, which loads only the active model.
    observation = await observe([]);
    const why = `the vision worker stopped while it embedded ${labelled.file} with the other models (${describeError(error)}); several models at once may need more memory than this device gives the page.`;
    otherProblems = Object.fromEntries(others.map((other) => [other, why]));
  }
  otherProblems = { ...otherProblems, ...observation.otherModelFailures };
  for (const [model, ms] of Object.entries(observation.otherMsPerFace ?? {}) as [ModelId, number][]) otherTimings.set(model, [...otherTimings.get(model) ?? [], ms]);
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
    ...(face.otherEmbeddings && Object.keys(face.otherEmbeddings).length > 0 ? { others: face.otherEmbeddings } : {}),
    ...(Object.keys(otherProblems).length > 0 ? { otherProblems } : {}),
    ...(face.age !== null && face.gender !== null && face.genderScore !== null
      ? { estimates: { age: face.age, gender: face.gender, genderScore: face.genderScore } }
      : {}),
  };
}

/** The worker died or was replaced during the call: the photo can be tried again in the new one. */
function isWorkerLoss(error: unknown): boolean {
  return error instanceof VisionError && (error.kind === 'worker-restarted' || error.kind === 'worker-failed');
}

function cancelled(records: ImportRecord[], total: number): ImportRunResult {
  return {
    status: 'cancelled', records,
    message: `Import cancelled: ${records.length} of ${total} photos are done and kept. Start the import again with the same files to continue where it stopped.`,
  };
}
