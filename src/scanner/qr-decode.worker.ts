/**
 * Reads QR codes off camera frames, away from the main thread (jsQR takes tens of milliseconds
 * a frame). Receives `{ id, width, height, data }` (RGBA, transferred) and answers `{ id, text }`,
 * `text` null when no code was found.
 */
import '../privacy/install-origin-guard';
import jsQR from 'jsqr';

/** A frame to read. */
export interface QrDecodeRequest {
  id: number;
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** The answer to one frame. */
export interface QrDecodeResponse {
  id: number;
  text: string | null;
}

self.onmessage = (event: MessageEvent<QrDecodeRequest>) => {
  const { id, width, height, data } = event.data;
  // Codes on a laptop screen are dark on light; skipping inverted attempts halves the work.
  const code = jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
  const response: QrDecodeResponse = { id, text: code ? code.data : null };
  self.postMessage(response);
};
