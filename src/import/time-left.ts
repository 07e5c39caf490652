/** Time-left estimate for a long import: pure, so it can be tested without a clock. */

/** Photos whose durations the estimate averages: recent enough to follow a change of pace. */
export const TIME_LEFT_WINDOW_ITEMS = 20;

/**
 * Milliseconds left for `remaining` photos, from the durations (ms) of the photos processed in
 * this run, most recent last. Averages the last TIME_LEFT_WINDOW_ITEMS; the first photo is left
 * out once there are others, since it pays for warming up the models. Returns null when no photo
 * has been processed in this run (photos finished before a resume say nothing about this device's
 * pace now), and 0 when nothing remains.
 */
export function estimateRemainingMs(durationsMs: readonly number[], remaining: number): number | null {
  if (remaining <= 0) return 0;
  if (durationsMs.length === 0) return null;
  const usable = durationsMs.length > 1 ? durationsMs.slice(1) : durationsMs;
  const recent = usable.slice(-TIME_LEFT_WINDOW_ITEMS);
  const mean = recent.reduce((sum, value) => sum + value, 0) / recent.length;
  return Math.round(mean * remaining);
}

/** "about 3 min left", "about 40 s left", "less than 5 s left"; empty when unknown. */
export function formatRemaining(remainingMs: number | null): string {
  if (remainingMs === null) return '';
  const seconds = remainingMs / 1000;
  if (seconds < 5) return 'less than 5 s left';
  if (seconds < 90) return `about ${Math.round(seconds / 5) * 5} s left`;
  const minutes = seconds / 60;
  if (minutes < 90) return `about ${Math.round(minutes)} min left`;
  return `about ${(minutes / 60).toFixed(1)} h left`;
}
