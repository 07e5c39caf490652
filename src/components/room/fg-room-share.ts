import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { buildRoomPayload, describeRoomPayload } from '../../classroom/contribution';
import { encodeRoomPayload, RoomPayloadError } from '../../classroom/payload';
import type { ReferencePack } from '../../datasets/pack-types';
import type { Template } from '../../matching/templates';
import './fg-qr-code';

/**
 * "Show the presenter": the attendee's contribution to the room as a QR code, with a plain list of
 * exactly what is in it. Scores only: no embedding, no picture, a name only if typed here. The code
 * is made in the page when asked for; nothing is sent anywhere. `data-payload` holds the code's
 * text for tests.
 */
@customElement('fg-room-share')
export class FgRoomShare extends LitElement {
  static override styles = css`
    :host { display: grid; gap: 0.8em; }
    .layout { display: grid; grid-template-columns: auto 1fr; gap: 1.5em; align-items: start; }
    fg-qr-code { --fg-qr-size: min(60vh, 26rem); }
    ul { margin: 0.3em 0; padding-left: 1.2em; }
    label { display: grid; gap: 0.2em; max-width: 24em; }
    input, select, button { font: inherit; padding: 0.3em 0.5em; }
    button { justify-self: start; }
    .error { color: #9c2a00; font-weight: 600; }
    h3 { margin: 0; }
  `;

  /** People enrolled on this laptop (the attendee picks themselves). */
  @property({ attribute: false }) people: Template[] = [];
  /** Active pack: its faces are the strangers. */
  @property({ attribute: false }) pack: ReferencePack | null = null;
  /** Pack labels that make its groups. */
  @property({ attribute: false }) groupBy: string[] = ['race'];
  /** Shared threshold, 0..1. */
  @property({ type: Number }) threshold = 0.5;
  /** sha256 of the model the app runs. */
  @property({ attribute: 'model-sha256' }) modelSha256 = '';

  @state() private _personId = '';
  @state() private _name = '';
  @state() private _isShown = false;
  private _text = '';
  private _lines: string[] = [];
  private _error = '';
  /** One id per page load: the presenter counts this laptop once however often it is shown. */
  private readonly _attendeeId = crypto.randomUUID().replace(/-/g, '').slice(0, 12);

  override willUpdate(): void {
    const person = this.people.find((p) => p.id === this._personId) ?? this.people[0];
    this._text = '';
    this._error = '';
    if (!this._isShown || !person || !this.pack || !this.modelSha256) return;
    try {
      const payload = buildRoomPayload({ person, pack: this.pack, groupBy: this.groupBy, threshold: this.threshold, modelSha256: this.modelSha256, attendeeId: this._attendeeId, typedName: this._name });
      this._text = encodeRoomPayload(payload);
      this._lines = describeRoomPayload(payload);
    } catch (error) {
      this._error = error instanceof RoomPayloadError ? error.message : `The code could not be made: ${String(error)}. Nothing was shown.`;
    }
  }

  override updated(): void {
    this.dataset.payload = this._text;
  }

  override render() {
    if (this.people.length === 0) return html`<p>Enrol yourself first (Live tab, Enrol me): your code is made from your own captures.</p>`;
    if (!this.pack) return html`<p>Waiting for the reference pack: your code compares you with its strangers.</p>`;
    return html`
      <h3>Show the presenter</h3>
      <p>Your laptop turns your enrolment into scores and shows them as a QR code for the presenter's camera. Your face stays here.</p>
      ${this.people.length > 1 ? html`<label>Who are you?<select @change=${(e: Event) => (this._personId = (e.target as HTMLSelectElement).value)}>
        ${this.people.map((p) => html`<option value=${p.id}>${p.name}</option>`)}</select></label>` : nothing}
      <label>A name for the room (optional: leave empty to stay anonymous)
        <input maxlength="40" .value=${this._name} @input=${(e: Event) => (this._name = (e.target as HTMLInputElement).value)}></label>
      <button aria-pressed=${this._isShown ? 'true' : 'false'} @click=${() => (this._isShown = !this._isShown)}>${this._isShown ? 'Hide my code' : 'Show the presenter'}</button>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._text ? html`<div class="layout"><fg-qr-code .text=${this._text} label="Your room code for the presenter"></fg-qr-code>
        <div><strong>Exactly what is in this code:</strong><ul>${this._lines.map((l) => html`<li>${l}</li>`)}</ul></div></div>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-room-share': FgRoomShare;
  }
}
