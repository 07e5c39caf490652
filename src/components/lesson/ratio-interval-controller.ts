/**
 * The summary sentence of a pack's gap with its ratio's 95% interval, for the lesson and the
 * handout: the sentence is built at once and says "(interval being computed)" until the people
 * are resampled in the bootstrap worker (views/resampling.ts), as the gap view does.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describeError } from '../../shared/errors';
import { computeGapAtThreshold, type GapIndex } from '../../views/gap-model';
import { resampleGapInBackground, type GapResampling } from '../../views/resampling';
import { buildSummarySentence, type ErrorSide, type SummarySentence } from '../../views/sentence';

/** [high, low] groups of the ratio a side of the sentence states, or null. */
function findRatioGroups(sentence: SummarySentence, side: ErrorSide): readonly [string, string] | null {
  const s = sentence.sides.find((x) => x.side === side && x.kind === 'ratio');
  return s ? [s.highGroup, s.lowGroup] : null;
}

/** The gap's sentence at a threshold, with the resampled ratio intervals once they are ready. */
export class RatioIntervalController implements ReactiveController {
  private _key: { gap: GapIndex; threshold: number } | null = null;
  private _result: GapResampling | null = null;
  private _abort: AbortController | null = null;
  /** Why resampling failed, or empty. */
  error = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this._abort?.abort();
    this._abort = null;
    this._key = null;
  }

  /** Whether the ratio intervals of the last sentence asked for are in (or failed). */
  get isSettled(): boolean {
    return this._result !== null || this.error !== '';
  }

  /** The sentence for `gap` at `threshold`; starts the resampling when either changed. Call from render. */
  sentenceFor(gap: GapIndex, threshold: number): SummarySentence {
    const base = { groupBy: gap.options.groupBy, impostorGrouping: gap.options.impostorGrouping };
    const rows = computeGapAtThreshold(gap, threshold).rows;
    const first = buildSummarySentence({ rows, ...base });
    if (this._key?.gap !== gap || this._key.threshold !== threshold) this._resample(gap, threshold, first);
    const result = this._result;
    return result
      ? buildSummarySentence({ rows, ...base, ratioInterval: result.fmrRatio, fnmrRatioInterval: result.fnmrRatio })
      : first;
  }

  private _resample(gap: GapIndex, threshold: number, sentence: SummarySentence): void {
    this._abort?.abort();
    this._key = { gap, threshold };
    this._result = null;
    this.error = '';
    const ratio = findRatioGroups(sentence, 'fmr');
    const fnmrRatio = findRatioGroups(sentence, 'fnmr');
    if (!ratio && !fnmrRatio) {
      this._result = { fmr: new Map(), fnmr: new Map(), fmrRatio: null, fnmrRatio: null, replicates: 0 };
      return;
    }
    const abort = (this._abort = new AbortController());
    resampleGapInBackground(gap, threshold, { ratio, fnmrRatio, signal: abort.signal })
      .then((result) => { if (!abort.signal.aborted) { this._result = result; this.host.requestUpdate(); } })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) { this.error = `The interval could not be computed: ${describeError(error)}`; this.host.requestUpdate(); }
      });
  }
}
