/**
 * The live session of fg-app: the camera, the frame pump, and pausing when the tab is hidden.
 * A lit ReactiveController, so it follows its host's connection and stops everything on disconnect.
 */
import { PictureWatch } from './picture-watch';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SearchResult } from '../matching/search';
import type { Box, VisionClient } from '../vision/types';
import { VideoFrameSource } from './frame-source';
import { CameraError, describeCameraFailure, isCameraGone, toCameraFailure, waitForCameraRevocation, type CameraService, type CameraSession } from './camera';
import { runLiveLoop, type LiveFrame } from './live-loop';
import type { CameraState } from './state';

/** Shown when the camera was stopped because the tab was hidden. */
export const PAUSED_HIDDEN_MESSAGE = 'Camera paused while this tab was hidden. Press Start camera to resume.';

/** What the controller needs from its host. */
export interface LiveHost {
  camera(): CameraService;
  /** The vision client once ready, else null (the camera may run before the models load). */
  vision(): VisionClient | null;
  match(embedding: Float32Array): SearchResult;
  /** Whether embeddings can be asked for: until the recognition model is loaded, frames only get boxes. */
  canEmbed?(): boolean;
  onCameraChange(camera: CameraState): void;
  onFrame(frame: LiveFrame<SearchResult>): void;
  onCamerasListed(cameras: Awaited<ReturnType<CameraService['listCameras']>>): void;
  onDetectFailed(error: unknown): void;
  /** The vision worker crashed and a new one took over; the loop goes on. */
  onVisionRestarted(error: unknown): void;
  /** The camera the user last picked, to start it again next time; null for the default. */
  rememberedCamera?(): Promise<string | null>;
  /** Keeps the camera the user picked. */
  rememberCamera?(deviceId: string): void;
}

/** Owns the camera session and the loop; fg-app calls `start`, `stop` and `resumeLoop`. */
export class LiveController implements ReactiveController {
  /** The running camera's stream, for fg-camera-view to show. */
  stream: MediaStream | null = null;
  /** The running camera's id (for the picker), empty when unknown or off. */
  deviceId = '';
  private session: CameraSession | null = null;
  /** Where the loop and enrolment read frames: the controller's own, not the view's <video>. */
  private frames: VideoFrameSource | null = null;
  /** Notices a picture that shows nothing (flat or frozen); fg-app reads its verdict. */
  readonly pictureWatch = new PictureWatch();
  private loop: AbortController | null = null;
  /** Bumped on every start and stop, so a slow getUserMedia cannot revive a stopped session. */
  private generation = 0;
  private readonly onVisibilityChange = () => {
    if (document.visibilityState === 'hidden' && this.session) this.stop({ status: 'paused', message: PAUSED_HIDDEN_MESSAGE });
  };
  private unwatchCameras: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost, private readonly live: LiveHost) {
    host.addController(this);
  }

  hostConnected() {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.unwatchCameras = this.live.camera().watchCameras?.(() => void this.onCamerasChanged()) ?? null;
  }

  hostDisconnected() {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.unwatchCameras?.();
    this.unwatchCameras = null;
    this.stop({ status: 'off' });
  }

  /**
   * Starts (or switches) the camera: `deviceId` when the user picked one (it is remembered), else
   * the one picked last time, else the default. Failures are reported as camera states, never thrown.
   */
  async start(deviceId?: string): Promise<void> {
    this.stop({ status: 'starting' });
    const generation = this.generation;
    const remembered = deviceId ? null : await this.live.rememberedCamera?.().catch(() => null) ?? null;
    if (generation !== this.generation) return;
    try {
      const session = await this.live.camera().start({ deviceId: deviceId || remembered || undefined, onEnded: () => this.onEnded(generation) })
        // The camera picked last time may be unplugged now: then the default one will do.
        .catch((error: unknown) => {
          if (!remembered || generation !== this.generation) throw error;
          return this.live.camera().start({ onEnded: () => this.onEnded(generation) });
        });
      if (generation !== this.generation) return session.stop();
      if (deviceId) this.live.rememberCamera?.(deviceId);
      this.session = session;
      this.stream = session.stream;
      this.deviceId = session.deviceId ?? deviceId ?? '';
      this.frames = new VideoFrameSource(session.stream);
      this.live.onCameraChange({ status: 'on' });
      this.host.requestUpdate();
      this.resumeLoop();
      // Labels of cameras are only given after permission, so list them now.
      this.live.onCamerasListed(await this.live.camera().listCameras());
    } catch (error) {
      if (generation !== this.generation) return;
      const failure = error instanceof CameraError ? error.failure : toCameraFailure(error, { isSecureContext: true, hasMediaDevices: true });
      this.live.onCameraChange({ status: 'failed', failure });
    }
  }

  /** Stops the loop and the camera and reports `next` as the camera's state. */
  stop(next: CameraState): void {
    this.generation++;
    this.loop?.abort();
    this.loop = null;
    this.session?.stop();
    this.session = null;
    this.frames?.dispose();
    this.frames = null;
    this.stream = null;
    this.deviceId = '';
    this.live.onCameraChange(next);
    this.host.requestUpdate();
  }

  /** Stops the frame pump but keeps the camera running: the vision engine is being replaced (a model switch). */
  pauseLoop(): void {
    this.loop?.abort();
    this.loop = null;
  }

  /** Starts the frame pump if the camera runs and the models are ready and it is not running yet. */
  resumeLoop(): void {
    const client = this.live.vision();
    if (!this.session || !client || this.loop) return;
    const loop = new AbortController();
    this.loop = loop;
    void runLiveLoop<SearchResult>({
      grabFrame: () => this.pictureWatch.watch(this.frames?.grabFrame() ?? Promise.resolve(null)),
      // An embedding asked for before the recognition model is loaded would hold this frame's box
      // back until it is; without one the loop asks again on the next frame.
      detect: (frame, options) => client.detect(frame, { ...options, embed: options.embed && (this.live.canEmbed?.() ?? true) }),
      match: (embedding) => this.live.match(embedding),
      onFrame: (frame) => this.live.onFrame(frame),
      onRestarted: (error) => this.live.onVisionRestarted(error),
      onError: (error) => {
        this.stop({ status: 'off' });
        this.live.onDetectFailed(error);
      },
      signal: loop.signal,
    });
  }

  /** A thumbnail of `box` from the running camera (opt-in enrolment thumbnails), or null when it is off. */
  captureThumbnail(box: Box): Promise<Blob | null> {
    return this.frames?.captureThumbnail(box) ?? Promise.resolve(null);
  }

  /** A camera was plugged in or out: the picker is refreshed, and a running camera that is gone stops and says so. */
  private async onCamerasChanged(): Promise<void> {
    const generation = this.generation;
    const cameras = await this.live.camera().listCameras().catch(() => null);
    if (!cameras) return;
    this.live.onCamerasListed(cameras);
    if (this.session && generation === this.generation && isCameraGone(this.deviceId, cameras)) this.onEnded(generation);
  }

  private onEnded(generation: number): void {
    if (generation !== this.generation) return;
    this.stop({ status: 'failed', failure: describeCameraFailure('unplugged') });
    // A track also ends when the permission is taken back; then say that instead, unless the user moved on.
    const stopped = this.generation;
    void waitForCameraRevocation().then((isRevoked) => {
      if (isRevoked && stopped === this.generation) this.live.onCameraChange({ status: 'failed', failure: describeCameraFailure('permission-revoked') });
    });
  }
}
