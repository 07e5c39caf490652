import { LitElement, html, svg, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';
import { scaleLinear } from 'd3-scale';
import { chartStyles } from './chart-styles';
import { formatScore, pluralise } from '../views/format';
import { IMPOSTOR_COLOUR } from '../views/palette';
import { createMulberry32 } from '../metrics/random';
import './export/fg-export-menu';

/** One row of the strip: a group and its scores. */
export interface ScoreStripRow {
  readonly group: string;
  /** Scores in 0..1, one dot each. */
  readonly scores: readonly number[];
  /** Short text under the group name, e.g. "120 people". */
  readonly note?: string;
}

const WIDTH = 900;
const LABEL_WIDTH = 220;
const ROW_HEIGHT = 54;
const TOP = 34;
const BOTTOM = 46;
const RIGHT = 24;

/**
 * Per-group strip of scores: one row per group, one jittered dot per score, the threshold as a
 * dashed line. Dots at or above the threshold (matches) are filled and larger; the rest hollow,
 * so a match reads by shape as well as colour.
 */
@customElement('fg-score-strip')
export class FgScoreStrip extends LitElement {
  static override styles = chartStyles;

  /** Rows to draw, top to bottom. */
  @property({ attribute: false }) rows: readonly ScoreStripRow[] = [];
  /** Decision threshold (0..1): a score >= threshold is a match. */
  @property({ type: Number }) threshold = DEFAULT_THRESHOLD_SIMILARITY;
  /** Title above the chart, also the export's file name. */
  @property() caption = 'Scores by group';
  /** What a dot is, for the axis title. */
  @property() axisTitle = 'similarity score';
  /** Larger type for a room. */
  @property({ type: Boolean, reflect: true }) presenter = false;

  override render() {
    if (this.rows.length === 0) return html`<p class="empty">No scores to show yet.</p>`;
    const height = TOP + this.rows.length * ROW_HEIGHT + BOTTOM;
    const x = scaleLinear().domain([0, 1]).range([LABEL_WIDTH, WIDTH - RIGHT]);
    const tx = x(Math.min(1, Math.max(0, this.threshold)));
    const matches = this.rows.reduce((n, r) => n + r.scores.filter((s) => s >= this.threshold).length, 0);
    return html`<figure>
      <figcaption><span>${this.caption}</span>
        <fg-export-menu title=${this.caption} .getSvg=${() => this.renderRoot.querySelector('svg')}></fg-export-menu></figcaption>
      <svg viewBox="0 0 ${WIDTH} ${height}" role="img"
        aria-label=${`${this.caption}: ${pluralise(this.rows.length, 'group', 'groups')}, ${pluralise(matches, 'score', 'scores')} at or above the threshold ${formatScore(this.threshold)}.`}>
        ${x.ticks(10).map((t) => svg`
          <line class="grid" x1=${x(t)} x2=${x(t)} y1=${TOP - 6} y2=${height - BOTTOM}></line>
          <text class="tick" x=${x(t)} y=${height - BOTTOM + 20} text-anchor="middle">${t.toFixed(1)}</text>`)}
        <text class="axis-title" x=${(LABEL_WIDTH + WIDTH - RIGHT) / 2} y=${height - 6} text-anchor="middle">${this.axisTitle} \u2192 more alike</text>
        ${this.rows.map((row, i) => this._renderRow(row, i, x))}
        <line class="threshold" x1=${tx} x2=${tx} y1=${TOP - 10} y2=${height - BOTTOM}></line>
        <text class="threshold-label" x=${tx} y=${TOP - 16} text-anchor=${tx > WIDTH - 160 ? 'end' : 'middle'}>threshold ${formatScore(this.threshold)}</text>
      </svg>
    </figure>`;
  }

  private _renderRow(row: ScoreStripRow, i: number, x: (v: number) => number) {
    const cy = TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    const random = createMulberry32(i + 1);
    return svg`
      <line class="grid" x1=${LABEL_WIDTH} x2=${WIDTH - RIGHT} y1=${cy + ROW_HEIGHT / 2} y2=${cy + ROW_HEIGHT / 2}></line>
      <text class="label" x=${LABEL_WIDTH - 12} y=${cy - 2} text-anchor="end" font-weight="600">${row.group}</text>
      ${row.note ? svg`<text class="tick" x=${LABEL_WIDTH - 12} y=${cy + 16} text-anchor="end">${row.note}</text>` : nothing}
      ${row.scores.map((score) => {
        const jitter = (random() - 0.5) * (ROW_HEIGHT - 18);
        const isMatch = score >= this.threshold;
        // One template for both looks: a threshold move changes attributes, never replaces the
        // circles (replacing them left thousands of detached nodes behind in the soak bench).
        return svg`<circle cx=${x(score)} cy=${cy + jitter} r=${isMatch ? 6.5 : 4} fill=${isMatch ? IMPOSTOR_COLOUR : 'none'}
          stroke=${isMatch ? '#000' : '#6b7280'} stroke-width="1.2" opacity=${isMatch ? 1 : 0.8}></circle>`;
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-score-strip': FgScoreStrip;
  }
}
