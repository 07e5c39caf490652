/**
 * What the live loop asks of each frame, kept pure so it is tested with fake clocks: find the faces
 * with the full detector or follow them with the mesh alone, and embed or not. Detection and
 * embedding each run on a schedule of their own; every answer is still a box from its own frame.
 */

/**
 * The full detector runs at least this often while faces are tracked, so a face that enters next
 * to a tracked one is found within this time (plus one frame). Between, the mesh follows the faces
 * of the previous answer. Measured (BENCHMARKS.md, "Live loop"): a tracking frame costs about half
 * a detecting one on the wasm backend.
 */
export const DETECT_INTERVAL_MS = 500;
/**
 * Embeddings (faceres, the slowest stage; of the followed face only) are refreshed this often
 * while a face is in view, so the meter's score is at most this old plus one frame: 2.5 a second,
 * above the 2 a second asked for.
 */
export const EMBED_INTERVAL_MS = 400;

/** What to do with the next frame. */
export interface FramePlan {
  /** Follow the last answer's faces with the mesh only; false runs the full detector. */
  track: boolean;
  /** Compute embeddings on this frame. */
  embed: boolean;
}

/** What a frame's answer said, as far as the schedule cares. */
export interface FrameOutcome {
  /** Faces found in the frame. */
  faces: number;
  /** Whether the engine followed the previous faces (false: the detector ran). */
  isTracked: boolean;
}

/**
 * Decides, frame by frame, when to run the full detector and when to embed:
 * - detect when no face is known, when a tracking frame lost a face, or DETECT_INTERVAL_MS after
 *   the last detection; otherwise track;
 * - embed when the followed face is new (no embedding of its own yet), while no face is in view
 *   (so a face that appears is embedded on the frame that finds it), or EMBED_INTERVAL_MS after
 *   the last embedding.
 */
export class FrameSchedule {
  private lastDetectAt: number | null = null;
  private lastEmbedAt: number | null = null;
  private faces = 0;
  private isLost = false;

  constructor(
    private readonly detectIntervalMs = DETECT_INTERVAL_MS,
    private readonly embedIntervalMs = EMBED_INTERVAL_MS,
  ) {}

  /** The plan for a frame grabbed at `now` (ms); `needsEmbedding`: the tracked face has no embedding of its own. */
  plan(now: number, needsEmbedding = false): FramePlan {
    const track = this.faces > 0 && !this.isLost && this.lastDetectAt !== null && now - this.lastDetectAt < this.detectIntervalMs;
    const embed = needsEmbedding || this.faces === 0 || this.lastEmbedAt === null || now - this.lastEmbedAt >= this.embedIntervalMs;
    return { track, embed };
  }

  /** Records the answer to a frame grabbed at `startedAt` with `plan`. */
  record(plan: FramePlan, startedAt: number, outcome: FrameOutcome): void {
    if (!outcome.isTracked) this.lastDetectAt = startedAt;
    // A tracked face whose mesh no longer fits is dropped by the engine: look for it again at once.
    this.isLost = outcome.isTracked && outcome.faces < this.faces;
    this.faces = outcome.faces;
    // An embedding frame without a face does not count, so a face that appears is embedded at once.
    if (plan.embed) this.lastEmbedAt = outcome.faces > 0 ? startedAt : null;
  }

  /** Forgets everything, as after a worker restart: the next frame detects and embeds. */
  reset(): void {
    this.lastDetectAt = null;
    this.lastEmbedAt = null;
    this.faces = 0;
    this.isLost = false;
  }
}
