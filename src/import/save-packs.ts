/**
 * The last step of an import in the page: the finished records become one pack per model (the
 * active model's, and each other model's that embedded every photo), stored, and the import's
 * saved progress deleted. The active model's pack is stored first and whatever happens to the
 * others; the message says which packs were saved and which were not built, and why.
 */
import type { PackModel, PackPreprocessing } from '../datasets/pack-types';
import { getModel, getModelOrDefault, type ModelId, type RecognitionModel } from '../models/registry';
import type { Store } from '../store/types';
import { describeError } from '../shared/errors';
import { assemblePack, type PackDescription } from './assemble';
import { describeOtherPacks, findModelProblem, modelPackId, nameModelPack, selectModelRecords, type ModelPackOutcome } from './other-models';
import { toStoredPackInput } from './stored-pack';
import type { ImportRecord } from './types';

/** What saving an import's packs takes. */
export interface SavePacksInput {
  store: Pick<Store, 'packs' | 'importJobs'>;
  jobId: string;
  /** Every kept outcome, in item order. */
  records: readonly ImportRecord[];
  about: PackDescription;
  preprocessing: PackPreprocessing;
  /** The active model's identity: its pack is always saved. */
  active: PackModel;
  /** The other models the import embedded with. */
  others: readonly ModelId[];
  /** Reads a model's identity (weights sha256, package) from the app's model manifest. */
  identify: (model: RecognitionModel) => Promise<PackModel>;
  /** A sentence for the message after what was saved (e.g. what each model took per face). */
  note?: string;
}

/** How saving ended: the active pack's id and the message, or why nothing could be saved. */
export type SavePacksResult =
  | { status: 'saved'; packId: string; message: string; outcomes: ModelPackOutcome[] }
  | { status: 'stopped'; message: string };

/** Assembles and stores the packs; never rejects. */
export async function saveImportPacks(input: SavePacksInput): Promise<SavePacksResult> {
  const { store, jobId, records, about, preprocessing, active, others } = input;
  const activeId = getModelOrDefault(active.id).id;
  const named = (id: ModelId) => ({ ...about, name: others.length > 0 ? nameModelPack(about.name, id) : about.name });
  const pack = assemblePack(records, named(activeId), active, preprocessing, getModel(activeId).scoreId);
  const packId = modelPackId(jobId, activeId, activeId);
  try {
    await store.packs.put(toStoredPackInput(packId, pack));
  } catch (error) {
    return { status: 'stopped', message: `${describeError(error)} The embeddings are kept in the unfinished import; free some space and start it again to save the pack.` };
  }
  const outcomes: ModelPackOutcome[] = [];
  for (const id of others) outcomes.push(await saveOtherPack(input, id, named(id)));
  await store.importJobs.delete(jobId).catch(() => undefined);
  const samples = pack.samples.length;
  const failures = records.filter((record) => record.status === 'failed').length;
  const saved = `Saved "${pack.name}": ${samples} face${samples === 1 ? '' : 's'}, ${failures} photo${failures === 1 ? '' : 's'} without a usable face.`;
  const sentences = [saved, describeOtherPacks(outcomes, activeId), input.note ?? '', 'Only embeddings and labels were stored, no photos.'];
  return { status: 'saved', packId, outcomes, message: sentences.filter(Boolean).join(' ') };
}

async function saveOtherPack(input: SavePacksInput, id: ModelId, about: PackDescription): Promise<ModelPackOutcome> {
  const problem = findModelProblem(input.records, id);
  if (problem !== null) return { id, status: 'not-built', problem };
  const records = selectModelRecords(input.records, id);
  if (!records.some((record) => record.status === 'done') && input.records.some((record) => record.status === 'done')) {
    return { id, status: 'not-built', problem: 'it gave no embedding for any face.' };
  }
  try {
    const model = getModel(id);
    const pack = assemblePack(records, about, await input.identify(model), input.preprocessing, model.scoreId);
    await input.store.packs.put(toStoredPackInput(modelPackId(input.jobId, id, getModelOrDefault(input.active.id).id), pack));
    return { id, status: 'saved', name: pack.name, samples: pack.samples.length };
  } catch (error) {
    return { id, status: 'not-built', problem: `it could not be saved (${describeError(error)}).` };
  }
}
