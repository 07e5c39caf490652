/** Pieces of fg-app kept apart to keep it short: reading the stored state at start, the page header. */
import { html } from 'lit';
import '../components/fg-message';
import type { Notice } from './state';
import type { Template } from '../matching/templates';
import { DEFAULT_SETTINGS, type Store } from '../store';
import type { PresetChoices } from './threshold';
import type { GapPairOptions } from '../views/gap-model';
import { DEFAULT_MODEL_ID, getModelOrDefault, type ModelId } from '../models/registry';
import { describeError } from '../shared/errors';

/** What fg-app reads from the store at start, and a sentence when reading failed. */
export interface StoredState {
  values: { templates: Template[]; modelId: ModelId; thresholds: Record<string, number>; activePackId: string | null; groupBy: string[]; presenter: boolean; gapOptions: GapPairOptions };
  /** The pack-dependent preset each model's threshold follows (settings `thresholdPresets`). */
  presets: PresetChoices;
  problem?: string;
}

/** Reads people and settings; on failure starts empty and says so. Never rejects. */
export async function loadStoredState(store: Store): Promise<StoredState> {
  try {
    const [templates, settings] = await Promise.all([store.people.list(), store.settings.getAll()]);
    const { threshold, thresholds, thresholdPresets, activePackId, groupBy, impostorGrouping, excludeUnverified } = settings;
    const modelId = getModelOrDefault(settings.modelId).id;
    // Before the model picker, `threshold` was faceres's: it stays so unless a per-model one was set.
    const perModel = { [DEFAULT_MODEL_ID]: threshold, ...thresholds };
    // Presenter view is for one session in a room: a reload opens the normal page, so nobody lands
    // in large dark type without knowing how they got there.
    return { values: { templates, modelId, thresholds: perModel, activePackId, groupBy, presenter: false, gapOptions: { impostorGrouping, excludeUnverified } }, presets: thresholdPresets };
  } catch (error) {
    const problem = describeError(error);
    const { impostorGrouping, excludeUnverified } = DEFAULT_SETTINGS;
    return { values: { templates: [], modelId: DEFAULT_MODEL_ID, thresholds: {}, activePackId: null, groupBy: ['race'], presenter: false, gapOptions: { impostorGrouping, excludeUnverified } }, presets: {}, problem };
  }
}

/** The page's title, its one-line pitch and the notices, each dismissible. */
export function renderHeader(notices: readonly Notice[], onDismiss: (id: string) => void) {
  return html`
    <header>
      <h1>FaceGap</h1>
      <p class="pitch">Face recognition running entirely in your browser, and how its confidence differs across groups. Nothing you show it leaves this page.</p>
    </header>
    <div class="notices">
      ${notices.map((n) => html`<fg-message tone=${n.tone} dismissible @message-dismiss=${() => onDismiss(n.id)}>${n.text}</fg-message>`)}
    </div>`;
}
