/**
 * The frame pump of the live view: grab a frame, find or follow the faces (FrameSchedule decides:
 * the full detector every DETECT_INTERVAL_MS or when a face is lost, the mesh alone between), embed
 * the followed face (only that one) and match it every EMBED_INTERVAL_MS, report, repeat. One request is in flight at most, so a slow
 * backend lowers the answer rate instead of queueing stale frames. Stops when its AbortSignal aborts.
 */
import { isAbortError } from '../shared/errors';
import type { LiveTimings } from '../shared/live-types';
import type { DetectOptions, Observation } from '../vision/types';
import { VisionError } from '../vision/types';
import { FaceTrack } from '../vision/tracking';
import { EMBED_INTERVAL_MS, FrameSchedule } from '../vision/schedule';

export { DETECT_INTERVAL_MS, EMBED_INTERVAL_MS } from '../vision/schedule';
/**
 * Pause between frames. The page is free while the worker computes (the request is awaited), so
 * no pause is needed for painting; a zero timeout still lets queued tasks run between answers.
 */
export const FRAME_GAP_MS = 0;
/** Wait before trying again when the video has no frame yet. */
export const NO_FRAME_RETRY_MS = 100;
/** The frame rate is averaged over the frames of this last stretch of time. */
export const FPS_WINDOW_MS = 2000;

/** One processed frame. */
export interface LiveFrame<M> {
  observation: Observation;
  /** Whether embeddings were computed for this frame. */
  isEmbedded: boolean;
  /** Whether the faces were followed by the mesh from the last answer (false: the full detector ran). */
  isTracked: boolean;
  /**
   * The match to show for the followed face (the observation's first: the largest when it appeared,
   * then the same face while it stays): this frame's fresh one, or the one of the same face's
   * last embedding. Null while the face has no embedding of its own (it just entered, or the box
   * jumped, as when the picture cuts to another person): a new face never inherits a match.
   */
  match: M | null;
  /** When the frame was grabbed (the `now` clock, ms), so a view can tell a stale answer. */
  capturedAt: number;
  /** Frames per second over the last FPS_WINDOW_MS. */
  fps: number;
  timings: LiveTimings;
}

/** What the loop needs; everything is injected, so tests run it with fake timers and fakes. */
export interface LiveLoopOptions<M> {
  /** A frame of the video, or null when there is none yet. The loop hands it to `detect`. */
  grabFrame(): Promise<ImageBitmap | null>;
  detect(frame: ImageBitmap, options: DetectOptions): Promise<Observation>;
  /** Matches a fresh embedding (the followed face's); its duration is the "match" stage. */
  match(embedding: Float32Array): M;
  onFrame(frame: LiveFrame<M>): void;
  /** Called once when detection fails; the loop then ends. Aborts are not failures. */
  onError(error: unknown): void;
  /** Called when the vision engine restarted after a crash; the loop skips the lost frame and goes on. */
  onRestarted?(error: VisionError): void;
  signal: AbortSignal;
  embedIntervalMs?: number;
  detectIntervalMs?: number;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

/** Frames per second over a sliding window of time. */
export class FpsMeter {
  private readonly times: number[] = [];

  constructor(private readonly windowMs = FPS_WINDOW_MS) {}

  /** Records a frame at `now` (ms) and returns the rate over the window; 0 until two frames. */
  record(now: number): number {
    this.times.push(now);
    while (this.times.length > 2 && now - this.times[0] > this.windowMs) this.times.shift();
    if (this.times.length < 2) return 0;
    const span = now - this.times[0];
    return span > 0 ? ((this.times.length - 1) * 1000) / span : 0;
  }
}

/** Runs the loop until `signal` aborts or detection fails. Resolves when it has stopped. */
export async function runLiveLoop<M>(options: LiveLoopOptions<M>): Promise<void> {
  const { signal } = options;
  const now = options.now ?? (() => performance.now());
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const fps = new FpsMeter();
  const schedule = new FrameSchedule(options.detectIntervalMs, options.embedIntervalMs ?? EMBED_INTERVAL_MS);
  let embedMs: number | null = null;
  let matchMs: number | null = null;
  const track = new FaceTrack<M>();

  while (!signal.aborted) {
    const frame = await options.grabFrame();
    if (signal.aborted) {
      frame?.close();
      break;
    }
    if (frame === null) {
      await wait(NO_FRAME_RETRY_MS);
      continue;
    }
    const startedAt = now();
    const plan = schedule.plan(startedAt, track.needsEmbedding);
    const isEmbedded = plan.embed;
    let observation: Observation;
    try {
      // Only the followed face's match is shown (and enrolled): the other faces are not embedded.
      observation = await options.detect(frame, { embed: plan.embed, embedFaces: 'first', follow: track.box, track: plan.track, signal });
    } catch (error) {
      if (!signal.aborted && error instanceof VisionError && error.kind === 'worker-restarted') {
        // The new worker's first answer embeds again: the face may have changed during the restart.
        track.reset();
        schedule.reset();
        options.onRestarted?.(error);
        continue;
      }
      if (!signal.aborted && !isAbortError(error)) options.onError(error);
      break;
    }
    if (signal.aborted) break;

    const isTracked = observation.isTracked === true;
    schedule.record(plan, startedAt, { faces: observation.faces.length, isTracked });
    let fresh: { match: M } | null = null;
    if (isEmbedded) {
      const embedding = observation.faces[0]?.embedding;
      if (embedding) {
        embedMs = observation.timings.embed;
        const matchStart = now();
        fresh = { match: options.match(embedding) };
        matchMs = now() - matchStart;
      }
    }
    options.onFrame({
      observation,
      isEmbedded,
      isTracked,
      match: track.update(observation.faces[0]?.box ?? null, fresh),
      capturedAt: startedAt,
      fps: fps.record(now()),
      timings: { detect: observation.timings.detect, embed: embedMs, match: matchMs },
    });
    await wait(FRAME_GAP_MS);
  }
}
