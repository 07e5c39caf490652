import { describe, expect, it } from 'vitest';
import { measureGrabToMatch } from '../../../scripts/bench/grab-to-match';

const answer = (at: number, faces: number, roundTrip = 50) => ({ at, faces, roundTrip });
const drawn = (at: number, score: number | null) => ({ at, centerX: score === null ? null : 320, isStale: false, score });

describe('time from grabbing the entering face to its score', () => {
  it('times each entry from the grab of the first frame with the face to the first score drawn', () => {
    const frames = [answer(0, 1), answer(100, 0), answer(200, 0), answer(300, 1, 60), answer(400, 1), answer(500, 0), answer(600, 1, 40)];
    const meter = [drawn(50, 0.9), drawn(150, null), drawn(350, null), drawn(420, 0.9), drawn(550, null), drawn(700, 0.8)];
    // Entry at 300 (grabbed at 240), score at 420; entry at 600 (grabbed at 560), score at 700.
    expect(measureGrabToMatch(frames, meter)).toEqual([180, 140]);
  });

  it('leaves out an entry whose meter kept a stale score, or that lost the face before a score', () => {
    const frames = [answer(0, 1), answer(100, 0), answer(200, 1), answer(300, 0), answer(400, 1), answer(500, 0)];
    // At 100-200 the meter still shows the old score; at 400 the face is lost (500) before any score.
    const meter = [drawn(50, 0.9), drawn(150, 0.9), drawn(250, 0.9), drawn(350, null), drawn(520, 0.7)];
    expect(measureGrabToMatch(frames, meter)).toEqual([]);
  });

  it('has nothing to time when the face never leaves', () => {
    expect(measureGrabToMatch([answer(0, 1), answer(100, 1)], [drawn(50, 0.9)])).toEqual([]);
  });
});
