import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import './fg-qr-code';

/**
 * The join code: a QR code of the app's own address and the address in large type, so a room of
 * laptops and phones can open FaceGap without typing. Made in the page; nothing is fetched.
 */
@customElement('fg-join-code')
export class FgJoinCode extends LitElement {
  static override styles = css`
    :host { display: grid; grid-template-columns: auto 1fr; gap: 1.5rem; align-items: center; }
    fg-qr-code { --fg-qr-size: var(--fg-join-size, 14rem); }
    .address { font-size: var(--fg-join-font, 2rem); font-weight: 700; overflow-wrap: anywhere; margin: 0; }
    .hint { margin: 0.3em 0 0; font-size: calc(var(--fg-join-font, 2rem) * 0.75); }
  `;

  /** The address to join, normally the page's own without its query. */
  @property() url = '';

  override render() {
    return html`<fg-qr-code .text=${this.url} label="QR code of FaceGap's address: ${this.url}"></fg-qr-code>
      <div><p class="address">${this.url.replace(/^https?:\/\//, '')}</p>
      <p class="hint">Scan or type this address. Your face stays on your own laptop.</p></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-join-code': FgJoinCode;
  }
}
