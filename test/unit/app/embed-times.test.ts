import { describe, expect, it } from 'vitest';
import { EMBED_SAMPLES_KEPT, EmbedTimes, measureEmbedMsPerFace } from '../../../src/app/embed-times';
import type { FaceObservation, Observation } from '../../../src/vision/types';

const face = (hasEmbedding: boolean): FaceObservation => ({
  box: [0, 0, 10, 10], score: 0.9, embedding: hasEmbedding ? new Float32Array(4) : null,
  yaw: null, pitch: null, roll: null, age: null, gender: null, genderScore: null,
});
const observation = (embedded: boolean[], embedMs: number): Pick<Observation, 'faces' | 'timings'> => ({
  faces: embedded.map(face), timings: { detect: 40, embed: embedMs, total: 40 + embedMs },
});

describe('ms per face from the live loop', () => {
  it.each([
    { name: 'one face, embedded', faces: [true], embed: 90, isEmbedded: true, expected: 90 },
    // The live loop embeds the followed face only: the two others in view cost nothing.
    { name: 'three faces, the followed one embedded', faces: [true, false, false], embed: 90, isEmbedded: true, expected: 90 },
    { name: 'every face embedded (embedFaces all)', faces: [true, true, true], embed: 90, isEmbedded: true, expected: 30 },
    { name: 'a frame that did not embed', faces: [false], embed: 0, isEmbedded: false, expected: null },
    { name: 'asked to embed, no face embedded', faces: [false, false], embed: 3, isEmbedded: true, expected: null },
    { name: 'no face', faces: [], embed: 0, isEmbedded: true, expected: null },
  ])('$name', ({ faces, embed, isEmbedded, expected }) => {
    expect(measureEmbedMsPerFace(observation(faces, embed), isEmbedded)).toBe(expected);
  });

  it('keeps each model apart and shows the median of its last frames', () => {
    const times = new EmbedTimes();
    for (const ms of [100, 20, 30]) times.record('faceres', ms);
    times.record('dlib', 200);
    times.record('dlib', 300);
    expect(times.medians()).toEqual({ faceres: 30, dlib: 250 });
  });

  it(`forgets frames older than the last ${EMBED_SAMPLES_KEPT}`, () => {
    const times = new EmbedTimes();
    for (let i = 0; i < EMBED_SAMPLES_KEPT; i++) times.record('mobileface', 1000);
    for (let i = 0; i < EMBED_SAMPLES_KEPT; i++) times.record('mobileface', 10);
    expect(times.medians()).toEqual({ mobileface: 10 });
    expect(new EmbedTimes().medians()).toEqual({});
  });

  it('hands out the same medians until a frame is recorded (the app asks on every frame)', () => {
    const times = new EmbedTimes();
    times.record('faceres', 20);
    const first = times.medians();
    expect(times.medians()).toBe(first);
    times.record('faceres', 40);
    expect(times.medians()).not.toBe(first);
    expect(times.medians()).toEqual({ faceres: 30 });
  });
});
