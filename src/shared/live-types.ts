/**
 * Types of the live tab that both the app (camera, live loop, enrolment) and its components use;
 * they live below both so components never import from app/.
 */

/** A camera the user can pick. */
export interface CameraDevice {
  deviceId: string;
  label: string;
}

/** Milliseconds per stage; `embed` and `match` are the latest measured, null until one was. */
export interface LiveTimings {
  detect: number;
  embed: number | null;
  match: number | null;
}

/** What the person asked for in the enrol panel. */
export interface EnrolRequest {
  name: string;
  /** Self-described labels (`race`, `gender`, `age_band`); empty fields were skipped. */
  labels: Record<string, string>;
  /** Opt-in: also keep a small thumbnail. */
  keepThumbnail: boolean;
}
