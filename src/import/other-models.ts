/**
 * Building packs for other models in the same import: which models the import still embeds with,
 * each model's records (the same photos, faces and labels, that model's embeddings), which packs
 * can be built and what to tell the user. Pure, so it is tested in node.
 */
import { getModel, MODELS, type ModelId, type RecognitionModel } from '../models/registry';
import type { ImportRecord } from './types';

/** The models an import can also build packs for: every offered model but the active one, in picker order. */
export function listOtherModels(activeId: ModelId): RecognitionModel[] {
  return MODELS.filter((model) => model.id !== activeId);
}

/** Keeps the chosen ids that are offered other models, in picker order, once each. */
export function normaliseOtherModels(chosen: readonly string[], activeId: ModelId): ModelId[] {
  return listOtherModels(activeId).filter((model) => chosen.includes(model.id)).map((model) => model.id);
}

/** What the other models of an import do from here on. */
export interface OtherModelsPlan {
  /** Models still asked to embed each photo. */
  running: ModelId[];
  /** Models that failed on an earlier photo: not asked again, their packs are not built. */
  dropped: ModelId[];
}

/**
 * Splits the chosen other models into those still embedding and those dropped: a model that failed
 * on a kept photo (a load error, out of memory) is not asked again, in this run or a resumed one,
 * since its pack would miss that photo's face anyway.
 */
export function planOtherModels(chosen: readonly ModelId[], kept: readonly ImportRecord[]): OtherModelsPlan {
  const failed = new Set(kept.flatMap((record) => (record.status === 'done' ? Object.keys(record.otherProblems ?? {}) : [])));
  return { running: chosen.filter((id) => !failed.has(id)), dropped: chosen.filter((id) => failed.has(id)) };
}

/** The first problem recorded for a model, or null when it embedded every photo it was given. */
export function findModelProblem(records: readonly ImportRecord[], id: ModelId): string | null {
  for (const record of records) {
    const problem = record.status === 'done' ? record.otherProblems?.[id] : undefined;
    if (problem !== undefined) return problem;
  }
  return null;
}

/**
 * The records of `id`'s pack: the same photos and labels, each face with that model's embedding. A
 * face the model gave no embedding for (mobileface without a full mesh to align by) becomes a
 * failure of that pack, so the two packs differ by it and the message can say so.
 */
export function selectModelRecords(records: readonly ImportRecord[], id: ModelId): ImportRecord[] {
  const label = getModel(id).label;
  return records.map((record): ImportRecord => {
    if (record.status === 'failed') return record;
    const embedding = record.others?.[id];
    if (embedding) {
      // The other models' fields belong to the active model's record only.
      const { status, file, hash, id: sampleId, subject, labels, notes, estimates } = record;
      return { status, file, hash, id: sampleId, subject, labels, embedding, notes, ...(estimates ? { estimates } : {}) };
    }
    return {
      status: 'failed', file: record.file, hash: record.hash, id: record.id, labels: record.labels, reason: 'no-face',
      message: `The ${label} model gave no embedding of the face in ${record.file}.`,
    };
  });
}

/** The name of a model's pack when an import builds several: "My class (dlib)". */
export function nameModelPack(name: string, id: ModelId): string {
  return `${name} (${id})`;
}

/** The id under which a model's pack of an import is stored: the active model's keeps the plain id. */
export function modelPackId(jobId: string, id: ModelId, activeId: ModelId): string {
  return id === activeId ? `imported-${jobId}` : `imported-${jobId}-${id}`;
}

/** What became of one model's pack. */
export type ModelPackOutcome =
  | { id: ModelId; status: 'saved'; name: string; samples: number }
  | { id: ModelId; status: 'not-built'; problem: string };

/** One or two sentences on the other models' packs, for the end-of-import message ('' when none was chosen). */
export function describeOtherPacks(outcomes: readonly ModelPackOutcome[], activeId: ModelId): string {
  const active = getModel(activeId).label;
  return outcomes.map((outcome) => (outcome.status === 'saved'
    ? `Also saved "${outcome.name}": ${outcome.samples} face${outcome.samples === 1 ? '' : 's'} embedded by ${getModel(outcome.id).label}.`
    : `The ${getModel(outcome.id).label} pack was not built: ${outcome.problem} The ${active} pack is saved all the same; import again with ${getModel(outcome.id).label} as the active model to build it.`))
    .join(' ');
}

/** "dlib ResNet-34 took about 180 ms per face here." for the models of `ids` that were timed ('' when none). */
export function describeMeasuredCosts(ids: readonly ModelId[], measured: Partial<Record<ModelId, number>>): string {
  const timed = ids.filter((id) => measured[id] !== undefined);
  if (timed.length === 0) return '';
  return `Embedding took about ${timed.map((id) => `${Math.round(measured[id]!)} ms per face with ${getModel(id).label}`).join(', ')} on this device.`;
}

/** What a model costs, as the app knows it: bytes of its files, ms per face measured here. */
export interface ModelCostFigures {
  bytes?: number;
  msPerFace?: number;
}

/** "14.0 MB to download, about 350 ms per face here": what choosing a model adds to an import. */
export function describeModelCost(cost: ModelCostFigures | undefined, isLoaded: boolean): string {
  const parts: string[] = [];
  if (isLoaded) parts.push('already on this device');
  else if (cost?.bytes !== undefined) parts.push(`${(cost.bytes / 1e6).toFixed(1)} MB to download`);
  parts.push(cost?.msPerFace !== undefined ? `about ${Math.round(cost.msPerFace)} ms per face here` : 'time per face not measured here yet');
  return parts.join(', ');
}

/**
 * The models every file of which is kept on this device (`keptPaths`: the service worker's kept
 * paths, null without one), so choosing them downloads nothing. `modelBaseUrl` ends in `/`.
 */
export function listModelsOnDevice(keptPaths: ReadonlySet<string> | null, modelBaseUrl: string): Set<ModelId> {
  if (!keptPaths) return new Set();
  return new Set(MODELS.filter((model) => model.files.every((file) => keptPaths.has(new URL(file, modelBaseUrl).pathname))).map((model) => model.id));
}

/**
 * The packs one import built for several models, given the id of one of them (`modelPackId`'s
 * ids: "imported-<job>" and "imported-<job>-<model>"): the ids among `importedIds` of the same
 * import, in the order given. Just `packId` when the import built one pack, or it is not imported.
 */
export function listImportSiblings(packId: string, importedIds: readonly string[]): string[] {
  const suffix = MODELS.find((model) => packId.endsWith(`-${model.id}`));
  const base = suffix ? packId.slice(0, -(suffix.id.length + 1)) : packId;
  const isSibling = (id: string) => id === base || MODELS.some((model) => id === `${base}-${model.id}`);
  if (!base.startsWith('imported-') || !importedIds.includes(packId)) return [packId];
  return importedIds.filter(isSibling);
}

/** The median of each model's milliseconds per face (models without any are absent). */
export function summariseMsPerFace(timings: ReadonlyMap<ModelId, readonly number[]>): Partial<Record<ModelId, number>> {
  const result: Partial<Record<ModelId, number>> = {};
  for (const [id, values] of timings) {
    if (values.length === 0) continue;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    result[id] = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
  return result;
}
