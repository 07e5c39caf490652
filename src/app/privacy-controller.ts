import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { inventoryCaches, readServiceWorkerStatus, type CacheUsage, type ServiceWorkerStatus } from '../privacy/cache-inventory';
import { downloadPersonalExport, downloadStoredPack } from '../privacy/export';
import { NetworkAuditChangeEvent, type NetworkAudit, type NetworkSummary } from '../privacy/network-audit';
import type { ViolationRecord } from '../privacy/violations';
import { wipeEverything, type WipeReport } from '../privacy/wipe';
import { WipeChannel, type WipeAnnouncement } from '../privacy/wipe-broadcast';
import { describeError } from '../shared/errors';
import type { ClosedElsewhereReason, PackMetadata, StorageInventory, Store } from '../store';
import type { VisionClient } from '../vision/types';

/** What the Privacy tab shows; fg-privacy-panel gets it as properties. */
export interface PrivacyView {
  summary: NetworkSummary | null;
  violations: ViolationRecord[];
  inventory: StorageInventory | null;
  packs: PackMetadata[];
  caches: CacheUsage[];
  serviceWorker: ServiceWorkerStatus | null;
  wipeReport: WipeReport | null;
  /** A sentence about the last failed read or export; empty when none. */
  problem: string;
  isBusy: boolean;
  /** What is stored is being read: the storage panel is about to change size. */
  isReading: boolean;
}

/** What the privacy controller needs from the app. */
export interface PrivacyDeps {
  store: () => Store | null;
  audit: () => NetworkAudit | null;
  /** The vision engine, whose worker reports its own requests; null until it runs. */
  vision: () => Pick<VisionClient, 'audit'> | null;
  /** Stops the camera and any enrolment, before anything is deleted. */
  stopWriting: () => void;
  /**
   * Lets go of everything held in memory (people list, templates, the current match) and carries
   * on with a store that keeps nothing; `notice` tells the user why.
   */
  dropHeldData: (notice: string) => Promise<void>;
  notify: (id: string, tone: 'error' | 'notice', text: string) => void;
  /** The offline copy (caches, service worker) is gone: the offline status must stop saying it works offline. */
  onOfflineCopyRemoved: () => void;
}

/** Shown after "Forget everything" in this tab: the wipe holds until the user chooses to store again. */
export const AFTER_WIPE_NOTICE = 'Everything FaceGap kept on this device is deleted. Until you reload the page nothing new is stored: what you do now is forgotten when you close this tab.';

/** Shown in every other tab after "Forget everything" in one of them. */
export const WIPED_ELSEWHERE_NOTICE = '“Forget everything” was used in another FaceGap tab, so everything FaceGap kept on this device is deleted. ' +
  'This tab stopped its camera and let go of the people, embeddings and match it was holding, so nobody deleted is matched here. ' +
  'Until you reload the page nothing new is stored.';

/** Shown when another tab upgraded FaceGap's storage under this one. */
export const UPGRADED_ELSEWHERE_NOTICE = 'A newer FaceGap opened in another tab and took over this device’s storage. ' +
  'This tab keeps what it shows, but can no longer save: reload the page to continue with the newer version.';

/** Shown when the browser closed the storage under this tab. */
export const TERMINATED_NOTICE = 'The browser closed FaceGap’s storage (it may be low on disk space, or its data was cleared). ' +
  'This tab keeps what it shows, but can no longer save: reload the page.';

/**
 * The one owner of "Forget everything" and of the exports, for both buttons that wipe (Live tab,
 * Privacy tab) and both places that export: it wipes (privacy/wipe.ts), tells the other tabs
 * (privacy/wipe-broadcast.ts), hears theirs and the database's versionchange, and keeps what the
 * Privacy tab shows (`view`).
 */
export class PrivacyController implements ReactiveController {
  /** What fg-privacy-panel shows. */
  view: PrivacyView = {
    summary: null, violations: [], inventory: null, packs: [], caches: [], serviceWorker: null, wipeReport: null, problem: '', isBusy: false, isReading: true,
  };

  private channel: WipeChannel | null = null;
  private watchedAudit: NetworkAudit | null = null;
  private readonly onAuditChange = () => this.readAudit();

  constructor(private readonly host: ReactiveControllerHost, private readonly deps: PrivacyDeps) {
    host.addController(this);
  }

  hostConnected(): void {
    this.channel = new WipeChannel((announcement) => void this.onWipedElsewhere(announcement));
  }

  hostDisconnected(): void {
    this.channel?.close();
    this.channel = null;
    this.watchedAudit?.removeEventListener(NetworkAuditChangeEvent.eventName, this.onAuditChange);
    this.watchedAudit = null;
  }

  /** Reads the audit, the storage inventory, caches and service worker again (the Privacy tab was opened). */
  async refresh(): Promise<void> {
    this.watchAudit();
    this.update({ isReading: true });
    // One update with everything, so the panel changes size once, not under a pointer about to click.
    const [stored, offline] = await Promise.all([this.readStore(), this.readCaches()]);
    this.update({ ...stored, ...offline, isReading: false });
  }

  /** The vision worker's own requests (models, wasm) join the page's in the network audit. */
  async auditVisionThread(): Promise<void> {
    const audit = this.deps.audit();
    const vision = this.deps.vision();
    if (!audit || !vision?.audit) return;
    const { requests, violations } = await vision.audit().catch(() => ({ requests: [], violations: [] }));
    audit.addRecords(requests);
    audit.addViolations(violations);
  }

  /** "Forget everything", from either button: stop, delete, tell the other tabs, start again empty. */
  async forget(): Promise<void> {
    this.deps.stopWriting();
    this.update({ isBusy: true });
    const report = await wipeEverything({ store: this.deps.store() });
    this.channel?.announce(report.isComplete);
    this.deps.notify('forget', report.isComplete ? 'notice' : 'error', report.message);
    this.update({ wipeReport: report, inventory: null, packs: [], isBusy: false });
    if (report.deletedCaches.length > 0 || report.unregisteredScopes.length > 0) this.deps.onOfflineCopyRemoved();
    await this.deps.dropHeldData(AFTER_WIPE_NOTICE);
    await this.refresh();
  }

  /** Downloads the user's people and settings. */
  exportPersonalData(): Promise<void> {
    return this.run('Your data could not be exported', (store) => downloadPersonalExport(store));
  }

  /** Downloads one imported pack as a pack file. */
  exportPack(packId: string): Promise<void> {
    return this.run('The pack could not be exported', (store) => downloadStoredPack(store, packId));
  }

  /** The database was closed under this tab (store/database.ts); a deletion is a wipe elsewhere. */
  onStoreClosedElsewhere(reason: ClosedElsewhereReason): void {
    if (reason === 'deleted') {
      void this.onWipedElsewhere(null);
      return;
    }
    this.deps.notify('store-closed', 'error', reason === 'upgraded' ? UPGRADED_ELSEWHERE_NOTICE : TERMINATED_NOTICE);
  }

  // Both signals usually arrive (versionchange first, then the message); dropping twice is harmless.
  private async onWipedElsewhere(_announcement: WipeAnnouncement | null): Promise<void> {
    this.deps.stopWriting();
    this.update({ inventory: null, packs: [], wipeReport: null });
    this.deps.onOfflineCopyRemoved();
    await this.deps.dropHeldData(WIPED_ELSEWHERE_NOTICE);
    await this.refresh();
  }

  private async run(what: string, work: (store: Store) => Promise<void>): Promise<void> {
    const store = this.deps.store();
    if (!store) return;
    this.update({ isBusy: true });
    try {
      await work(store);
      this.update({ problem: '' });
    } catch (error) {
      this.update({ problem: `${what} (${describeError(error)}). Nothing was changed; try again.` });
    } finally {
      this.update({ isBusy: false });
    }
  }

  private async readStore(): Promise<Partial<PrivacyView>> {
    const store = this.deps.store();
    try {
      const [inventory, packs] = store ? await Promise.all([store.inventoryStorage(), store.packs.list()]) : [null, []];
      return { inventory, packs, problem: '' };
    } catch (error) {
      return { problem: `What is stored could not be read (${describeError(error)}). Nothing was changed; reopen this tab to try again.` };
    }
  }

  private async readCaches(): Promise<Pick<PrivacyView, 'caches' | 'serviceWorker'>> {
    const [caches, serviceWorker] = await Promise.all([inventoryCaches().catch(() => []), readServiceWorkerStatus().catch(() => null)]);
    return { caches, serviceWorker };
  }

  private watchAudit(): void {
    const audit = this.deps.audit();
    if (this.watchedAudit !== audit) {
      this.watchedAudit?.removeEventListener(NetworkAuditChangeEvent.eventName, this.onAuditChange);
      this.watchedAudit = audit;
      audit?.addEventListener(NetworkAuditChangeEvent.eventName, this.onAuditChange);
    }
    this.readAudit();
  }

  private readAudit(): void {
    const audit = this.watchedAudit;
    this.update({ summary: audit?.summarize() ?? null, violations: audit?.violations ?? [] });
  }

  private update(change: Partial<PrivacyView>): void {
    this.view = { ...this.view, ...change };
    this.host.requestUpdate();
  }
}
