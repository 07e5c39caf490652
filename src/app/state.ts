/**
 * The app's state and its pure transitions, apart from lit so they are tested in node.
 * fg-app holds one `AppState` and replaces it with `reduceAppState(state, action)`.
 */
import { decideMatch, type SearchResult } from '../matching/search';
import type { Template } from '../matching/templates';
import { assessQuality, type QualityReport } from '../vision/quality';
import type { EngineInfo, Observation } from '../vision/types';
import type { CameraFailure } from './camera';
import { isEnrolmentComplete, offerCapture, startEnrolment, type Enrolment } from './enrolment';
import type { LiveFrame } from './live-loop';
import type { CameraDevice, EnrolRequest, LiveTimings } from '../shared/live-types';
import { DEFAULT_SETTINGS } from '../store/settings';
import type { GapPairOptions } from '../views/gap-model';
import { DEFAULT_THRESHOLD_SIMILARITY } from './threshold';
import { DEFAULT_MODEL_ID, getModel, type ModelId } from '../models/registry';

/** The vision engine: loading, ready (with the model's sha256 templates are tied to), or failed. */
export type VisionState =
  | { status: 'loading' }
  | { status: 'ready'; info: EngineInfo; modelSha256: string }
  | { status: 'failed'; message: string };

/** The camera. `paused` is stopped by FaceGap (tab hidden) and resumes on the user's click. */
export type CameraState =
  | { status: 'off' }
  | { status: 'starting' }
  | { status: 'on' }
  | { status: 'paused'; message: string }
  | { status: 'failed'; failure: CameraFailure };

/** Storage: opening, or open (persistent in IndexedDB, or in memory only). */
export type StoreState = { status: 'opening' } | { status: 'ready'; isPersistent: boolean };

/** What the match meter shows. */
export interface MatchView {
  state: 'no-face' | 'unknown' | 'matched';
  /** Best-scoring enrolled person, matched or not; null when nobody is enrolled or no face. */
  name: string | null;
  templateId: string | null;
  score: number | null;
}

/** A banner: an error or a notice, each a sentence for the user. */
export interface Notice {
  id: string;
  tone: 'error' | 'notice';
  text: string;
}

/** Everything fg-app knows. */
export interface AppState {
  vision: VisionState;
  store: StoreState;
  camera: CameraState;
  cameras: CameraDevice[];
  observation: Observation | null;
  /** When the frame of `observation` was grabbed (performance.now() ms), so its box can be drawn as stale. */
  observedAt: number | null;
  quality: QualityReport | null;
  /** The largest face's latest embedding, for the views that compare you with the groups. */
  latestEmbedding: Float32Array | null;
  /** The latest 1:N search of `latestEmbedding`; null when there is no face. */
  search: SearchResult | null;
  fps: number;
  timings: LiveTimings | null;
  templates: Template[];
  /** The recognition model the live loop runs (src/models/registry.ts). */
  modelId: ModelId;
  /** The active model's match threshold, on its own score. */
  threshold: number;
  /** The threshold the user set per model id; a model without one starts at its `defaultThreshold`. */
  thresholds: Record<string, number>;
  activePackId: string | null;
  /** Label fields the bias views group by, e.g. ['race'] or ['race', 'gender']. */
  groupBy: string[];
  /** Large type, both bias views side by side, for a room. */
  presenter: boolean;
  /** The gap view's pair options, kept like the threshold. */
  gapOptions: GapPairOptions;
  enrolment: Enrolment | null;
  /** The outcome of the last enrolment, or why it failed. */
  enrolMessage: string;
  notices: Notice[];
}

/** Everything that changes the state. */
export type AppAction =
  | { type: 'vision-ready'; info: EngineInfo; modelSha256: string }
  | { type: 'vision-failed'; message: string }
  | { type: 'store-ready'; isPersistent: boolean; templates: Template[]; modelId: ModelId; thresholds: Record<string, number>; activePackId: string | null; groupBy: string[]; presenter: boolean; gapOptions: GapPairOptions }
  | { type: 'model-changed'; modelId: ModelId }
  | { type: 'camera-changed'; camera: CameraState }
  | { type: 'cameras-listed'; cameras: CameraDevice[] }
  | { type: 'frame'; frame: LiveFrame<SearchResult>; now: number }
  | { type: 'templates-changed'; templates: Template[] }
  | { type: 'threshold-changed'; threshold: number }
  | { type: 'group-by-changed'; groupBy: string[] }
  | { type: 'presenter-changed'; presenter: boolean }
  | { type: 'gap-options-changed'; gapOptions: GapPairOptions }
  | { type: 'enrol-started'; request: EnrolRequest; needed?: number }
  | { type: 'enrol-ended'; message: string }
  | { type: 'notice-shown'; notice: Notice }
  | { type: 'notice-dismissed'; id: string };

/** The state before anything has loaded. */
export function createInitialState(): AppState {
  return {
    vision: { status: 'loading' },
    store: { status: 'opening' },
    camera: { status: 'off' },
    cameras: [],
    observation: null,
    observedAt: null,
    quality: null,
    latestEmbedding: null,
    search: null,
    fps: 0,
    timings: null,
    templates: [],
    modelId: DEFAULT_MODEL_ID,
    threshold: DEFAULT_THRESHOLD_SIMILARITY,
    thresholds: {},
    activePackId: null,
    groupBy: ['race'],
    presenter: false,
    gapOptions: { impostorGrouping: DEFAULT_SETTINGS.impostorGrouping, excludeUnverified: DEFAULT_SETTINGS.excludeUnverified },
    enrolment: null,
    enrolMessage: '',
    notices: [],
  };
}

/** The next state after `action`. Never mutates `state`. */
export function reduceAppState(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'vision-ready':
      return { ...state, vision: { status: 'ready', info: action.info, modelSha256: action.modelSha256 } };
    case 'vision-failed':
      return { ...state, vision: { status: 'failed', message: action.message }, enrolment: null };
    case 'store-ready':
      return {
        ...state,
        store: { status: 'ready', isPersistent: action.isPersistent },
        templates: action.templates,
        modelId: action.modelId,
        thresholds: action.thresholds,
        threshold: readModelThreshold(action.thresholds, action.modelId),
        activePackId: action.activePackId,
        groupBy: action.groupBy,
        presenter: action.presenter,
        gapOptions: action.gapOptions,
      };
    case 'camera-changed':
      return action.camera.status === 'on' ? { ...state, camera: action.camera } : { ...clearLive(state), camera: action.camera };
    case 'cameras-listed':
      return { ...state, cameras: action.cameras };
    case 'frame':
      return applyFrame(state, action.frame, action.now);
    case 'templates-changed':
      // A search against the old templates could name someone just deleted or renamed.
      return { ...state, templates: action.templates, search: null };
    case 'threshold-changed':
      return { ...state, threshold: action.threshold, thresholds: { ...state.thresholds, [state.modelId]: action.threshold } };
    case 'model-changed':
      // Scores of the old model mean nothing on the new one's scale: drop them and its enrolment.
      if (action.modelId === state.modelId) return state;
      return {
        ...clearLive(state), vision: { status: 'loading' }, modelId: action.modelId, enrolment: null,
        threshold: readModelThreshold(state.thresholds, action.modelId),
      };
    case 'group-by-changed':
      return { ...state, groupBy: action.groupBy };
    case 'presenter-changed':
      return { ...state, presenter: action.presenter };
    case 'gap-options-changed':
      return { ...state, gapOptions: action.gapOptions };
    case 'enrol-started':
      return { ...state, enrolment: startEnrolment(action.request, action.needed), enrolMessage: '' };
    case 'enrol-ended':
      return { ...state, enrolment: null, enrolMessage: action.message };
    case 'notice-shown':
      return { ...state, notices: [...state.notices.filter((n) => n.id !== action.notice.id), action.notice] };
    case 'notice-dismissed':
      return { ...state, notices: state.notices.filter((n) => n.id !== action.id) };
  }
}

/** The threshold kept for `modelId`, else that model's starting threshold (src/models/registry.ts). */
export function readModelThreshold(thresholds: Readonly<Record<string, number>>, modelId: ModelId): number {
  return thresholds[modelId] ?? getModel(modelId).defaultThreshold;
}

/** Whether the enrolment in progress has all its captures (fg-app then saves it). */
export function isEnrolmentReady(state: AppState): boolean {
  return state.enrolment !== null && isEnrolmentComplete(state.enrolment);
}

/**
 * What the match meter shows, with the threshold applied now (so moving the threshold changes
 * the verdict at once): no face, unknown (nobody enrolled, or best score below threshold), matched.
 */
export function selectMatchView(state: Pick<AppState, 'observation' | 'search' | 'threshold'>): MatchView {
  if (!state.observation || state.observation.faces.length === 0) return { state: 'no-face', name: null, templateId: null, score: null };
  const best = state.search?.best;
  if (!best) return { state: 'unknown', name: null, templateId: null, score: null };
  return { state: decideMatch(state.search, state.threshold) === 'matched' ? 'matched' : 'unknown', name: best.name, templateId: best.templateId, score: best.score };
}

function applyFrame(state: AppState, frame: LiveFrame<SearchResult>, now: number): AppState {
  const { observation } = frame;
  const quality = assessQuality(observation);
  const face = observation.faces[0];
  const next: AppState = { ...state, observation, observedAt: frame.capturedAt, quality, fps: frame.fps, timings: frame.timings };
  if (state.enrolment && (frame.isEmbedded || !face)) next.enrolment = offerCapture(state.enrolment, face, quality, now);
  if (!face) return { ...next, latestEmbedding: null, search: null };
  if (frame.isEmbedded && face.embedding) {
    next.latestEmbedding = face.embedding;
    next.search = frame.match;
  } else if (frame.match === null) {
    // The loop drops the match when the face is new (entered, or the box jumped): no false comfort.
    return { ...next, latestEmbedding: null, search: null };
  }
  return next;
}

/** Shown when the camera stops while an enrolment is collecting captures. */
export const ENROL_STOPPED_MESSAGE = 'Enrolment stopped because the camera stopped; nothing was saved. Start the camera and enrol again.';

function clearLive(state: AppState): AppState {
  const enrolMessage = state.enrolment ? ENROL_STOPPED_MESSAGE : state.enrolMessage;
  return { ...state, observation: null, observedAt: null, quality: null, latestEmbedding: null, search: null, fps: 0, enrolment: null, enrolMessage };
}
