/**
 * Turns what the live bench recorded in the page into its figures; pure, so a unit test checks it
 * on made-up series. Times are page milliseconds (performance.now()).
 */

/** A camera frame the page showed: when, and its index in the video loop (read from the marker). */
export interface ShownFrame { at: number; index: number }
/** The drawn box (largest face) and the meter at one display frame; box null when none is drawn. */
export interface DrawnSample { at: number; centerX: number | null; isStale: boolean; score: number | null }
/** One answer of the vision worker. */
export interface AnswerSample { at: number; faces: number; isEmbedded: boolean; isTracked: boolean }

/** What the video is: which frames show faces and where they are. */
export interface VideoTruth {
  hasFaces(index: number): boolean;
  /** How far the faces are shifted sideways on that frame, in video pixels. */
  shiftPx(index: number): number;
  /**
   * Where each face's centre is (x, video pixels) when the shift is 0: with several faces, a drawn
   * box belongs to the nearest one, and lag and swing are fitted per face.
   */
  anchorsX?: number[];
}

/** Lag and swing of the box while it was drawn on one face of the video. */
export interface FaceFit {
  /** The face's centre at shift 0 (VideoTruth.anchorsX). */
  anchorX: number;
  /** Share of the drawn boxes (faces in view) that were on this face. */
  share: number;
  lagMs: number | null;
  swing: number | null;
}

/** The live figures of one run. */
export interface LiveFigures {
  /** Seconds of the run with faces in the picture. */
  faceSeconds: number;
  /** Answers per second while faces were in the picture. */
  answersPerSecond: number;
  /** Answers whose faces were found by the full detector rather than followed. */
  detectedShare: number;
  embeddingsPerSecond: number;
  /** From the first frame showing the faces to the meter showing a score: each entry, ms. */
  timeToMatchMs: number[];
  /**
   * Delay of the drawn box behind the face (ms) and the share of the face's swing it covers; with
   * several faces, of the face the box was on most often (`perFace` has each).
   */
  lagMs: number | null;
  swing: number | null;
  /** One fit per face of the video, most boxed first; empty with one face. */
  perFace: FaceFit[];
  /** Display frames with a box drawn as stale, among those with faces in the picture. */
  staleShare: number;
}

/** The index of the frame shown at `at`: the last shown frame at or before it, or null. */
export function findShownIndex(frames: ShownFrame[], at: number): number | null {
  let low = 0;
  let high = frames.length - 1;
  let found: number | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (frames[middle].at <= at) { found = frames[middle].index; low = middle + 1; } else high = middle - 1;
  }
  return found;
}

/** Stretches of time [from, to) during which the shown frames had faces. */
export function findFaceWindows(frames: ShownFrame[], truth: VideoTruth): [number, number][] {
  const windows: [number, number][] = [];
  let start: number | null = null;
  for (const frame of frames) {
    const isFace = truth.hasFaces(frame.index);
    if (isFace && start === null) start = frame.at;
    if (!isFace && start !== null) { windows.push([start, frame.at]); start = null; }
  }
  if (start !== null && frames.length > 0) windows.push([start, frames[frames.length - 1].at]);
  return windows;
}

function isInside(windows: [number, number][], at: number): boolean {
  return windows.some(([from, to]) => at >= from && at < to);
}

/**
 * Fits the drawn box to the known motion: for each candidate lag L (0..maxLagMs), regresses the
 * box centre at t on the face's shift at t - L; the lag is the L that explains the most variance,
 * the swing the slope there (1: the box moves as far as the face). Samples within `settleMs` of a
 * face entering are left out (no box yet).
 */
export function fitBoxMotion(frames: ShownFrame[], drawn: DrawnSample[], truth: VideoTruth, settleMs = 500, maxLagMs = 600): { lagMs: number; swing: number } | null {
  const windows = findFaceWindows(frames, truth).map(([from, to]) => [from + settleMs, to] as [number, number]);
  // Stale boxes count too: they are drawn (grey), and where the box is drawn is what is measured.
  const usable = drawn.filter((sample) => sample.centerX !== null && isInside(windows, sample.at));
  let best: { lagMs: number; swing: number; r2: number } | null = null;
  for (let lag = 0; lag <= maxLagMs; lag += 5) {
    const pairs: [number, number][] = [];
    for (const sample of usable) {
      const index = findShownIndex(frames, sample.at - lag);
      if (index !== null && truth.hasFaces(index)) pairs.push([truth.shiftPx(index), sample.centerX!]);
    }
    if (pairs.length < 20) continue;
    const fit = regress(pairs);
    if (fit && (!best || fit.r2 > best.r2)) best = { lagMs: lag, swing: fit.slope, r2: fit.r2 };
  }
  return best && { lagMs: best.lagMs, swing: best.swing };
}

function regress(pairs: [number, number][]): { slope: number; r2: number } | null {
  const n = pairs.length;
  const mx = pairs.reduce((sum, [x]) => sum + x, 0) / n;
  const my = pairs.reduce((sum, [, y]) => sum + y, 0) / n;
  let sxx = 0, sxy = 0, syy = 0;
  for (const [x, y] of pairs) { sxx += (x - mx) ** 2; sxy += (x - mx) * (y - my); syy += (y - my) ** 2; }
  if (sxx === 0 || syy === 0) return null;
  return { slope: sxy / sxx, r2: (sxy * sxy) / (sxx * syy) };
}

/**
 * Assigns each drawn box to the face whose centre (anchor plus the shift of the frame shown then)
 * is nearest, and fits lag and swing per face, most boxed face first. With one anchor, or none,
 * every box is on the one face.
 */
export function fitBoxMotionPerFace(frames: ShownFrame[], drawn: DrawnSample[], truth: VideoTruth): FaceFit[] {
  const anchors = truth.anchorsX ?? [];
  if (anchors.length < 2) return [];
  const windows = findFaceWindows(frames, truth);
  const groups = anchors.map(() => [] as DrawnSample[]);
  for (const sample of drawn) {
    if (sample.centerX === null || !isInside(windows, sample.at)) continue;
    const index = findShownIndex(frames, sample.at);
    const shift = index !== null && truth.hasFaces(index) ? truth.shiftPx(index) : 0;
    groups[findNearest(anchors, sample.centerX - shift)].push(sample);
  }
  const total = groups.reduce((sum, group) => sum + group.length, 0);
  return anchors
    .map((anchorX, face) => {
      const fit = fitBoxMotion(frames, groups[face], truth);
      return { anchorX, share: total > 0 ? groups[face].length / total : 0, lagMs: fit?.lagMs ?? null, swing: fit?.swing ?? null };
    })
    .sort((a, b) => b.share - a.share);
}

function findNearest(values: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (Math.abs(values[i] - x) < Math.abs(values[best] - x)) best = i;
  return best;
}

/**
 * Each entry of the faces: from the first frame showing them to the first display frame with a
 * score. An entry counts only when the meter had cleared (no score) since the faces left: a score
 * still shown from before the grey stretch would otherwise pass for an instant match.
 */
export function measureTimeToMatch(frames: ShownFrame[], drawn: DrawnSample[], truth: VideoTruth): number[] {
  const times: number[] = [];
  let previousEnd = frames[0]?.at ?? 0;
  for (const [from, to] of findFaceWindows(frames, truth)) {
    const gapStart = previousEnd;
    previousEnd = to;
    // The run began with faces in view: no entry to time.
    if (frames[0] && from === frames[0].at) continue;
    const cleared = drawn.find((sample) => sample.at >= gapStart && sample.at < to && sample.score === null);
    if (!cleared) continue;
    const matched = drawn.find((sample) => sample.at >= Math.max(from, cleared.at) && sample.at < to && sample.score !== null);
    if (matched) times.push(matched.at - from);
  }
  return times;
}

/** All figures of one run. */
export function computeLiveFigures(frames: ShownFrame[], drawn: DrawnSample[], answers: AnswerSample[], truth: VideoTruth): LiveFigures {
  const windows = findFaceWindows(frames, truth);
  const faceMs = windows.reduce((sum, [from, to]) => sum + (to - from), 0);
  const inView = answers.filter((answer) => isInside(windows, answer.at));
  const perSecond = (count: number) => (faceMs > 0 ? (count * 1000) / faceMs : 0);
  const perFace = fitBoxMotionPerFace(frames, drawn, truth);
  const fit = perFace.length > 0 ? perFace[0] : fitBoxMotion(frames, drawn, truth);
  const drawnInView = drawn.filter((sample) => isInside(windows.map(([from, to]) => [from + 500, to] as [number, number]), sample.at));
  return {
    faceSeconds: faceMs / 1000,
    answersPerSecond: perSecond(inView.length),
    detectedShare: inView.length > 0 ? inView.filter((answer) => !answer.isTracked).length / inView.length : 0,
    embeddingsPerSecond: perSecond(inView.filter((answer) => answer.isEmbedded && answer.faces > 0).length),
    timeToMatchMs: measureTimeToMatch(frames, drawn, truth),
    lagMs: fit?.lagMs ?? null,
    swing: fit?.swing ?? null,
    perFace,
    staleShare: drawnInView.length > 0 ? drawnInView.filter((sample) => sample.centerX === null || sample.isStale).length / drawnInView.length : 0,
  };
}
