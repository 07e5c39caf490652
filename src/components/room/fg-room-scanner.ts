import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { QrDecoder } from '../../scanner/qr-decoder';
import { RoomCodeEvent } from './room-events';

/** Frames read per second: an attendee holds a laptop up for a few seconds, so 4 is plenty. */
const SCAN_INTERVAL_MS = 250;
/** Frames are scaled down to this width before decoding: enough for a code filling a third of the view. */
const SCAN_WIDTH_PX = 640;

/**
 * Reads QR codes from the camera stream it is given, in a worker, while `active`. Shows the
 * camera so attendees can aim their screens. It only reports the text it reads; checking it is
 * the app's job.
 *
 * @fires room-code - a code was read (RoomCodeEvent)
 */
@customElement('fg-room-scanner')
export class FgRoomScanner extends LitElement {
  static override styles = css`
    :host { display: block; }
    video { width: 100%; max-height: var(--fg-scanner-max-height, 50vh); background: #000; border-radius: 0.5em; }
  `;

  /** The camera stream to read from. */
  @property({ attribute: false }) stream: MediaStream | null = null;
  /** Read codes while true. */
  @property({ type: Boolean }) active = false;

  private readonly _decoder = new QrDecoder();
  private _abort: AbortController | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stop();
    this._decoder.dispose();
  }

  override updated(): void {
    const video = this.renderRoot.querySelector('video');
    if (video && video.srcObject !== this.stream) video.srcObject = this.stream;
    if (this.active && this.stream && !this._abort) void this._loop();
    if ((!this.active || !this.stream) && this._abort) this._stop();
  }

  override render() {
    return html`<video muted playsinline autoplay aria-label="Camera, reading room codes"></video>`;
  }

  private _stop(): void {
    this._abort?.abort();
    this._abort = null;
  }

  private async _loop(): Promise<void> {
    const abort = (this._abort = new AbortController());
    const canvas = new OffscreenCanvas(1, 1);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const video = this.renderRoot.querySelector('video');
    while (!abort.signal.aborted && context && video) {
      await new Promise((resolve) => setTimeout(resolve, SCAN_INTERVAL_MS));
      if (abort.signal.aborted || video.videoWidth === 0) continue;
      const scale = Math.min(1, SCAN_WIDTH_PX / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      try {
        const text = await this._decoder.decode(context.getImageData(0, 0, canvas.width, canvas.height), abort.signal);
        if (text !== null && !abort.signal.aborted) this.dispatchEvent(new RoomCodeEvent(text));
      } catch (error) {
        if ((error as Error).name !== 'AbortError') await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-room-scanner': FgRoomScanner;
  }
}
