import { LitElement, css, html, svg, nothing, type PropertyValues } from 'lit';
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
  /** Short text under the group name (after it, in presenter view), e.g. "120 people". */
  readonly note?: string;
}

/** The drawing's geometry, in viewBox units. */
interface StripLayout {
  width: number;
  labelWidth: number;
  rowHeight: number;
  top: number;
  bottom: number;
  right: number;
  ticks: number;
  /** Put the note after the group's name on one line (presenter), or under it. */
  isNoteInline: boolean;
}

const PAGE_LAYOUT: StripLayout = { width: 900, labelWidth: 220, rowHeight: 54, top: 34, bottom: 46, right: 24, ticks: 10, isNoteInline: false };
/**
 * A projector: about as many units as pixels at 1280 px (so 28-unit type is 28 px or more on
 * screen at 1280x720 and 1920x1080), one line per group and five ticks, so six groups fit one screen.
 */
const PRESENTER_LAYOUT: StripLayout = { width: 1200, labelWidth: 430, rowHeight: 38, top: 40, bottom: 68, right: 30, ticks: 5, isNoteInline: true };
/** The most of the presenter drawing's width the names may take: the dots keep the rest. */
const MAX_LABEL_SHARE = 0.5;
/** Space between a name and the dots, plus the name's offset from the plot, in units. */
const LABEL_PAD_UNITS = 24;
/** The presenter's type size for names and ticks (the styles below say the same). */
const PRESENTER_LABEL_PX = 28;

/**
 * Per-group strip of scores: one row per group, one jittered dot per score, the threshold as a
 * dashed line. Dots at or above the threshold (matches) are filled and larger; the rest hollow,
 * so a match reads by shape as well as colour.
 */
@customElement('fg-score-strip')
export class FgScoreStrip extends LitElement {
  static override styles = [chartStyles, css`
    /* On a projector every word is read from the back: 28 units are 28 px or more at 1280 and 1920 px. */
    :host([presenter]) .tick, :host([presenter]) .label, :host([presenter]) .axis-title, :host([presenter]) .threshold-label { font-size: 28px; }
    :host([presenter]) .note-inline { fill: var(--fg-muted, #555b66); font-weight: 400; }
    :host([presenter]) figcaption { font-size: 28px; }
    :host([presenter]) figcaption fg-export-menu { display: none; }
  `];

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
  /**
   * The presenter drawing's width in units (1,200 for the whole screen; less for a column, so its
   * 28-unit type stays 28 px where the column is at least this many px wide).
   */
  @property({ type: Number, attribute: 'presenter-width' }) presenterWidth = PRESENTER_LAYOUT.width;

  /** Room for the widest group name and note (presenter: "Others/female/45-70, 0 of 20" is wider than the default). */
  private _labelWidth = PRESENTER_LAYOUT.labelWidth;

  override willUpdate(changed: PropertyValues<this>): void {
    if (this.presenter && (changed.has('rows') || changed.has('presenter') || changed.has('presenterWidth'))) this._labelWidth = this._measureLabelWidth();
  }

  override render() {
    if (this.rows.length === 0) return html`<p class="empty">No scores to show yet.</p>`;
    const layout = this.presenter ? { ...PRESENTER_LAYOUT, width: this.presenterWidth, labelWidth: this._labelWidth } : PAGE_LAYOUT;
    const { width, labelWidth, rowHeight, top, bottom, right } = layout;
    const height = top + this.rows.length * rowHeight + bottom;
    const x = scaleLinear().domain([0, 1]).range([labelWidth, width - right]);
    const tx = x(Math.min(1, Math.max(0, this.threshold)));
    const matches = this.rows.reduce((n, r) => n + r.scores.filter((s) => s >= this.threshold).length, 0);
    return html`<figure>
      <figcaption><span>${this.caption}</span>
        <fg-export-menu title=${this.caption} .getSvg=${() => this.renderRoot.querySelector('svg')}></fg-export-menu></figcaption>
      <svg viewBox="0 0 ${width} ${height}" role="img"
        aria-label=${`${this.caption}: ${pluralise(this.rows.length, 'group', 'groups')}, ${pluralise(matches, 'score', 'scores')} at or above the threshold ${formatScore(this.threshold)}.`}>
        ${x.ticks(layout.ticks).map((t) => svg`
          <line class="grid" x1=${x(t)} x2=${x(t)} y1=${top - 6} y2=${height - bottom}></line>
          <text class="tick" x=${x(t)} y=${height - bottom + (this.presenter ? 30 : 20)} text-anchor="middle">${t.toFixed(1)}</text>`)}
        <text class="axis-title" x=${(labelWidth + width - right) / 2} y=${height - 6} text-anchor="middle">${this.axisTitle} \u2192 more alike</text>
        ${this.rows.map((row, i) => this._renderRow(row, i, x, layout))}
        <line class="threshold" x1=${tx} x2=${tx} y1=${top - 10} y2=${height - bottom}></line>
        <text class="threshold-label" x=${tx} y=${top - 16} text-anchor=${tx > width - 200 ? 'end' : 'middle'}>threshold ${formatScore(this.threshold)}</text>
      </svg>
    </figure>`;
  }

  /**
   * The presenter's name column, in units: the widest "name, note" at 28 px (a unit is a CSS px
   * inside the drawing), never under the default and never more than half the drawing.
   */
  private _measureLabelWidth(): number {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return PRESENTER_LAYOUT.labelWidth;
    const family = getComputedStyle(this).fontFamily || 'sans-serif';
    let widest = 0;
    for (const row of this.rows) {
      context.font = `600 ${PRESENTER_LABEL_PX}px ${family}`;
      let width = context.measureText(row.group).width;
      context.font = `400 ${PRESENTER_LABEL_PX}px ${family}`;
      if (row.note) width += context.measureText(`, ${row.note}`).width;
      widest = Math.max(widest, width);
    }
    return Math.min(Math.round(this.presenterWidth * MAX_LABEL_SHARE), Math.max(PRESENTER_LAYOUT.labelWidth, Math.ceil(widest) + LABEL_PAD_UNITS));
  }

  private _renderRow(row: ScoreStripRow, i: number, x: (v: number) => number, layout: StripLayout) {
    const { labelWidth, rowHeight, width, right } = layout;
    const cy = layout.top + i * rowHeight + rowHeight / 2;
    const random = createMulberry32(i + 1);
    const label = layout.isNoteInline
      ? svg`<text class="label" x=${labelWidth - 12} y=${cy + 9} text-anchor="end"><tspan font-weight="600">${row.group}</tspan>${row.note ? svg`<tspan class="note-inline">, ${row.note}</tspan>` : nothing}</text>`
      : svg`<text class="label" x=${labelWidth - 12} y=${cy - 2} text-anchor="end" font-weight="600">${row.group}</text>
        ${row.note ? svg`<text class="tick" x=${labelWidth - 12} y=${cy + 16} text-anchor="end">${row.note}</text>` : nothing}`;
    return svg`
      <line class="grid" x1=${labelWidth} x2=${width - right} y1=${cy + rowHeight / 2} y2=${cy + rowHeight / 2}></line>
      ${label}
      ${row.scores.map((score) => {
        const jitter = (random() - 0.5) * (rowHeight - 18);
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
