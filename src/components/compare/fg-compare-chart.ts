import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CompareModelRow } from '../../views/compare-model';
import { formatRate } from '../../views/format';
import { findSeriesStyle, markerPath } from '../../views/palette';
import { chartStyles } from '../chart-styles';
import '../export/fg-export-menu';

/** The drawing's geometry, in viewBox units. */
interface CompareLayout {
  panelWidth: number;
  labelWidth: number;
  rowHeight: number;
  top: number;
  bottom: number;
  gap: number;
  marker: number;
  /** Name the score id beside each threshold (the page; a projector leaves it out for room). */
  isScoreNamed: boolean;
}

const PAGE_LAYOUT: CompareLayout = { panelWidth: 300, labelWidth: 190, rowHeight: 30, top: 56, bottom: 44, gap: 48, marker: 7, isScoreNamed: true };
/** Three models span 1,196 units, about the pixels of a 1280 px screen, so 28-unit type is 28 px or more there and at 1920. */
const PRESENTER_LAYOUT: CompareLayout = { panelWidth: 300, labelWidth: 212, rowHeight: 40, top: 86, bottom: 76, gap: 28, marker: 9, isScoreNamed: false };
/** The presenter drawing's widest span, in units: more models get narrower panels, never smaller type. */
const PRESENTER_SPAN = 1196;
/**
 * Below this panel width (units) a projector's 28 px tick labels of the middle tick would run into
 * the last one, and a long model name into the next panel: the middle tick keeps its line but not
 * its label, and a name longer than {@link NARROW_TITLE_CHARS} breaks at its spaces.
 */
const NARROW_PANEL_UNITS = 260;
/** Characters of a bold 30 px model name that fit one narrow panel. */
const NARROW_TITLE_CHARS = 12;
/** Height of a presenter title line, in units. */
const TITLE_LINE_UNITS = 34;
/** Row height and room below the rows of narrow presenter panels, in units (28 px labels need 30). */
const NARROW_ROW_UNITS = 35;
const NARROW_BOTTOM_UNITS = 70;

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
    :host([presenter]) .panel-title { font-size: 30px; }
    :host([presenter]) .tick, :host([presenter]) .label, :host([presenter]) .axis-title { font-size: 28px; }
    :host([presenter]) figcaption { font-size: 28px; }
    :host([presenter]) figcaption fg-export-menu { display: none; }
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
    const layout = this.presenter ? PRESENTER_LAYOUT : PAGE_LAYOUT;
    const { labelWidth, gap } = layout;
    const panelWidth = this.presenter
      ? Math.min(layout.panelWidth, Math.floor((PRESENTER_SPAN - labelWidth) / this.rows.length) - gap)
      : layout.panelWidth;
    const isNarrow = this.presenter && panelWidth < NARROW_PANEL_UNITS;
    // Narrow panels give back, in tighter rows, the height a broken name takes: the chart still fits 1280x720.
    const rowHeight = isNarrow ? NARROW_ROW_UNITS : layout.rowHeight;
    const bottom = isNarrow ? NARROW_BOTTOM_UNITS : layout.bottom;
    const titles = this.rows.map((row) => (isNarrow ? breakTitle(row.label) : [row.label]));
    // A broken name pushes every panel down by its extra lines.
    const top = layout.top + (Math.max(...titles.map((lines) => lines.length)) - 1) * TITLE_LINE_UNITS;
    const width = labelWidth + this.rows.length * (panelWidth + gap);
    const height = top + groups.length * rowHeight + bottom;
    // A projector's caption keeps to one line at 1280 px: the axis title below says what is drawn.
    const caption = this.presenter
      ? `Each model at its own threshold for an overall FMR of ${this.fmrTarget}`
      : `False-match rate by group, each model at its own threshold for an overall FMR of ${this.fmrTarget}`;
    const ticks = [0, max / 2, max];
    return html`<figure>
      <figcaption><span>${caption}</span>
        <fg-export-menu title=${caption} .getSvg=${() => this.renderRoot.querySelector('svg')}></fg-export-menu></figcaption>
      <svg viewBox="0 0 ${width} ${height}" role="img" aria-label=${this._describe()}>
        ${groups.map((group, i) => svg`<text class="label" x=${labelWidth - 10} y=${top + i * rowHeight + rowHeight / 2 + (this.presenter ? 10 : 5)} text-anchor="end">${group.replaceAll('_', ' ')}</text>`)}
        ${this.rows.map((row, m) => {
          const left = labelWidth + m * (panelWidth + gap);
          const x = (rate: number) => left + (rate / max) * panelWidth;
          return svg`<g data-model=${row.modelId}>
            <text class="panel-title" x=${left} y=${top - (this.presenter ? 48 : 24) - (titles[m].length - 1) * TITLE_LINE_UNITS}>${titles[m].map((line, i) => svg`<tspan x=${left} dy=${i === 0 ? 0 : TITLE_LINE_UNITS}>${line}</tspan>`)}</text>
            <text class="tick" x=${left} y=${top - (this.presenter ? 12 : 6)}>threshold ${row.threshold === null ? 'n/a' : row.threshold.toFixed(3)}${layout.isScoreNamed ? ` (${row.scoreId})` : ''}</text>
            ${ticks.map((t) => svg`<line class="grid" x1=${x(t)} x2=${x(t)} y1=${top} y2=${top + groups.length * rowHeight}></line>
              ${isNarrow && t !== 0 && t !== max ? '' : svg`<text class="tick" x=${x(t)} y=${top + groups.length * rowHeight + (this.presenter ? 32 : 18)} text-anchor=${t === 0 ? 'start' : t === max ? 'end' : 'middle'}>${formatRate(t)}</text>`}`)}
            ${row.groups.map((g, i) => {
              const style = findSeriesStyle(i);
              const y = top + i * rowHeight + rowHeight / 2;
              if (g.fmr.rate === null) return svg`<text class="tick" x=${left + 4} y=${y + (this.presenter ? 10 : 5)}>not measurable</text>`;
              return svg`<g data-group=${g.group} opacity=${g.isSmall ? 0.45 : 1}>
                ${g.fmr.ci95 ? svg`<line class="interval" stroke=${style.colour} x1=${x(g.fmr.ci95[0])} x2=${x(g.fmr.ci95[1])} y1=${y} y2=${y}></line>` : ''}
                <path d=${markerPath(style.marker, layout.marker)} transform="translate(${x(g.fmr.rate)} ${y})" fill=${style.colour} stroke=${style.marker === 'cross' ? style.colour : '#fff'} stroke-width="1.5"></path>
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

/** A model name in lines of at most {@link NARROW_TITLE_CHARS} characters, broken at spaces (a longer word stays whole). */
function breakTitle(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= NARROW_TITLE_CHARS) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-compare-chart': FgCompareChart;
  }
}
