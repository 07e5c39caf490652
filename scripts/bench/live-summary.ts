/**
 * The live bench's samples turned into its results: rounds appended, each loop summarised (rates
 * and stage times), the rounds' figures merged. Pure: live.ts measures, this file sums up.
 */
import type { BareFrame } from '../../bench/bare-loop';
import type { AppProbeFrame } from './app-probe';
import type { LiveFigures } from './live-analysis';
import type { LoopResult } from './live-report';
import { computeFps, summarizeSamples } from './stats';

/** Raw samples of one loop over one or more rounds. */
export interface LoopSamples<F> {
  engine: LoopResult['engine'];
  elapsedMs: number;
  frames: F[];
  readoutFps: number | null;
  /** App only: the display-rate recording of each round, and its figures. */
  figures?: LiveFigures[];
}

/** Appends one round's samples to the ones so far. */
export function addRound<F>(total: LoopSamples<F> | null, next: LoopSamples<F>): LoopSamples<F> {
  if (!total) return next;
  return { engine: next.engine, elapsedMs: total.elapsedMs + next.elapsedMs, frames: [...total.frames, ...next.frames],
    readoutFps: next.readoutFps, figures: [...(total.figures ?? []), ...(next.figures ?? [])] };
}

/** The app loop's rate and stage times (from the probe's answers), over all its rounds. */
export function summarizeApp({ engine, elapsedMs, frames, readoutFps }: LoopSamples<AppProbeFrame>): LoopResult {
  const embedded = frames.filter((frame) => frame.isEmbedded);
  const intervals = frames.slice(1).map((frame, index) => frame.at - frames[index].at).filter((gap) => gap > 0 && gap < elapsedMs);
  return {
    loop: 'app',
    engine,
    elapsedMs,
    frames: frames.length,
    fps: computeFps(frames.length, elapsedMs),
    appReadoutFps: readoutFps,
    facesPerFrame: summarizeSamples(frames.map((frame) => frame.faces))?.mean ?? 0,
    embeddedFrames: embedded.length,
    stages: {
      detect: summarizeSamples(frames.map((frame) => frame.detect)),
      embed: summarizeSamples(embedded.map((frame) => frame.embed)),
      workerTotal: summarizeSamples(frames.map((frame) => frame.total)),
      workerTotalEmbedded: summarizeSamples(embedded.map((frame) => frame.total)),
      trackedOnly: summarizeSamples(frames.filter((frame) => !frame.isEmbedded && frame.isTracked && frame.faces > 0).map((frame) => frame.total)),
      detectedOnly: summarizeSamples(frames.filter((frame) => !frame.isEmbedded && !frame.isTracked && frame.faces > 0).map((frame) => frame.total)),
      roundTrip: summarizeSamples(frames.map((frame) => frame.roundTrip)),
      interval: summarizeSamples(intervals),
    },
  };
}

/** The bare loop's rate and stage times, laid out as the app's. */
export function summarizeBare({ engine, elapsedMs, frames }: LoopSamples<BareFrame>): LoopResult {
  return {
    loop: 'bare',
    engine,
    elapsedMs,
    frames: frames.length,
    fps: computeFps(frames.length, elapsedMs),
    appReadoutFps: null,
    facesPerFrame: summarizeSamples(frames.map((frame) => frame.faces))?.mean ?? 0,
    embeddedFrames: frames.length,
    stages: {
      // human's face stage includes the embedding; the app's engine reports them apart the same way.
      detect: summarizeSamples(frames.map((frame) => frame.total - frame.embed)),
      embed: summarizeSamples(frames.map((frame) => frame.embed)),
      workerTotal: summarizeSamples(frames.map((frame) => frame.total)),
      workerTotalEmbedded: summarizeSamples(frames.map((frame) => frame.total)),
      roundTrip: summarizeSamples(frames.map((frame) => frame.roundTrip)),
      // The bare loop grabs the next frame as soon as the answer arrives.
      interval: summarizeSamples(frames.map((frame) => frame.roundTrip)),
    },
  };
}

/**
 * The rounds' figures as one: rates weighted by time with faces in view, every entry's time to
 * match, lag and swing averaged over the rounds that fitted them (per face with several faces: the
 * figures then are those of the face the box was on most often).
 */
export function mergeFigures(list: LiveFigures[]): LiveFigures {
  const seconds = list.reduce((sum, f) => sum + f.faceSeconds, 0);
  const weigh = (pick: (f: LiveFigures) => number) => list.reduce((sum, f) => sum + pick(f) * f.faceSeconds, 0) / (seconds || 1);
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
  const meanFits = (fits: { lagMs: number | null; swing: number | null }[]) => {
    const fitted = fits.filter((fit) => fit.lagMs !== null && fit.swing !== null);
    return { lagMs: mean(fitted.map((fit) => fit.lagMs!)), swing: mean(fitted.map((fit) => fit.swing!)) };
  };
  const perFace = (list[0]?.perFace ?? []).map(({ anchorX }) => {
    const onFace = (f: LiveFigures) => f.perFace.find((face) => face.anchorX === anchorX);
    return { anchorX, share: weigh((f) => onFace(f)?.share ?? 0), ...meanFits(list.flatMap((f) => onFace(f) ?? [])) };
  }).sort((a, b) => b.share - a.share);
  return {
    faceSeconds: seconds,
    answersPerSecond: weigh((f) => f.answersPerSecond),
    detectedShare: weigh((f) => f.detectedShare),
    embeddingsPerSecond: weigh((f) => f.embeddingsPerSecond),
    timeToMatchMs: list.flatMap((f) => f.timeToMatchMs),
    ...(perFace.length > 0 ? { lagMs: perFace[0].lagMs, swing: perFace[0].swing } : meanFits(list)),
    perFace,
    staleShare: weigh((f) => f.staleShare),
  };
}
