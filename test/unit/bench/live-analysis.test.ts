import { describe, expect, it } from 'vitest';
import { computeLiveFigures, findFaceWindows, findShownIndex, fitBoxMotion, fitBoxMotionPerFace, type DrawnSample, type ShownFrame } from '../../../scripts/bench/live-analysis';
import { computeFaceAnchorsX, computeShiftPx, hasFaces, LOOP_FRAMES, VIDEO_FPS } from '../../../scripts/bench/live-video';

const TRUTH = { hasFaces, shiftPx: computeShiftPx };
const FRAME_MS = 1000 / VIDEO_FPS;

/** Two loops of the bench video as the page would show them, starting at 1000 ms. */
function shownFrames(loops = 2): ShownFrame[] {
  return Array.from({ length: loops * LOOP_FRAMES }, (_, n) => ({ at: 1000 + n * FRAME_MS, index: n % LOOP_FRAMES }));
}

/** A box that follows the faces `lagMs` late over `swing` of their motion, sampled at 60 Hz, scored `matchMs` after each entry. */
function drawnBox(frames: ShownFrame[], lagMs: number, swing: number, matchMs: number): DrawnSample[] {
  const samples: DrawnSample[] = [];
  const entries = findFaceWindows(frames, TRUTH).map(([from]) => from);
  for (let at = frames[0].at; at < frames.at(-1)!.at; at += 1000 / 60) {
    const index = findShownIndex(frames, at - lagMs);
    const isFace = index !== null && hasFaces(index);
    const lastEntry = entries.filter((entry) => entry <= at).at(-1);
    const score = isFace && lastEntry !== undefined && at - lastEntry >= matchMs ? 0.7 : null;
    samples.push({ at, centerX: isFace ? 320 + swing * computeShiftPx(index!) : null, isStale: false, score });
  }
  return samples;
}

describe('live bench figures', () => {
  it('finds the stretches with faces in the shown frames', () => {
    const windows = findFaceWindows(shownFrames(), TRUTH);
    expect(windows).toHaveLength(2);
    expect(windows[0][0]).toBeCloseTo(1000 + 30 * FRAME_MS, 6);
  });

  it.each([[0, 1], [100, 0.9], [240, 0.6]])('recovers a lag of %s ms and a swing of %s', (lagMs, swing) => {
    const frames = shownFrames();
    const fit = fitBoxMotion(frames, drawnBox(frames, lagMs, swing, 300), TRUTH)!;
    // The shown frames are 33 ms apart, so the lag is only known to within a frame.
    expect(Math.abs(fit.lagMs - lagMs)).toBeLessThanOrEqual(FRAME_MS);
    expect(fit.swing).toBeCloseTo(swing, 1);
  });

  it('times each entry to its first score, counts answers with faces in view only', () => {
    const frames = shownFrames();
    const answers = Array.from({ length: 200 }, (_, n) => ({ at: 1000 + n * 60, faces: 1, isEmbedded: n % 7 === 0, isTracked: n % 3 !== 0 }));
    const figures = computeLiveFigures(frames, drawnBox(frames, 50, 1, 450), answers, TRUTH);
    // The first window starts after a grey second, so both entries count.
    expect(figures.timeToMatchMs).toHaveLength(2);
    for (const ms of figures.timeToMatchMs) expect(ms).toBeGreaterThanOrEqual(450);
    for (const ms of figures.timeToMatchMs) expect(ms).toBeLessThan(450 + 20);
    expect(figures.answersPerSecond).toBeCloseTo(1000 / 60, 0);
    expect(figures.detectedShare).toBeCloseTo(1 / 3, 1);
    expect(figures.embeddingsPerSecond).toBeCloseTo(1000 / 60 / 7, 0);
  });

  it('does not time an entry while the meter still shows the score from before the faces left', () => {
    const frames = shownFrames();
    // A meter that never clears: a slow loop whose last answer before the grey stretch had a score.
    const drawn = drawnBox(frames, 50, 1, 450).map((sample) => ({ ...sample, score: 0.7 }));
    expect(computeLiveFigures(frames, drawn, [], TRUTH).timeToMatchMs).toEqual([]);
  });

  it('assigns each drawn box to the nearest face and fits lag and swing per face, so a box that hops between faces is no motion', () => {
    const frames = shownFrames();
    const truth = { ...TRUTH, anchorsX: computeFaceAnchorsX(3) };
    const [left, middle] = computeFaceAnchorsX(3);
    // The box sits on the middle face, and every fourth half second on the left one (a face that
    // was briefly the largest); on each it follows its face 80 ms late over its whole swing.
    const drawn = drawnBox(frames, 80, 1, 300).map((sample) => {
      const isLeft = Math.floor(sample.at / 500) % 4 === 3;
      return { ...sample, centerX: sample.centerX === null ? null : sample.centerX - 320 + (isLeft ? left : middle) };
    });
    // Taken as one face, the hops swamp the motion.
    expect(fitBoxMotion(frames, drawn, TRUTH)!.swing).toBeLessThan(0.5);
    const [first, second, third] = fitBoxMotionPerFace(frames, drawn, truth);
    expect(first).toMatchObject({ anchorX: middle });
    expect(first.share).toBeCloseTo(0.75, 1);
    expect(Math.abs(first.lagMs! - 80)).toBeLessThanOrEqual(FRAME_MS);
    expect(first.swing).toBeCloseTo(1, 1);
    expect(second).toMatchObject({ anchorX: left });
    expect(second.swing).toBeCloseTo(1, 1);
    expect(third).toMatchObject({ share: 0, lagMs: null, swing: null });
    // The figures are those of the face the box was on most.
    expect(computeLiveFigures(frames, drawn, [], truth)).toMatchObject({ lagMs: first.lagMs, swing: first.swing });
  });

  it('fits one face as a whole, with no per-face figures', () => {
    const frames = shownFrames();
    const figures = computeLiveFigures(frames, drawnBox(frames, 80, 1, 300), [], { ...TRUTH, anchorsX: computeFaceAnchorsX(1) });
    expect(figures.perFace).toEqual([]);
    expect(figures.swing).toBeCloseTo(1, 1);
  });
});
