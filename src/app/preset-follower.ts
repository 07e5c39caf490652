/**
 * Keeps a pack-dependent threshold preset true when the pack changes: "1 in 1,000 false
 * matches" picked on one pack is recomputed on the next (or dropped, with a notice), through the
 * pure rules in threshold.ts and the all-pairs run the views share (scorePackPairs caches it).
 * The preset in force is kept per model in the settings, with the pack's name and content key, so
 * it is still followed after a reload, and worked out again when a pack is rebuilt under its name.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReferencePack } from '../datasets/pack-types';
import { getModelOrDefault } from '../models/registry';
import { formatScore } from '../views/format';
import { buildGapIndexInBackground } from '../views/gap-model';
import { listGapPresets } from '../views/presets';
import { scorePackPairs } from '../views/sample-set';
import { fingerprintPack, isSameKeyKind } from './pack-fingerprint';
import {
  decidePresetOnPack, describePresetPending, followPreset, isPackPreset, PACK_PRESET_NAMES, setPresetChoice,
  type PresetChoice, type PresetChoices,
} from './threshold';

/** What the follower reads and whom it tells. */
export interface PresetFollowerDeps {
  /** The active pack, or null while none is loaded. */
  pack(): ReferencePack | null;
  /** The active model's id: each model's threshold follows its own preset. */
  modelId(): string;
  /** Sets (and saves) the active model's threshold. */
  setThreshold(threshold: number): void;
  /** Keeps the presets in force, so a reload follows them too. */
  save(choices: Record<string, PresetChoice>): void;
  /** Shows one notice, replacing the previous one. */
  notify(text: string): void;
}

/** Watches the active pack for the host; `chose` is told of every threshold the user sets. */
export class PresetFollower implements ReactiveController {
  private _choices: PresetChoices = {};
  /** The last pack the active model's preset was checked against (or is being recomputed for). */
  private _pack: ReferencePack | null = null;
  private _abort: AbortController | null = null;

  constructor(host: ReactiveControllerHost, private readonly deps: PresetFollowerDeps) {
    host.addController(this);
  }

  /** Takes the presets kept in the settings (at start, before a pack opens). */
  restore(choices: PresetChoices): void {
    this._abort?.abort();
    this._choices = choices;
    this._pack = null;
  }

  /** Records where the user's threshold came from: a pack-dependent preset, or anything else. */
  chose(source: string, threshold: number): void {
    this._abort?.abort();
    const pack = this.deps.pack();
    this._pack = pack;
    this._keep(isPackPreset(source) && pack ? { id: source, packName: pack.name, packKey: fingerprintPack(pack), value: threshold } : null);
  }

  hostDisconnected(): void {
    this._abort?.abort();
  }

  hostUpdated(): void {
    const pack = this.deps.pack();
    if (!pack || pack === this._pack) return;
    const modelId = this.deps.modelId();
    const kept = this._choices[modelId];
    const opened = { name: pack.name, modelId: getModelOrDefault(pack.model.id).id, key: kept ? fingerprintPack(pack) : '' };
    // A key of the other kind (kept before bundled packs were keyed by their file) cannot tell a
    // rebuild: the preset is worked out again without saying the pack changed.
    const choice = kept?.packKey !== undefined && !isSameKeyKind(kept.packKey, opened.key) ? { ...kept, packKey: undefined } : kept;
    const decision = decidePresetOnPack(choice, modelId, opened);
    if (decision === 'wait') return;
    this._pack = pack;
    this._abort?.abort();
    if (decision !== 'follow' || !choice) return;
    const abort = (this._abort = new AbortController());
    this.deps.notify(describePresetPending(choice, pack.name));
    const isStale = () => abort.signal.aborted || this.deps.pack() !== pack || this.deps.modelId() !== modelId;
    // Sorted in the all-pairs worker for a large pack: a second of work that would freeze the page.
    scorePackPairs(pack, undefined, abort.signal)
      .then((set) => buildGapIndexInBackground(set, { groupBy: [], impostorGrouping: 'within', excludeUnverified: false }, { signal: abort.signal }))
      .then((gap) => {
        if (isStale()) return;
        const following = followPreset(choice, opened, listGapPresets(gap, getModelOrDefault(modelId)));
        this._keep(following.choice);
        this.deps.setThreshold(following.threshold);
        this.deps.notify(following.message);
      })
      .catch(() => {
        if (isStale()) return;
        this._keep(null);
        this.deps.notify(`\u201c${PACK_PRESET_NAMES[choice.id]}\u201d could not be worked out on ${pack.name}; the threshold stays at ${formatScore(choice.value)}, the value from ${choice.packName}.`);
      });
  }

  /** Sets the active model's preset (null: it follows none) and saves the change. */
  private _keep(choice: PresetChoice | null): void {
    const modelId = this.deps.modelId();
    const before = this._choices[modelId];
    if (!choice && !before) return;
    this._choices = setPresetChoice(this._choices, modelId, choice);
    this.deps.save({ ...this._choices });
  }
}
