import { LitElement, html, svg, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';
import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter } from 'd3-shape';
import { chartStyles } from './chart-styles';
import type { GroupHistograms } from '../views/chart-model';
import { formatCount, formatScore, pluralise } from '../views/format';
import { GENUINE_COLOUR, IMPOSTOR_COLOUR } from '../views/palette';
import './export/fg-export-menu';

/** One group's histograms (shares of pairs per bin of 0..1; empty when that kind of pair is missing). */
export type DistributionRow = GroupHistograms;

const WIDTH = 900;
const LABEL_WIDTH = 220;
const ROW_HEIGHT = 78;
const TOP = 40;
const BOTTOM = 46;
const RIGHT = 24;

/**
 * Genuine (same person) and impostor (different people) score distributions overlaid, one row per
 * group, each scaled to its own tallest bin so small groups stay readable. Impostors are a filled
 * area, genuine pairs a dashed outline: the two differ by fill and dash, not only by colour.
 */
@customElement('fg-distribution-chart')
export class FgDistributionChart extends LitElement {
  static override styles = chartStyles;

  /** One row per group. */
  @property({ attribute: false }) rows: readonly DistributionRow[] = [];
  /** Decision threshold, drawn across all rows. */
  @property({ type: Number }) threshold = DEFAULT_THRESHOLD_SIMILARITY;
  /** Title above the chart. */
  @property() caption = 'How alike pairs score, by group';
  /** Larger type for a room. */
  @property({ type: Boolean, reflect: true }) presenter = false;

  override render() {
    if (this.rows.length === 0) return html`<p class="empty">No pairs to draw: load a pack or enrol people first.</p>`;
    const height = TOP + this.rows.length * ROW_HEIGHT + BOTTOM;
    const x = scaleLinear().domain([0, 1]).range([LABEL_WIDTH, WIDTH - RIGHT]);
    const tx = x(Math.min(1, Math.max(0, this.threshold)));
    return html`<figure>
      <figcaption><span>${this.caption}</span>
        <fg-export-menu title=${this.caption} .getSvg=${() => this.renderRoot.querySelector('svg')}></fg-export-menu></figcaption>
      <svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label=${`${this.caption}, ${pluralise(this.rows.length, 'group', 'groups')}, threshold ${formatScore(this.threshold)}.`}>
        <g transform="translate(${LABEL_WIDTH},14)">
          <rect width="22" height="14" fill=${IMPOSTOR_COLOUR} fill-opacity="0.45" stroke=${IMPOSTOR_COLOUR} stroke-width="2"></rect>
          <text class="label" x="30" y="12">different people (impostor pairs)</text>
          ${this.rows.some((r) => r.genuine.length > 0) ? svg`
          <line x1="390" x2="420" y1="7" y2="7" stroke=${GENUINE_COLOUR} stroke-width="3" stroke-dasharray="6 3"></line>
          <text class="label" x="428" y="12">same person (genuine pairs)</text>` : nothing}
        </g>
        ${x.ticks(10).map((t) => svg`
          <line class="grid" x1=${x(t)} x2=${x(t)} y1=${TOP} y2=${height - BOTTOM}></line>
          <text class="tick" x=${x(t)} y=${height - BOTTOM + 20} text-anchor="middle">${t.toFixed(1)}</text>`)}
        <text class="axis-title" x=${(LABEL_WIDTH + WIDTH - RIGHT) / 2} y=${height - 6} text-anchor="middle">similarity score \u2192 more alike</text>
        ${this.rows.map((row, i) => this._renderRow(row, i, x))}
        <line class="threshold" x1=${tx} x2=${tx} y1=${TOP - 4} y2=${height - BOTTOM}></line>
        <text class="threshold-label" x=${tx + 6} y=${height - BOTTOM - 4}>${formatScore(this.threshold)}</text>
      </svg>
    </figure>`;
  }

  private _renderRow(row: DistributionRow, i: number, x: (v: number) => number) {
    const top = TOP + i * ROW_HEIGHT;
    const base = top + ROW_HEIGHT - 8;
    const tallest = Math.max(1e-9, ...row.genuine, ...row.impostor);
    const y = scaleLinear().domain([0, tallest]).range([base, top + 8]);
    const toPath = (bins: readonly number[]): string => {
      const points = [...bins, bins[bins.length - 1]].map((v, k) => [k / bins.length, v] as const);
      return area<readonly [number, number]>().x((d) => x(d[0])).y0(base).y1((d) => y(d[1])).curve(curveStepAfter)(points) ?? '';
    };
    return svg`
      <line class="grid" x1=${LABEL_WIDTH} x2=${WIDTH - RIGHT} y1=${base} y2=${base}></line>
      <text class="label" x=${LABEL_WIDTH - 12} y=${top + ROW_HEIGHT / 2 - 4} text-anchor="end" font-weight="600">${row.group}</text>
      <text class="tick" x=${LABEL_WIDTH - 12} y=${top + ROW_HEIGHT / 2 + 14} text-anchor="end">${row.genuinePairs > 0 ? `${formatCount(row.impostorPairs)} + ${pluralise(row.genuinePairs, 'pair', 'pairs')}` : pluralise(row.impostorPairs, 'pair', 'pairs')}</text>
      ${row.impostor.length ? svg`<path d=${toPath(row.impostor)} fill=${IMPOSTOR_COLOUR} fill-opacity="0.45" stroke=${IMPOSTOR_COLOUR} stroke-width="1.5"></path>` : nothing}
      ${row.genuine.length ? svg`<path d=${toPath(row.genuine)} fill="none" stroke=${GENUINE_COLOUR} stroke-width="3" stroke-dasharray="6 3"></path>` : nothing}
      ${!row.impostor.length && !row.genuine.length ? svg`<text class="tick" x=${LABEL_WIDTH + 10} y=${base - 20}>no pairs in this group</text>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-distribution-chart': FgDistributionChart;
  }
}
