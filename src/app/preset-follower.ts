/**
 * Keeps a pack-dependent threshold preset true when the pack changes: "1 in 1,000 false
 * matches" picked on one pack is recomputed on the next (or dropped, with a notice), through the
 * pure rule in threshold.ts and the all-pairs run the views share (scorePackPairs caches it).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReferencePack } from '../datasets/pack-types';
import { formatScore } from '../views/format';
import { buildGapIndex } from '../views/gap-model';
import { listGapPresets } from '../views/presets';
import { scorePackPairs } from '../views/sample-set';
import { describePresetPending, followPreset, isPackPreset, PACK_PRESET_NAMES, type PresetChoice } from './threshold';

/** What the follower reads and whom it tells. */
export interface PresetFollowerDeps {
  /** The active pack, or null while none is loaded. */
  pack(): ReferencePack | null;
  /** Sets (and saves) the shared threshold. */
  setThreshold(threshold: number): void;
  /** Shows one notice, replacing the previous one. */
  notify(text: string): void;
}

/** Watches the active pack for the host; `chose` is told of every threshold the user sets. */
export class PresetFollower implements ReactiveController {
  private _choice: PresetChoice | null = null;
  /** The pack `_choice` belongs to (or is being recomputed for). */
  private _pack: ReferencePack | null = null;
  private _abort: AbortController | null = null;

  constructor(host: ReactiveControllerHost, private readonly deps: PresetFollowerDeps) {
    host.addController(this);
  }

  /** Records where the user's threshold came from: a pack-dependent preset, or anything else. */
  chose(source: string, threshold: number): void {
    this._abort?.abort();
    const pack = this.deps.pack();
    this._pack = pack;
    this._choice = isPackPreset(source) && pack ? { id: source, packName: pack.name, value: threshold } : null;
  }

  hostDisconnected(): void {
    this._abort?.abort();
  }

  hostUpdated(): void {
    const pack = this.deps.pack();
    const choice = this._choice;
    if (!choice || !pack || pack === this._pack) return;
    this._pack = pack;
    this._abort?.abort();
    const abort = (this._abort = new AbortController());
    this.deps.notify(describePresetPending(choice, pack.name));
    scorePackPairs(pack, undefined, abort.signal).then((set) => {
      if (abort.signal.aborted || this.deps.pack() !== pack) return;
      const gap = buildGapIndex(set, { groupBy: [], impostorGrouping: 'within', excludeUnverified: false });
      const following = followPreset(choice, pack.name, listGapPresets(gap));
      this._choice = following.choice;
      this.deps.setThreshold(following.threshold);
      this.deps.notify(following.message);
    }).catch(() => {
      if (abort.signal.aborted) return;
      this._choice = null;
      this.deps.notify(`\u201c${PACK_PRESET_NAMES[choice.id]}\u201d could not be worked out on ${pack.name}; the threshold stays at ${formatScore(choice.value)}, the value from ${choice.packName}.`);
    });
  }
}
