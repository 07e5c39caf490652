/**
 * Milliseconds per embedded face of each recognition model, from the live loop's own timings: what
 * the model picker shows as "ms per face here" and Compare models as a model's cost. Pure: no DOM.
 */
import type { ModelId } from '../models/registry';
import type { Observation } from '../vision/types';

/** Embedded frames kept per model: the figure is their median, so one slow frame does not move it. */
export const EMBED_SAMPLES_KEPT = 30;

/**
 * The frame's embedding time divided by the faces it embedded, or null when it embedded none. The
 * live loop embeds only the followed face (DetectOptions.embedFaces 'first'), so with three faces
 * in view the frame's embedding time is one face's, not three faces'.
 */
export function measureEmbedMsPerFace(observation: Pick<Observation, 'faces' | 'timings'>, isEmbedded: boolean): number | null {
  if (!isEmbedded) return null;
  const embedded = observation.faces.filter((face) => face.embedding !== null).length;
  const ms = observation.timings.embed;
  return embedded > 0 && ms > 0 ? ms / embedded : null;
}

/** The last EMBED_SAMPLES_KEPT per-face embedding times of each model run in this session. */
export class EmbedTimes {
  private readonly samples = new Map<ModelId, number[]>();
  /** The medians since the last `record`: the app asks on every frame, and times arrive a few times a second. */
  private latestMedians: Readonly<Partial<Record<ModelId, number>>> | null = null;

  /** Keeps one frame's ms per face under `modelId`. */
  record(modelId: ModelId, msPerFace: number): void {
    this.latestMedians = null;
    const kept = this.samples.get(modelId) ?? [];
    kept.push(msPerFace);
    if (kept.length > EMBED_SAMPLES_KEPT) kept.shift();
    this.samples.set(modelId, kept);
  }

  /**
   * The median ms per face of each model measured so far (models not run yet are absent): the same
   * object until the next `record`.
   */
  medians(): Readonly<Partial<Record<ModelId, number>>> {
    if (this.latestMedians) return this.latestMedians;
    const result: Partial<Record<ModelId, number>> = {};
    for (const [id, values] of this.samples) {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = sorted.length >> 1;
      result[id] = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
    this.latestMedians = result;
    return result;
  }
}
