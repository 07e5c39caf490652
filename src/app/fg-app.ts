import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import '../components/fg-camera-view';
import '../components/fg-engine-status';
import '../components/fg-enrol-panel';
import '../components/fg-match-meter';
import '../components/fg-message';
import '../components/fg-people-list';
import type { FgCameraView } from '../components/fg-camera-view';
import { findBestMatch } from '../matching/search';
import { NOT_KEPT_NOTICE, type Store } from '../store';
import { browserCamera, isCameraPermissionGranted, type CameraService } from './camera';
import { finishEnrolment } from './enrol-flow';
import { LiveController } from './live-controller';
import { describeVisionFailure, openBrowserStore, startBrowserVision, type StoreFactory, type VisionFactory } from './services';
import { appStyles } from './fg-app-styles';
import { createInitialState, isEnrolmentReady, reduceAppState, selectMatchView, type AppAction, type AppState, type MatchView } from './state';
import { findTabForKey, TABS, type TabId } from './tabs';
import { loadStoredState, renderOtherPanel } from './fg-app-parts';
import type { VisionClient } from '../vision/types';

/**
 * FaceGap: the mediator between the services (vision engine, store, camera) and the views.
 * It holds one `AppState` (transitions in state.ts), hands data down as properties and handles
 * the views' events. Services are properties, so a test sets fakes before the first update.
 * `data-vision`, `data-store`, `data-camera`, `data-people` and `data-enrol` mirror the state
 * for end-to-end tests.
 */
@customElement('fg-app')
export class FgApp extends LitElement {
  static override styles = appStyles;

  /** Starts the vision engine (default: human in a worker, `?backend=` honoured). */
  @property({ attribute: false }) visionFactory: VisionFactory = startBrowserVision;
  /** Opens storage (default: IndexedDB, memory with a notice when refused). */
  @property({ attribute: false }) storeFactory: StoreFactory = openBrowserStore;
  /** The camera (default: getUserMedia). */
  @property({ attribute: false }) camera: CameraService = browserCamera;
  /** Start the camera on load when permission was already given. */
  @property({ type: Boolean, attribute: 'auto-start-camera' }) autoStartCamera = true;

  @state() private _state = createInitialState();
  @state() private _tab: TabId = 'live';
  private _match: MatchView = selectMatchView(this._state);
  private _vision: VisionClient | null = null;
  private _store: Store | null = null;
  private _isSaving = false;

  @query('fg-camera-view') private _cameraView!: FgCameraView;

  private readonly _live = new LiveController(this, {
    camera: () => this.camera,
    vision: () => this._vision,
    grabFrame: () => this._cameraView?.grabFrame() ?? Promise.resolve(null),
    match: (embedding) => findBestMatch(embedding, this._state.templates, this._state.threshold, { modelSha256: this._modelSha256() }),
    onCameraChange: (camera) => this._dispatch({ type: 'camera-changed', camera }),
    onFrame: (frame) => this._dispatch({ type: 'frame', frame, now: performance.now() }),
    onCamerasListed: (cameras) => this._dispatch({ type: 'cameras-listed', cameras }),
    onDetectFailed: (error) => this._notify('detect', 'error', describeVisionFailure(error)),
  });

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._vision?.dispose();
    this._store?.close();
  }

  override firstUpdated() {
    void this._openStore();
    void this._startVision();
    if (this.autoStartCamera) {
      void isCameraPermissionGranted().then((isGranted) => (isGranted ? this._live.start() : undefined));
    }
  }

  override willUpdate() {
    this._match = selectMatchView(this._state);
  }

  override updated(changed: PropertyValues<this>) {
    const { vision, store, camera, templates, enrolment } = this._state;
    this.dataset.vision = vision.status;
    this.dataset.store = store.status === 'opening' ? 'opening' : store.isPersistent ? 'persistent' : 'memory';
    this.dataset.camera = camera.status;
    this.dataset.people = String(templates.length);
    this.dataset.enrol = enrolment ? 'capturing' : this._isSaving ? 'saving' : 'idle';
    if (changed.has('_state' as keyof FgApp) && isEnrolmentReady(this._state) && !this._isSaving) void this._saveEnrolment();
  }

  override render() {
    return html`
      <header>
        <h1>FaceGap</h1>
        <p class="pitch">Face recognition running entirely in your browser, and how its confidence differs across groups. Nothing you show it leaves this page.</p>
      </header>
      <div class="notices">
        ${this._state.notices.map((n) => html`<fg-message tone=${n.tone} dismissible @message-dismiss=${() => this._dispatch({ type: 'notice-dismissed', id: n.id })}>${n.text}</fg-message>`)}
      </div>
      <div role="tablist" aria-label="FaceGap views" @keydown=${this._onTabKey}>
        ${TABS.map((tab) => html`<button role="tab" id="tab-${tab.id}" aria-controls="panel-${tab.id}" aria-selected=${tab.id === this._tab ? 'true' : 'false'}
          tabindex=${tab.id === this._tab ? 0 : -1} @click=${() => this._selectTab(tab.id)}>${tab.label}</button>`)}
      </div>
      ${TABS.map((tab) => html`<section role="tabpanel" id="panel-${tab.id}" aria-labelledby="tab-${tab.id}" ?hidden=${tab.id !== this._tab}>
        ${tab.id === 'live' ? this._renderLive() : renderOtherPanel(tab.id)}
      </section>`)}
    `;
  }

  private _renderLive() {
    const s = this._state;
    const camera = s.camera;
    const visionReady = s.vision.status === 'ready';
    const problem = camera.status === 'failed' ? camera.failure.message : camera.status === 'paused' ? camera.message : '';
    return html`<div class="live">
      <div class="camera-column">
        <fg-camera-view .stream=${this._live.stream} status=${camera.status} problem=${problem} .cameras=${s.cameras}
          .observation=${s.observation} .quality=${s.quality} fps=${s.fps} .timings=${s.timings} waitingFor=${WAITING_TEXT[s.vision.status]}
          @camera-start=${(e: HTMLElementEventMap['camera-start']) => this._live.start(e.deviceId)}
          @camera-stop=${() => this._live.stop({ status: 'off' })}
          @camera-select=${(e: HTMLElementEventMap['camera-select']) => this._live.start(e.deviceId)}></fg-camera-view>
      </div>
      <div class="side-column">
        <fg-match-meter state=${this._match.state} .name=${this._match.name} .score=${this._match.score} threshold=${s.threshold}
          ?hasTemplates=${s.templates.length > 0}></fg-match-meter>
        <fg-enrol-panel ?canEnrol=${visionReady && camera.status === 'on' && !this._isSaving}
          unavailableReason=${visionReady ? 'Start the camera to enrol.' : 'Enrolment needs the face models, which are not running.'}
          .progress=${s.enrolment ? { taken: s.enrolment.captures.length, needed: s.enrolment.needed, hint: s.enrolment.hint } : null}
          message=${s.enrolMessage}
          @enrol-start=${(e: HTMLElementEventMap['enrol-start']) => this._dispatch({ type: 'enrol-started', request: e.request })}
          @enrol-cancel=${() => this._dispatch({ type: 'enrol-ended', message: 'Enrolment cancelled; nothing was saved.' })}></fg-enrol-panel>
        <fg-people-list .people=${s.templates} @person-rename=${this._onRename} @person-delete=${this._onDelete} @forget-everything=${this._onForget}></fg-people-list>
        <fg-engine-status status=${s.vision.status} .info=${s.vision.status === 'ready' ? s.vision.info : null}
          error=${s.vision.status === 'failed' ? s.vision.message : ''}></fg-engine-status>
      </div>
    </div>`;
  }

  private _dispatch(action: AppAction) {
    this._state = reduceAppState(this._state, action);
  }

  private _notify(id: string, tone: 'error' | 'notice', text: string) {
    this._dispatch({ type: 'notice-shown', notice: { id, tone, text } });
  }

  private _modelSha256(): string | undefined {
    return this._state.vision.status === 'ready' ? this._state.vision.modelSha256 : undefined;
  }

  private async _startVision() {
    try {
      const { client, info, modelSha256 } = await this.visionFactory();
      this._vision = client;
      this._dispatch({ type: 'vision-ready', info, modelSha256 });
      this._live.resumeLoop();
    } catch (error) {
      const message = describeVisionFailure(error);
      this._dispatch({ type: 'vision-failed', message });
      this._notify('vision', 'error', message);
    }
  }

  private async _openStore() {
    const { store, notice } = await this.storeFactory();
    this._store = store;
    // A store that keeps nothing is always announced, whoever opened it.
    const text = notice ?? (store.isPersistent ? undefined : NOT_KEPT_NOTICE);
    if (text) this._notify('store', 'notice', text);
    const loaded = await loadStoredState(store);
    if (loaded.problem) this._notify('store-read', 'error', loaded.problem);
    this._dispatch({ type: 'store-ready', isPersistent: store.isPersistent, ...loaded.values });
  }

  private async _saveEnrolment() {
    const enrolment = this._state.enrolment;
    const store = this._store;
    const modelSha256 = this._modelSha256();
    if (!enrolment || !store || !modelSha256) return;
    this._isSaving = true;
    this._dispatch({ type: 'enrol-ended', message: `Saving ${enrolment.request.name}…` });
    const outcome = await finishEnrolment({ enrolment, store, modelSha256, captureThumbnail: (box) => this._cameraView.captureThumbnail(box) });
    this._isSaving = false;
    if (outcome.templates) this._dispatch({ type: 'templates-changed', templates: outcome.templates });
    this._dispatch({ type: 'enrol-ended', message: outcome.message });
  }

  private _onRename = async (event: HTMLElementEventMap['person-rename']) => {
    await this._changePeople(() => this._store!.people.rename(event.personId, event.name));
  };

  private _onDelete = async (event: HTMLElementEventMap['person-delete']) => {
    await this._changePeople(() => this._store!.people.delete(event.personId));
  };

  private _onForget = async () => {
    if (!this._store) return;
    try {
      const report = await this._store.forgetEverything();
      this._notify('forget', 'notice', report.message);
    } catch (error) {
      this._notify('forget', 'error', error instanceof Error ? error.message : String(error));
    }
    this._dispatch({ type: 'templates-changed', templates: [] });
    await this._openStore();
  };

  private async _changePeople(change: () => Promise<unknown>) {
    if (!this._store) return;
    try {
      await change();
      this._dispatch({ type: 'templates-changed', templates: await this._store.people.list() });
    } catch (error) {
      this._notify('people', 'error', error instanceof Error ? error.message : String(error));
    }
  }

  private _selectTab(id: TabId) {
    this._tab = id;
  }

  private _onTabKey(event: KeyboardEvent) {
    const next = findTabForKey(this._tab, event.key);
    if (next === null) return;
    event.preventDefault();
    this._tab = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }
}

const WAITING_TEXT: Record<AppState['vision']['status'], string> = {
  loading: 'Loading the face models (from this site only)…',
  ready: '',
  failed: 'The picture is not analysed: the face models are not running (see the message above).',
};

declare global {
  interface HTMLElementTagNameMap {
    'fg-app': FgApp;
  }
}
