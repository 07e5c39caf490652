import { describe, expect, it } from 'vitest';
import { createInitialState, readModelThreshold, reduceAppState, type AppState } from '../../../src/app/state';

const ready = (thresholds: Record<string, number> = {}, modelId: AppState['modelId'] = 'faceres'): AppState => reduceAppState(createInitialState(), {
  type: 'store-ready', isPersistent: true, templates: [], modelId, thresholds, activePackId: null, groupBy: ['race'], presenter: false,
  gapOptions: { impostorGrouping: 'within', excludeUnverified: false },
});

describe('one threshold per model', () => {
  it('opens on the stored model at its stored threshold, else at the model\'s starting one', () => {
    expect(ready({ dlib: 0.93 }, 'dlib').threshold).toBe(0.93);
    expect(ready({}, 'faceres-deep').threshold).toBe(0.72);
    expect(readModelThreshold({}, 'faceres')).toBe(0.6);
  });

  it('keeps a moved threshold for the active model only, and restores each model\'s own on switching', () => {
    let state = reduceAppState(ready({ faceres: 0.55 }), { type: 'threshold-changed', threshold: 0.62 });
    expect(state.thresholds).toEqual({ faceres: 0.62 });
    state = reduceAppState(state, { type: 'model-changed', modelId: 'dlib' });
    expect(state.threshold).toBe(0.945);
    state = reduceAppState(state, { type: 'threshold-changed', threshold: 0.95 });
    state = reduceAppState(state, { type: 'model-changed', modelId: 'faceres' });
    expect(state.threshold).toBe(0.62);
    expect(state.thresholds).toEqual({ faceres: 0.62, dlib: 0.95 });
  });

  it('drops the old model\'s live scores, enrolment and engine on switching, and ignores a switch to the same model', () => {
    const base = { ...ready(), latestEmbedding: new Float32Array(4), search: { scores: [], skippedTemplateIds: [] } };
    const switched = reduceAppState(base, { type: 'model-changed', modelId: 'faceres-deep' });
    expect(switched).toMatchObject({ modelId: 'faceres-deep', vision: { status: 'loading' }, latestEmbedding: null, search: null, enrolment: null });
    expect(reduceAppState(base, { type: 'model-changed', modelId: 'faceres' })).toBe(base);
  });
});
