import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DEFAULT_THRESHOLD_SIMILARITY } from '../matching/threshold';
import { formatScore } from '../views/format';
import { THRESHOLD_STEP, type ThresholdPreset } from '../views/presets';

/** Fired when the user moves the slider or picks a preset (never when `value` is set). */
export class ThresholdChangeEvent extends Event {
  static readonly eventName = 'threshold-change' as const;
  constructor(
    /** The new threshold, 0..1. */
    readonly threshold: number,
    /** What the user did. */
    readonly source: 'slider' | ThresholdPreset['id'],
  ) {
    super(ThresholdChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * The shared decision threshold: a 0..1 slider (step 0.005; arrows, Page Up/Down, Home/End work as
 * on any range input) and preset buttons. A pair is a match when its score >= the threshold.
 *
 * @fires threshold-change - {@link ThresholdChangeEvent}
 */
@customElement('fg-threshold-slider')
export class FgThresholdSlider extends LitElement {
  static override styles = css`
    :host { display: block; font-size: calc(1rem * var(--fg-chart-scale, 1)); }
    .row { display: flex; align-items: center; gap: 1em; flex-wrap: wrap; }
    label { font-weight: 600; }
    input[type='range'] { flex: 1 1 14em; min-width: 10em; accent-color: var(--fg-accent, #0b57d0); height: 2em; }
    input:focus-visible, button:focus-visible { outline: 3px solid var(--fg-accent, #0b57d0); outline-offset: 2px; }
    output { font-variant-numeric: tabular-nums; font-weight: 700; font-size: 1.3em; min-width: 4ch; }
    .presets { display: flex; gap: 0.5em; flex-wrap: wrap; margin-top: 0.4em; }
    button {
      font: inherit; font-size: 0.9em; padding: 0.3em 0.8em; border-radius: 999px; cursor: pointer;
      border: 1px solid var(--fg-border, #c9ced6); background: var(--fg-surface, #f3f5f8); color: var(--fg-text, #1a1a1a);
    }
    button[aria-pressed='true'] { background: var(--fg-text, #1a1a1a); color: var(--fg-bg, #fff); }
    button:disabled { opacity: 0.55; cursor: not-allowed; }
    .help { font-size: 0.85em; color: var(--fg-muted, #555b66); margin: 0.3em 0 0; }
    :host([presenter]) .help { display: none; }
    :host([presenter]) .presets { margin-top: 0.1em; gap: 0.4em; }
    /* Controls for the presenter, not text for the room: the four presets fit one row at 1280 px. */
    :host([presenter]) button { font-size: 0.7em; padding: 0.1em 0.5em; }
    :host([presenter]) input[type='range'] { height: 1.4em; }
  `;

  /** Current threshold, 0..1. */
  @property({ type: Number }) value = DEFAULT_THRESHOLD_SIMILARITY;
  /** Preset buttons; a preset whose value is null is shown disabled with its reason. */
  @property({ attribute: false }) presets: readonly ThresholdPreset[] = [];
  /** Projector layout: no help text, smaller preset buttons. */
  @property({ type: Boolean, reflect: true }) presenter = false;
  /** Label text of the slider. */
  @property() label = 'Match threshold';

  override render() {
    return html`
      <div class="row">
        <label for="range">${this.label}</label>
        <input id="range" type="range" min="0" max="1" step=${THRESHOLD_STEP} .value=${String(this.value)}
          aria-valuetext=${`${formatScore(this.value)}: pairs scoring this or more are taken as the same person`}
          aria-describedby="help" @input=${this._onInput} />
        <output for="range" aria-hidden="true">${formatScore(this.value)}</output>
      </div>
      <div class="presets" role="group" aria-label="Threshold presets">
        ${this.presets.map((p) => html`<button type="button" ?disabled=${p.value === null}
          aria-pressed=${p.value !== null && Math.abs(p.value - this.value) < 1e-9 ? 'true' : 'false'}
          title=${p.description} data-preset=${p.id} @click=${() => this._onPreset(p)}>${p.label}</button>`)}
      </div>
      ${this.presets.filter((p) => p.value === null && p.description.startsWith('Not offered')).map((p) => html`<p class="help refused">${p.description}</p>`)}
      <p class="help" id="help">A pair of faces scoring at or above the threshold is taken as the same person.
        Higher means fewer false matches and more missed matches.</p>`;
  }

  private _onInput(event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    if (Number.isFinite(value)) this.dispatchEvent(new ThresholdChangeEvent(value, 'slider'));
  }

  private _onPreset(preset: ThresholdPreset): void {
    if (preset.value !== null) this.dispatchEvent(new ThresholdChangeEvent(preset.value, preset.id));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-threshold-slider': FgThresholdSlider;
  }
  interface HTMLElementEventMap {
    'threshold-change': ThresholdChangeEvent;
  }
}
