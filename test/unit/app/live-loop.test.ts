import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DETECT_INTERVAL_MS, EMBED_INTERVAL_MS, FpsMeter, runLiveLoop } from '../../../src/app/live-loop';
import type { Observation } from '../../../src/vision/types';
import { runLoopFor } from './loop-harness';

/** Fake engine costs: a detecting frame, a tracking frame, and the extra of an embedding. */
const DETECT_MS = 50;
const TRACK_MS = 20;
const EMBED_MS = 40;

function fakeBitmap(): ImageBitmap {
  return { close: vi.fn(), width: 640, height: 480 } as unknown as ImageBitmap;
}

function observation(hasFace: boolean, embed: boolean, isTracked = false): Observation {
  const faces = hasFace
    ? [{ box: [0, 0, 300, 300] as [number, number, number, number], score: 1, embedding: embed ? new Float32Array(4) : null, yaw: 0, pitch: 0, roll: 0, age: null, gender: null, genderScore: null }]
    : [];
  return { width: 640, height: 480, faces, timings: { detect: 40, embed: embed ? 10 : 0, total: 50 }, isTracked };
}

describe('live loop rate logic', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /**
   * A fake engine that behaves like the real one: a tracking call follows the last answer's face
   * (cheaper) and turns into a detecting call when there was none; `hasFace` says what the camera shows.
   */
  async function run(ms: number, hasFace: (t: number) => boolean = () => true) {
    let inFlight = 0;
    let maxInFlight = 0;
    let lastFaces = 0;
    const calls: { at: number; track: boolean; embed: boolean; embedFaces?: string; follow?: unknown }[] = [];
    const startedAt = Date.now();
    const frames = await runLoopFor<number>(ms, {
      detect: (_frame, { embed, embedFaces, follow, track = false }) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        calls.push({ at: Date.now() - startedAt, track, embed, embedFaces, follow });
        const face = hasFace(Date.now() - startedAt);
        const isTracked = track && lastFaces > 0;
        const cost = (isTracked ? TRACK_MS : DETECT_MS) + (embed && face ? EMBED_MS : 0);
        return new Promise((resolve) => setTimeout(() => {
          inFlight--;
          // A followed face that left the picture is dropped, as human drops a mesh that no longer fits.
          lastFaces = face ? 1 : 0;
          resolve(observation(face, embed, isTracked));
        }, cost));
      },
      match: () => 0.7,
    });
    return { frames, maxInFlight, calls };
  }

  it('keeps one request in flight, tracks between detections and embeds every EMBED_INTERVAL_MS', async () => {
    const { frames, maxInFlight, calls } = await run(3000);
    expect(maxInFlight).toBe(1);
    const embedded = frames.filter((f) => f.isEmbedded);
    const detected = frames.filter((f) => !f.isTracked);
    // Tracking frames cost 20 ms, so far more answers than a detect-every-frame loop (50 ms) gives.
    expect(frames.length).toBeGreaterThan(3000 / DETECT_MS);
    // 3 s at one embedding per 400 ms (each wait rounds up to the next frame), the first at once.
    expect(embedded.length).toBeGreaterThanOrEqual(7);
    expect(embedded.length).toBeLessThanOrEqual(Math.ceil(3000 / EMBED_INTERVAL_MS) + 1);
    // The full detector: the first frame, then about every DETECT_INTERVAL_MS.
    expect(detected.length).toBeGreaterThanOrEqual(Math.floor(3000 / (DETECT_INTERVAL_MS + DETECT_MS + EMBED_MS)));
    expect(detected.length).toBeLessThanOrEqual(Math.ceil(3000 / DETECT_INTERVAL_MS) + 1);
    const detectCalls = calls.filter((call) => !call.track).map((call) => call.at);
    const gaps = detectCalls.slice(1).map((at, index) => at - detectCalls[index]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(DETECT_INTERVAL_MS + DETECT_MS + EMBED_MS);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(DETECT_INTERVAL_MS);
    // Between embeddings the same face keeps its match.
    expect(frames.every((f) => f.match === 0.7)).toBe(true);
    expect(frames.at(-1)!.fps).toBeGreaterThan(20);
    expect(frames.at(-1)!.timings).toMatchObject({ detect: 40, embed: 10 });
  });

  it('asks for the followed face\'s embedding only, and names that face by its last box', async () => {
    const { calls } = await run(1000);
    expect(calls.filter((call) => call.embed).length).toBeGreaterThan(0);
    expect(calls.every((call) => call.embedFaces === 'first')).toBe(true);
    // Nothing to follow on the first frame; then the box of the last answer's first face.
    expect(calls[0].follow).toBeNull();
    expect(calls.slice(1).every((call) => JSON.stringify(call.follow) === JSON.stringify([0, 0, 300, 300]))).toBe(true);
  });

  it('detects on every frame while no face is in view', async () => {
    const { frames, calls } = await run(1000, () => false);
    expect(calls.every((call) => !call.track && call.embed)).toBe(true);
    expect(frames.every((f) => !f.isTracked && f.match === null)).toBe(true);
  });

  it('looks for a face again on the frame after a tracked face was lost, and drops its match', async () => {
    const { frames, calls } = await run(1500, (t) => t < 700 || t >= 760);
    const lostAt = frames.findIndex((f) => f.observation.faces.length === 0);
    expect(lostAt).toBeGreaterThan(0);
    expect(frames[lostAt].isTracked).toBe(true);
    expect(frames[lostAt].match).toBeNull();
    // The frame after the loss runs the detector; the face found again is new: embedded, then matched.
    expect(calls[lostAt + 1].track).toBe(false);
    const back = frames.findIndex((f, index) => index > lostAt && f.observation.faces.length > 0);
    expect(frames[back].isEmbedded).toBe(true);
    expect(frames[back].match).toBe(0.7);
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

describe('FpsMeter', () => {
  it('averages over its window', () => {
    const meter = new FpsMeter(1000);
    expect(meter.record(0)).toBe(0);
    for (let t = 100; t <= 3000; t += 100) meter.record(t);
    expect(meter.record(3100)).toBeCloseTo(10, 5);
  });
});
