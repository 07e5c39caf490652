import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { tryDecodePack, tryDecodePackBytes } from '../datasets/pack';
import type { ReferencePack } from '../datasets/pack-types';
import { bundledPackUrl, DEFAULT_PACK_ID, findBundledEntry, hashBytes, loadBundledPackIndex, type BundledPackEntry } from '../import/bundled';
import { exportStoredPack } from '../import/stored-pack';
import { assertSameModel, DEFAULT_MODEL_ID, getModel, type RecognitionModel } from '../models/registry';
import type { PackMetadata, Store } from '../store';
import { describeError } from '../shared/errors';
import { keyPackByFileSha256 } from './pack-fingerprint';
import { keepLoadedFiles, listKeptFiles } from '../sw/keep-loaded';

/**
 * The pack the app opens with when packs/index.json names none, so the bias views work before
 * anyone imports anything. The index's `defaultPack` takes precedence.
 */
export { DEFAULT_PACK_ID };

/** Where the active pack stands; `message` says what went wrong and what is still shown. */
export type PackStatus =
  | { status: 'idle' }
  /** `download`: the bundled file being downloaded, null when the pack comes from this device (or IndexedDB). */
  | { status: 'loading'; id: string; download: { name: string; bytes: number } | null }
  | { status: 'ready'; id: string }
  | { status: 'failed'; id: string; message: string };

/** What the controller needs from the app. */
export interface PackControllerDeps {
  store: () => Store | null;
  /** The active recognition model (faceres when absent): packs are opened for it, a pack of another model is refused. */
  model?: () => RecognitionModel;
  /** sha256 of the active model's weights; a pack from other weights is refused. */
  modelSha256: () => Promise<string>;
  /** Called when the user's choice of pack should be remembered. */
  onActivated: (id: string) => void;
  /**
   * Whether a view that shows the pack is open: until then the pack is only chosen, not fetched
   * (the Live tab needs none, and a first visit that stays there downloads no pack). Default: always.
   */
  isNeeded?: () => boolean;
}

/**
 * Keeps the list of packs (bundled ones from /packs/index.json, imported ones from IndexedDB) and
 * the active pack, decoded and checked against this app's model. The active pack is opened when a
 * view first needs it (`isNeeded`), not at start. The decoded pack object is kept
 * as it is: the views cache their all-pairs scores by that object, so it is never decoded twice.
 */
export class PackController implements ReactiveController {
  bundled: BundledPackEntry[] = [];
  imported: PackMetadata[] = [];
  pack: ReferencePack | null = null;
  state: PackStatus = { status: 'idle' };
  /** Paths of bundled files kept on this device for offline use; null: nothing is kept (no service worker). */
  keptFiles: ReadonlySet<string> | null = null;
  private readonly cache = new Map<string, ReferencePack>();
  private loadId = 0;
  /** The pack opened when nothing else is chosen: the index's `defaultPack`, else DEFAULT_PACK_ID. */
  defaultId = DEFAULT_PACK_ID;
  /** The pack to open once a view needs one; null once opened (or while the list is read). */
  private wantedId: string | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly deps: PackControllerDeps) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens the wanted pack once a view needs it. */
  hostUpdated(): void {
    if (this.wantedId === null || this.state.status !== 'idle' || !(this.deps.isNeeded?.() ?? true)) return;
    void this.activate(this.wantedId, { remember: false });
  }

  /** Lists the packs and chooses `activeId` (or the default pack), opened when first needed. */
  async start(activeId: string | null): Promise<void> {
    try {
      const index = await loadBundledPackIndex();
      this.bundled = index.packs;
      this.defaultId = index.defaultPack ?? DEFAULT_PACK_ID;
    } catch (error) {
      this.bundled = [];
      this.fail(activeId ?? this.defaultId, describeError(error));
    }
    await this.refreshImported();
    await this.refreshKept();
    await this.open(activeId ?? this.defaultId);
  }

  /** Makes `id` the active pack: opened now if one is open already or needed, else when it is. */
  async open(id: string): Promise<void> {
    if (this.state.status === 'idle' && !(this.deps.isNeeded?.() ?? true)) {
      this.wantedId = id;
      this.host.requestUpdate();
      return;
    }
    await this.activate(id, { remember: false });
  }

  /** Re-reads which bundled files are kept for offline use (the pack list says which cost a download). */
  async refreshKept(): Promise<void> {
    this.keptFiles = await listKeptFiles();
    this.host.requestUpdate();
  }

  /** Re-reads the imported packs (after an import, a delete or a wipe). */
  async refreshImported(): Promise<void> {
    const store = this.deps.store();
    this.imported = store ? await store.packs.list().catch(() => []) : [];
    this.host.requestUpdate();
  }

  /** Makes `id` the active pack; the previous one stays shown if this one cannot be opened. */
  async activate(id: string, { remember = true } = {}): Promise<void> {
    const load = ++this.loadId;
    this.wantedId = null;
    this.state = { status: 'loading', id, download: this.readDownload(id) };
    this.host.requestUpdate();
    try {
      // Each model has its own embeddings of a pack: the cache holds one entry per model. Every
      // model's entry of a bundled set opens the active model's file, so the set is the key (two
      // ids of one set once held two decoded copies of the same file).
      const key = `${this.activeModel().id}:${findBundledEntry(this.bundled, id)?.pack ?? id}`;
      const pack = this.cache.get(key) ?? (await this.read(id));
      if (load !== this.loadId) return;
      this.cache.set(key, pack);
      this.pack = pack;
      this.state = { status: 'ready', id };
      if (remember) this.deps.onActivated(id);
    } catch (error) {
      if (load !== this.loadId) return;
      this.fail(id, describeError(error));
    }
    this.host.requestUpdate();
  }

  /** Forgets an imported pack that was deleted; falls back to the default pack if it was active. */
  async forget(id: string): Promise<void> {
    for (const key of this.cache.keys()) if (key.endsWith(`:${id}`)) this.cache.delete(key);
    await this.refreshImported();
    if (this.state.status !== 'idle' && this.state.id === id) await this.activate(this.defaultId);
    if (this.wantedId === id) this.wantedId = this.defaultId;
  }

  /** What opening `id` downloads: a bundled file not kept on this device; null otherwise. */
  private readDownload(id: string): { name: string; bytes: number } | null {
    const named = findBundledEntry(this.bundled, id);
    const entry = named && this.bundled.find((candidate) => candidate.pack === named.pack && candidate.model === this.activeModel().id);
    if (!entry || this.cache.has(`${this.activeModel().id}:${id}`)) return null;
    return this.keptFiles?.has(new URL(bundledPackUrl(entry)).pathname) ? null : { name: entry.name, bytes: entry.bytes };
  }

  private async read(id: string): Promise<ReferencePack> {
    const model = this.activeModel();
    const named = findBundledEntry(this.bundled, id);
    if (named) {
      // A remembered id names a pack set; open that set's embeddings of the active model.
      const entry = this.bundled.find((candidate) => candidate.pack === named.pack && candidate.model === model.id);
      if (!entry) throw new Error(`The bundled pack “${named.name}” has no embeddings of the ${model.label} model. Choose another pack, or switch model.`);
      return this.readBundled(entry);
    }
    const store = this.deps.store();
    const stored = store ? await store.packs.get(id) : null;
    if (!stored) throw new Error(`The pack “${id}” is not on this device any more.`);
    const madeWith = (stored.metadata.details as { model?: { id?: unknown } }).model?.id;
    try {
      assertSameModel(typeof madeWith === 'string' ? madeWith : 'faceres', model.id, `The pack “${stored.metadata.name}”`);
    } catch (error) {
      throw new Error(`${describeError(error)} It stays on this device unchanged.`);
    }
    // Packs imported before the face model changed hold embeddings the live view cannot be compared with.
    const modelSha256 = (await this.deps.modelSha256()).toLowerCase();
    const packSha256 = stored.metadata.modelSha256.toLowerCase();
    if (packSha256 !== modelSha256) {
      throw new Error(`The pack “${stored.metadata.name}” was made with a different face model (weights ${packSha256.slice(0, 12)}..., yours ${modelSha256.slice(0, 12)}...), ` +
        'so its scores cannot be compared with yours. It stays on this device unchanged; import its photos again to rebuild it with this model, or delete it.');
    }
    // An imported pack comes back from IndexedDB through the same validation as a bundled file.
    const decoded = tryDecodePack(exportStoredPack(stored).text, { modelSha256, dim: model.dim, scoreId: model.scoreId, modelId: model.id });
    if (!decoded.ok) throw new Error(`The pack “${stored.metadata.name}” on this device is damaged and was not used. ${decoded.rejection.message}`);
    return decoded.pack;
  }

  private async readBundled(entry: BundledPackEntry): Promise<ReferencePack> {
    const response = await fetch(bundledPackUrl(entry)).catch(() => {
      throw new Error(`The bundled pack “${entry.name}” could not be downloaded: the site cannot be reached (offline?), and this device has not kept it yet. ` +
        'Live works without it; choose the pack again in The gap once you are online.');
    });
    if (!response.ok) throw new Error(`The bundled pack “${entry.name}” could not be loaded (HTTP ${response.status}).`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const sha256 = await hashBytes(bytes);
    if (sha256 !== entry.sha256.toLowerCase()) {
      throw new Error(`The bundled pack “${entry.name}” (${entry.file}) is not the file its index lists (sha256 ${sha256.slice(0, 12)}..., expected ${entry.sha256.slice(0, 12)}...): ` +
        'it was changed or cut off on the way, so it was not used. Reload the page; if it persists, the site was deployed with a stale packs/index.json.');
    }
    const model = this.activeModel();
    const decoded = tryDecodePackBytes(bytes, { modelSha256: await this.deps.modelSha256(), dim: model.dim, scoreId: model.scoreId, modelId: model.id });
    if (!decoded.ok) throw new Error(`The bundled pack “${entry.name}” (${entry.file}) was refused. ${decoded.rejection.message}`);
    // The sha256 just checked is the pack's content key: no pass over its embeddings on this thread.
    keyPackByFileSha256(decoded.pack, sha256);
    // Kept for offline use from the HTTP cache, not downloaded again.
    void keepLoadedFiles().then(() => this.refreshKept());
    return decoded.pack;
  }

  private activeModel(): RecognitionModel {
    return this.deps.model?.() ?? getModel(DEFAULT_MODEL_ID);
  }

  private fail(id: string, message: string): void {
    const kept = this.pack ? ` The views still show “${this.pack.name}”.` : '';
    this.state = { status: 'failed', id, message: `${message}${kept}` };
    this.host.requestUpdate();
  }
}
