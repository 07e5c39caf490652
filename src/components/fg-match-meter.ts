import { css, html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { COSINE_SCORE_ID, HUMAN_SIMILARITY_SCORE_ID } from '../matching/scores';
import { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';

/** The verdict shown. */
export type MeterState = 'no-face' | 'unknown' | 'matched';

const HEADLINES: Record<MeterState, string> = {
  'no-face': 'No face',
  unknown: 'Unknown',
  matched: 'Matched',
};

/** How the meter words one score id: its range, and what it is. */
export interface ScoreScale {
  readonly min: number;
  readonly max: number;
  /** What the number is, in a few words ("human's similarity score"). */
  readonly name: string;
  /** One sentence on how to read it beside the threshold. */
  readonly reading: string;
  /** Decimals shown: enough that a score shown equal to the threshold is not on the other side of it by much. */
  readonly decimals: number;
}

/** The words of each score id the models declare (src/matching/scores.ts, src/models/registry.ts). */
export const SCORE_SCALES: Readonly<Record<string, ScoreScale>> = {
  [HUMAN_SIMILARITY_SCORE_ID]: {
    min: 0, max: 1, decimals: 2, name: 'human’s similarity score',
    // Measured on packs/utkface-600.json (179,700 pairs of different people): 95th percentile 0.437.
    reading: 'On 600 UTKFace photos, 95% of pairs of different people score below 0.44.',
  },
  [COSINE_SCORE_ID]: {
    // Three decimals: dlib's different people span 0.81 to 0.93 and its threshold is 0.945.
    min: -1, max: 1, decimals: 3, name: 'cosine similarity of the two faces’ embeddings',
    // Measured on packs/utkface-600.*.json: 5th percentile of different people 0.22 (faceres-deep), 0.81 (dlib).
    reading: 'Different people score well above 0 with these models, so only the model’s own threshold says what counts as alike.',
  },
};

/** The scale of a score id this build does not know: the words stay honest, the bar assumes 0..1. */
function describeUnknownScale(scoreId: string): ScoreScale {
  return { min: 0, max: 1, decimals: 3, name: `the score “${scoreId}”`, reading: 'This FaceGap does not know this score’s range.' };
}

/**
 * The best match's name and similarity on a meter spanning the active score's range (0..1 for
 * human's similarity, -1..1 for cosine) with the threshold marked. The three
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
  /** Similarity to `name`, on the scale of `scoreId`; null when nothing was scored. */
  @property({ type: Number }) score: number | null = null;
  /** The active model's score id: it sets the meter's range and words. */
  @property() scoreId: string = HUMAN_SIMILARITY_SCORE_ID;
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
    const scale = this._scale();
    const fixed = (value: number) => value.toFixed(scale.decimals);
    const score = this.score ?? scale.min;
    const [min, max] = [formatEnd(scale.min), formatEnd(scale.max)];
    return html`
      <div class="head">
        <p class="verdict"><span class="badge" aria-hidden="true">${this._isInvitation() ? '+' : ICONS[this.state]}</span>${this._isInvitation() ? 'Enrol to begin' : HEADLINES[this.state]}</p>
        ${this.score === null ? nothing : html`<span class="score" aria-hidden="true">${fixed(this.score)}</span>
          <span class="score-label">similarity score</span>`}
      </div>
      <p class="who">${this._describe()}</p>
      <div
        role="meter"
        aria-label="Similarity to the best match"
        aria-valuemin=${scale.min}
        aria-valuemax=${scale.max}
        aria-valuenow=${fixed(score)}
        aria-valuetext=${this.score === null ? 'no score' : `${fixed(score)}, threshold ${fixed(this.threshold)}`}
      >
        ${renderTrack(this.score, this.threshold, scale)}
      </div>
      <div class="scale" aria-hidden="true"><span>${min} (unlike)</span><span>threshold ${fixed(this.threshold)}</span><span>${max} (alike)</span></div>
      <p class="explain" data-score-id=${this.scoreId}>The number is ${scale.name} (<code>${this.scoreId}</code>): a similarity score from
        ${min} to ${max}, not a probability: ${scale.max.toFixed(2)} does not mean “100% sure”. At or above the threshold
        (${fixed(this.threshold)}) counts as a match. ${scale.reading}</p>
      ${Math.abs(this.threshold - this.defaultThreshold) > 1e-9 ? html`<p class="notice" data-notice="threshold">The threshold is
        ${fixed(this.threshold)}, not the default ${fixed(this.defaultThreshold)}: it was changed in a bias view and
        applies here too. Pick “default” beside a threshold slider to go back.</p>` : nothing}
      <p class="sr-only" aria-live="polite">${this._announcement}</p>
    `;
  }

  /** A face, and nobody to compare it with: an invitation, not a verdict. */
  private _isInvitation(): boolean {
    return this.state === 'unknown' && !this.hasTemplates;
  }

  private _scale(): ScoreScale {
    return SCORE_SCALES[this.scoreId] ?? describeUnknownScale(this.scoreId);
  }

  private _describe(): string {
    const fixed = (value: number) => value.toFixed(this._scale().decimals);
    if (this.state === 'no-face') return 'Nobody in front of the camera.';
    if (this.state === 'matched') return `Looks like ${this.name}: the score is at or above the threshold ${fixed(this.threshold)}.`;
    if (!this.hasTemplates) return 'Nobody is enrolled yet. Press “Enrol me” below and the meter will show how like you each face is.';
    if (this.name === null) return 'Checking…';
    const score = this.score === null ? '' : ` at ${fixed(this.score)}`;
    return `Not recognised: the nearest is ${this.name}${score}, below the threshold ${fixed(this.threshold)}. `
      + 'This can be a miss: the same person in other light or at another angle can score lower.';
  }
}

const ICONS: Record<MeterState, string> = { 'no-face': '–', unknown: '?', matched: '✓' };

/** The bar as SVG geometry on the scale's range: the page's CSP forbids inline style attributes. */
function renderTrack(score: number | null, threshold: number, scale: ScoreScale) {
  const mark = placeOnScale(threshold, scale) * 100;
  return html`<svg class="track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
    ${svg`<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <line class="hatch-line" x1="0" y1="0" x2="0" y2="4" vector-effect="non-scaling-stroke"></line></pattern></defs>
    <rect class="bg" x="0" y="0" width="100" height="10" rx="1" vector-effect="non-scaling-stroke"></rect>
    ${score === null ? nothing : svg`<rect class="fill" x="0" y="0" width=${placeOnScale(score, scale) * 100} height="10"></rect>`}
    <line class="mark" x1=${mark} x2=${mark} y1="-3" y2="13" vector-effect="non-scaling-stroke"></line>`}
  </svg>`;
}

/** Where `value` sits on the scale, 0 at its minimum and 1 at its maximum, clamped. */
function placeOnScale(value: number, scale: ScoreScale): number {
  return Math.min(1, Math.max(0, (value - scale.min) / (scale.max - scale.min)));
}

/** An end of a scale as people write it: "0", "1", "−1" (a true minus sign). */
function formatEnd(value: number): string {
  return value < 0 ? `−${-value}` : String(value);
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-match-meter': FgMatchMeter;
  }
}
