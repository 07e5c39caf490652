/**
 * The model comparison of src/metrics/compare.ts with its heavy steps off the main thread: each
 * model's pairs are scored in the all-pairs worker with the pack's own score id, and its subject
 * bootstrap runs in the bootstrap worker; only indexing, the threshold and the report run here.
 * Same functions, same seed: the result equals `compareModels(packs, options)`, which the CLI
 * (`metrics --compare`) prints. Where workers do not exist (node), the same steps run on this thread.
 */
import { packEmbeddings, scoreAllPairsAsync, type AllPairsResult } from './all-pairs';
import { scoreAllPairsInWorker } from './all-pairs-client';
import { bootstrapInWorker } from './bootstrap-client';
import {
  assertSameFaces, DEFAULT_COMPARE_SEED, finishModel, listComparedSamples, mergeComparisons, prepareModel,
  type CompareOptions, type ComparePack, type ModelComparisonReport,
} from './compare';

/** Options of {@link compareModelsInBackground}. */
export interface BackgroundCompareOptions {
  /** Aborting stops the worker at work and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called as each model starts: its index among the packs and its pack. */
  readonly onModel?: (index: number, pack: ComparePack) => void;
}

/**
 * Compares packs of the same faces, one model after the other, scoring and resampling in workers.
 * Refuses packs that do not hold the same faces before any work, as `compareModels` does.
 */
export async function compareModelsInBackground(
  packs: readonly ComparePack[], options: CompareOptions, call: BackgroundCompareOptions = {},
): Promise<ModelComparisonReport> {
  if (packs.length === 0) throw new RangeError('Give at least one pack to compare.');
  assertSameFaces(packs);
  const parts: ModelComparisonReport[] = [];
  for (const [i, pack] of packs.entries()) {
    call.signal?.throwIfAborted();
    call.onModel?.(i, pack);
    const scored = await scoreInBackground(listComparedSamples(pack, options.groupBy), pack.scoreId, call.signal);
    const prepared = prepareModel(pack, scored, options);
    const bootstrapped = prepared.replicates > 0
      ? await bootstrapInWorker({
        table: prepared.table, thresholds: [prepared.threshold!], seed: options.seed ?? DEFAULT_COMPARE_SEED,
        replicates: prepared.replicates, impostorGrouping: options.impostorGrouping ?? 'within',
      }, { signal: call.signal })
      : null;
    parts.push(finishModel(prepared, bootstrapped, options));
  }
  return mergeComparisons(parts, packs);
}

/** Every pair's score of `samples` with `scoreId`, in the all-pairs worker where there is one. */
function scoreInBackground(samples: ReturnType<typeof listComparedSamples>, scoreId: string, signal?: AbortSignal): Promise<AllPairsResult> {
  const { packed, dim } = packEmbeddings(samples.map((s) => s.embedding));
  if (typeof Worker === 'undefined' || samples.length < 2) return scoreAllPairsAsync(packed, Math.max(dim, 1), { scoreId, signal });
  return scoreAllPairsInWorker(packed, dim, { scoreId, signal });
}
