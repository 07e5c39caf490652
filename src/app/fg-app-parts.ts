/** Pieces of fg-app kept apart to keep it short: reading the stored state at start. */
import type { Template } from '../matching/templates';
import type { Store } from '../store';
import { DEFAULT_THRESHOLD_SIMILARITY } from './threshold';

/** What fg-app reads from the store at start, and a sentence when reading failed. */
export interface StoredState {
  values: { templates: Template[]; threshold: number; activePackId: string | null; groupBy: string[]; presenter: boolean };
  problem?: string;
}

/** Reads people and settings; on failure starts empty and says so. Never rejects. */
export async function loadStoredState(store: Store): Promise<StoredState> {
  try {
    const [templates, settings] = await Promise.all([store.people.list(), store.settings.getAll()]);
    const { threshold, activePackId, groupBy } = settings;
    // Presenter view is for one session in a room: a reload opens the normal page, so nobody lands
    // in large dark type without knowing how they got there.
    return { values: { templates, threshold, activePackId, groupBy, presenter: false } };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return { values: { templates: [], threshold: DEFAULT_THRESHOLD_SIMILARITY, activePackId: null, groupBy: ['race'], presenter: false }, problem };
  }
}
