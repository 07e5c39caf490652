import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readModelIdentity } from '../import/model';
import { ImportSession } from '../import/session';
import { downloadStoredPack } from '../privacy/export';
import type { RecognitionModel } from '../models/registry';
import type { Store } from '../store';
import { MODEL_BASE_PATH } from '../vision/client';
import type { VisionClient } from '../vision/types';
import { PackController } from './pack-controller';
import { describeError } from '../shared/errors';

/** What the library needs from the app. */
export interface LibraryDeps {
  store: () => Store | null;
  /** The running engine, or null while it loads or when it failed. */
  vision: () => { client: VisionClient; humanVersion: string } | null;
  notify: (id: string, tone: 'error' | 'notice', text: string) => void;
  /** Remembers the user's choice of pack. */
  saveActivePack: (id: string) => void;
  /** Whether a view that shows the active pack is open (it is fetched only then). */
  isPackNeeded: () => boolean;
  /** The active recognition model: packs open for it and imports build its pack. */
  model: () => RecognitionModel;
}

/**
 * The reference packs and the import of new ones: the pack list and active pack (PackController),
 * the import session (made once the engine and the store are both up), pack delete and export,
 * and starting afresh after "forget everything". fg-app forwards the views' events here.
 */
export class LibraryController implements ReactiveController {
  readonly packs: PackController;
  importSession: ImportSession | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly deps: LibraryDeps) {
    host.addController(this);
    this.packs = new PackController(host, {
      store: deps.store,
      model: deps.model,
      modelSha256: () => readModelIdentity(MODEL_BASE_PATH, '', { model: deps.model() }).then((model) => model.sha256),
      onActivated: deps.saveActivePack,
      isNeeded: deps.isPackNeeded,
    });
  }

  hostConnected(): void {}

  /** Makes the import session once the engine and the store are both there; safe to call often. */
  async prepareImport(): Promise<void> {
    const vision = this.deps.vision();
    const store = this.deps.store();
    if (!vision || !store || this.importSession) return;
    try {
      const model = await readModelIdentity(MODEL_BASE_PATH, vision.humanVersion, { model: this.deps.model() });
      this.importSession = new ImportSession({
        client: vision.client, store, model,
        // Another model's pack records that model's weights, read from the same manifest.
        identify: (other) => readModelIdentity(MODEL_BASE_PATH, vision.humanVersion, { model: other }),
      });
      await this.importSession.refreshUnfinished();
    } catch (error) {
      this.importSession = null;
      this.deps.notify('import', 'error', `Importing photos is unavailable: ${describeError(error)}`);
    }
    this.host.requestUpdate();
  }

  /**
   * The active model changed: the active pack opens again with that model's embeddings, and an
   * import made from now on builds that model's pack with the new engine.
   */
  async switchModel(): Promise<void> {
    this.importSession = null;
    // Not opened yet: it opens with the new model's embeddings when a view needs it.
    if (this.packs.state.status !== 'idle') await this.packs.activate(this.packs.state.id, { remember: false });
    await this.prepareImport();
  }

  /** An import finished: list the new pack and make it the active one. */
  async adoptImported(packId: string): Promise<void> {
    await this.packs.refreshImported();
    await this.packs.activate(packId);
  }

  async deletePack(id: string): Promise<void> {
    try {
      await this.deps.store()?.packs.delete(id);
      await this.packs.forget(id);
    } catch (error) {
      this.deps.notify('packs', 'error', describeError(error));
    }
  }

  async exportPack(id: string): Promise<void> {
    const store = this.deps.store();
    if (!store) return;
    await downloadStoredPack(store, id).catch((error: unknown) => {
      this.deps.notify('packs', 'error', `The pack could not be exported: ${describeError(error)}.`);
    });
  }

  /** After "forget everything": no imported pack is left; the bundled ones still work. */
  async reset(activeId: string | null): Promise<void> {
    this.importSession = null;
    await this.packs.refreshImported();
    await this.packs.open(activeId ?? this.packs.defaultId);
    await this.prepareImport();
  }
}
