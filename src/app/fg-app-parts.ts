/** Pieces of fg-app kept apart to keep it short: reading stored state, the other tabs' panels. */
import { html } from 'lit';
import type { Template } from '../matching/templates';
import type { Store } from '../store';
import type { TabId } from './tabs';
import { DEFAULT_THRESHOLD_SIMILARITY } from './threshold';

/** What fg-app reads from the store at start, and a sentence when reading failed. */
export interface StoredState {
  values: { templates: Template[]; threshold: number; activePackId: string | null };
  problem?: string;
}

/** Reads people and settings; on failure starts empty and says so. Never rejects. */
export async function loadStoredState(store: Store): Promise<StoredState> {
  try {
    const [templates, settings] = await Promise.all([store.people.list(), store.settings.getAll()]);
    return { values: { templates, threshold: settings.threshold, activePackId: settings.activePackId } };
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    return { values: { templates: [], threshold: DEFAULT_THRESHOLD_SIMILARITY, activePackId: null }, problem };
  }
}

/**
 * The tabs other elements will fill. Each tag holds a placeholder paragraph until its element
 * is defined (it then renders its own content).
 */
export function renderOtherPanel(tab: Exclude<TabId, 'live'> | TabId) {
  switch (tab) {
    case 'groups':
      return html`<div class="panel"><fg-you-vs-groups><p class="placeholder">How your score compares with the reference groups will appear here.</p></fg-you-vs-groups></div>`;
    case 'gap':
      return html`<div class="panel"><fg-gap-view><p class="placeholder">The gap between groups, measured on a reference pack, will appear here.</p></fg-gap-view></div>`;
    case 'room':
      return html`<div class="panel"><fg-room-view><p class="placeholder">The room view for presenting to a group will appear here.</p></fg-room-view></div>`;
    case 'privacy':
      return html`<div class="panel"><fg-privacy-panel><p class="placeholder">What is stored on this device, and how to delete it, will appear here.</p></fg-privacy-panel></div>`;
    default:
      return html``;
  }
}
