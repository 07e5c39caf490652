/** Small statistics for bench reports: pure, so a unit test or another bench can reuse them. */

/** Mean and percentiles of one stage, in milliseconds, rounded to 0.1 ms; null for no samples. */
export interface StageSummary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
}

/** Summarises samples; returns null for an empty list. Percentiles are nearest-rank. */
export function summarizeSamples(samples: number[]): StageSummary | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { n: sorted.length, mean: round(mean), p50: round(rank(50)), p95: round(rank(95)) };
}

/** Frames per second of `frames` frames over `elapsedMs`, to 0.01. */
export function computeFps(frames: number, elapsedMs: number): number {
  return elapsedMs > 0 ? Math.round((frames * 1000 * 100) / elapsedMs) / 100 : 0;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
