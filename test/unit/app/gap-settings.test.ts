import { describe, expect, it } from 'vitest';
import { loadStoredState } from '../../../src/app/fg-app-parts';
import { createInitialState, reduceAppState } from '../../../src/app/state';
import { createMemoryStore, type Store } from '../../../src/store';

describe('the gap view\'s options are settings, kept like the threshold', () => {
  it('start at the settings\' defaults', () => {
    expect(createInitialState().gapOptions).toEqual({ impostorGrouping: 'within', excludeUnverified: false });
  });

  it('change through the reducer without touching anything else', () => {
    const before = createInitialState();
    const after = reduceAppState(before, { type: 'gap-options-changed', gapOptions: { impostorGrouping: 'probe', excludeUnverified: true } });
    expect(after.gapOptions).toEqual({ impostorGrouping: 'probe', excludeUnverified: true });
    expect({ ...after, gapOptions: before.gapOptions }).toEqual(before);
  });

  it('come back from the store at start', async () => {
    const store = createMemoryStore();
    await store.settings.set('impostorGrouping', 'probe');
    await store.settings.set('excludeUnverified', true);
    const loaded = await loadStoredState(store);
    expect(loaded.values.gapOptions).toEqual({ impostorGrouping: 'probe', excludeUnverified: true });
    const state = reduceAppState(createInitialState(), { type: 'store-ready', isPersistent: false, ...loaded.values });
    expect(state.gapOptions).toEqual({ impostorGrouping: 'probe', excludeUnverified: true });
  });

  it('fall back to the defaults when the store cannot be read', async () => {
    const broken = { people: { list: () => Promise.reject(new Error('closed')) }, settings: { getAll: () => Promise.reject(new Error('closed')) } } as unknown as Store;
    const loaded = await loadStoredState(broken);
    expect(loaded.problem).toBe('closed');
    expect(loaded.values.gapOptions).toEqual({ impostorGrouping: 'within', excludeUnverified: false });
  });
});
