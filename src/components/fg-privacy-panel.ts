import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CacheUsage, ServiceWorkerStatus } from '../privacy/cache-inventory';
import type { NetworkSummary } from '../privacy/network-audit';
import type { OfflineStatus } from '../privacy/offline';
import type { ViolationRecord } from '../privacy/violations';
import type { WipeReport } from '../privacy/wipe';
import type { PackMetadata, StorageInventory } from '../store/types';
import './fg-network-panel';
import './fg-storage-panel';
import './fg-privacy-fine-print';

/**
 * The Privacy tab: a plain-language account of what FaceGap does with the camera and what it
 * keeps, then the evidence: the network audit and the storage inventory, with exports and
 * "Forget everything". A view: it shows what it is handed and lets its storage panel's requests
 * bubble up; the app (PrivacyController) reads the store and the audit, wipes and exports.
 *
 * @fires export-data-request - from the storage panel: the user wants their people and settings as a file
 * @fires export-pack-request - from the storage panel: the user wants one imported pack as a file
 * @fires forget-request - from the storage panel: the user confirmed deleting everything
 */
@customElement('fg-privacy-panel')
export class FgPrivacyPanel extends LitElement {
  static override styles = css`
    :host { display: block; }
    section { margin-block: 1.25rem; }
    h2 { font-size: 1.25rem; }
    /* A projector shows one section per screen in the room's type; the button names the next one. */
    :host([presenter]) section { margin-block: 0.2em; }
    :host([presenter]) h2 { font-size: 32px; margin: 0 0 0.2em; }
    :host([presenter]) p { margin: 0 0 0.4em; }
    .pager { float: right; margin-left: 1em; font: inherit; font-size: 0.7em; padding: 0.1em 0.6em; border-radius: 999px; cursor: pointer;
      border: 1px solid var(--fg-border); background: var(--fg-surface); color: var(--fg-text); }
  `;

  /** The sections' titles, in order (presenter view pages through them). */
  private static readonly _TITLES = ['What FaceGap does with your camera', 'Network: what this page asked for', 'Stored on this device'];

  /** The network audit's summary of every request the page and its workers made. */
  @property({ attribute: false }) summary: NetworkSummary | null = null;
  /** CSP violations seen so far. */
  @property({ attribute: false }) violations: ViolationRecord[] = [];
  /** What is stored, or null while it is read (or after a wipe). */
  @property({ attribute: false }) inventory: StorageInventory | null = null;
  /** Imported packs, each exportable. */
  @property({ attribute: false }) packs: PackMetadata[] = [];
  /** Cache Storage caches of this origin. */
  @property({ attribute: false }) caches: CacheUsage[] = [];
  /** The service worker's state, or null where there is none. */
  @property({ attribute: false }) serviceWorker: ServiceWorkerStatus | null = null;
  /** Offline readiness, from the app's `OfflineController`. */
  @property({ attribute: false }) offline: OfflineStatus | null = null;
  /** What the last "Forget everything" deleted, or null. */
  @property({ attribute: false }) wipeReport: WipeReport | null = null;
  /** A sentence about the last failed read or export; empty when none. */
  @property() problem = '';
  /** A wipe or export is running. */
  @property({ type: Boolean }) busy = false;
  /** What is stored is being read. */
  @property({ type: Boolean }) reading = false;
  /** Projector layout: one section per screen, with a button to the next. */
  @property({ type: Boolean, reflect: true }) presenter = false;

  @state() private _page = 0;

  override render() {
    const titles = FgPrivacyPanel._TITLES;
    const next = (this._page + 1) % titles.length;
    const isShown = (page: number) => !this.presenter || page === this._page;
    return html`
      ${this.presenter ? html`<button class="pager" type="button" @click=${() => (this._page = next)}>
        ${next === 0 ? `\u2190 Back to: ${titles[0]}` : `Next (${next + 1} of ${titles.length}): ${titles[next]} \u2192`}</button>` : nothing}
      <section ?hidden=${!isShown(0)}>
        <h2>${titles[0]}</h2>
        <p>The camera picture is read by this page only. Each frame goes to a face model running
          inside your browser, which turns a face into a list of 1,024 numbers (an embedding). Frames
          are never sent anywhere, recorded or saved; the model files come from this site itself.</p>
        <p>When you enrol someone, only their embeddings, the name and any labels you typed are
          kept, in this browser's storage on this device. No face images are kept unless you turn
          on thumbnails. Nothing is sent to a server: there is no account, no analytics, no upload.</p>
        <p>Room codes read by the presenter's camera (scores, self-described labels, a typed name at most) are held in memory, and kept on this device only if the presenter ticks "Keep the room on this device", until "Clear the room".</p>
      </section>
      <section ?hidden=${!isShown(1)}>
        <h2>${titles[1]}</h2>
        <fg-network-panel .summary=${this.summary} .violations=${this.violations}></fg-network-panel>
        <fg-privacy-fine-print ?is-isolated=${globalThis.crossOriginIsolated === true}></fg-privacy-fine-print>
      </section>
      <section ?hidden=${!isShown(2)}>
        <h2>${titles[2]}</h2>
        <fg-storage-panel
          .inventory=${this.inventory}
          .packs=${this.packs}
          .caches=${this.caches}
          .serviceWorker=${this.serviceWorker}
          .offline=${this.offline}
          .wipeReport=${this.wipeReport}
          .problem=${this.problem}
          ?busy=${this.busy}
          ?reading=${this.reading}
          ?presenter=${this.presenter}
        ></fg-storage-panel>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-privacy-panel': FgPrivacyPanel;
  }
}
