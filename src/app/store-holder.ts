import { NOT_KEPT_NOTICE, type Settings, type Store } from '../store';
import { describeError } from '../shared/errors';
import { loadStoredState, type StoredState } from './fg-app-parts';
import type { StoreFactory, StoreHooks } from './services';

type Notify = (id: string, tone: 'error' | 'notice', text: string) => void;

/**
 * fg-app's store: opened at start (and again, in memory, after a wipe), the notice when it keeps
 * nothing, the stored state read back, and settings saved with a notice when a write fails.
 */
export class StoreHolder {
  store: Store | null = null;

  constructor(private readonly hooks: { notify: Notify; onClosedElsewhere: NonNullable<StoreHooks['onClosedElsewhere']> }) {}

  /** Opens the store `factory` makes and reads people and settings back. Never rejects on a read. */
  async open(factory: StoreFactory): Promise<StoredState & { isPersistent: boolean }> {
    const { store, notice } = await factory({ onClosedElsewhere: this.hooks.onClosedElsewhere });
    this.store = store;
    // A store that keeps nothing is always announced, whoever opened it.
    const text = notice ?? (store.isPersistent ? undefined : NOT_KEPT_NOTICE);
    if (text) this.hooks.notify('store', 'notice', text);
    const loaded = await loadStoredState(store);
    if (loaded.problem) this.hooks.notify('store-read', 'error', loaded.problem);
    return { ...loaded, isPersistent: store.isPersistent };
  }

  /** Saves one setting; a failed write is said, and the change holds until the tab closes. */
  async save<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
    try {
      await this.store?.settings.set(key, value);
    } catch (error) {
      this.hooks.notify('settings', 'error', `${describeError(error)} The change applies until you close this tab.`);
    }
  }

  close(): void {
    this.store?.close();
  }
}
