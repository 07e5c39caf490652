import { LitElement, html, svg, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { DetChartPoint } from '../views/chart-model';
import { formatRate, formatScore } from '../views/format';
import { findSeriesStyle, markerPath } from '../views/palette';
import { chartStyles } from './chart-styles';
import './export/fg-export-menu';

/** One group's DET curve and its point at the current threshold. */
export interface DetCurve {
  readonly group: string;
  readonly points: readonly DetChartPoint[];
  readonly current: DetChartPoint | null;
}

const WIDTH = 900;
const HEIGHT = 560;
const MARGIN = { left: 96, right: 230, top: 20, bottom: 64 };
const LOG_TICKS = [1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1];

/**
 * DET curves per group on log axes: false-match rate across, false non-match rate up; lower-left is
 * better. Each group has its own Okabe-Ito colour, dash pattern and marker, labelled at the right.
 * A rate of 0 has no place on a log axis: such points are left out and the note says so.
 */
@customElement('fg-det-chart')
export class FgDetChart extends LitElement {
  static override styles = chartStyles;

  /** One curve per group; groups without both kinds of pair should be passed with no points. */
  @property({ attribute: false }) curves: readonly DetCurve[] = [];
  /** Title above the chart. */
  @property() caption = 'Trade-off per group (DET curves)';
  /** Larger type for a room. */
  @property({ type: Boolean, reflect: true }) presenter = false;

  override render() {
    const drawable = this.curves.filter((c) => c.points.some((p) => p.fmr > 0 && p.fnmr > 0));
    if (drawable.length === 0) {
      return html`<p class="empty">No DET curve to draw: it needs same-person and different-person pairs in a group
        (a set with one photo per person, such as UTKFace, only gives false matches).</p>`;
    }
    const positive = drawable.flatMap((c) => c.points.filter((p) => p.fmr > 0 && p.fnmr > 0));
    const xMin = Math.max(1e-5, 10 ** Math.floor(Math.log10(Math.min(...positive.map((p) => p.fmr)))));
    const yMin = Math.max(1e-5, 10 ** Math.floor(Math.log10(Math.min(...positive.map((p) => p.fnmr)))));
    const x = scaleLog().domain([xMin, 1]).range([MARGIN.left, WIDTH - MARGIN.right]).clamp(true);
    const y = scaleLog().domain([yMin, 1]).range([HEIGHT - MARGIN.bottom, MARGIN.top]).clamp(true);
    const path = line<DetChartPoint>().x((p) => x(p.fmr)).y((p) => y(p.fnmr));
    const left = drawable.length < this.curves.length ? this.curves.filter((c) => !drawable.includes(c)).map((c) => c.group) : [];
    return html`<figure>
      <figcaption><span>${this.caption}</span>
        <fg-export-menu title=${this.caption} .getSvg=${() => this.renderRoot.querySelector('svg')}></fg-export-menu></figcaption>
      <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${this._describe(drawable)}>
        ${LOG_TICKS.filter((t) => t >= xMin).map((t) => svg`
          <line class="grid" x1=${x(t)} x2=${x(t)} y1=${MARGIN.top} y2=${HEIGHT - MARGIN.bottom}></line>
          <text class="tick" x=${x(t)} y=${HEIGHT - MARGIN.bottom + 20} text-anchor="middle">${formatRate(t)}</text>`)}
        ${LOG_TICKS.filter((t) => t >= yMin).map((t) => svg`
          <line class="grid" x1=${MARGIN.left} x2=${WIDTH - MARGIN.right} y1=${y(t)} y2=${y(t)}></line>
          <text class="tick" x=${MARGIN.left - 8} y=${y(t) + 5} text-anchor="end">${formatRate(t)}</text>`)}
        <text class="axis-title" x=${(MARGIN.left + WIDTH - MARGIN.right) / 2} y=${HEIGHT - 12} text-anchor="middle">false-match rate (log scale)</text>
        <text class="axis-title" transform="translate(22 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)" text-anchor="middle">false non-match rate (log)</text>
        ${drawable.map((curve) => {
          const style = findSeriesStyle(this.curves.indexOf(curve));
          const pts = curve.points.filter((p) => p.fmr > 0 && p.fnmr > 0);
          const labelY = MARGIN.top + 14 + drawable.indexOf(curve) * 30;
          const lx = WIDTH - MARGIN.right + 16;
          return svg`<g>
            <path d=${path(pts) ?? ''} fill="none" stroke=${style.colour} stroke-width="3" stroke-dasharray=${style.dash || nothing}></path>
            ${curve.current && curve.current.fmr > 0 && curve.current.fnmr > 0 ? svg`
              <path transform="translate(${x(curve.current.fmr)} ${y(curve.current.fnmr)})" d=${markerPath(style.marker, 8)}
                fill=${style.colour} stroke="#000" stroke-width="1.2"></path>` : nothing}
            <line x1=${lx} x2=${lx + 34} y1=${labelY} y2=${labelY} stroke=${style.colour} stroke-width="3" stroke-dasharray=${style.dash || nothing}></line>
            <path transform="translate(${lx + 17} ${labelY})" d=${markerPath(style.marker, 6)} fill=${style.colour} stroke="#000" stroke-width="1"></path>
            <text class="label" x=${lx + 42} y=${labelY + 5}>${curve.group}</text>
          </g>`;
        })}
      </svg>
      <p class="note">Markers show each group at the current threshold. Points where a rate is 0 cannot sit on a log axis and are left out${left.length ? html`; no curve for ${left.join(', ')} (needs both kinds of pair)` : nothing}.</p>
    </figure>`;
  }

  private _describe(curves: readonly DetCurve[]): string {
    const parts = curves.map((c) => c.current
      ? `${c.group}: false-match ${formatRate(c.current.fmr)}, false non-match ${formatRate(c.current.fnmr)} at ${formatScore(c.current.threshold)}`
      : c.group);
    return `${this.caption}. ${parts.join('; ')}.`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-det-chart': FgDetChart;
  }
}
