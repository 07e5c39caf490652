import { css, html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CameraDevice, LiveTimings } from '../shared/live-types';
import type { QualityReport } from '../vision/quality';
import { STALE_ANSWER_MS } from '../vision/tracking';
import type { Observation } from '../vision/types';

/** The user asked to start the camera (`deviceId` empty for the default one). */
export class CameraStartEvent extends Event {
  static readonly eventName = 'camera-start';
  constructor(readonly deviceId: string) {
    super(CameraStartEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user asked to stop the camera. */
export class CameraStopEvent extends Event {
  static readonly eventName = 'camera-stop';
  constructor() {
    super(CameraStopEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The user picked another camera. */
export class CameraSelectEvent extends Event {
  static readonly eventName = 'camera-select';
  constructor(readonly deviceId: string) {
    super(CameraSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Camera status as this view shows it. */
export type CameraViewStatus = 'off' | 'starting' | 'on' | 'paused' | 'failed';

/**
 * The camera picture with the largest face's box and the frame's quality, Start/Stop, a camera
 * picker when there are several, and (behind Details) the frame rate and per-stage timings. The picture is
 * mirrored, as people expect of a selfie view. It only shows the picture: the live controller
 * reads frames from the stream itself (src/app/frame-source.ts).
 *
 * @fires camera-start - Start camera pressed
 * @fires camera-stop - Stop camera pressed
 * @fires camera-select - another camera picked
 */
@customElement('fg-camera-view')
export class FgCameraView extends LitElement {
  static override styles = css`
    :host { display: block; }
    .stage { position: relative; aspect-ratio: 4 / 3; background: #1d2228; border-radius: 0.5rem; overflow: hidden; }
    video, svg.overlay { position: absolute; inset: 0; width: 100%; height: 100%; transform: scaleX(-1); }
    video { object-fit: contain; }
    .box { fill: none; stroke-width: 3; stroke: var(--fg-oi-sky); }
    .box.good, .box.several { stroke: var(--fg-oi-green); }
    .box.too-small, .box.turned { stroke: var(--fg-oi-orange); stroke-dasharray: 10 6; }
    /* Eases the box between answers (about one answer apart), so it glides at display rate. */
    .box { transition: x 60ms linear, y 60ms linear, width 60ms linear, height 60ms linear; }
    .box.stale { stroke: #9aa3ad; stroke-dasharray: 4 6; opacity: 0.6; }
    .idle { position: absolute; inset: 0; display: grid; place-items: center; color: #eef1f5; padding: 1rem; text-align: center; }
    .quality { margin: 0.5rem 0 0; font-weight: 600; min-height: 1.4em; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-top: 0.75rem; }
    button, select { font: inherit; padding: 0.4rem 0.9rem; }
    .details { margin-top: 0.5rem; color: var(--fg-muted); font-size: 0.9rem; }
    .details summary { cursor: pointer; }
    .details summary:focus-visible { outline: 3px solid var(--fg-oi-blue); outline-offset: 2px; }
    .readout { font-variant-numeric: tabular-nums; margin: 0.25rem 0 0; }
    .problem { margin: 0.5rem 0 0; border-left: 0.3rem solid var(--fg-oi-vermillion); padding-left: 0.5rem; }
  `;

  /** The running camera's stream, or null. */
  @property({ attribute: false }) stream: MediaStream | null = null;
  /** Camera status; drives the buttons and the idle text. */
  @property({ reflect: true }) status: CameraViewStatus = 'off';
  /** Why the camera is paused or failed, as a sentence. */
  @property() problem = '';
  /** Cameras to pick from; the picker shows when there are two or more. */
  @property({ attribute: false }) cameras: CameraDevice[] = [];
  /** The picked camera's id, empty for the default. */
  @property() deviceId = '';
  /** The latest frame's faces, in video pixels. */
  @property({ attribute: false }) observation: Observation | null = null;
  /** The latest frame's quality. */
  @property({ attribute: false }) quality: QualityReport | null = null;
  /** Frames per second of the live loop. */
  @property({ type: Number }) fps = 0;
  /** Per-stage milliseconds of the live loop. */
  @property({ attribute: false }) timings: LiveTimings | null = null;
  /** Shown under a running camera instead of the quality, while the picture is not analysed. */
  @property() waitingFor = '';

  /** When `observation`'s frame was grabbed (performance.now() ms); past STALE_ANSWER_MS its box is drawn as stale. */
  @property({ attribute: false }) observedAt: number | null = null;
  /** Whether the latest answer is older than STALE_ANSWER_MS, so its box no longer says where the face is. */
  @state() private _isStale = false;
  private _staleTimer: ReturnType<typeof setTimeout> | null = null;
  @query('video') private _video!: HTMLVideoElement;

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (this._staleTimer !== null) clearTimeout(this._staleTimer);
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('observation') && !changed.has('observedAt')) return;
    if (this._staleTimer !== null) clearTimeout(this._staleTimer);
    const age = this.observedAt === null ? 0 : performance.now() - this.observedAt;
    this._isStale = age > STALE_ANSWER_MS;
    if (!this._isStale) this._staleTimer = setTimeout(() => (this._isStale = true), STALE_ANSWER_MS - age + 1);
  }

  override updated(changed: PropertyValues<this>) {
    if (changed.has('stream') && this._video && this._video.srcObject !== this.stream) {
      this._video.srcObject = this.stream;
      if (this.stream) this._video.play().catch(() => { /* autoplay of a muted video is allowed; a refusal just leaves the first frame */ });
    }
  }

  override render() {
    const isRunning = this.status === 'on' || this.status === 'starting';
    return html`
      <div class="stage">
        <video muted playsinline autoplay aria-label="Your camera, mirrored"></video>
        ${this.status === 'on' ? this._renderOverlay() : html`<p class="idle">${IDLE_TEXT[this.status]}</p>`}
      </div>
      <p class="quality">${this.status === 'on' ? this.waitingFor || (this.quality?.message ?? 'Looking for a face…') : ''}</p>
      ${this.problem ? html`<p class="problem" role="status">${this.problem}</p>` : nothing}
      <div class="controls">
        ${isRunning
          ? html`<button type="button" @click=${this._onStop}>Stop camera</button>`
          : html`<button type="button" @click=${this._onStart}>Start camera</button>`}
        ${this.cameras.length > 1 ? this._renderPicker() : nothing}
      </div>
      ${this.status === 'on' ? this._renderReadout() : nothing}
    `;
  }

  private _renderOverlay() {
    const observation = this.observation;
    if (!observation) return nothing;
    const face = observation.faces[0];
    return html`<svg class="overlay" viewBox="0 0 ${observation.width} ${observation.height}" preserveAspectRatio="xMidYMid meet" aria-hidden="true">
      ${face ? svg`<rect class="box ${this._isStale ? 'stale' : this.quality?.state ?? ''}" data-stale=${String(this._isStale)} x=${face.box[0]} y=${face.box[1]} width=${face.box[2]} height=${face.box[3]} rx="8"></rect>` : nothing}
    </svg>`;
  }

  private _renderPicker() {
    return html`<label>Camera
      <select @change=${this._onSelect}>
        ${this.cameras.map((camera) => html`<option value=${camera.deviceId} ?selected=${camera.deviceId === this.deviceId}>${camera.label}</option>`)}
      </select>
    </label>`;
  }

  private _renderReadout() {
    const t = this.timings;
    // Frame rates and milliseconds are for the curious; the room reads the quality line above.
    return html`<details class="details"><summary>Details</summary><p class="readout" data-fps=${this.fps.toFixed(1)}>
      ${this.fps.toFixed(1)} fps · detect ${formatMs(t?.detect)} · embed ${formatMs(t?.embed)} · match ${formatMs(t?.match, 2)}
    </p></details>`;
  }

  private _onStart() {
    this.dispatchEvent(new CameraStartEvent(this.deviceId));
  }

  private _onStop() {
    this.dispatchEvent(new CameraStopEvent());
  }

  private _onSelect(event: Event) {
    this.dispatchEvent(new CameraSelectEvent((event.target as HTMLSelectElement).value));
  }
}

const IDLE_TEXT: Record<CameraViewStatus, string> = {
  off: 'The camera is off. Press Start camera; the picture never leaves this page.',
  starting: 'Starting the camera…',
  on: '',
  paused: 'Camera paused.',
  failed: 'The camera is not running.',
};

function formatMs(ms: number | null | undefined, digits = 0): string {
  return ms === null || ms === undefined ? '– ms' : `${ms.toFixed(digits)} ms`;
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-camera-view': FgCameraView;
  }
  interface HTMLElementEventMap {
    'camera-start': CameraStartEvent;
    'camera-stop': CameraStopEvent;
    'camera-select': CameraSelectEvent;
  }
}
