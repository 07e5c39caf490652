import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';
import type { ReferencePack } from '../datasets/pack-types';
import type { ImpostorGrouping } from '../metrics/types';
import { checkEstimates, type EstimateRow } from '../views/estimates-model';
import { formatCount, formatRate, formatRateInterval, pluralise } from '../views/format';
import { buildGapIndex, buildGapIndexInBackground, hasUnverifiedLabels, isIndexedInBackground, type GapIndex, type GapOptions, type GapPairOptions } from '../views/gap-model';
import { describeGrouping, selectVariedLabels } from '../views/grouping';
import { listGapPresets } from '../views/presets';
import { getModelOrDefault } from '../models/registry';
import { scorePackPairs, type ScoredSampleSet } from '../views/sample-set';
import type { RateColumn, RateRow } from './fg-rate-table';
import { describeError } from '../shared/errors';
import { viewStyles } from './view-styles';
import './fg-gap-panels';
import './fg-group-picker';
import './fg-rate-table';
import './fg-threshold-slider';

const ESTIMATE_COLUMNS: readonly RateColumn[] = [
  { key: 'gender', label: 'Model\u2019s gender guess agrees with label', isNumeric: true },
  { key: 'age', label: 'Age guess in labelled age band', isNumeric: true },
  { key: 'failures', label: 'Photos with no usable face', isNumeric: true },
];

/** Writes an agreement or failure proportion with its Wilson interval. */
function proportionCell(p: EstimateRow['failures']) {
  return p.rate === null
    ? { text: 'not measurable', value: null, note: 'no faces with this label' }
    : { text: `${formatRate(p.rate)} (${formatCount(p.errors)} of ${formatCount(p.pairs)})`, value: p.rate, ci: p.ci95, note: `${formatRateInterval(p.ci95)} Wilson` };
}

/** Fired when the user toggles how pairs are counted or which faces are left out. */
export class GapOptionsChangeEvent extends Event {
  static readonly eventName = 'gap-options-change';
  constructor(readonly options: GapPairOptions) {
    super(GapOptionsChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * "The gap": a reference pack's per-group error rates at the shared threshold, with intervals,
 * distributions, DET curves, the summaries and one plain sentence, next to the dataset's
 * attribution, caveats and preprocessing. Scores every pair once per pack (in the all-pairs worker);
 * regrouping re-sorts those scores (in the worker too for a large pack, the last grouping shown
 * meanwhile), and threshold changes re-read them.
 *
 * @fires threshold-change - from the slider (ThresholdChangeEvent)
 * @fires group-by-change - from the picker (GroupByChangeEvent)
 * @fires gap-options-change - the user toggled the impostor grouping or leaving out unverified labels
 */
@customElement('fg-gap-view')
export class FgGapView extends LitElement {
  static override styles = [viewStyles, css`
    .toggles { display: flex; flex-wrap: wrap; gap: 0.5em 2em; }
    .toggles label { display: inline-flex; gap: 0.4em; align-items: center; }
    input[type='checkbox'] { width: 1.2em; height: 1.2em; }
  `];

  /** The active reference pack; null shows how to load one. */
  @property({ attribute: false }) pack: ReferencePack | null = null;
  /** Shared decision threshold, 0..1. */
  @property({ type: Number }) threshold = DEFAULT_THRESHOLD_SIMILARITY;
  /** Labels to group by. */
  @property({ attribute: false }) groupBy: string[] = ['race'];
  /** Large type and high contrast for a room. */
  @property({ type: Boolean, reflect: true }) presenter = false;
  /** Which impostor pairs count for a group (the app keeps it in its settings). */
  @property() impostorGrouping: ImpostorGrouping = 'within';
  /** Leave out faces whose race label is unverified (the app keeps it in its settings). */
  @property({ type: Boolean }) excludeUnverified = false;

  @state() private _set: ScoredSampleSet | null = null;
  @state() private _progress = 0;
  @state() private _error = '';
  @state() private _gap: GapIndex | null = null;
  /** The grouping asked for is being sorted in the worker; `_gap` is still the previous one. */
  @state() private _isRegrouping = false;
  /** Why the last regrouping failed, or empty. */
  @state() private _indexError = '';

  private _abort: AbortController | null = null;
  private _indexAbort: AbortController | null = null;
  private _estimates: EstimateRow[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    // Back after a disconnect aborted the scoring: ask again (a finished run is cached).
    if (this.hasUpdated && this.pack && !this._set && !this._error) this._score();
    // Back after a disconnect aborted the sorting: sort again.
    else if (this.hasUpdated && this._set && this._indexAbort?.signal.aborted) this._index();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
    this._indexAbort?.abort();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pack')) this._score();
    if (changed.has('pack') || changed.has('groupBy') || changed.has('_set' as keyof FgGapView) ||
        changed.has('impostorGrouping') || changed.has('excludeUnverified')) {
      this._index();
      this._estimates = this.pack ? checkEstimates(this.pack, this.groupBy, this.excludeUnverified) : [];
    }
  }

  override render() {
    if (!this.pack) {
      return html`<section class="state" role="status"><h2>No pack loaded</h2>
        <p>Choose a reference pack (for example UTKFace 600) to see how often this model confuses different people in each group.</p></section>`;
    }
    const pack = this.pack;
    const gap = this._gap;
    return html`
      <header>
        <h2>The gap: ${pack.name}</h2>
        <p class="explain">A <strong>false match</strong> is when two different people score at or above the threshold and the
          system takes them for the same person. Where the threshold sits decides how often that happens, and it happens more
          often to some groups than to others.</p>
      </header>
      <div class="controls">
        <fg-threshold-slider .value=${this.threshold} ?presenter=${this.presenter}
          .presets=${listGapPresets(gap, getModelOrDefault(this.pack?.model.id))}></fg-threshold-slider>
        <fg-group-picker .labels=${selectVariedLabels(pack.labels, pack.samples)} .value=${this.groupBy}></fg-group-picker>
        <div class="toggles">
          <label><input type="checkbox" .checked=${this.impostorGrouping === 'probe'} @change=${this._onGroupingToggle} />
            Count a group\u2019s false matches with anyone, not only with its own group</label>
          ${hasUnverifiedLabels(pack.samples) ? html`<label><input type="checkbox" .checked=${this.excludeUnverified} @change=${this._onUnverifiedToggle} />
            Leave out people whose race label is unverified</label>` : nothing}
        </div>
        <p class="explain">${this.impostorGrouping === 'within'
          ? 'Now: a group\u2019s false matches are with people of the same group (NIST\u2019s \u201cdemographically matched\u201d pairs), the hardest case.'
          : 'Now: a group\u2019s false matches are with anyone in the set, whatever their group.'}
          ${gap && gap.excludedSamples > 0 ? ` ${pluralise(gap.excludedSamples, 'face', 'faces')} with unverified labels left out.` : ''}</p>
      </div>
      ${this._isRegrouping && gap ? this._renderRegrouping(gap) : nothing}
      ${this._renderBody(gap)}
      ${this._renderEstimates()}
      ${this._renderSource(pack)}`;
  }

  private _renderRegrouping(gap: GapIndex) {
    const isSameGrouping = gap.options.groupBy.join('\u0000') === this.groupBy.join('\u0000');
    return html`<p class="state" role="status">Sorting ${formatCount(gap.table.scores.length)} pairs again\u2026 the figures below are
      ${isSameGrouping ? 'still those from before this change' : `still by ${describeGrouping(gap.options.groupBy)}`}.</p>`;
  }

  private _renderBody(gap: GapIndex | null) {
    if (this._error || this._indexError) return html`<p class="state" role="alert">${this._error || this._indexError}</p>`;
    if (!gap) {
      return html`<div class="state" role="status"><p>${this._set
        ? `Sorting ${formatCount(this._set.scored.scores.length)} pairs by group\u2026`
        : 'Comparing every pair of faces in this pack, once\u2026'}</p>
        <progress max="1" .value=${this._progress} aria-label="Pairs scored"></progress></div>`;
    }
    if (gap.index.groups.length === 0) {
      return html`<p class="state" role="status">No pairs to compare: this pack (after filters) has fewer than two faces.</p>`;
    }
    return html`<fg-gap-panels .gap=${gap} .threshold=${this.threshold} ?presenter=${this.presenter}></fg-gap-panels>`;
  }

  private _renderEstimates() {
    const rows: RateRow[] = this._estimates.map((e) => ({
      group: e.group,
      cells: { gender: proportionCell(e.genderAgreement), age: proportionCell(e.ageBandAgreement), failures: proportionCell(e.failures) },
    }));
    return html`<section class="estimates">
      <fg-rate-table caption=${`The model\u2019s own guesses and failures, by ${describeGrouping(this.groupBy)}`} .columns=${ESTIMATE_COLUMNS} .rows=${rows}></fg-rate-table>
      <p class="explain">The same model also guesses age and gender, and sometimes finds no face at all. Differences here are part
        of the same pipeline: a face that is never found is never matched, rightly or wrongly.</p>
    </section>`;
  }

  private _renderSource(pack: ReferencePack) {
    const p = pack.preprocessing;
    return html`<aside class="source" aria-label="About this dataset">
      <h3>About these numbers</h3>
      <p>${pack.description}</p>
      <p><strong>Credit:</strong> ${pack.attribution}</p>
      <p><strong>Licence:</strong> ${pack.license}</p>
      <p><strong>Pipeline:</strong> a bias figure is a property of the whole pipeline, not of the model alone. Photos were padded
        ${Math.round(p.margin * 100)}% with ${p.fill}, resized to at most ${p.maxSide} px${p.grayscaleExpanded ? ', grey photos expanded to colour channels' : ''};
        model ${pack.model.id} (${pack.model.package}), score ${pack.score}.</p>
      <p><strong>Caveats:</strong> labels were assigned by others and can be wrong; a group label is not an identity. Small groups
        give wide intervals. ${pluralise(pack.samples.length, 'face', 'faces')}, ${pluralise(pack.failures.length, 'photo', 'photos')} without a usable face.</p>
    </aside>`;
  }

  private _score(): void {
    this._abort?.abort();
    this._set = null;
    this._error = '';
    this._progress = 0;
    const pack = this.pack;
    if (!pack) return;
    const abort = (this._abort = new AbortController());
    scorePackPairs(pack, (done, total) => { if (!abort.signal.aborted) this._progress = total ? done / total : 1; }, abort.signal)
      .then((set) => { if (!abort.signal.aborted && this.pack === pack) this._set = set; })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) this._error = `Scoring this pack failed: ${describeError(error)}. Nothing was kept; load the pack again.`;
      });
  }

  /**
   * Builds the gap index for the current set and options: here for a small set, in the all-pairs
   * worker for a large one (a second of sorting for 4.5M pairs), keeping the last one shown until then.
   */
  private _index(): void {
    this._indexAbort?.abort();
    this._indexAbort = null;
    this._isRegrouping = false;
    this._indexError = '';
    const set = this._set;
    if (!set || !this.pack || set.samples !== this.pack.samples) {
      this._gap = null;
      return;
    }
    const options: GapOptions = { groupBy: this.groupBy, impostorGrouping: this.impostorGrouping, excludeUnverified: this.excludeUnverified };
    if (!isIndexedInBackground(set)) {
      this._gap = buildGapIndex(set, options);
      return;
    }
    // A shown gap is of this set: a new pack clears it (`_score` empties `_set`).
    const abort = (this._indexAbort = new AbortController());
    this._isRegrouping = this._gap !== null;
    buildGapIndexInBackground(set, options, { signal: abort.signal, previous: this._gap })
      .then((gap) => { if (!abort.signal.aborted) { this._gap = gap; this._isRegrouping = false; } })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        this._isRegrouping = false;
        this._indexError = `Grouping this pack’s pairs failed: ${describeError(error)}. Choose the grouping again, or load the pack again.`;
      });
  }

  private _onGroupingToggle(event: Event): void {
    const impostorGrouping = (event.target as HTMLInputElement).checked ? 'probe' : 'within';
    this.dispatchEvent(new GapOptionsChangeEvent({ impostorGrouping, excludeUnverified: this.excludeUnverified }));
  }

  private _onUnverifiedToggle(event: Event): void {
    const excludeUnverified = (event.target as HTMLInputElement).checked;
    this.dispatchEvent(new GapOptionsChangeEvent({ impostorGrouping: this.impostorGrouping, excludeUnverified }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-gap-view': FgGapView;
  }
  interface HTMLElementEventMap {
    'gap-options-change': GapOptionsChangeEvent;
  }
}
