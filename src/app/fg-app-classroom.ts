/**
 * fg-app's classroom parts: the lesson overlay, the handout page, the presenter's classroom bar
 * (lesson, handout, join code) and the Room tab with collection. Nothing here holds state; the
 * ClassroomController does.
 */
import { html, nothing } from 'lit';
import '../components/fg-room-view';
import '../components/handout/fg-handout';
import '../components/lesson/fg-lesson';
import '../components/room/fg-join-code';
import { DEFAULT_MODEL_ID, getModel, type RecognitionModel } from '../models/registry';
import type { ClassroomController } from './classroom-controller';
import type { TabContext } from './fg-app-tabs';

/** What the classroom parts need beyond the tabs' context. */
export interface ClassroomContext {
  tabs: TabContext;
  classroom: ClassroomController;
  stream: MediaStream | null;
  /** Starts the camera (collecting needs it). */
  startCamera: () => void;
}

/** The sha256 of the running model, or empty while it loads. */
function readModelSha256(ctx: TabContext): string {
  return ctx.state.vision.status === 'ready' ? ctx.state.vision.modelSha256 : '';
}

/** The running model as the registry describes it (its name and score id), or null while it loads. */
function readActiveModel(ctx: TabContext): RecognitionModel | null {
  return ctx.state.vision.status === 'ready' ? getModel(ctx.state.vision.info.modelId ?? DEFAULT_MODEL_ID) : null;
}

/** The Room tab: this laptop's room, its room code, and collection from the room. */
export function renderRoomTab(ctx: ClassroomContext) {
  const { state } = ctx.tabs;
  const room = ctx.classroom.room;
  const modelSha256 = readModelSha256(ctx.tabs);
  const scoreId = readActiveModel(ctx.tabs)?.scoreId;
  const expected = modelSha256 && scoreId ? { modelSha256, scoreId } : null;
  const last = room.last;
  return html`<fg-room-view .people=${state.templates} .threshold=${state.threshold} .groupBy=${state.groupBy} ?presenter=${state.presenter}
    .pack=${ctx.tabs.packs.pack} model-sha256=${modelSha256} .stream=${ctx.stream} ?collecting=${ctx.classroom.isCollecting}
    .roomStats=${ctx.classroom.statistics(state.threshold, state.groupBy, expected)} ?keep-room=${ctx.classroom.isKeepingRoom}
    .roomMessage=${last ? { tone: last.outcome === 'refused' ? 'error' : 'notice', text: last.message } : null}
    @threshold-change=${ctx.tabs.onThreshold} @group-by-change=${ctx.tabs.onGroupBy}
    @room-code=${(event: HTMLElementEventMap['room-code']) => expected && ctx.classroom.collect(event.text, expected)}
    @room-collect-toggle=${(event: HTMLElementEventMap['room-collect-toggle']) => {
      ctx.classroom.setCollecting(event.isCollecting);
      if (event.isCollecting && !ctx.stream) ctx.startCamera();
    }}
    @room-clear=${() => ctx.classroom.clearRoom()}
    @room-keep-change=${(event: HTMLElementEventMap['room-keep-change']) => void ctx.classroom.setKeepingRoom(event.isKeeping)}></fg-room-view>`;
}

/** The lesson overlay, when the lesson is on. */
export function renderLesson(ctx: ClassroomContext) {
  const step = ctx.classroom.lessonStep;
  if (step === null) return nothing;
  const { state, match, packs } = ctx.tabs;
  const model = readActiveModel(ctx.tabs);
  return html`<fg-lesson model=${model ? `${model.label}, score ${model.scoreId}` : ''} .step=${step} .pack=${packs.pack} .threshold=${state.threshold} .groupBy=${state.groupBy}
    .embedding=${state.latestEmbedding} .match=${{ name: match.name, score: match.score }} .people=${state.templates.length}
    join-url=${ctx.classroom.joinUrl()} room-count=${ctx.classroom.room.payloads.length}
    @lesson-step-change=${(event: HTMLElementEventMap['lesson-step-change']) => ctx.classroom.setLessonStep(event.step)}
    @lesson-exit=${() => ctx.classroom.setLessonStep(null)}></fg-lesson>`;
}

/** The handout alone, for printing. */
export function renderHandout(ctx: ClassroomContext) {
  const { state, packs } = ctx.tabs;
  const vision = state.vision;
  const active = readActiveModel(ctx.tabs);
  const model = active && vision.status === 'ready'
    ? `${active.label}, ${active.summary}; score ${active.scoreId}; weights sha256 ${vision.modelSha256.slice(0, 16)}…; run by human ${vision.info.humanVersion}` : '';
  return html`<fg-handout .pack=${packs.pack} .threshold=${state.threshold} .groupBy=${state.groupBy} model=${model}></fg-handout>`;
}

/**
 * Presenter view's classroom bar, on the Room tab (every other view keeps one screen to itself):
 * start the lesson, print the handout, and the join code.
 */
export function renderClassroomBar(ctx: ClassroomContext) {
  return html`<div class="fg-classroom-bar">
    <fg-join-code .url=${ctx.classroom.joinUrl()}></fg-join-code>
    <div class="fg-classroom-actions">
      <button class="lesson-start" @click=${() => ctx.classroom.setLessonStep(0)}>Start the lesson</button>
      <button class="handout-print" @click=${() => ctx.classroom.printHandout()}>Print a handout</button>
    </div></div>`;
}
