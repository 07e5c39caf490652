import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CacheUsage, ServiceWorkerStatus } from '../privacy/cache-inventory';
import { formatBytes, formatCount } from '../privacy/format';
import type { OfflineStatus } from '../privacy/offline';
import type { WipeReport } from '../privacy/wipe';
import type { PackMetadata, StorageInventory, StoreName } from '../store/types';

/** Fired when the user asks for a download of their people and settings. */
export class ExportDataRequestEvent extends Event {
  static readonly eventName = 'export-data-request';
  constructor() {
    super(ExportDataRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the user asks for a download of one imported pack. */
export class ExportPackRequestEvent extends Event {
  static readonly eventName = 'export-pack-request';
  constructor(readonly packId: string) {
    super(ExportPackRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the user confirmed that everything stored on this device should be deleted. */
export class ForgetRequestEvent extends Event {
  static readonly eventName = 'forget-request';
  constructor() {
    super(ForgetRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The rows of the inventory table: what the user knows, and the stores behind each. */
const ROWS: { label: string; stores: StoreName[] }[] = [
  { label: 'Enrolled people (face embeddings, names, labels)', stores: ['people'] },
  { label: 'Reference packs (embeddings and labels)', stores: ['packs', 'packSamples'] },
  { label: 'Settings', stores: ['settings'] },
  { label: 'Unfinished or past imports', stores: ['importJobs', 'importFiles'] },
  { label: 'Thumbnails (only if you turned them on)', stores: ['thumbnails'] },
  { label: 'Room codes collected (only if the presenter chose to keep the room; scores and self-described labels, no faces)', stores: ['roomCodes'] },
];

/**
 * What FaceGap keeps on this device: its IndexedDB stores with counts and sizes, whether any face
 * image is among them, the offline copy in Cache Storage and the service worker. Offers exports of
 * the user's own data and "Forget everything" (asked twice, then `forget-request`).
 *
 * @fires export-data-request - the user wants their people and settings as a file
 * @fires export-pack-request - the user wants one imported pack as a file
 * @fires forget-request - the user confirmed deleting everything
 */
@customElement('fg-storage-panel')
export class FgStoragePanel extends LitElement {
  static override styles = css`
    :host { display: block; }
    table { border-collapse: collapse; width: 100%; margin-block: 0.75rem; }
    th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--fg-border, #ccc); }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    .statement { font-weight: 700; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-block: 0.75rem; }
    button { font: inherit; }
    .danger { border: 2px solid var(--fg-oi-vermillion, #d55e00); }
    /* A projector shows the room what is kept; the offline copy and the owner's downloads and wipe
       stay on the normal page, and a line says so. */
    .elsewhere { display: none; font-style: italic; }
    :host([presenter]) .own { display: none; }
    :host([presenter]) .elsewhere { display: block; }
    :host([presenter]) { line-height: 1.25; }
    :host([presenter]) p { margin: 0 0 0.3em; }
    :host([presenter]) th, :host([presenter]) td { padding-block: 0.05em; }
    :host([presenter]) thead th { white-space: nowrap; }
  `;

  /** The store's inventory; null while it is read or when no store is open. */
  @property({ attribute: false }) inventory: StorageInventory | null = null;
  /** Imported packs, each exportable on its own. */
  @property({ attribute: false }) packs: PackMetadata[] = [];
  /** Cache Storage caches of this origin. */
  @property({ attribute: false }) caches: CacheUsage[] = [];
  /** The service worker registration's state. */
  @property({ attribute: false }) serviceWorker: ServiceWorkerStatus | null = null;
  /** Offline readiness, from `OfflineController`. */
  @property({ attribute: false }) offline: OfflineStatus | null = null;
  /** What the last "Forget everything" deleted. */
  @property({ attribute: false }) wipeReport: WipeReport | null = null;
  /** A sentence about the last failure (reading the inventory, an export). */
  @property() problem = '';
  /** True while a wipe or export runs: buttons are disabled. */
  @property({ type: Boolean }) busy = false;
  /** What is stored is being read: shown as aria-busy, so assistive tech and tests wait for it. */
  @property({ type: Boolean }) reading = false;
  /** Projector layout: what is kept, without the offline copy and the owner's buttons. */
  @property({ type: Boolean, reflect: true }) presenter = false;

  @state() private _isConfirming = false;

  override updated(): void {
    this.setAttribute('aria-busy', String(this.reading));
  }

  override render() {
    const inventory = this.inventory;
    return html`
      ${this.problem ? html`<p role="alert">${this.problem}</p>` : nothing}
      ${inventory ? this._renderInventory(inventory) : html`<p>Reading what is stored…</p>`}
      <p class="elsewhere">Offline copy, downloads and \u201cForget everything\u201d: leave presenter view.</p>
      <div class="own">
      <h3>Offline copy of the app</h3>
      <p class="offline" data-state=${this.offline?.state ?? 'unknown'}>${this.offline?.message ?? 'Offline use has not been set up.'}</p>
      <p>Service worker: <span class="sw-state">${describeWorker(this.serviceWorker)}</span>.</p>
      ${this.caches.length === 0 ? nothing : html`<p class="downloaded" data-bytes=${sumBytes(this.caches)}>${describeDownloaded(this.caches)}</p>`}
      ${this.caches.length === 0 ? html`<p>Cache Storage is empty.</p>` : html`
        <table class="caches">
          <caption>Cache Storage: the app, and the face models, wasm and bundled packs this device has used. None of your data.</caption>
          <thead><tr><th scope="col">Cache</th><th scope="col">Files</th><th scope="col">Size</th></tr></thead>
          <tbody>${this.caches.map((cache) => html`
            <tr><th scope="row"><code>${cache.name}</code></th><td class="number">${cache.entries}</td><td class="number">${formatBytes(cache.bytes)}</td></tr>`)}
          </tbody>
        </table>`}
      <h3>Your data</h3>
      <div class="actions">
        <button type="button" ?disabled=${this.busy || !inventory} @click=${this._onExportData}>Download my people and settings (JSON)</button>
        ${this.packs.map((pack) => html`
          <button type="button" ?disabled=${this.busy} data-pack-id=${pack.id} @click=${() => this._onExportPack(pack.id)}>Download pack “${pack.name}”</button>`)}
      </div>
      <div class="actions">
        ${this._isConfirming ? html`
          <span id="confirm-text">Delete everything FaceGap keeps on this device, including its offline copy? This cannot be undone.</span>
          <button type="button" class="danger confirm-forget" aria-describedby="confirm-text" ?disabled=${this.busy} @click=${this._onConfirmForget}>Yes, delete everything</button>
          <button type="button" @click=${this._onCancelForget}>Cancel</button>` : html`
          <button type="button" class="danger forget" ?disabled=${this.busy} @click=${this._onForget}>Forget everything…</button>`}
      </div>
      </div>
      ${this.wipeReport ? html`<p role="status" class="wipe-report">${this.wipeReport.message}</p>` : nothing}
    `;
  }

  private _renderInventory(inventory: StorageInventory) {
    const images = inventory.isStoringImages
      ? `${formatCount(inventory.imageCount, 'thumbnail')} (${formatBytes(inventory.imageBytes)}) of enrolled people are stored, because you turned thumbnails on. Turning them off deletes them.`
      : 'No face images are stored. Only embeddings (lists of numbers computed from a face) are kept.';
    return html`
      <p class="statement" data-storing-images=${String(inventory.isStoringImages)}>${images}</p>
      ${inventory.isPersistent ? nothing : html`<p class="not-kept">This tab keeps nothing on this device (storage could not be opened, or everything was just forgotten): what you do now is forgotten when you close it.</p>`}
      <table class="inventory">
        <caption>IndexedDB on this device: ${formatCount(inventory.embeddingCount, 'face embedding')} in all${inventory.estimate?.usageBytes !== undefined ? `; the browser counts ${formatBytes(inventory.estimate.usageBytes)} for this site, offline copy included` : ''}</caption>
        <thead><tr><th scope="col">What</th><th scope="col">Records</th><th scope="col">Size (approx.)</th></tr></thead>
        <tbody>${ROWS.map((row) => {
          const records = row.stores.reduce((sum, name) => sum + inventory.stores[name].records, 0);
          const bytes = row.stores.reduce((sum, name) => sum + inventory.stores[name].approxBytes, 0);
          return html`<tr data-stores=${row.stores.join(' ')}><th scope="row">${row.label}</th><td class="number">${records}</td><td class="number">${formatBytes(bytes)}</td></tr>`;
        })}</tbody>
      </table>
    `;
  }

  private _onExportData() {
    this.dispatchEvent(new ExportDataRequestEvent());
  }

  private _onExportPack(packId: string) {
    this.dispatchEvent(new ExportPackRequestEvent(packId));
  }

  private _onForget() {
    this._isConfirming = true;
  }

  private _onCancelForget() {
    this._isConfirming = false;
  }

  private _onConfirmForget() {
    this._isConfirming = false;
    this.dispatchEvent(new ForgetRequestEvent());
  }
}

function describeWorker(status: ServiceWorkerStatus | null): string {
  if (!status) return 'checking';
  if (status.state === 'unsupported') return 'not available in this browser';
  if (status.state === 'none') return 'not installed';
  return `${status.state}, serving ${status.scope}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-storage-panel': FgStoragePanel;
  }
  interface HTMLElementEventMap {
    'export-data-request': ExportDataRequestEvent;
    'export-pack-request': ExportPackRequestEvent;
    'forget-request': ForgetRequestEvent;
  }
}

/** The service worker's cache of large files kept once used (src/sw/files.ts USED_FILES_CACHE). */
const USED_FILES_CACHE_PREFIX = 'facegap-used-files';

function sumBytes(caches: readonly CacheUsage[]): number {
  return caches.reduce((sum, cache) => sum + cache.bytes, 0);
}

/**
 * How much FaceGap downloaded and keeps: every file the offline copy holds was downloaded once
 * (the service worker takes what the page loaded from the browser's HTTP cache, issue #10).
 */
export function describeDownloaded(caches: readonly CacheUsage[]): string {
  const large = caches.filter((cache) => cache.name.startsWith(USED_FILES_CACHE_PREFIX));
  const largeBytes = sumBytes(large);
  const smallBytes = sumBytes(caches) - largeBytes;
  return `FaceGap downloaded ${formatBytes(sumBytes(caches))} to this device, each file once, and keeps it for offline use: ` +
    `${formatBytes(smallBytes)} of small app files, and ${formatBytes(largeBytes)} of face models, wasm, engine code and packs this device has used. ` +
    'Another pack or model is downloaded only when you choose it, and then kept too.';
}
