import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DISCUSSION_QUESTIONS, NIST_CITATION } from '../../classroom/lesson';
import { formatRateWithInterval } from '../../classroom/lesson-figures';
import type { ReferencePack } from '../../datasets/pack-types';
import { computeGapAtThreshold } from '../../views/gap-model';
import { formatScore, pluralise } from '../../views/format';
import { describeGrouping } from '../../views/grouping';
import { PackGapController } from '../lesson/pack-gap-controller';
import { RatioIntervalController } from '../lesson/ratio-interval-controller';

/**
 * The handout: one or two printed pages, black on white, with the gap at the current threshold,
 * the table with intervals, the pack's provenance and licence, the model and three questions.
 * fg-app shows it alone (`?handout`, or "Print a handout") and calls the browser's print.
 * `data-ready` is set once the table is filled, so a test can print it.
 */
@customElement('fg-handout')
export class FgHandout extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 180mm; margin: 0 auto; color: #000; background: #fff; font: 11pt/1.35 Georgia, 'Times New Roman', serif; }
    h1 { font-size: 18pt; margin: 0 0 0.2em; }
    h2 { font-size: 13pt; margin: 1em 0 0.3em; break-after: avoid; }
    .sentence { font-size: 13pt; font-weight: 700; }
    table { border-collapse: collapse; width: 100%; font-size: 10pt; break-inside: auto; }
    tr { break-inside: avoid; }
    thead { display: table-header-group; }
    th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; }
    td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .small { font-size: 9pt; }
    ol { padding-left: 1.3em; }
    @media screen { :host { padding: 1rem; } }
  `;

  /** Active reference pack. */
  @property({ attribute: false }) pack: ReferencePack | null = null;
  /** Shared threshold, 0..1. */
  @property({ type: Number }) threshold = 0.5;
  /** Pack labels that make its groups. */
  @property({ attribute: false }) groupBy: string[] = ['race'];
  /** The face model, in words (name, version, sha256 prefix). */
  @property() model = '';

  private readonly _gap = new PackGapController(this);
  private readonly _ratio = new RatioIntervalController(this);

  override updated(): void {
    // Ready once the table, the ratio's interval and the model line are filled: what a print must wait for.
    this.dataset.ready = String(this._gap.gapFor(this.pack, this.groupBy) !== null && this._ratio.isSettled && this.model !== '');
  }

  override render() {
    const pack = this.pack;
    const gap = this._gap.gapFor(pack, this.groupBy);
    if (!pack) return html`<p>No reference pack is loaded: open one (Bias tab) and print again.</p>`;
    const at = gap ? computeGapAtThreshold(gap, this.threshold) : null;
    const sentence = gap ? this._ratio.sentenceFor(gap, this.threshold) : null;
    return html`
      <h1>FaceGap: how face recognition errs differently across groups</h1>
      <p class="small">Printed ${new Date().toISOString().slice(0, 10)} from FaceGap, which ran entirely in the browser; no face left the laptop.</p>
      <h2>The gap at threshold ${formatScore(this.threshold)}</h2>
      ${this._gap.error ? html`<p>${this._gap.error}</p>` : nothing}
      ${this._ratio.error ? html`<p>${this._ratio.error}</p>` : nothing}
      ${sentence ? html`<p class="sentence">${sentence.text}</p>` : html`<p>Scoring the pack…</p>`}
      ${at ? html`<table>
        <caption class="small">False matches: two different people of the group scoring at or above the threshold. False non-matches: two photos of one person scoring below it. 95% Wilson intervals, which treat pairs as independent (they are not, so the true uncertainty is wider).</caption>
        <thead><tr><th scope="col">${describeGrouping(this.groupBy)}</th><th scope="col">people</th><th scope="col">false-match rate</th><th scope="col">false non-match rate</th></tr></thead>
        <tbody>${at.rows.map((r) => html`<tr><td>${r.group}${r.isSmall ? ' (small group)' : ''}</td><td class="num">${r.people}</td>
          <td class="num">${formatRateWithInterval(r.fmr)}</td><td class="num">${formatRateWithInterval(r.fnmr)}</td></tr>`)}</tbody>
      </table>` : nothing}
      <h2>Where the numbers come from</h2>
      <p><strong>Reference pack:</strong> ${pack.name}, ${pluralise(pack.samples.length, 'face', 'faces')}. ${pack.description}</p>
      <p><strong>Credit:</strong> ${pack.attribution} <strong>Licence:</strong> ${pack.license}</p>
      <p><strong>Model:</strong> ${this.model || 'the FaceGap face model'}.</p>
      <p class="small">Labels were assigned by others and can be wrong; small groups give wide intervals; one dataset is not the world.
        For scale, NIST found false-match rates 10 to 100 times higher for some groups than for others (${NIST_CITATION})</p>
      <h2>Three questions to discuss</h2>
      <ol>${DISCUSSION_QUESTIONS.map((q) => html`<li>${q}</li>`)}</ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-handout': FgHandout;
  }
}
