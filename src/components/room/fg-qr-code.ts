import { LitElement, css, html, svg, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { buildQrPath, type QrPath } from './qr-path';

/** Quiet zone around the code, in modules (the QR standard asks for 4). */
const QUIET_ZONE_MODULES = 4;

/**
 * A QR code of `text`, drawn as SVG in the page, black on white whatever the theme (scanners need it).
 * `label` names it for screen readers; `data-modules` mirrors its size for tests.
 */
@customElement('fg-qr-code')
export class FgQrCode extends LitElement {
  static override styles = css`
    :host { display: inline-block; width: var(--fg-qr-size, 16rem); aspect-ratio: 1; background: #fff; }
    svg { display: block; width: 100%; height: 100%; shape-rendering: crispEdges; }
    .empty { display: grid; place-items: center; height: 100%; border: 2px dashed #888; color: #333; }
  `;

  /** What the code holds. */
  @property() text = '';
  /** Accessible name, e.g. "QR code of this app's address". */
  @property() label = 'QR code';

  private _qr: QrPath | null = null;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text')) this._qr = this.text ? buildQrPath(this.text) : null;
    this.dataset.modules = String(this._qr?.modules ?? 0);
  }

  override render() {
    const qr = this._qr;
    if (!qr) return html`<div class="empty">No code yet</div>`;
    const size = qr.modules + 2 * QUIET_ZONE_MODULES;
    return html`<svg role="img" aria-label=${this.label} viewBox="${-QUIET_ZONE_MODULES} ${-QUIET_ZONE_MODULES} ${size} ${size}">
      ${svg`<rect x=${-QUIET_ZONE_MODULES} y=${-QUIET_ZONE_MODULES} width=${size} height=${size} fill="#fff"></rect><path d=${qr.d} fill="#000"></path>`}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-qr-code': FgQrCode;
  }
}
