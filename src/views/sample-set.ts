/**
 * A scored sample set: faces with labels plus the score of every pair among them. A reference pack
 * and the people enrolled in a room both become one, so the gap and room views share one pipeline.
 * All-pairs scoring happens once per set; grouping and thresholds only re-read the scores.
 */
import { packEmbeddings, scoreAllPairs, scoreAllPairsAsync, type AllPairsResult } from '../metrics/all-pairs';
import { scoreAllPairsInWorker, SharedScoring } from '../metrics/all-pairs-client';
import type { ReferencePack } from '../datasets/pack-types';

/** One face of a set: what the views need besides its embedding. */
export interface ViewSample {
  /** Unique id. */
  readonly id: string;
  /** Person shown, or null when each face is a different unnamed person (UTKFace). */
  readonly subject: string | null;
  /** Label name -> value. */
  readonly labels: Readonly<Record<string, string>>;
}

/** Faces and every pair's score (pair k compares samples indexA[k] < indexB[k]). */
export interface ScoredSampleSet {
  readonly samples: readonly ViewSample[];
  readonly scored: AllPairsResult;
}

/** Progress callback: pairs scored so far and in total. */
export type PairProgress = (donePairs: number, totalPairs: number) => void;

const packScores = new SharedScoring<ReferencePack, ScoredSampleSet>();

/** Unit of resampling and of "people" counts: the subject, or the face itself when unnamed. */
export function findPersonId(sample: ViewSample): string {
  return sample.subject ?? `face:${sample.id}`;
}

/**
 * Scores every pair of a pack's samples once (600 faces: 179,700 pairs) off the main thread; every
 * view that asks for the same pack object shares that one run (`SharedScoring`). Each caller keeps
 * its own `signal` and `onProgress`: aborting rejects that caller only, and the run stops when every
 * caller waiting has aborted. A failed or cancelled run is forgotten, so it can be started again.
 */
export function scorePackPairs(pack: ReferencePack, onProgress?: PairProgress, signal?: AbortSignal): Promise<ScoredSampleSet> {
  return packScores.run(pack, async (jobSignal, jobProgress) => {
    const { packed, dim } = packEmbeddings(pack.samples.map((s) => s.embedding));
    // Each pack is scored with its own model's score (a cosine pack never with faceres's).
    const scored = pack.samples.length < 2
      ? scoreAllPairs(packed, Math.max(dim, 1), { scoreId: pack.score })
      : await scoreInBackground(packed, dim, pack.score, jobProgress, jobSignal);
    return { samples: pack.samples, scored };
  }, { signal, onProgress });
}

/**
 * Scores with `scoreId` in the all-pairs worker where workers exist; in node, or when the worker
 * cannot start, on this thread with yields (same scores: both run src/metrics/all-pairs).
 */
async function scoreInBackground(packed: Float32Array, dim: number, scoreId: string, onProgress?: PairProgress, signal?: AbortSignal): Promise<AllPairsResult> {
  if (typeof Worker !== 'undefined') {
    try {
      return await scoreAllPairsInWorker(packed, dim, { scoreId, onProgress, signal });
    } catch (error) {
      if (signal?.aborted) throw error;
    }
  }
  return scoreAllPairsAsync(packed, dim, { scoreId, onProgress, signal });
}

/** Scores a small set synchronously (a room's captures: a few hundred pairs at most). */
export function scoreSampleSet(samples: readonly ViewSample[], embeddings: readonly Float32Array[]): ScoredSampleSet {
  const { packed, dim } = packEmbeddings(embeddings);
  return { samples, scored: scoreAllPairs(packed, Math.max(dim, 1)) };
}
