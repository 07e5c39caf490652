import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeBoxIou, FaceTrack, FOLLOW_SWITCH_AREA_RATIO, isAnswerStale, isSameFace, orderFaces, STALE_ANSWER_MS } from '../../../src/vision/tracking';
import type { Box, Observation } from '../../../src/vision/types';
import { VisionError } from '../../../src/vision/types';
import { runLoopFor } from '../app/loop-harness';

const A_BOX: Box = [100, 100, 200, 200];
const B_BOX: Box = [380, 140, 160, 160];

describe('face tracking decisions', () => {
  it.each<[string, Box, Box, number]>([
    ['identical', A_BOX, A_BOX, 1],
    ['disjoint', A_BOX, B_BOX, 0],
    ['half shifted', [0, 0, 100, 100], [50, 0, 100, 100], 1 / 3],
  ])('IoU of %s boxes', (_name, a, b, expected) => {
    expect(computeBoxIou(a, b)).toBeCloseTo(expected, 12);
  });

  it('treats a small move as the same face, a jump or an entry as a new one', () => {
    expect(isSameFace(A_BOX, [110, 104, 200, 200])).toBe(true);
    expect(isSameFace(A_BOX, B_BOX)).toBe(false);
    expect(isSameFace(null, A_BOX)).toBe(false);
  });

  it('draws an answer as stale once it is older than STALE_ANSWER_MS', () => {
    expect(isAnswerStale(1000, 1000 + STALE_ANSWER_MS)).toBe(false);
    expect(isAnswerStale(1000, 1001 + STALE_ANSWER_MS)).toBe(true);
    expect(isAnswerStale(null, 0)).toBe(true);
  });

  /** Two people side by side, the right one a little larger; a third, far larger face; and the left one moved. */
  const LEFT: Box = [40, 190, 150, 150];
  const RIGHT: Box = [260, 90, 158, 158];
  const CLOSE: Box = [200, 60, 260, 260];
  const LEFT_MOVED: Box = [46, 191, 152, 152];
  it.each<[string, Box[], Box | null, number[]]>([
    ['nothing followed: largest first', [LEFT, RIGHT], null, [1, 0]],
    ['the followed face first, though a little smaller', [LEFT_MOVED, RIGHT], LEFT, [0, 1]],
    ['the followed face first, wherever it is listed', [RIGHT, LEFT_MOVED], LEFT, [1, 0]],
    ['a face far larger takes over', [LEFT_MOVED, CLOSE], LEFT, [1, 0]],
    ['the followed face gone: largest first', [RIGHT, [500, 300, 60, 60]], LEFT, [0, 1]],
    ['no face', [], LEFT, []],
  ])('orders faces: %s', (_name, boxes, followed, expected) => {
    expect(orderFaces(boxes, followed)).toEqual(expected);
  });

  it('switches to another face at FOLLOW_SWITCH_AREA_RATIO times the followed face\'s area, not before', () => {
    const side = Math.sqrt(FOLLOW_SWITCH_AREA_RATIO) * 100;
    expect(orderFaces([[0, 0, 100, 100], [300, 0, side - 1, side - 1]], [0, 0, 100, 100])).toEqual([0, 1]);
    expect(orderFaces([[0, 0, 100, 100], [300, 0, side + 1, side + 1]], [0, 0, 100, 100])).toEqual([1, 0]);
  });

  it('holds a match for the same face and drops it when the face is lost or jumps', () => {
    const track = new FaceTrack<string>();
    expect(track.update(A_BOX, null)).toBeNull();
    expect(track.needsEmbedding).toBe(true);
    expect(track.update(A_BOX, { match: 'A' })).toBe('A');
    expect(track.needsEmbedding).toBe(false);
    expect(track.update([104, 100, 200, 200], null)).toBe('A');
    expect(track.update(B_BOX, null)).toBeNull();
    expect(track.needsEmbedding).toBe(true);
    expect(track.update(B_BOX, { match: 'B' })).toBe('B');
    expect(track.update(null, null)).toBeNull();
    expect(track.update(B_BOX, null)).toBeNull();
  });
});

describe('live loop with a cut from person A to person B', () => {
  // The clock starts at 0, so the cut at CUT_AT_MS falls inside the run.
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  const CUT_AT_MS = 1000;

  function observe(embed: boolean, isB: boolean): Observation {
    const face = { box: isB ? B_BOX : A_BOX, score: 1, embedding: embed ? Float32Array.of(isB ? 1 : 0) : null, yaw: 0, pitch: 0, roll: 0, age: null, gender: null, genderScore: null };
    return { width: 640, height: 480, faces: [face], timings: { detect: 40, embed: embed ? 10 : 0, total: 50 } };
  }

  async function run(ms: number, detect: (embed: boolean, grabbedAt: number) => Promise<Observation>, onRestarted = vi.fn()) {
    return runLoopFor<string>(ms, {
      detect: (_frame, { embed }) => detect(embed, Date.now()),
      match: (embedding) => (embedding[0] === 1 ? 'B' : 'A'),
      onRestarted,
    });
  }

  it('never shows B as A, and matches B on the very next frame', async () => {
    const frames = await run(2000, (embed, grabbedAt) =>
      new Promise((resolve) => setTimeout(() => resolve(observe(embed, grabbedAt >= CUT_AT_MS)), 50)));
    const afterCut = frames.filter((f) => f.capturedAt >= CUT_AT_MS);
    expect(afterCut.length).toBeGreaterThan(10);
    // The cut lands between embeddings, so the first frames of B are tracking-only frames.
    expect(afterCut[0].isEmbedded).toBe(false);
    expect(afterCut.every((f) => f.match !== 'A')).toBe(true);
    // The first frame of B happened not to be an embedding frame, so B had no match for one frame only.
    const firstB = afterCut.findIndex((f) => f.match === 'B');
    expect(firstB).toBeLessThanOrEqual(1);
    expect(afterCut[firstB].isEmbedded).toBe(true);
    expect(frames.filter((f) => f.capturedAt < CUT_AT_MS).every((f) => f.match === 'A')).toBe(true);
  });

  it('goes on after the vision worker restarted, re-embedding the face', async () => {
    let calls = 0;
    const onRestarted = vi.fn();
    const frames = await run(1000, (embed) => {
      calls++;
      if (calls === 5) return Promise.reject(new VisionError('worker-restarted', 'The worker stopped.'));
      return new Promise((resolve) => setTimeout(() => resolve(observe(embed, false)), 50));
    }, onRestarted);
    expect(onRestarted).toHaveBeenCalledTimes(1);
    expect(frames.length).toBeGreaterThan(10);
    expect(frames[4].isEmbedded).toBe(true);
  });
});
