/**
 * Offline use: registers the service worker (built by vite-plugin-pwa from src/sw/sw.ts) through
 * workbox-window, so every failure is caught and said in the page, and tells the app shell when
 * FaceGap works without a network. Without a service worker the app works exactly as before,
 * online only.
 */
import { Workbox } from 'workbox-window';
import { appPath } from '../shared/app-base';
import { describeError } from '../shared/errors';

/** Where the build puts the service worker. */
export const SERVICE_WORKER_URL = appPath('sw.js');

/** Where offline use stands. */
export type OfflineState =
  /** The browser has no service workers (or blocks them: private mode, plain http). */
  | 'unsupported'
  /** Not registered on purpose: the dev server, or tests. */
  | 'disabled'
  | 'installing'
  /** The app, models and packs are cached: FaceGap opens without a network. */
  | 'ready'
  /** A newer version is cached and takes over when the user agrees (`applyUpdate`). */
  | 'update-ready'
  /** "Forget everything" (in this tab or another) deleted the offline copy and the service worker. */
  | 'removed'
  | 'failed';

/** The state and a sentence the app shell can show as it is. */
export interface OfflineStatus {
  state: OfflineState;
  message: string;
  /** Whether FaceGap would open now without a network. */
  isOfflineReady: boolean;
}

/** Fired by `OfflineController` whenever its status changes. */
export class OfflineStatusChangeEvent extends Event {
  static readonly eventName = 'offline-status-change';
  constructor(readonly status: OfflineStatus) {
    super(OfflineStatusChangeEvent.eventName);
  }
}

/** Options of `OfflineController`; the defaults are the app's, the rest is for tests. */
export interface OfflineOptions {
  /** Register the service worker; false in the dev server, where vite serves files that change. */
  isEnabled?: boolean;
  scriptUrl?: string;
  container?: ServiceWorkerContainer | null;
}

const MESSAGES: Record<Exclude<OfflineState, 'failed'>, string> = {
  unsupported: 'This browser cannot keep FaceGap for offline use (no service workers here). Everything works while you are online.',
  disabled: 'Offline use is off in this development build.',
  installing: 'Saving the app and its face models on this device for offline use…',
  ready: 'FaceGap works offline: the app, and the face models and packs this device has used, are saved on it. A pack is downloaded and saved when a view first shows it.',
  'update-ready': 'A new version of FaceGap is ready. Reload to use it; your data stays as it is.',
  removed: 'The offline copy of FaceGap was deleted with everything else. FaceGap works while you are online; reloading the page saves it for offline use again.',
};

/** Registers the service worker and reports offline readiness as `offline-status-change` events. */
export class OfflineController extends EventTarget {
  private current: OfflineStatus;
  private workbox: Workbox | null = null;
  private readonly options: Required<Omit<OfflineOptions, 'container'>> & { container: ServiceWorkerContainer | null };

  constructor(options: OfflineOptions = {}) {
    super();
    this.options = {
      isEnabled: options.isEnabled ?? import.meta.env.PROD,
      scriptUrl: options.scriptUrl ?? SERVICE_WORKER_URL,
      container: options.container === undefined ? globalThis.navigator?.serviceWorker ?? null : options.container,
    };
    this.current = this.describe(this.options.isEnabled ? (this.options.container ? 'installing' : 'unsupported') : 'disabled');
  }

  /** The latest status. */
  get status(): OfflineStatus {
    return this.current;
  }

  /** Registers the service worker; resolves with the status, never rejects. */
  async start(): Promise<OfflineStatus> {
    const { isEnabled, container, scriptUrl } = this.options;
    if (!isEnabled) return this.set('disabled');
    if (!container) return this.set('unsupported');
    const workbox = new Workbox(scriptUrl, { type: 'classic' });
    this.workbox = workbox;
    workbox.addEventListener('installed', (event) => void (event.isUpdate ? undefined : this.set('ready')));
    workbox.addEventListener('waiting', () => void this.set('update-ready'));
    workbox.addEventListener('redundant', () => void (this.current.state === 'installing' && this.fail('the browser discarded it while installing')));
    // A waiting version that takes over serves the new files: reload so page and files agree.
    workbox.addEventListener('controlling', (event) => void (event.isUpdate && location.reload()));
    try {
      const registration = await workbox.register({ immediate: true });
      if (!registration) return this.fail('the browser refused to register it');
      if (registration.active && this.current.state === 'installing') this.set('ready');
    } catch (error) {
      return this.fail(describeError(error));
    }
    return this.current;
  }

  /** "Forget everything" deleted the offline copy: say so, where there was one to delete. */
  markRemoved(): void {
    if (this.current.state !== 'unsupported' && this.current.state !== 'disabled') this.set('removed');
  }

  /** Lets a waiting new version take over; the page reloads once it controls it. */
  applyUpdate(): void {
    this.workbox?.messageSkipWaiting();
  }

  private fail(reason: string): OfflineStatus {
    const message = `FaceGap could not be saved for offline use (${reason}). It keeps working while you are online, and nothing of yours is affected; reload to try again.`;
    return this.set('failed', message);
  }

  private set(state: OfflineState, message?: string): OfflineStatus {
    this.current = this.describe(state, message);
    this.dispatchEvent(new OfflineStatusChangeEvent(this.current));
    return this.current;
  }

  private describe(state: OfflineState, message?: string): OfflineStatus {
    return { state, message: message ?? (state === 'failed' ? 'FaceGap could not be saved for offline use.' : MESSAGES[state]), isOfflineReady: state === 'ready' || state === 'update-ready' };
  }
}
