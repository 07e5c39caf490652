import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMBED_INTERVAL_MS, FpsMeter, isEmbedDue, runLiveLoop, type LiveFrame } from '../../../src/app/live-loop';
import type { Observation } from '../../../src/vision/types';
import { runLoopFor } from './loop-harness';

const DETECT_MS = 50;

function fakeBitmap(): ImageBitmap {
  return { close: vi.fn(), width: 640, height: 480 } as unknown as ImageBitmap;
}

function observation(hasFace: boolean, embed: boolean): Observation {
  const faces = hasFace
    ? [{ box: [0, 0, 300, 300] as [number, number, number, number], score: 1, embedding: embed ? new Float32Array(4) : null, yaw: 0, pitch: 0, roll: 0, age: null, gender: null, genderScore: null }]
    : [];
  return { width: 640, height: 480, faces, timings: { detect: 40, embed: embed ? 10 : 0, total: 50 } };
}

describe('live loop rate logic', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  async function run(ms: number, hasFace: (t: number) => boolean = () => true) {
    let inFlight = 0;
    let maxInFlight = 0;
    const frames = await runLoopFor<number>(ms, {
      detect: (_frame, { embed }) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const face = hasFace(Date.now());
        return new Promise((resolve) => setTimeout(() => { inFlight--; resolve(observation(face, embed)); }, DETECT_MS));
      },
      match: () => 0.7,
    });
    return { frames, maxInFlight };
  }

  it('keeps one detection in flight and embeds every EMBED_INTERVAL_MS', async () => {
    const { frames, maxInFlight } = await run(3000);
    expect(maxInFlight).toBe(1);
    const embedded = frames.filter((f) => f.isEmbedded);
    expect(frames.length).toBeGreaterThan(40);
    // 3 s at one embedding per 300 ms (a frame takes 66 ms, so each wait rounds up a little).
    expect(embedded.length).toBeGreaterThanOrEqual(7);
    expect(embedded.length).toBeLessThanOrEqual(Math.ceil(3000 / EMBED_INTERVAL_MS));
    expect(embedded.every((f) => f.match === 0.7)).toBe(true);
    // Between embeddings the same face keeps its match.
    expect(frames.every((f) => f.match === 0.7)).toBe(true);
    expect(frames.at(-1)!.fps).toBeGreaterThan(12);
    expect(frames.at(-1)!.timings).toMatchObject({ detect: 40, embed: 10 });
  });

  it('embeds the first frame a face appears in after frames without one', async () => {
    const { frames } = await run(1000, (t) => t >= 500);
    const firstFace = frames.find((f) => f.observation.faces.length > 0)!;
    expect(firstFace.isEmbedded).toBe(true);
    expect(firstFace.match).toBe(0.7);
  });

  it('stops on abort and reports a failed detection once', async () => {
    vi.useRealTimers();
    const onError = vi.fn();
    await runLiveLoop({
      grabFrame: async () => fakeBitmap(),
      detect: async () => { throw new Error('worker died'); },
      match: () => 0,
      onFrame: () => {},
      onError,
      signal: new AbortController().signal,
    });
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe('isEmbedDue and FpsMeter', () => {
  it.each([
    [null, 0, true],
    [0, 299, false],
    [0, 300, true],
  ])('last %s, now %s -> %s', (last, now, expected) => {
    expect(isEmbedDue(last, now, 300)).toBe(expected);
  });

  it('averages over its window', () => {
    const meter = new FpsMeter(1000);
    expect(meter.record(0)).toBe(0);
    for (let t = 100; t <= 3000; t += 100) meter.record(t);
    expect(meter.record(3100)).toBeCloseTo(10, 5);
  });
});
