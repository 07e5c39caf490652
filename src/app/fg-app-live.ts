/** The Live tab's panel: camera, match meter, enrolment, people and engine status. Stateless. */
import { html } from 'lit';
import '../components/fg-camera-view';
import '../components/fg-engine-status';
import '../components/fg-enrol-panel';
import '../components/fg-match-meter';
import '../components/fg-people-list';
import '../components/models/fg-model-picker';
import { readTemplateModelId } from '../matching/templates';
import { getModel, type ModelId } from '../models/registry';
import type { EnrolRequest } from '../shared/live-types';
import { PICTURE_MESSAGES, type PictureProblem } from './picture-check';
import type { AppState, MatchView } from './state';

/** What the Live panel reads and whom it tells. */
export interface LiveContext {
  state: AppState;
  match: MatchView;
  stream: MediaStream | null;
  /** The running camera's id, so the picker shows it. */
  deviceId: string;
  isSaving: boolean;
  /** The camera picture shows nothing (src/app/picture-check.ts); null when it looks live. */
  pictureProblem: PictureProblem;
  onCameraStart: (deviceId?: string) => void;
  onCameraStop: () => void;
  onEnrolStart: (request: EnrolRequest) => void;
  onEnrolCancel: () => void;
  onRename: (event: HTMLElementEventMap['person-rename']) => void;
  onDelete: (event: HTMLElementEventMap['person-delete']) => void;
  onForget: () => void;
  /** The picker's figures: each model's size and ms per face here; whether an import runs (no switching then). */
  models: { sizes: Partial<Record<ModelId, number>>; msPerFace: Partial<Record<ModelId, number>>; isImporting: boolean };
  onModelChange: (event: HTMLElementEventMap['model-change']) => void;
}

const WAITING_TEXT: Record<AppState['vision']['status'], string> = {
  loading: 'Loading the face models (from this site only)…',
  ready: '',
  failed: 'The picture is not analysed: the face models are not running (see the message above).',
};

/** Renders the Live tab. */
export function renderLivePanel(ctx: LiveContext) {
  const { state: s, match } = ctx;
  const camera = s.camera;
  const canRecognise = s.vision.status === 'ready' && s.vision.info.isRecogniserLoading !== true;
  // Without a face, a picture that shows nothing is the likelier fault than the person's pose.
  const quality = ctx.pictureProblem && s.quality?.state === 'no-face' ? { ...s.quality, message: PICTURE_MESSAGES[ctx.pictureProblem] } : s.quality;
  const problem = camera.status === 'failed' ? camera.failure.message : camera.status === 'paused' ? camera.message : '';
  return html`<div class="live">
    <div class="camera-column">
      <fg-camera-view .stream=${ctx.stream} deviceId=${ctx.deviceId} status=${camera.status} problem=${problem} .cameras=${s.cameras}
        .observation=${s.observation} .observedAt=${s.observedAt} .quality=${quality} fps=${s.fps} .timings=${s.timings} waitingFor=${WAITING_TEXT[s.vision.status]}
        @camera-start=${(e: HTMLElementEventMap['camera-start']) => ctx.onCameraStart(e.deviceId)}
        @camera-stop=${ctx.onCameraStop}
        @camera-select=${(e: HTMLElementEventMap['camera-select']) => ctx.onCameraStart(e.deviceId)}></fg-camera-view>
    </div>
    <div class="side-column">
      <fg-match-meter state=${match.state} .name=${match.name} .score=${match.score} scoreId=${getModel(s.modelId).scoreId} threshold=${s.threshold} defaultThreshold=${getModel(s.modelId).defaultThreshold}
        ?hasTemplates=${s.templates.length > 0}></fg-match-meter>
      <fg-enrol-panel ?canEnrol=${canRecognise && camera.status === 'on' && !ctx.isSaving}
        unavailableReason=${describeEnrolWait(s.vision)}
        .progress=${s.enrolment ? { taken: s.enrolment.captures.length, needed: s.enrolment.needed, hint: s.enrolment.hint } : null}
        message=${s.enrolMessage}
        @enrol-start=${(e: HTMLElementEventMap['enrol-start']) => ctx.onEnrolStart(e.request)}
        @enrol-cancel=${ctx.onEnrolCancel}></fg-enrol-panel>
      ${renderModelPicker(ctx)}
      <fg-people-list .people=${s.templates} modelId=${s.modelId} @person-rename=${ctx.onRename} @person-delete=${ctx.onDelete} @forget-everything=${ctx.onForget}></fg-people-list>
      <fg-engine-status status=${s.vision.status} .info=${s.vision.status === 'ready' ? s.vision.info : null}
        error=${s.vision.status === 'failed' ? s.vision.message : ''}></fg-engine-status>
    </div>
  </div>`;
}

/** Why Enrol is not offered (shown only while it is not). */
function describeEnrolWait(vision: AppState['vision']): string {
  if (vision.status === 'loading') return 'Loading the face models (from this site only)…';
  if (vision.status === 'failed') return 'Enrolment needs the face models, which are not running.';
  if (vision.info.isRecogniserLoading) return 'Getting ready to recognise: faces are found already, the recognition model is still loading (from this site only)…';
  return 'Start the camera to enrol.';
}

function renderModelPicker(ctx: LiveContext) {
  const s = ctx.state;
  const enrolledByModel: Record<string, number> = {};
  for (const template of s.templates) enrolledByModel[readTemplateModelId(template)] = (enrolledByModel[readTemplateModelId(template)] ?? 0) + 1;
  // Switching mid-way would mix two models' embeddings in one person or one pack.
  const lockedReason = s.enrolment || ctx.isSaving ? 'Finish or cancel the enrolment to switch model.'
    : ctx.models.isImporting ? 'An import is running with this model; switch when it has finished.' : '';
  return html`<fg-model-picker modelId=${s.modelId} status=${s.vision.status} threshold=${s.threshold} .sizes=${ctx.models.sizes}
    .msPerFace=${ctx.models.msPerFace} .enrolledByModel=${enrolledByModel} lockedReason=${lockedReason}
    @model-change=${ctx.onModelChange}></fg-model-picker>`;
}
