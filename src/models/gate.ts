/**
 * The quality gate every recognition model must pass before FaceGap offers it: on lfw-94 (genuine
 * and impostor pairs of real photos) its equal error rate is at most 12%. Pure: no DOM.
 */
import type { ReferencePack } from '../datasets/pack-types';
import { getScoreFunction } from '../matching/scores';
import { computeEqualErrorRate, findThresholdAtFmr } from '../metrics/thresholds';

/** The highest lfw-94 equal error rate at which a model is offered (faceres measures about 6%). */
export const MAX_GATE_EER = 0.12;
/** The false-match rate at which the gate also reports the false-non-match rate. */
export const GATE_TARGET_FMR = 1e-3;

/** What the gate measured for one model on one pack. */
export interface GateResult {
  modelId: string;
  scoreId: string;
  faces: number;
  /** Photos without an embedding (no face, unreadable). */
  failures: number;
  genuinePairs: number;
  impostorPairs: number;
  /** Equal error rate over all pairs (shared/spec/bias-metrics.md, "Equal error rate"). */
  eer: number;
  eerThreshold: number;
  genuineMedian: number;
  impostorMedian: number;
  /** Decidability d' = |mean_g - mean_i| / sqrt((var_g + var_i) / 2): separation in pooled SDs. */
  dPrime: number;
  /** The threshold where FMR <= GATE_TARGET_FMR over all impostor pairs, and the FNMR there. */
  thresholdAtTarget: number;
  fnmrAtTarget: number;
  isOffered: boolean;
}

/**
 * Scores every pair of the pack with its own score (`pack.score`): same subject is genuine, other
 * subjects impostor; faces without a subject only make impostor pairs. Throws when the pack has
 * no genuine or no impostor pair, since no EER exists then.
 */
export function measureGate(pack: ReferencePack): GateResult {
  const score = getScoreFunction(pack.score);
  const genuine: number[] = [];
  const impostor: number[] = [];
  const samples = pack.samples;
  for (let a = 0; a < samples.length; a++) {
    for (let b = a + 1; b < samples.length; b++) {
      const value = score(samples[a].embedding, samples[b].embedding);
      const isGenuine = samples[a].subject !== null && samples[a].subject === samples[b].subject;
      (isGenuine ? genuine : impostor).push(value);
    }
  }
  const sortedGenuine = Float64Array.from(genuine).sort();
  const sortedImpostor = Float64Array.from(impostor).sort();
  const eer = computeEqualErrorRate({ genuine: sortedGenuine, impostor: sortedImpostor });
  const threshold = findThresholdAtFmr(sortedImpostor, GATE_TARGET_FMR);
  if (!eer || threshold === null) throw new RangeError(`${pack.name} has no genuine or no impostor pairs: the gate needs both.`);
  const below = sortedGenuine.findIndex((value) => value >= threshold);
  return {
    modelId: pack.model.id,
    scoreId: pack.score,
    faces: samples.length,
    failures: pack.failures.length,
    genuinePairs: genuine.length,
    impostorPairs: impostor.length,
    eer: eer.eer,
    eerThreshold: eer.threshold,
    genuineMedian: median(sortedGenuine),
    impostorMedian: median(sortedImpostor),
    dPrime: computeDPrime(sortedGenuine, sortedImpostor),
    thresholdAtTarget: threshold,
    fnmrAtTarget: (below === -1 ? sortedGenuine.length : below) / sortedGenuine.length,
    isOffered: eer.eer <= MAX_GATE_EER,
  };
}

/** Median of ascending values (mean of the middle two for an even count). */
export function median(sorted: Float64Array): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Decidability index d' of two score samples; 0 when both have no spread. */
export function computeDPrime(genuine: ArrayLike<number>, impostor: ArrayLike<number>): number {
  const [meanG, varG] = meanAndVariance(genuine);
  const [meanI, varI] = meanAndVariance(impostor);
  const pooled = Math.sqrt((varG + varI) / 2);
  return pooled > 0 ? Math.abs(meanG - meanI) / pooled : 0;
}

function meanAndVariance(values: ArrayLike<number>): [number, number] {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return [mean, values.length > 1 ? squares / (values.length - 1) : 0];
}
