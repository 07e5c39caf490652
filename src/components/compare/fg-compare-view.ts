import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ModelComparisonReport } from '../../metrics/compare';
import { buildAcrossModelsSentence, buildCompareRows, type CompareModelRow } from '../../views/compare-model';
import { formatRate, formatRateInterval } from '../../views/format';
import { toCsv } from '../export/csv';
import '../export/fg-export-menu';
import './fg-compare-chart';

/** The shared false-match-rate targets offered. */
export const COMPARE_FMR_TARGETS = [1e-2, 1e-3, 1e-4] as const;

/** Fired when the user picks another shared FMR target (never when `fmrTarget` is set). */
export class FmrTargetChangeEvent extends Event {
  static readonly eventName = 'fmr-target-change' as const;
  constructor(
    /** The new target, e.g. 0.001. */
    readonly fmrTarget: number,
  ) {
    super(FmrTargetChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** What each model costs on this device, when measured. */
export interface ModelCost {
  /** Milliseconds per face to embed, on this device. */
  readonly msPerFace?: number;
  /** Bytes of the model's weights. */
  readonly bytes?: number;
}

/** Sentences per page of words on a short projector screen: two models' sentences fit 720 px. */
const SENTENCES_PER_PAGE = 2;

/** The page (from 1) of the `index`-th model's sentence. */
function pageOfSentence(index: number): number {
  return Math.floor(index / SENTENCES_PER_PAGE) + 1;
}

/**
 * "Compare models": the same faces, the same groups and colours, one row per model, each model
 * at its own threshold for one shared FMR target (NIST's way), with one plain sentence per model.
 * Shows what `npm run metrics -- --compare` prints for the same packs. Exports SVG, PNG and CSV.
 *
 * @fires fmr-target-change - {@link FmrTargetChangeEvent}
 */
@customElement('fg-compare-view')
export class FgCompareView extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--fg-text, #1a1a1a); }
    h2 { margin: 0 0 0.4em; font-size: 1.3em; }
    .sentences { margin: 0.6em 0 1em; padding: 0; list-style: none; display: grid; gap: 0.5em; }
    .sentences li { font-size: 1.05em; line-height: 1.4; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin-top: 1em; }
    th, td { padding: 0.25em 0.6em; border-bottom: 1px solid var(--fg-border, #c9ced6); text-align: right; }
    th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align: left; }
    .note { color: var(--fg-muted, #555b66); font-size: 0.9em; }
    .toolbar { display: flex; justify-content: space-between; align-items: center; gap: 1em; flex-wrap: wrap; }
    .across { font-weight: 600; }
    /* A projector: 28 px type, dark. On a screen up to 1200 px tall (1080p included: four models' sentences
       and the chart do not fit it) the chart and the sentences are pages, and a button says where the next is. */
    :host([presenter]) { background: #101214; color: #f4f5f7; --fg-text: #f4f5f7; --fg-muted: #d5d9df; --fg-border: #7d848e; font-size: 28px; padding: 0 0.3em; }
    :host([presenter]) h2 { display: none; }
    :host([presenter]) .sentences { margin: 0 0 0.4em; gap: 0.3em; }
    :host([presenter]) .sentences li { font-size: 1em; line-height: 1.3; }
    /* Drawn at up to 1,400 px: type 28-33 px on screen, with four models as with three (panels narrow). */
    :host([presenter]) fg-compare-chart { max-width: 1400px; }
    /* The notes are for the page, except the one saying the comparison is being worked out. */
    :host([presenter]) table, :host([presenter]) .toolbar, :host([presenter]) .note:not([role='status']) { display: none; }
    .pager { display: none; font: inherit; font-size: 0.7em; padding: 0.1em 0.6em; border-radius: 999px; cursor: pointer;
      border: 1px solid var(--fg-border); background: #23272d; color: var(--fg-text); margin-bottom: 0.3em; }
    @media (max-height: 1200px) {
      :host([presenter]) .pager { display: inline-block; }
      :host([presenter]:not([words])) .sentences li[data-model], :host([presenter][words]) fg-compare-chart { display: none; }
      :host([presenter][words]) .sentences li.other-page { display: none; }
    }
  `;

  /** The comparison (src/metrics/compare.ts), null while it is computed. */
  @property({ attribute: false }) report: ModelComparisonReport | null = null;
  /** Cost of each model by id: ms per face on this device and weights size. */
  @property({ attribute: false }) costs: Readonly<Record<string, ModelCost>> = {};
  /** The shared FMR target the report was made for (the select shows it). */
  @property({ type: Number }) fmrTarget = 1e-3;
  /** Presenter layout: the chart and the sentences, large; the table is left out. */
  @property({ type: Boolean, reflect: true }) presenter = false;
  /** On a short projector screen, the pages of the models' sentences instead of the chart. */
  @property({ type: Boolean, reflect: true }) words = false;

  /** Which page of sentences shows (from 1), when `words`. */
  @state() private _wordsPage = 1;

  private _rows: CompareModelRow[] = [];
  private _across: string | null = null;

  override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('report')) return;
    this._rows = this.report ? buildCompareRows(this.report) : [];
    this._across = buildAcrossModelsSentence(this._rows);
  }

  override render() {
    const report = this.report;
    if (!report) return html`<h2>Compare models</h2><p class="note" role="status">Comparing the models on the same faces…</p>`;
    return html`
      <h2>Compare models</h2>
      <ul class="sentences">${this._rows.map((row, i) => html`<li data-model=${row.modelId} class=${this._pageClass(pageOfSentence(i))}>${row.text}</li>`)}
        ${this._across ? html`<li class="across ${this._pageClass(this._countWordsPages())}" data-across>${this._across}</li>` : nothing}</ul>
      ${this.presenter ? html`<button class="pager" type="button" aria-pressed=${this.words ? 'true' : 'false'} @click=${this._onPage}>
        ${this._describeNextPage()}</button>` : nothing}
      <fg-compare-chart .rows=${this._rows} .fmrTarget=${report.fmr_target} ?presenter=${this.presenter}></fg-compare-chart>
      <div class="toolbar">
        <label>Shared target: overall false-match rate
          <select @change=${this._onTarget}>${COMPARE_FMR_TARGETS.map((target) => html`<option .value=${String(target)} ?selected=${target === this.fmrTarget}>${target}</option>`)}</select>
        </label>
        <fg-export-menu title="Compare models" .getCsv=${() => this._toCsv()}></fg-export-menu>
      </div>
      <table>
        <caption class="note">Each model at its own threshold for an overall false-match rate of ${report.fmr_target}. Intervals: Wilson 95% and subject-level bootstrap 95%.</caption>
        <thead><tr><th scope="col">model</th><th scope="col">group</th><th scope="col">FMR</th><th scope="col">Wilson 95%</th><th scope="col">bootstrap 95%</th><th scope="col">FNMR</th><th scope="col">no face</th></tr></thead>
        <tbody>${this._rows.flatMap((row) => row.groups.map((g) => html`<tr data-model=${row.modelId} data-group=${g.group}>
          <td>${row.label}</td><td>${g.group}</td>
          <td data-value=${String(g.fmr.rate)}>${formatRate(g.fmr.rate)}</td>
          <td>${formatRateInterval(g.fmr.ci95)}</td>
          <td>${g.fmrBootstrap ? formatRateInterval(g.fmrBootstrap as [number, number]) : ''}</td>
          <td data-value=${String(g.fnmr.rate)}>${g.fnmr.pairs > 0 ? formatRate(g.fnmr.rate) : 'no genuine pairs'}</td>
          <td>${formatRate(g.noFaceRate)}</td></tr>`))}</tbody>
      </table>
      <p class="note">No-face rates come from the same detector for every model (only the recognition model differs), so they are equal by design.
        ${this._describeCosts()}</p>
    `;
  }

  private _countWordsPages(): number {
    return pageOfSentence(Math.max(0, this._rows.length - 1));
  }

  private _pageClass(page: number): string {
    return page === this._wordsPage ? 'this-page' : 'other-page';
  }

  private _describeNextPage(): string {
    if (!this.words) return `Next: each model in words (${this._rows.length} sentences) \u2192`;
    const pages = this._countWordsPages();
    return this._wordsPage < pages ? `Next: more models in words (page ${this._wordsPage + 1} of ${pages}) \u2192` : '\u2190 Back to the chart';
  }

  /** Chart, then each page of sentences, then back to the chart. */
  private _onPage(): void {
    if (!this.words) {
      this.words = true;
      this._wordsPage = 1;
    } else if (this._wordsPage < this._countWordsPages()) {
      this._wordsPage++;
    } else {
      this.words = false;
    }
  }

  private _onTarget(event: Event): void {
    this.dispatchEvent(new FmrTargetChangeEvent(Number((event.target as HTMLSelectElement).value)));
  }

  private _describeCosts() {
    const parts = this._rows.flatMap((row) => {
      const cost = this.costs[row.modelId];
      if (!cost) return [];
      const ms = cost.msPerFace === undefined ? '' : `${Math.round(cost.msPerFace)} ms per face on this device`;
      const size = cost.bytes === undefined ? '' : `${(cost.bytes / 1e6).toFixed(1)} MB`;
      return [`${row.label}: ${[ms, size].filter(Boolean).join(', ')}`];
    });
    return parts.length > 0 ? html`Cost: ${parts.join('; ')}.` : nothing;
  }

  private _toCsv(): string {
    const header = ['model', 'score_id', 'threshold', 'group', 'people', 'impostor_pairs', 'fmr', 'fmr_ci95_low', 'fmr_ci95_high',
      'fmr_bootstrap_low', 'fmr_bootstrap_high', 'genuine_pairs', 'fnmr', 'no_face_rate'];
    const rows = this._rows.flatMap((row) => row.groups.map((g) => [
      row.modelId, row.scoreId, row.threshold, g.group, g.people, g.fmr.pairs, g.fmr.rate, g.fmr.ci95?.[0], g.fmr.ci95?.[1],
      g.fmrBootstrap?.[0], g.fmrBootstrap?.[1], g.fnmr.pairs, g.fnmr.rate, g.noFaceRate,
    ]));
    return toCsv(header, rows);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-compare-view': FgCompareView;
  }
  interface HTMLElementEventMap {
    'fmr-target-change': FmrTargetChangeEvent;
  }
}
