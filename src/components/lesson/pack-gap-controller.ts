/**
 * Scores a pack's pairs in the background and keeps its gap index for the current grouping: what
 * the lesson and the handout both need. The gap view has its own, with progress and filters.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReferencePack } from '../../datasets/pack-types';
import { buildGapIndexInBackground, type GapIndex } from '../../views/gap-model';
import { scorePackPairs, type ScoredSampleSet } from '../../views/sample-set';

/** The gap of a pack, ready once its pairs are scored. */
export class PackGapController implements ReactiveController {
  private _pack: ReferencePack | null = null;
  /** The grouping the gap is (being) sorted for, as a key; null before the first. */
  private _groupKey: string | null = null;
  private _set: ScoredSampleSet | null = null;
  private _gap: GapIndex | null = null;
  private _abort: AbortController | null = null;
  private _indexAbort: AbortController | null = null;
  /** Why scoring failed, or empty. */
  error = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this._abort?.abort();
    this._indexAbort?.abort();
    this._abort = null;
    this._pack = null;
  }

  /**
   * The gap for `pack` grouped by `groupBy`; null while scoring. Call from willUpdate or render.
   * A new grouping is sorted in the background (the all-pairs worker for a large pack); until it
   * arrives the last grouping's gap is returned, and the host is asked to update when it does.
   */
  gapFor(pack: ReferencePack | null, groupBy: readonly string[]): GapIndex | null {
    if (pack !== this._pack) this._score(pack);
    if (!this._set || !pack) return null;
    if (groupBy.join('\u0000') !== this._groupKey) this._index(this._set, groupBy);
    return this._gap;
  }

  private _index(set: ScoredSampleSet, groupBy: readonly string[]): void {
    this._indexAbort?.abort();
    this._groupKey = groupBy.join('\u0000');
    const abort = (this._indexAbort = new AbortController());
    buildGapIndexInBackground(set, { groupBy, impostorGrouping: 'within', excludeUnverified: false }, { signal: abort.signal, previous: this._gap ?? undefined })
      .then((gap) => { if (!abort.signal.aborted && this._set === set) { this._gap = gap; this.host.requestUpdate(); } })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) { this.error = `Sorting this pack's pairs failed: ${(error as Error).message}.`; this.host.requestUpdate(); }
      });
  }

  private _score(pack: ReferencePack | null): void {
    this._abort?.abort();
    this._indexAbort?.abort();
    this._pack = pack;
    this._set = null;
    this._gap = null;
    this._groupKey = null;
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
