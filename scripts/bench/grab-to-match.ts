/**
 * Time to match seen from the loop's side: from grabbing the first frame in which the engine found
 * the face after a stretch without one, to the meter showing a score. live-analysis.ts times the
 * same entry from the frame the page *presented*; under load the page presents camera frames late,
 * so a fast model's score can show up with (or before) the face, and that figure drops towards 0.
 * This one does not depend on the display. Pure: live-models.ts records, this sums up.
 */
import type { AppProbeFrame } from './app-probe';
import type { DrawnSample } from './live-analysis';

/**
 * One time (ms) per entry the engine saw: an answer with faces after one without, the meter cleared
 * in between (no score drawn), and a score drawn before the face was lost again. Entries whose meter
 * never cleared (a stale score kept) or that never got a score are left out. `frames` and `drawn`
 * are in page time order.
 */
export function measureGrabToMatch(frames: readonly Pick<AppProbeFrame, 'at' | 'roundTrip' | 'faces'>[], drawn: readonly DrawnSample[]): number[] {
  const times: number[] = [];
  // When the current stretch of answers without a face began (null: a face is in view).
  let goneSince: number | null = null;
  for (let i = 0; i < frames.length; i++) {
    const entry = frames[i];
    if (entry.faces === 0) {
      goneSince ??= entry.at;
      continue;
    }
    const gone = goneSince;
    goneSince = null;
    if (gone === null) continue;
    const lost = frames.slice(i + 1).find((frame) => frame.faces === 0)?.at ?? Number.POSITIVE_INFINITY;
    const isCleared = drawn.some((sample) => sample.at >= gone && sample.at <= entry.at && sample.score === null);
    const scored = drawn.find((sample) => sample.at >= entry.at && sample.at < lost && sample.score !== null);
    if (isCleared && scored) times.push(scored.at - (entry.at - entry.roundTrip));
  }
  return times;
}
