import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { findBestMatch } from '../matching/search';
import { createMemoryStore, type Settings } from '../store';
import { browserCamera, isCameraPermissionGranted, type CameraService } from './camera';
import { LiveController } from './live-controller';
import { describeVisionFailure, openBrowserStore, startBrowserVision, type StoreFactory, type VisionFactory } from './services';
import { ModelController } from './model-controller';
import { CompareController } from './compare-controller';
import { getModel } from '../models/registry';
import { appStyles } from './fg-app-styles';
import { createInitialState, isEnrolmentReady, reduceAppState, selectMatchView, type AppAction, type AppState, type MatchView } from './state';
import { findTabForKey, isPackTab, type TabId } from './tabs';
import { renderHeader } from './fg-app-parts';
import { StoreHolder } from './store-holder';
import { renderTabPanel, renderTabs, type TabContext } from './fg-app-tabs';
import { renderLivePanel, type LiveContext } from './fg-app-live';
import { LibraryController } from './library-controller';
import { ClassroomController } from './classroom-controller';
import { renderClassroomBar, renderHandout, renderLesson, renderRoomTab, type ClassroomContext } from './fg-app-classroom';
import { PrivacyController } from './privacy-controller';
import type { NetworkAudit } from '../privacy/network-audit';
import { OfflineStatusChangeEvent, type OfflineController, type OfflineStatus } from '../privacy/offline';
import { PeopleController } from './people-controller';
import { PresetFollower } from './preset-follower';

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
  /** The page's network audit (started by main.ts before anything loads), for the privacy tab. */
  @property({ attribute: false }) audit: NetworkAudit | null = null;
  /** The service-worker controller, for offline readiness. */
  @property({ attribute: false }) offline: OfflineController | null = null;

  @state() private _state = createInitialState();
  @state() private _tab: TabId = 'live';
  private _match: MatchView = selectMatchView(this._state);
  private readonly _stored = new StoreHolder({
    notify: (id, tone, text) => this._notify(id, tone, text),
    onClosedElsewhere: (reason) => this._privacy.onStoreClosedElsewhere(reason),
  });
  @state() private _offlineStatus: OfflineStatus | null = null;
  private readonly _library = new LibraryController(this, {
    store: () => this._stored.store,
    vision: () => (this._models.client && this._state.vision.status === 'ready' ? { client: this._models.client, humanVersion: this._state.vision.info.humanVersion } : null),
    notify: (id, tone, text) => this._notify(id, tone, text),
    saveActivePack: (id) => void this._saveSetting('activePackId', id),
    isPackNeeded: () => isPackTab(this._tab) || this._classroom.lessonStep !== null || this._classroom.isHandout,
    model: () => getModel(this._state.modelId),
  });

  private readonly _models = new ModelController(this, {
    factory: () => this.visionFactory,
    state: () => this._state,
    dispatch: (action) => this._dispatch(action),
    notify: (id, tone, text) => this._notify(id, tone, text),
    onReady: () => {
      this._live.resumeLoop();
      void Promise.all([this._privacy.auditVisionThread(), this._library.prepareImport()]);
    },
    onLeaving: () => this._live.pauseLoop(),
    onSwitched: () => void this._library.switchModel(),
    save: (key, value) => this._saveSetting(key, value),
  });

  private readonly _compare = new CompareController(this, {
    packs: () => this._library.packs,
    readImported: (id) => this._stored.store?.packs.get(id) ?? Promise.resolve(undefined),
    request: () => (this._tab === 'models' ? { groupBy: this._state.groupBy, impostorGrouping: this._state.gapOptions.impostorGrouping } : null),
  });

  private readonly _privacy = new PrivacyController(this, {
    store: () => this._stored.store,
    audit: () => this.audit,
    vision: () => this._models.client,
    stopWriting: () => this._live.stop({ status: 'off' }),
    dropHeldData: (notice) => this._dropHeldData(notice),
    onOfflineCopyRemoved: () => this.offline?.markRemoved(),
    notify: (id, tone, text) => this._notify(id, tone, text),
  });
  private readonly _classroom = new ClassroomController(this, { store: () => this._stored.store, notify: (id, tone, text) => this._notify(id, tone, text) });
  private readonly _presets = new PresetFollower(this, {
    pack: () => this._library.packs.pack,
    modelId: () => this._state.modelId,
    setThreshold: (threshold) => void this._models.changeThreshold(threshold),
    save: (choices) => void this._saveSetting('thresholdPresets', choices),
    notify: (text) => this._notify('threshold-preset', 'notice', text),
  });

  private readonly _people = new PeopleController(this, {
    store: () => this._stored.store,
    modelSha256: () => this._modelSha256(),
    model: () => getModel(this._state.modelId),
    captureThumbnail: (box) => this._live.captureThumbnail(box),
    onTemplates: (templates) => this._dispatch({ type: 'templates-changed', templates }),
    onEnrolMessage: (message) => this._dispatch({ type: 'enrol-ended', message }),
    notify: (id, tone, text) => this._notify(id, tone, text),
  });

  private readonly _live = new LiveController(this, {
    camera: () => this.camera,
    vision: () => this._models.client,
    match: (embedding) => findBestMatch(embedding, this._state.templates, { modelSha256: this._modelSha256(), scoreId: getModel(this._state.modelId).scoreId }),
    canEmbed: () => this._state.vision.status === 'ready' && this._state.vision.info.isRecogniserLoading !== true,
    onCameraChange: (camera) => this._dispatch({ type: 'camera-changed', camera }),
    onFrame: (frame) => {
      this._models.recordFrame(frame);
      this._dispatch({ type: 'frame', frame, now: performance.now() });
    },
    onCamerasListed: (cameras) => this._dispatch({ type: 'cameras-listed', cameras }),
    onDetectFailed: (error) => this._notify('detect', 'error', describeVisionFailure(error)),
    rememberedCamera: async () => (this._stored.store ? this._stored.store.settings.get('cameraId') : null),
    rememberCamera: (deviceId) => void this._saveSetting('cameraId', deviceId),
    onVisionRestarted: (error) => this._notify('detect', 'notice', error instanceof Error ? error.message : String(error)),
  });

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._stored.close();
  }

  override firstUpdated() {
    this._offlineStatus = this.offline?.status ?? null;
    this.offline?.addEventListener(OfflineStatusChangeEvent.eventName, (event) => {
      this._offlineStatus = (event as OfflineStatusChangeEvent).status;
    });
    // The engine starts with the model the store remembers, so the store opens first (a few ms).
    void this._openStore().then(() => {
      void this._models.start();
      return this._library.packs.start(this._state.activePackId);
    });
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
    this.dataset.enrol = enrolment ? 'capturing' : this._people.isSaving ? 'saving' : 'idle';
    if (changed.has('_state' as keyof FgApp) && isEnrolmentReady(this._state) && this._state.enrolment) void this._people.saveEnrolment(this._state.enrolment);
  }

  override render() {
    if (this._classroom.isHandout) return renderHandout(this._classroomContext());
    return html`
      ${renderLesson(this._classroomContext())}
      ${renderHeader(this._state.notices, (id) => this._dispatch({ type: 'notice-dismissed', id }))}
      <button class="presenter-toggle" aria-pressed=${this._state.presenter ? 'true' : 'false'} @click=${this._onPresenter}>
        ${this._state.presenter ? 'Leave presenter view' : 'Presenter view'}</button>
      ${this._state.presenter && this._tab === 'room' ? renderClassroomBar(this._classroomContext()) : nothing}${this._renderTabs()}
    `;
  }

  private _renderTabs() {
    return renderTabs({
      current: this._tab, onSelect: (id) => this._selectTab(id), onKey: (event) => this._onTabKey(event),
      renderPanel: (id) => id === 'live' ? renderLivePanel(this._liveContext()) : renderTabPanel(id, this._tabContext()),
    });
  }

  private _liveContext(): LiveContext {
    return {
      state: this._state, match: this._match, stream: this._live.stream, deviceId: this._live.deviceId, isSaving: this._people.isSaving,
      pictureProblem: this._live.pictureWatch.problem,
      onCameraStart: (deviceId) => void this._live.start(deviceId),
      onCameraStop: () => this._live.stop({ status: 'off' }),
      onEnrolStart: (request) => this._dispatch({ type: 'enrol-started', request }),
      onEnrolCancel: () => this._dispatch({ type: 'enrol-ended', message: 'Enrolment cancelled; nothing was saved.' }),
      onRename: this._people.rename, onDelete: this._people.delete, onForget: () => void this._privacy.forget(),
      models: { sizes: this._models.sizes, msPerFace: this._models.msPerFace(), isImporting: this._library.importSession?.state.phase === 'running' },
      onModelChange: (event) => void this._models.switch(event.modelId),
    };
  }

  private _tabContext(): TabContext {
    return {
      state: this._state, match: this._match, packs: this._library.packs, privacy: this._privacy.view,
      offline: this._offlineStatus, importSession: this._library.importSession, compare: this._compare, modelCosts: this._models.costs(),
      onThreshold: (event) => {
        this._presets.chose(event.source, event.threshold);
        void this._models.changeThreshold(event.threshold);
      },
      onGroupBy: (event) => {
        this._dispatch({ type: 'group-by-changed', groupBy: event.groupBy });
        void this._saveSetting('groupBy', event.groupBy);
      },
      onGapOptions: ({ options }) => {
        this._dispatch({ type: 'gap-options-changed', gapOptions: options });
        void this._saveSetting('impostorGrouping', options.impostorGrouping).then(() => this._saveSetting('excludeUnverified', options.excludeUnverified));
      },
      onPackActivate: (event) => void this._library.packs.activate(event.packId),
      onPackDelete: (event) => void this._library.deletePack(event.packId),
      onPackExport: (event) => void this._library.exportPack(event.packId),
      onImportFinished: (event) => void this._library.adoptImported(event.packId),
      onForget: () => void this._privacy.forget(),
      onExportData: () => void this._privacy.exportPersonalData(),
      onExportPackFromPrivacy: (event) => void this._privacy.exportPack(event.packId),
      renderRoom: () => renderRoomTab(this._classroomContext()),
    };
  }

  private _classroomContext(): ClassroomContext {
    return {
      tabs: this._tabContext(), classroom: this._classroom, stream: this._live.stream,
      startCamera: () => void this._live.start(),
    };
  }

  private _onPresenter = () => {
    const presenter = !this._state.presenter;
    this._dispatch({ type: 'presenter-changed', presenter });
    this.toggleAttribute('presenter', presenter);
    void this._saveSetting('presenter', presenter);
  };

  private _saveSetting<K extends keyof Settings>(key: K, value: Settings[K]) {
    return this._stored.save(key, value);
  }

  /** After a wipe (here or in another tab): let go of everything held, and keep nothing until reload. */
  private async _dropHeldData(notice: string) {
    this._live.stop({ status: 'off' });
    this._dispatch({ type: 'templates-changed', templates: [] });
    // Reopening IndexedDB would create the database again at once: until the page is reloaded,
    // keep what happens in memory only, and say so.
    this._stored.close();
    await this._openStore(async () => ({ store: createMemoryStore(), notice }));
    await this._library.reset(null);
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

  private async _openStore(factory: StoreFactory = this.storeFactory) {
    const loaded = await this._stored.open(factory);
    this._dispatch({ type: 'store-ready', isPersistent: loaded.isPersistent, ...loaded.values });
    this._presets.restore(loaded.presets);
    this.toggleAttribute('presenter', loaded.values.presenter);
    void this._classroom.restore();
    void this._library.prepareImport();
  }

  private _selectTab(id: TabId) {
    this._tab = id;
    if (id !== 'privacy') return;
    // The page's audit is read at once; the worker's requests join it when they arrive.
    void this._privacy.refresh();
    void this._privacy.auditVisionThread();
  }

  private _onTabKey(event: KeyboardEvent) {
    const next = findTabForKey(this._tab, event.key);
    if (next === null) return;
    event.preventDefault();
    this._selectTab(next);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-app': FgApp;
  }
}
