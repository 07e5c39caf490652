/**
 * Scores a pack's pairs in the background and keeps its gap index for the current grouping: what
 * the lesson and the handout both need. The gap view has its own, with progress and filters.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReferencePack } from '../../datasets/pack-types';
import { buildGapIndex, type GapIndex } from '../../views/gap-model';
import { scorePackPairs, type ScoredSampleSet } from '../../views/sample-set';

/** The gap of a pack, ready once its pairs are scored. */
export class PackGapController implements ReactiveController {
  private _pack: ReferencePack | null = null;
  private _groupBy: readonly string[] = [];
  private _set: ScoredSampleSet | null = null;
  private _gap: GapIndex | null = null;
  private _abort: AbortController | null = null;
  /** Why scoring failed, or empty. */
  error = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this._abort?.abort();
    this._abort = null;
    this._pack = null;
  }

  /** The gap for `pack` grouped by `groupBy`; null while scoring. Call from willUpdate or render. */
  gapFor(pack: ReferencePack | null, groupBy: readonly string[]): GapIndex | null {
    if (pack !== this._pack) this._score(pack);
    if (!this._set || !pack) return null;
    if (!this._gap || groupBy !== this._groupBy) {
      this._groupBy = groupBy;
      this._gap = buildGapIndex(this._set, { groupBy, impostorGrouping: 'within', excludeUnverified: false });
    }
    return this._gap;
  }

  private _score(pack: ReferencePack | null): void {
    this._abort?.abort();
    this._pack = pack;
    this._set = null;
    this._gap = null;
    this.error = '';
    if (!pack) return;
    const abort = (this._abort = new AbortController());
    scorePackPairs(pack, undefined, abort.signal)
      .then((set) => { if (!abort.signal.aborted) { this._set = set; this.host.requestUpdate(); } })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) { this.error = `Scoring this pack failed: ${(error as Error).message}.`; this.host.requestUpdate(); }
      });
  }
}
