import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CompareModelRow } from '../../views/compare-model';
import { formatRate } from '../../views/format';
import { findSeriesStyle, markerPath } from '../../views/palette';
import { chartStyles } from '../chart-styles';
import '../export/fg-export-menu';

const PANEL_WIDTH = 300;
const LABEL_WIDTH = 190;
const ROW_HEIGHT = 30;
const TOP = 56;
const BOTTOM = 44;
const GAP = 48;

/**
 * Small multiples: one panel per model, the same groups and colours in each, every model at its
 * own threshold for the shared FMR target. A dot is the group's FMR, its line the Wilson 95%
 * interval; all panels share one axis so the models can be read against each other.
 */
@customElement('fg-compare-chart')
export class FgCompareChart extends LitElement {
  static override styles = [chartStyles, css`
    .interval { stroke-width: 3; stroke-linecap: round; }
    .panel-title { font-size: 15px; font-weight: 700; fill: var(--fg-text, #1a1a1a); }
    :host([presenter]) .panel-title { font-size: 21px; }
  `];

  /** One row per model, from `buildCompareRows`. */
  @property({ attribute: false }) rows: readonly CompareModelRow[] = [];
  /** The shared false-match-rate target, for the caption. */
  @property({ type: Number }) fmrTarget = 1e-3;
  /** Larger type for a projector. */
  @property({ type: Boolean, reflect: true }) presenter = false;

  override render() {
    if (this.rows.length === 0) return html`<p class="empty">No models to compare yet.</p>`;
    const groups = this.rows[0].groups.map((g) => g.group);
    const max = Math.max(1e-4, ...this.rows.flatMap((row) => row.groups.map((g) => g.fmr.ci95?.[1] ?? g.fmr.rate ?? 0)));
    const width = LABEL_WIDTH + this.rows.length * (PANEL_WIDTH + GAP);
    const height = TOP + groups.length * ROW_HEIGHT + BOTTOM;
    const caption = `False-match rate by group, each model at its own threshold for an overall FMR of ${this.fmrTarget}`;
    const ticks = [0, max / 2, max];
    return html`<figure>
      <figcaption><span>${caption}</span>
        <fg-export-menu title=${caption} .getSvg=${() => this.renderRoot.querySelector('svg')}></fg-export-menu></figcaption>
      <svg viewBox="0 0 ${width} ${height}" role="img" aria-label=${this._describe()}>
        ${groups.map((group, i) => svg`<text class="label" x=${LABEL_WIDTH - 10} y=${TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2 + 5} text-anchor="end">${group.replaceAll('_', ' ')}</text>`)}
        ${this.rows.map((row, m) => {
          const left = LABEL_WIDTH + m * (PANEL_WIDTH + GAP);
          const x = (rate: number) => left + (rate / max) * PANEL_WIDTH;
          return svg`<g data-model=${row.modelId}>
            <text class="panel-title" x=${left} y=${TOP - 24}>${row.label}</text>
            <text class="tick" x=${left} y=${TOP - 6}>threshold ${row.threshold === null ? 'n/a' : row.threshold.toFixed(3)} (${row.scoreId})</text>
            ${ticks.map((t) => svg`<line class="grid" x1=${x(t)} x2=${x(t)} y1=${TOP} y2=${TOP + groups.length * ROW_HEIGHT}></line>
              <text class="tick" x=${x(t)} y=${TOP + groups.length * ROW_HEIGHT + 18} text-anchor=${t === 0 ? 'start' : t === max ? 'end' : 'middle'}>${formatRate(t)}</text>`)}
            ${row.groups.map((g, i) => {
              const style = findSeriesStyle(i);
              const y = TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2;
              if (g.fmr.rate === null) return svg`<text class="tick" x=${left + 4} y=${y + 5}>not measurable</text>`;
              return svg`<g data-group=${g.group} opacity=${g.isSmall ? 0.45 : 1}>
                ${g.fmr.ci95 ? svg`<line class="interval" stroke=${style.colour} x1=${x(g.fmr.ci95[0])} x2=${x(g.fmr.ci95[1])} y1=${y} y2=${y}></line>` : ''}
                <path d=${markerPath(style.marker, 7)} transform="translate(${x(g.fmr.rate)} ${y})" fill=${style.colour} stroke=${style.marker === 'cross' ? style.colour : '#fff'} stroke-width="1.5"></path>
              </g>`;
            })}
          </g>`;
        })}
        <text class="axis-title" x=${width / 2} y=${height - 4} text-anchor="middle">false-match rate (dot) and Wilson 95% interval (line)</text>
      </svg>
    </figure>`;
  }

  private _describe(): string {
    return `${this.rows.length} models compared over ${this.rows[0]?.groups.length ?? 0} groups: ` +
      this.rows.map((row) => `${row.label}, ${row.groups.map((g) => `${g.group} ${formatRate(g.fmr.rate)}`).join(', ')}`).join('; ') + '.';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-compare-chart': FgCompareChart;
  }
}
