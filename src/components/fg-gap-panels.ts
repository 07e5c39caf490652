import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';
import { buildGroupDetPoints, buildGroupHistograms, findDetPointsAt, type GroupDetPoints } from '../views/chart-model';
import { formatCount, formatRate, formatRateInterval } from '../views/format';
import { computeGapAtThreshold, type GapAtThreshold, type GapIndex, type GapRow } from '../views/gap-model';
import { resampleGapInBackground, type GapResampling } from '../views/resampling';
import { describeError } from '../shared/errors';
import { computeNoErrorUpperBound } from '../views/bounds';
import { buildSummarySentence, type ErrorSide, type SummarySentence } from '../views/sentence';
import type { DetCurve } from './fg-det-chart';
import type { DistributionRow } from './fg-distribution-chart';
import type { RateCell, RateColumn, RateRow } from './fg-rate-table';
import './fg-det-chart';
import './fg-distribution-chart';
import './fg-rate-table';
import './fg-summary-sentence';

/** Wait after the last threshold change before resampling people (a drag fires many changes). */
export const BOOTSTRAP_DEBOUNCE_MS = 250;

/** Presenter columns: pairs move into the rate cells' notes, so the table fits a projector. */
const PRESENTER_COLUMNS: readonly RateColumn[] = [
  { key: 'people', label: 'People', isNumeric: true },
  { key: 'fmr', label: 'False matches', isNumeric: true },
  { key: 'fnmr', label: 'Missed matches', isNumeric: true },
];

const COLUMNS: readonly RateColumn[] = [
  { key: 'people', label: 'People', isNumeric: true },
  { key: 'impostor_pairs', label: 'Different-person pairs', isNumeric: true },
  { key: 'fmr', label: 'False-match rate (95% intervals)', isNumeric: true },
  { key: 'genuine_pairs', label: 'Same-person pairs', isNumeric: true },
  { key: 'fnmr', label: 'False non-match rate (95% intervals)', isNumeric: true },
];

/** The groups whose ratio a side of the sentence states, for the bootstrap to bound. */
function findRatioGroups(sentence: SummarySentence, side: ErrorSide): readonly [string, string] | null {
  const s = sentence.sides.find((x) => x.side === side && x.kind === 'ratio');
  return s ? [s.highGroup, s.lowGroup] : null;
}

/** Which ratios a bootstrap result answers. */
function ratioKey(sentence: SummarySentence): string {
  return JSON.stringify([findRatioGroups(sentence, 'fmr'), findRatioGroups(sentence, 'fnmr')]);
}

/**
 * The note under a rate: its Wilson and resampled intervals; for no errors, the one-sided upper
 * bound instead, because "0%-0%" reads as certainty.
 */
function describeIntervals(rate: GapRow['fmr'], resampled: readonly [number, number] | null | undefined, isResampled: boolean): string {
  if (rate.errors === 0) return `none seen: at most ${formatRate(computeNoErrorUpperBound(rate.pairs))} (95% upper bound)`;
  return `${formatRateInterval(rate.ci95)} Wilson${isResampled ? ` \u00b7 ${resampled ? formatRateInterval(resampled) : 'n/a'} resampled` : ''}`;
}

/**
 * The projector's cell: the rate and the interval to trust (resampled when ready; for no errors
 * the upper bound) on one line, the counts as a note that short screens hide (fg-rate-table).
 */
function describePresenterCell(rate: GapRow['fmr'], resampled: readonly [number, number] | null | undefined): { text: string; note: string } {
  const interval = rate.errors === 0 ? `at most ${formatRate(computeNoErrorUpperBound(rate.pairs))}` : formatRateInterval(resampled ?? rate.ci95);
  return { text: `${formatRate(rate.rate)} (${interval})`, note: `${formatCount(rate.errors)} of ${formatCount(rate.pairs)} pairs` };
}

/**
 * The shared body of the gap and room views: the sentence, the rate table, the distributions and the
 * DET curves for one grouped set at one threshold. Rates come from src/metrics; the people-level
 * bootstrap runs in its worker after the threshold settles (a newer threshold cancels it) and is
 * shown beside the Wilson interval.
 */
@customElement('fg-gap-panels')
export class FgGapPanels extends LitElement {
  static override styles = css`
    :host { display: grid; gap: 1.5em; align-content: start; }
    :host([presenter]) { gap: 0.35em; }
    :host > *, .charts > * { min-width: 0; }
    .charts { display: grid; gap: 1.5em; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30em), 1fr)); }
    .explain { margin: 0; color: var(--fg-muted, #555b66); font-size: calc(0.95rem * var(--fg-chart-scale, 1)); max-width: 70ch; }
  `;

  /** Grouped, sorted scores; null draws nothing. */
  @property({ attribute: false }) gap: GapIndex | null = null;
  /** Decision threshold. */
  @property({ type: Number }) threshold = DEFAULT_THRESHOLD_SIMILARITY;
  /** Larger type for a room. */
  @property({ type: Boolean, reflect: true }) presenter = false;

  @state() private _bootstrap: { gap: GapIndex; threshold: number; key: string; result: GapResampling } | null = null;
  /** Share of the running bootstrap done, 0..1; null when none runs. */
  @state() private _bootstrapProgress: number | null = null;
  /** Why the last resampling failed; empty when it did not. */
  @state() private _bootstrapProblem = '';

  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _bootstrapAbort: AbortController | null = null;
  private _at: GapAtThreshold | null = null;
  private _sentence: SummarySentence | null = null;
  private _distribution: DistributionRow[] = [];
  private _det: GroupDetPoints[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    // Back after a disconnect cancelled the resampling: run it again for what is shown.
    if (this.hasUpdated && this.gap && !this._currentBootstrap()) this.requestUpdate('threshold');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
    this._bootstrapAbort?.abort();
    this._bootstrapAbort = null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const gap = this.gap;
    if (changed.has('gap')) {
      this._distribution = gap ? buildGroupHistograms(gap.index) : [];
      this._det = gap ? buildGroupDetPoints(gap.index) : [];
    }
    if (!gap) {
      this._at = null;
      this._sentence = null;
      return;
    }
    this._at = computeGapAtThreshold(gap, this.threshold);
    const boot = this._currentBootstrap();
    const first = buildSummarySentence({ rows: this._at.rows, groupBy: gap.options.groupBy, impostorGrouping: gap.options.impostorGrouping });
    const isSamePairs = boot && boot.key === ratioKey(first);
    this._sentence = buildSummarySentence({
      rows: this._at.rows, groupBy: gap.options.groupBy, impostorGrouping: gap.options.impostorGrouping,
      ratioInterval: isSamePairs ? boot.result.fmrRatio : undefined,
      fnmrRatioInterval: isSamePairs ? boot.result.fnmrRatio : undefined,
    });
    if (changed.has('gap') || changed.has('threshold')) this._scheduleBootstrap(first);
  }

  override render() {
    const at = this._at;
    if (!this.gap || !at) return nothing;
    const boot = this._currentBootstrap()?.result ?? null;
    const hasGenuine = this.gap.index.overall.genuine.length > 0;
    return html`
      <fg-summary-sentence .sentence=${this._sentence} .report=${this.presenter ? null : at.report} ?presenter=${this.presenter}></fg-summary-sentence>
      <fg-rate-table caption="Error rates by group at this threshold" ?presenter=${this.presenter}
        .columns=${this.presenter ? (hasGenuine ? PRESENTER_COLUMNS : PRESENTER_COLUMNS.slice(0, 2)) : hasGenuine ? COLUMNS : COLUMNS.slice(0, 3)}
        .rows=${at.rows.map((row) => this._toRateRow(row, boot))} emptyText="This grouping leaves no group with pairs to compare."></fg-rate-table>
      ${this.presenter ? nothing : this._renderDetails(at, boot, hasGenuine)}`;
  }

  /** The explanations and charts: on the page, not on the projector (one screen per view). */
  private _renderDetails(at: GapAtThreshold, boot: GapResampling | null, hasGenuine: boolean) {
    const gap = this.gap as GapIndex;
    const current = findDetPointsAt(gap.index, this.threshold);
    const curves: DetCurve[] = this._det.map((d) => ({ ...d, current: current.get(d.group) ?? null }));
    return html`
      ${hasGenuine ? nothing : html`<p class="explain">This set has one photo per person, so there are no same-person
        pairs: only false matches can be measured here, not missed matches.</p>`}
      <p class="explain">Each rate has two 95% intervals. The first (Wilson) treats every pair as independent,
        which they are not: each face appears in many pairs. The second resamples people${boot ? ` (${boot.replicates} times)` : this._describeProgress()}
        and is usually wider; trust it more. A group with no errors shows the most its rate could be. Overall: ${formatRate(at.overall.fmr.rate)} false matches over
        ${formatCount(at.overall.fmr.pairs)} different-person pairs, cross-group pairs included.</p>
      ${hasGenuine ? html`<div class="charts">
        <fg-distribution-chart .rows=${this._distribution} .threshold=${this.threshold} ?presenter=${this.presenter}></fg-distribution-chart>
        <fg-det-chart .curves=${curves} ?presenter=${this.presenter}></fg-det-chart>
      </div>` : html`
        <fg-distribution-chart .rows=${this._distribution} .threshold=${this.threshold} ?presenter=${this.presenter}></fg-distribution-chart>
        <fg-det-chart .curves=${curves} ?presenter=${this.presenter}></fg-det-chart>`}`;
  }

  private _currentBootstrap(): { result: GapResampling; key: string } | null {
    const b = this._bootstrap;
    if (!b || b.gap !== this.gap || b.threshold !== this.threshold) return null;
    return { result: b.result, key: b.key };
  }

  private _describeProgress(): string {
    const share = this._bootstrapProgress;
    if (this._bootstrapProblem) return ` (not available here: ${this._bootstrapProblem})`;
    return share === null ? ' (being computed)' : ` (being computed: ${Math.floor(share * 100)}%)`;
  }

  private _scheduleBootstrap(sentence: SummarySentence): void {
    clearTimeout(this._timer);
    // A newer threshold or grouping makes the running resampling useless: stop it now.
    this._bootstrapAbort?.abort();
    this._bootstrapAbort = null;
    this._bootstrapProgress = null;
    this._bootstrapProblem = '';
    const gap = this.gap;
    const threshold = this.threshold;
    if (!gap) return;
    this._timer = setTimeout(() => {
      const abort = (this._bootstrapAbort = new AbortController());
      this._bootstrapProgress = 0;
      resampleGapInBackground(gap, threshold, {
        ratio: findRatioGroups(sentence, 'fmr'), fnmrRatio: findRatioGroups(sentence, 'fnmr'), signal: abort.signal,
        onProgress: (share) => { if (!abort.signal.aborted) this._bootstrapProgress = share; },
      }).then((result) => {
        if (abort.signal.aborted) return;
        this._bootstrap = { gap, threshold, key: ratioKey(sentence), result };
        this._bootstrapProgress = null;
      }, (error: unknown) => {
        // Failed: the Wilson interval stands alone, and the sentence says why the other is missing.
        if (abort.signal.aborted) return;
        this._bootstrapProgress = null;
        this._bootstrapProblem = describeError(error);
      });
    }, BOOTSTRAP_DEBOUNCE_MS);
  }

  private _toRateRow(row: GapRow, boot: GapResampling | null): RateRow {
    const rateCell = (rate: GapRow['fmr'], resampled: readonly [number, number] | null | undefined): RateCell => ({
      text: rate.rate === null ? 'not measurable' : `${formatRate(rate.rate)} (${formatCount(rate.errors)})`,
      value: rate.rate,
      ci: rate.ci95,
      note: rate.rate === null ? 'no pairs' : describeIntervals(rate, resampled, boot !== null),
      ...(this.presenter && rate.rate !== null ? describePresenterCell(rate, resampled) : {}),
    });
    return {
      group: row.group,
      flag: row.smallReason,
      cells: {
        people: { text: formatCount(row.people), value: row.people },
        impostor_pairs: { text: formatCount(row.fmr.pairs), value: row.fmr.pairs },
        fmr: rateCell(row.fmr, boot?.fmr.get(row.group)),
        genuine_pairs: { text: formatCount(row.fnmr.pairs), value: row.fnmr.pairs },
        fnmr: rateCell(row.fnmr, boot?.fnmr.get(row.group)),
      },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-gap-panels': FgGapPanels;
  }
}
