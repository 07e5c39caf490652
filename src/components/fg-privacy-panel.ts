import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { inventoryCaches, readServiceWorkerStatus, type CacheUsage, type ServiceWorkerStatus } from '../privacy/cache-inventory';
import { exportStoredPack } from '../import/stored-pack';
import { buildExportFileName, buildPersonalExport, downloadJson, downloadJsonText } from '../privacy/export';
import { NetworkAuditChangeEvent, type NetworkAudit, type NetworkSummary } from '../privacy/network-audit';
import type { OfflineStatus } from '../privacy/offline';
import type { ViolationRecord } from '../privacy/violations';
import { wipeEverything, type WipeReport } from '../privacy/wipe';
import type { PackMetadata, StorageInventory, Store } from '../store/types';
import './fg-network-panel';
import './fg-storage-panel';
import type { ExportPackRequestEvent } from './fg-storage-panel';
import './fg-privacy-fine-print';
import { describeError } from '../shared/errors';

/** Fired when the user confirmed "Forget everything", before anything is deleted: stop writing. */
export class ForgetEverythingEvent extends Event {
  static readonly eventName = 'forget-everything';
  constructor() {
    super(ForgetEverythingEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired once everything was deleted: the store handed in is closed; hand in a fresh one. */
export class DataWipedEvent extends Event {
  static readonly eventName = 'data-wiped';
  constructor(readonly report: WipeReport) {
    super(DataWipedEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * The Privacy tab: a plain-language account of what FaceGap does with the camera and what it
 * keeps, then the evidence: the network audit and the storage inventory, with exports and
 * "Forget everything". It reads the store and the audit it is handed; it never opens its own.
 *
 * @fires forget-everything - the user confirmed the wipe; it starts now
 * @fires data-wiped - the wipe finished; `report` says what was deleted
 */
@customElement('fg-privacy-panel')
export class FgPrivacyPanel extends LitElement {
  static override styles = css`
    :host { display: block; }
    section { margin-block: 1.25rem; }
    h2 { font-size: 1.25rem; }
  `;

  /** The app's store; null when none is open yet (or after a wipe, until the app opens another). */
  @property({ attribute: false }) store: Store | null = null;
  /** The network audit the app started at load (`new NetworkAudit().start()` in main.ts). */
  @property({ attribute: false }) audit: NetworkAudit | null = null;
  /** Offline readiness, from the app's `OfflineController`. */
  @property({ attribute: false }) offline: OfflineStatus | null = null;

  @state() private _summary: NetworkSummary | null = null;
  @state() private _violations: ViolationRecord[] = [];
  @state() private _inventory: StorageInventory | null = null;
  @state() private _packs: PackMetadata[] = [];
  @state() private _caches: CacheUsage[] = [];
  @state() private _serviceWorker: ServiceWorkerStatus | null = null;
  @state() private _wipeReport: WipeReport | null = null;
  @state() private _problem = '';
  @state() private _isBusy = false;

  private _watchedAudit: NetworkAudit | null = null;
  private readonly _onAuditChange = () => this._readAudit();

  override connectedCallback() {
    super.connectedCallback();
    // Re-read on every visit to the tab: storage changes while it is hidden.
    if (this.hasUpdated) this._watchAudit();
    void this.refresh();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._watchedAudit?.removeEventListener(NetworkAuditChangeEvent.eventName, this._onAuditChange);
    this._watchedAudit = null;
  }

  override updated(changed: PropertyValues<this>) {
    if (changed.has('audit')) this._watchAudit();
    if (changed.has('store') && changed.get('store') !== undefined) void this.refresh();
  }

  /** Reads the storage inventory, caches and service worker again. */
  async refresh(): Promise<void> {
    this._readAudit();
    const store = this.store;
    try {
      const [inventory, packs] = store ? await Promise.all([store.inventoryStorage(), store.packs.list()]) : [null, []];
      this._inventory = inventory;
      this._packs = packs;
      this._problem = '';
    } catch (error) {
      this._problem = `What is stored could not be read (${describeError(error)}). Nothing was changed; reopen this tab to try again.`;
    }
    this._caches = await inventoryCaches().catch(() => []);
    this._serviceWorker = await readServiceWorkerStatus().catch(() => null);
  }

  override render() {
    return html`
      <section>
        <h2>What FaceGap does with your camera</h2>
        <p>The camera picture is read by this page only. Each frame goes to a face model running
          inside your browser, which turns a face into a list of 1,024 numbers (an embedding). Frames
          are never sent anywhere, recorded or saved; the model files come from this site itself.</p>
        <p>When you enrol someone, only their embeddings, the name and any labels you typed are
          kept, in this browser's storage on this device. No face images are kept unless you turn
          on thumbnails. Nothing is sent to a server: there is no account, no analytics, no upload.</p>
      </section>
      <section>
        <h2>Network: what this page asked for</h2>
        <fg-network-panel .summary=${this._summary} .violations=${this._violations}></fg-network-panel>
        <fg-privacy-fine-print ?is-isolated=${globalThis.crossOriginIsolated === true}></fg-privacy-fine-print>
      </section>
      <section>
        <h2>Stored on this device</h2>
        <fg-storage-panel
          .inventory=${this._inventory}
          .packs=${this._packs}
          .caches=${this._caches}
          .serviceWorker=${this._serviceWorker}
          .offline=${this.offline}
          .wipeReport=${this._wipeReport}
          .problem=${this._problem}
          ?busy=${this._isBusy}
          @export-data-request=${this._onExportData}
          @export-pack-request=${this._onExportPack}
          @forget-request=${this._onForget}
        ></fg-storage-panel>
      </section>
    `;
  }

  private _watchAudit() {
    if (this._watchedAudit === this.audit) return;
    this._watchedAudit?.removeEventListener(NetworkAuditChangeEvent.eventName, this._onAuditChange);
    this._watchedAudit = this.audit;
    this._watchedAudit?.addEventListener(NetworkAuditChangeEvent.eventName, this._onAuditChange);
    this._readAudit();
  }

  private _readAudit() {
    this._summary = this.audit?.summarize() ?? null;
    this._violations = this.audit?.violations ?? [];
  }

  private async _onExportData() {
    if (!this.store) return;
    await this._run('Your data could not be exported', async (store) => {
      downloadJson(await buildPersonalExport(store), buildExportFileName('facegap-my-data'));
    });
  }

  private async _onExportPack(event: ExportPackRequestEvent) {
    await this._run('The pack could not be exported', async (store) => {
      const pack = await store.packs.get(event.packId);
      if (!pack) throw new Error('it is no longer stored');
      // The same pack file the pack manager downloads, so it can be imported again.
      const { fileName, text } = exportStoredPack(pack);
      downloadJsonText(text, fileName);
    });
  }

  private async _onForget() {
    this._isBusy = true;
    this.dispatchEvent(new ForgetEverythingEvent());
    const report = await wipeEverything({ store: this.store });
    this._wipeReport = report;
    this._inventory = null;
    this._packs = [];
    this._isBusy = false;
    this.dispatchEvent(new DataWipedEvent(report));
    this._caches = await inventoryCaches().catch(() => []);
    this._serviceWorker = await readServiceWorkerStatus().catch(() => null);
  }

  private async _run(what: string, work: (store: Store) => Promise<void>) {
    const store = this.store;
    if (!store) return;
    this._isBusy = true;
    try {
      await work(store);
      this._problem = '';
    } catch (error) {
      this._problem = `${what} (${describeError(error)}). Nothing was changed; try again.`;
    } finally {
      this._isBusy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-privacy-panel': FgPrivacyPanel;
  }
  interface HTMLElementEventMap {
    'forget-everything': ForgetEverythingEvent;
    'data-wiped': DataWipedEvent;
  }
}
