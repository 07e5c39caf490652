import { css, html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';

/** The verdict shown. */
export type MeterState = 'no-face' | 'unknown' | 'matched';

const HEADLINES: Record<MeterState, string> = {
  'no-face': 'No face',
  unknown: 'Unknown',
  matched: 'Matched',
};

/**
 * The best match's name and similarity on a 0..1 meter with the threshold marked. The three
 * states differ in words and shape (icon, bar pattern), not only in colour. Screen readers hear
 * the verdict when the state or the matched person changes, never the score of every frame.
 * `data-state` and `data-score` mirror the verdict for end-to-end tests.
 */
@customElement('fg-match-meter')
export class FgMatchMeter extends LitElement {
  static override styles = css`
    /* Sizes in em, so presenter view scales the meter by its font size; --fg-meter-small sets the small print (fg-app-styles.ts). */
    :host { display: block; --meter-color: var(--fg-oi-grey); }
    :host([data-state='unknown']) { --meter-color: var(--fg-oi-orange); }
    :host([data-state='matched']) { --meter-color: var(--fg-oi-green); }
    :host([data-invite]) { --meter-color: var(--fg-oi-grey); }
    .head { display: flex; align-items: baseline; gap: 1em; flex-wrap: wrap; }
    .verdict { font-size: 1.5em; font-weight: 700; margin: 0; display: flex; gap: 0.5em; align-items: center; }
    .badge {
      display: inline-grid; place-items: center; width: 1.6em; height: 1.6em; border-radius: 50%; flex: none;
      background: var(--meter-color); color: #000; font-size: 0.667em;
    }
    .score { font-size: 3em; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1; }
    .score-label { font-size: var(--fg-meter-small, 0.95em); color: var(--fg-muted); }
    .explain, .notice { margin: 0.5em 0 0; font-size: var(--fg-meter-small, 0.9em); color: var(--fg-muted); }
    .notice { color: var(--fg-warn, #a15c00); }
    .who { margin: 0.25em 0 0.75em; color: var(--fg-muted); min-height: 1.4em; }
    .track { display: block; width: 100%; height: 1.5em; overflow: visible; }
    .bg { fill: var(--fg-surface); stroke: var(--fg-border); }
    .fill { fill: var(--meter-color); }
    :host([data-state='unknown']) .fill { fill: url(#hatch); }
    .hatch-line { stroke: var(--meter-color); stroke-width: 3; }
    .mark { stroke: var(--fg-text); stroke-width: 3; }
    .scale { display: flex; justify-content: space-between; font-size: var(--fg-meter-small, 0.85em); color: var(--fg-muted); margin-top: 0.4em; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `;

  /** The verdict: no face in the frame, a face nobody enrolled matches, or a match. */
  @property() state: MeterState = 'no-face';
  /** Best-scoring enrolled person (shown as the nearest when unknown); null when none. */
  @property() name: string | null = null;
  /** Similarity to `name`, 0..1; null when nothing was scored. */
  @property({ type: Number }) score: number | null = null;
  /** Scores at or above this match. */
  @property({ type: Number }) threshold = DEFAULT_THRESHOLD_SIMILARITY;
  /** The active model's starting threshold, which the threshold notice compares with. */
  @property({ type: Number }) defaultThreshold = DEFAULT_THRESHOLD_SIMILARITY;
  /** Whether anyone is enrolled, to tell "unknown" from "nobody to compare with". */
  @property({ type: Boolean }) hasTemplates = false;

  /** What screen readers are told; changes only with the state or the matched person. */
  @state() private _announcement = '';

  override willUpdate(changed: PropertyValues<this>) {
    const isNewPerson = this.state === 'matched' && changed.has('name');
    if (changed.has('state') || isNewPerson) this._announcement = this._describe();
  }

  override updated() {
    this.dataset.state = this.state;
    this.toggleAttribute('data-invite', this._isInvitation());
    if (this.score === null) delete this.dataset.score;
    else this.dataset.score = this.score.toFixed(3);
  }

  override render() {
    const score = this.score ?? 0;
    return html`
      <div class="head">
        <p class="verdict"><span class="badge" aria-hidden="true">${this._isInvitation() ? '+' : ICONS[this.state]}</span>${this._isInvitation() ? 'Enrol to begin' : HEADLINES[this.state]}</p>
        ${this.score === null ? nothing : html`<span class="score" aria-hidden="true">${this.score.toFixed(2)}</span>
          <span class="score-label">similarity score</span>`}
      </div>
      <p class="who">${this._describe()}</p>
      <div
        role="meter"
        aria-label="Similarity to the best match"
        aria-valuemin="0"
        aria-valuemax="1"
        aria-valuenow=${score.toFixed(2)}
        aria-valuetext=${this.score === null ? 'no score' : `${score.toFixed(2)}, threshold ${this.threshold.toFixed(2)}`}
      >
        ${renderTrack(this.score, this.threshold)}
      </div>
      <div class="scale" aria-hidden="true"><span>0 (unlike)</span><span>threshold ${this.threshold.toFixed(2)}</span><span>1 (alike)</span></div>
      <p class="explain">The number is a similarity score from 0 to 1, not a probability: 1.00 does not mean
        “100% sure”. At or above the threshold (${this.threshold.toFixed(2)}) counts as a match.</p>
      ${Math.abs(this.threshold - this.defaultThreshold) > 1e-9 ? html`<p class="notice" data-notice="threshold">The threshold is
        ${this.threshold.toFixed(2)}, not the default ${this.defaultThreshold.toFixed(2)}: it was changed in a bias view and
        applies here too. Pick “default” beside a threshold slider to go back.</p>` : nothing}
      <p class="sr-only" aria-live="polite">${this._announcement}</p>
    `;
  }

  /** A face, and nobody to compare it with: an invitation, not a verdict. */
  private _isInvitation(): boolean {
    return this.state === 'unknown' && !this.hasTemplates;
  }

  private _describe(): string {
    if (this.state === 'no-face') return 'Nobody in front of the camera.';
    if (this.state === 'matched') return `Looks like ${this.name}: the score is at or above the threshold ${this.threshold.toFixed(2)}.`;
    if (!this.hasTemplates) return 'Nobody is enrolled yet. Press “Enrol me” below and the meter will show how like you each face is.';
    if (this.name === null) return 'Checking…';
    const score = this.score === null ? '' : ` at ${this.score.toFixed(2)}`;
    return `Not recognised: the nearest is ${this.name}${score}, below the threshold ${this.threshold.toFixed(2)}. `
      + 'This can be a miss: the same person in other light or at another angle can score lower.';
  }
}

const ICONS: Record<MeterState, string> = { 'no-face': '–', unknown: '?', matched: '✓' };

/** The bar as SVG geometry: the page's CSP forbids inline style attributes. */
function renderTrack(score: number | null, threshold: number) {
  const mark = clamp(threshold) * 100;
  return html`<svg class="track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
    ${svg`<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <line class="hatch-line" x1="0" y1="0" x2="0" y2="4" vector-effect="non-scaling-stroke"></line></pattern></defs>
    <rect class="bg" x="0" y="0" width="100" height="10" rx="1" vector-effect="non-scaling-stroke"></rect>
    ${score === null ? nothing : svg`<rect class="fill" x="0" y="0" width=${clamp(score) * 100} height="10"></rect>`}
    <line class="mark" x1=${mark} x2=${mark} y1="-3" y2="13" vector-effect="non-scaling-stroke"></line>`}
  </svg>`;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-match-meter': FgMatchMeter;
  }
}
