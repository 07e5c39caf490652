/**
 * A fake vision engine and a canvas camera, for browser tests of the whole app where the bias
 * views are real but the camera and the face model are not (the same as app-shell.test.ts uses).
 */
import type { CameraService } from '../../../src/app/camera';
import type { EngineInfo, FaceObservation, Observation, VisionClient } from '../../../src/vision/types';

/** What the fake engine reports. */
export const FAKE_INFO: EngineInfo = {
  backend: 'wasm', requested: 'auto', reason: 'A fake engine for this test.', webglRenderer: null, wasmSimd: true, wasmMultithread: true,
  crossOriginIsolated: true, thread: 'worker', humanVersion: '3.3.6', tfjsVersion: '4.22.0', modelBasePath: '/models/',
  wasmPath: '/models/wasm/', models: [], loadMs: 10,
};

/** A reproducible 1024-float embedding per person (a small LCG, seeded). */
export function embeddingOf(seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: 1024 }, () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32 - 0.5;
  });
}

/** A vision client that sees whoever the test puts in front of it (`person`; null: nobody). */
export class FakeVision implements VisionClient {
  /** Embedded frames seen; the head turns a little from one to the next, as enrolment asks. */
  private _frames = 0;
  constructor(public person: number | null = 1) {}
  async load(): Promise<EngineInfo> {
    return FAKE_INFO;
  }
  async detect(frame: ImageBitmap, options: { embed: boolean }): Promise<Observation> {
    frame.close();
    // The head turns between embedded frames, never in step with the embedding schedule: a turn per
    // frame repeated the same pose at every embedding when the schedule was a multiple of 5 frames.
    if (options.embed) this._frames++;
    await new Promise((resolve) => setTimeout(resolve, 10));
    const faces: FaceObservation[] = this.person === null ? [] : [{
      box: [170, 90, 300, 300], score: 0.99, embedding: options.embed ? embeddingOf(this.person) : null,
      yaw: ((this._frames % 5) - 2) * 0.1, pitch: 0.1, roll: 0, age: 30, gender: null, genderScore: null,
    }];
    return { width: 640, height: 480, faces, timings: { detect: 10, embed: options.embed ? 5 : 0, total: 15 } };
  }
  dispose(): void {}
}

/** A camera that is a canvas changing colour; `end()` ends its track the way an unplugged camera does. */
export function createCanvasCamera(): CameraService & { end(): void } {
  let track: MediaStreamTrack | null = null;
  return {
    listCameras: async () => [{ deviceId: 'canvas', label: 'Canvas camera' }],
    async start({ onEnded }) {
      const canvas = document.createElement('canvas');
      canvas.width = 640;
      canvas.height = 480;
      const context = canvas.getContext('2d')!;
      let hue = 0;
      const timer = setInterval(() => {
        context.fillStyle = `hsl(${(hue += 10) % 360} 50% 50%)`;
        context.fillRect(0, 0, 640, 480);
      }, 50);
      const stream = canvas.captureStream(20);
      track = stream.getVideoTracks()[0];
      track.addEventListener('ended', onEnded, { once: true });
      return { stream, deviceId: 'canvas', stop: () => { clearInterval(timer); stream.getTracks().forEach((t) => t.stop()); } };
    },
    end() {
      track?.stop();
      track?.dispatchEvent(new Event('ended'));
    },
  };
}

/** A canvas camera for tests that never unplug it. */
export const canvasCamera: CameraService = createCanvasCamera();
