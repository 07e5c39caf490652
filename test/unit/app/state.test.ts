import { describe, expect, it } from 'vitest';
import { describeCameraFailure } from '../../../src/app/camera';
import { ENROL_CAPTURE_SPACING_MS, startEnrolment, offerCapture, TURN_HEAD_HINT } from '../../../src/app/enrolment';
import type { LiveFrame } from '../../../src/app/live-loop';
import { createInitialState, ENROL_STOPPED_MESSAGE, isEnrolmentReady, reduceAppState, selectMatchView, type AppState } from '../../../src/app/state';
import { DEFAULT_THRESHOLD_SIMILARITY } from '../../../src/app/threshold';
import type { SearchResult } from '../../../src/matching/search';
import { assessQuality } from '../../../src/vision/quality';
import type { FaceObservation, Observation } from '../../../src/vision/types';

function face(overrides: Partial<FaceObservation> = {}): FaceObservation {
  return { box: [100, 80, 300, 300], score: 1, embedding: new Float32Array([1, 2]), yaw: 0, pitch: 0, roll: 0, age: 30, gender: null, genderScore: null, ...overrides };
}

function frame(faces: FaceObservation[], match: SearchResult | null, isEmbedded = true): LiveFrame<SearchResult> {
  const observation: Observation = { width: 640, height: 480, faces, timings: { detect: 30, embed: 20, total: 50 } };
  return { observation, isEmbedded, isTracked: false, match, capturedAt: 0, fps: 10, timings: { detect: 30, embed: 20, match: 1 } };
}

const matchedAda: SearchResult = { best: { templateId: 't1', name: 'Ada', score: 0.72 }, scores: [], skippedTemplateIds: [] };
const request = { name: 'Ada', labels: {}, keepThumbnail: false };

describe('reduceAppState', () => {
  it('starts loading, with the documented default threshold', () => {
    const state = createInitialState();
    expect(state.vision.status).toBe('loading');
    expect(state.threshold).toBe(DEFAULT_THRESHOLD_SIMILARITY);
    expect(selectMatchView(state).state).toBe('no-face');
  });

  it('keeps the latest embedding and search of embedded frames only', () => {
    let state = reduceAppState(createInitialState(), { type: 'frame', frame: frame([face()], matchedAda), now: 0 });
    expect(state.latestEmbedding).toEqual(new Float32Array([1, 2]));
    expect(selectMatchView(state)).toEqual({ state: 'matched', name: 'Ada', templateId: 't1', score: 0.72 });
    state = reduceAppState(state, { type: 'frame', frame: frame([face({ embedding: null })], matchedAda, false), now: 50 });
    expect(selectMatchView(state).state).toBe('matched');
    // The loop hands no match for a face that is new (the box jumped): the meter must not keep Ada.
    state = reduceAppState(state, { type: 'frame', frame: frame([face({ embedding: null, box: [400, 80, 200, 200] })], null, false), now: 75 });
    expect(state.latestEmbedding).toBeNull();
    expect(selectMatchView(state).state).not.toBe('matched');
    state = reduceAppState(state, { type: 'frame', frame: frame([], null), now: 100 });
    expect(state.latestEmbedding).toBeNull();
    expect(selectMatchView(state).state).toBe('no-face');
  });

  it.each([
    [0.72, 'matched'],
    [0.73, 'unknown'],
  ])('applies the current threshold %s to the best score', (threshold, expected) => {
    let state = reduceAppState(createInitialState(), { type: 'frame', frame: frame([face()], matchedAda), now: 0 });
    state = reduceAppState(state, { type: 'threshold-changed', threshold });
    expect(selectMatchView(state).state).toBe(expected);
  });

  it('shows unknown for a face when nobody is enrolled', () => {
    const none: SearchResult = { scores: [], skippedTemplateIds: [] };
    const state = reduceAppState(createInitialState(), { type: 'frame', frame: frame([face()], none), now: 0 });
    expect(selectMatchView(state)).toMatchObject({ state: 'unknown', name: null });
  });

  it('forgets the search when the templates change', () => {
    let state = reduceAppState(createInitialState(), { type: 'frame', frame: frame([face()], matchedAda), now: 0 });
    state = reduceAppState(state, { type: 'templates-changed', templates: [] });
    expect(selectMatchView(state).state).toBe('unknown');
  });

  it('collects good captures for an enrolment and clears it when the camera stops', () => {
    let state: AppState = reduceAppState(createInitialState(), { type: 'enrol-started', request, needed: 2 });
    state = reduceAppState(state, { type: 'frame', frame: frame([face({ yaw: 1 })], null), now: 0 });
    expect(state.enrolment!.captures).toHaveLength(0);
    expect(state.enrolment!.hint).toMatch(/turned/);
    state = reduceAppState(state, { type: 'frame', frame: frame([face()], null), now: 10 });
    // The same frame again is not a second capture: the person is asked to turn a little.
    state = reduceAppState(state, { type: 'frame', frame: frame([face()], null), now: 10 + ENROL_CAPTURE_SPACING_MS });
    expect(state.enrolment!.captures).toHaveLength(1);
    expect(state.enrolment!.hint).toBe(TURN_HEAD_HINT);
    state = reduceAppState(state, { type: 'frame', frame: frame([face({ yaw: 0.1 })], null), now: 20 + ENROL_CAPTURE_SPACING_MS });
    expect(isEnrolmentReady(state)).toBe(true);
    state = reduceAppState(state, { type: 'camera-changed', camera: { status: 'failed', failure: describeCameraFailure('unplugged') } });
    expect(state.enrolment).toBeNull();
    expect(state.enrolMessage).toBe(ENROL_STOPPED_MESSAGE);
    expect(state.observation).toBeNull();
  });

  it('replaces a notice of the same id and dismisses it', () => {
    let state = reduceAppState(createInitialState(), { type: 'notice-shown', notice: { id: 'a', tone: 'notice', text: 'one' } });
    state = reduceAppState(state, { type: 'notice-shown', notice: { id: 'a', tone: 'error', text: 'two' } });
    expect(state.notices).toEqual([{ id: 'a', tone: 'error', text: 'two' }]);
    expect(reduceAppState(state, { type: 'notice-dismissed', id: 'a' }).notices).toEqual([]);
  });
});

describe('offerCapture', () => {
  const good = assessQuality({ height: 480, faces: [face()] });

  it('spaces captures and copies the embedding', () => {
    const embedding = new Float32Array([3, 4]);
    let enrolment = offerCapture(startEnrolment(request, 3), { embedding, box: [0, 0, 1, 1] }, good, 0);
    enrolment = offerCapture(enrolment, { embedding: new Float32Array([4, -3]), box: [0, 0, 1, 1] }, good, ENROL_CAPTURE_SPACING_MS - 1);
    expect(enrolment.captures).toHaveLength(1);
    embedding[0] = 9;
    expect(enrolment.captures[0][0]).toBe(3);
  });

  it.each([
    ['several', [face(), face({ box: [200, 20, 100, 100], score: 0.64 })], 1],
    ['too-small', [face({ box: [0, 0, 40, 40] })], 0],
    ['turned', [face({ pitch: 0.8 })], 0],
  ] as const)('takes %s frames only when usable', (_state, faces, taken) => {
    const quality = assessQuality({ height: 480, faces: [...faces] });
    expect(offerCapture(startEnrolment(request), faces[0], quality, 0).captures).toHaveLength(taken);
  });

  it('skips frames without a fresh embedding and stops at the number needed', () => {
    let enrolment = offerCapture(startEnrolment(request, 1), { embedding: null, box: [0, 0, 1, 1] }, good, 0);
    expect(enrolment.captures).toHaveLength(0);
    enrolment = offerCapture(enrolment, face(), good, 0);
    enrolment = offerCapture(enrolment, face({ yaw: 0.3 }), good, 10_000);
    expect(enrolment.captures).toHaveLength(1);
  });

  it('takes five captures of a still frame never, of a turning head in five offers', () => {
    let frozen = startEnrolment(request, 5);
    for (let k = 0; k < 20; k++) frozen = offerCapture(frozen, face(), good, k * ENROL_CAPTURE_SPACING_MS);
    expect(frozen.captures).toHaveLength(1);
    expect(frozen.hint).toBe(TURN_HEAD_HINT);
    let turning = startEnrolment(request, 5);
    for (let k = 0; k < 5; k++) turning = offerCapture(turning, face({ yaw: -0.2 + k * 0.1 }), good, k * ENROL_CAPTURE_SPACING_MS);
    expect(turning.captures).toHaveLength(5);
    expect(turning.poses.map((pose) => pose.yaw)).toEqual([-0.2, -0.1, 0, 0.1, 0.2].map((yaw) => expect.closeTo(yaw, 9)));
  });
});

