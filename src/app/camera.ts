/**
 * The camera: getUserMedia with a 640x480 ideal, the list of cameras for a picker, and every
 * failure as a sentence saying what happened, what was kept and what to do next.
 */
import type { CameraDevice } from '../shared/live-types';

/** The resolution asked for; the browser may give another. */
export const IDEAL_CAMERA_WIDTH = 640;
export const IDEAL_CAMERA_HEIGHT = 480;
/**
 * The highest frame rate asked for. The loop answers at most ~15 times a second on a 2-core laptop,
 * so a 60 fps camera would only double the decoding and drawing of the picture, on the same cores.
 */
export const MAX_CAMERA_FPS = 30;

/** Why the camera is not running. */
export type CameraFailureKind = 'permission-denied' | 'permission-revoked' | 'no-camera' | 'busy' | 'unplugged' | 'insecure-context' | 'unknown';

/** A camera failure the UI shows as it is. */
export interface CameraFailure {
  kind: CameraFailureKind;
  message: string;
}

/** A running camera. */
export interface CameraSession {
  stream: MediaStream;
  /** The device actually in use, when the browser says. */
  deviceId: string | null;
  /** Stops every track; calling it twice is harmless. */
  stop(): void;
}

/** What the app needs from a camera; tests hand in a fake (a canvas stream, say). */
export interface CameraService {
  listCameras(): Promise<CameraDevice[]>;
  /** Starts a camera; rejects with a `CameraFailure`-shaped `CameraError`. */
  start(options: { deviceId?: string; onEnded: () => void }): Promise<CameraSession>;
  /** Calls `onChange` when cameras are plugged in or out; returns the unsubscribe. */
  watchCameras?(onChange: () => void): () => void;
}

/** A camera failure as a thrown value. */
export class CameraError extends Error {
  constructor(readonly failure: CameraFailure) {
    super(failure.message);
    this.name = 'CameraError';
  }
}

const KEPT = 'Your enrolled people and packs are untouched.';

const MESSAGES: Record<CameraFailureKind, string> = {
  'permission-denied':
    `Camera permission was denied, so the live view cannot start. ${KEPT} To allow it, click the camera icon in the address bar (or the site settings), allow the camera, then press Start camera.`,
  'permission-revoked':
    `Camera permission was taken back while the camera ran, so the live view stopped. ${KEPT} To allow it again, click the camera icon in the address bar (or the site settings), allow the camera, then press Start camera.`,
  'no-camera':
    `No camera was found on this device. ${KEPT} You can still use The gap view and import reference packs; connect a camera and press Start camera to use the live view.`,
  busy:
    `The camera is in use by another app or tab, so it could not start. ${KEPT} Close the other app (a video call, say), then press Start camera.`,
  unplugged:
    `The camera stopped: it was unplugged or switched off. ${KEPT} Plug it back in, then press Start camera.`,
  'insecure-context':
    `Browsers only give the camera to pages served over HTTPS or from localhost, and this page is neither. ${KEPT} Open FaceGap over https:// (or localhost) to use the live view.`,
  unknown: `The camera could not start. ${KEPT} Press Start camera to try again; if it keeps failing, reload the page.`,
};

/** The failure of `kind` with its standard message; `detail` (the browser's words) is appended for `unknown`. */
export function describeCameraFailure(kind: CameraFailureKind, detail?: string): CameraFailure {
  const message = kind === 'unknown' && detail ? `${MESSAGES.unknown} (The browser said: ${detail})` : MESSAGES[kind];
  return { kind, message };
}

/**
 * Maps what getUserMedia threw, and the page's circumstances, to a failure.
 * `isSecureContext` and `hasMediaDevices` are passed in so the mapping stays pure.
 */
export function toCameraFailure(error: unknown, context: { isSecureContext: boolean; hasMediaDevices: boolean }): CameraFailure {
  if (error instanceof CameraError) return error.failure;
  if (!context.isSecureContext) return describeCameraFailure('insecure-context');
  if (!context.hasMediaDevices) return describeCameraFailure('no-camera');
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return describeCameraFailure('permission-denied');
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return describeCameraFailure('no-camera');
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return describeCameraFailure('busy');
    default:
      return describeCameraFailure('unknown', error instanceof Error ? error.message : undefined);
  }
}

/** Builds the constraints for a camera: a chosen device exactly, otherwise the front camera. */
export function buildCameraConstraints(deviceId?: string): MediaStreamConstraints {
  const size = { width: { ideal: IDEAL_CAMERA_WIDTH }, height: { ideal: IDEAL_CAMERA_HEIGHT }, frameRate: { max: MAX_CAMERA_FPS } };
  return {
    audio: false,
    video: deviceId ? { ...size, deviceId: { exact: deviceId } } : { ...size, facingMode: 'user' },
  };
}

/** Names unnamed cameras ("Camera 2") as browsers hide labels until permission is given. */
export function labelCameras(devices: readonly Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label'>[]): CameraDevice[] {
  return devices
    .filter((device) => device.kind === 'videoinput')
    .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `Camera ${index + 1}` }));
}

/**
 * Whether the running camera `deviceId` is missing from a fresh list of cameras, as when it was
 * unplugged. False when the id is unknown (empty): then only the track's end can tell.
 */
export function isCameraGone(deviceId: string, cameras: readonly CameraDevice[]): boolean {
  return deviceId !== '' && !cameras.some((camera) => camera.deviceId === deviceId);
}

/** The browser's camera, through `navigator.mediaDevices`. */
export const browserCamera: CameraService = {
  async listCameras() {
    if (!navigator.mediaDevices?.enumerateDevices) return [];
    return labelCameras(await navigator.mediaDevices.enumerateDevices());
  },

  async start({ deviceId, onEnded }) {
    const context = { isSecureContext: globalThis.isSecureContext, hasMediaDevices: Boolean(navigator.mediaDevices?.getUserMedia) };
    let stream: MediaStream;
    try {
      if (!context.isSecureContext || !context.hasMediaDevices) throw new Error('no mediaDevices');
      stream = await navigator.mediaDevices.getUserMedia(buildCameraConstraints(deviceId));
    } catch (error) {
      throw new CameraError(toCameraFailure(error, context));
    }
    const [track] = stream.getVideoTracks();
    let isStopped = false;
    // `ended` fires only when the device goes away, never after our own stop().
    track?.addEventListener('ended', () => { if (!isStopped) onEnded(); }, { once: true });
    return {
      stream,
      deviceId: track?.getSettings().deviceId ?? null,
      stop() {
        isStopped = true;
        for (const t of stream.getTracks()) t.stop();
      },
    };
  },

  watchCameras(onChange) {
    const devices = navigator.mediaDevices;
    if (!devices?.addEventListener) return () => {};
    devices.addEventListener('devicechange', onChange);
    return () => devices.removeEventListener('devicechange', onChange);
  },
};

/** Whether the camera permission was already given, so the camera may start without a click. */
export async function isCameraPermissionGranted(): Promise<boolean> {
  try {
    const status = await navigator.permissions.query({ name: 'camera' as PermissionName });
    return status.state === 'granted';
  } catch {
    return false;
  }
}

/** How long after a track ended a permission change still counts as the reason it ended. */
export const CAMERA_REVOCATION_WINDOW_MS = 1_000;

/**
 * Whether a camera track ended because the permission was taken back. Chromium ends the track both
 * when the device goes away and when the user blocks or resets the permission, and under load the
 * permission may change only a moment after the track ended; so this waits up to `windowMs` for a
 * change away from "granted". Resolves false where the browser will not say.
 */
export async function waitForCameraRevocation(
  windowMs = CAMERA_REVOCATION_WINDOW_MS,
  query: () => Promise<PermissionStatus> = () => navigator.permissions.query({ name: 'camera' as PermissionName }),
): Promise<boolean> {
  let status: PermissionStatus;
  try {
    status = await query();
  } catch {
    return false;
  }
  if (status.state === 'denied') return true;
  return new Promise<boolean>((resolve) => {
    const finish = (isRevoked: boolean) => {
      clearTimeout(timer);
      status.removeEventListener('change', onChange);
      resolve(isRevoked);
    };
    const onChange = () => void (status.state !== 'granted' && finish(true));
    const timer = setTimeout(() => finish(false), windowMs);
    status.addEventListener('change', onChange);
  });
}
