/**
 * Measures the app's live loop without any hook in the app: a script that runs before the page's
 * own wraps `Worker` and, for the vision worker (name `facegap-vision`), times each `detect`
 * request to its `observed` answer and keeps the engine's stage timings (src/vision/protocol.ts).
 * The app embeds only every EMBED_INTERVAL_MS, so each frame records whether it embedded.
 */

/** One frame of the app's loop as seen on the page, in milliseconds. */
export interface AppProbeFrame {
  /** performance.now() when the answer arrived. */
  at: number;
  /** From posting the frame to the worker's answer (transfer, queue, inference, reply). */
  roundTrip: number;
  isEmbedded: boolean;
  /** Whether the engine followed the last faces with the mesh (false: the full detector ran). */
  isTracked: boolean;
  detect: number;
  embed: number;
  total: number;
  faces: number;
  /** Faces that came back with an embedding (the live loop embeds the followed face only). */
  embeddedFaces: number;
}

declare global {
  interface Window {
    __facegapProbe?: { frames: AppProbeFrame[] };
    /** Detect options the probe puts in place of the app's own (an A/B variant), or null. */
    __facegapProbeOverride?: Record<string, unknown> | null;
  }
}

/**
 * Source of the probe, for `page.evaluateOnNewDocument`. A string, not a function: tsx would
 * otherwise wrap its inner functions in a `__name` helper the page does not have.
 */
export const APP_PROBE_SOURCE = `(() => {
  const probe = { frames: [] };
  window.__facegapProbe = probe;
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url, options) {
      super(url, options);
      if (!options || options.name !== 'facegap-vision') return;
      const sent = new Map();
      const post = this.postMessage.bind(this);
      // An A/B variant of the app (live.ts, BENCH_AB=1): these options replace the app's own.
      const override = window.__facegapProbeOverride;
      this.postMessage = (message, transfer) => {
        if (override && message && message.type === 'detect') message = { ...message, options: { ...message.options, ...override } };
        if (message && message.type === 'detect') sent.set(message.id, { at: performance.now(), isEmbedded: Boolean(message.options && message.options.embed) });
        return post(message, transfer);
      };
      this.addEventListener('message', (event) => {
        const data = event.data;
        const start = data ? sent.get(data.id) : undefined;
        if (!start) return;
        sent.delete(data.id);
        if (data.type !== 'observed') return;
        const now = performance.now();
        const t = data.observation.timings;
        probe.frames.push({ at: now, roundTrip: now - start.at, isEmbedded: start.isEmbedded, isTracked: data.observation.isTracked === true, detect: t.detect, embed: t.embed, total: t.total, faces: data.observation.faces.length, embeddedFaces: data.observation.faces.filter((face) => face.embedding).length });
      });
    }
  };
})();`;

/** What LIVE_RECORDER_SOURCE collects: shown camera frames and, at display rate, the drawn box and the meter. */
export interface LiveRecording {
  shown: { at: number; index: number }[];
  drawn: { at: number; centerX: number | null; isStale: boolean; score: number | null }[];
}

declare global {
  interface Window {
    __facegapLive?: LiveRecording;
  }
}

/**
 * Source of the display-rate recorder, run once the camera is on: for every frame fg-camera-view's
 * video presents (requestVideoFrameCallback), the frame index from the bench video's marker
 * (scripts/bench/live-video.ts: `bits` blocks of `block` px at the top left); on every animation
 * frame, the centre of the drawn box as drawn (computed style, so mid-transition) and the meter's
 * score. A string for the same reason as APP_PROBE_SOURCE.
 */
export function liveRecorderSource(bits: number, block: number): string {
  return `(() => {
  const rec = { shown: [], drawn: [] };
  window.__facegapLive = rec;
  const app = document.querySelector('fg-app').shadowRoot;
  const view = app.querySelector('fg-camera-view');
  const video = view.shadowRoot.querySelector('video');
  const width = ${bits * block};
  const canvas = new OffscreenCanvas(width, ${block});
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const onVideoFrame = (now, meta) => {
    context.drawImage(video, 0, 0, width, ${block}, 0, 0, width, ${block});
    const data = context.getImageData(0, ${block / 2}, width, 1).data;
    let index = 0;
    for (let bit = 0; bit < ${bits}; bit++) index = index * 2 + (data[(bit * ${block} + ${block / 2}) * 4] > 128 ? 1 : 0);
    rec.shown.push({ at: meta.expectedDisplayTime || now, index });
    video.requestVideoFrameCallback(onVideoFrame);
  };
  video.requestVideoFrameCallback(onVideoFrame);
  const onAnimationFrame = () => {
    const rect = view.shadowRoot.querySelector('rect.box');
    let centerX = null;
    if (rect) {
      const style = getComputedStyle(rect);
      centerX = parseFloat(style.x) + parseFloat(style.width) / 2;
    }
    const meter = app.querySelector('fg-match-meter');
    const score = meter && meter.dataset.score ? Number(meter.dataset.score) : null;
    rec.drawn.push({ at: performance.now(), centerX, isStale: Boolean(rect && rect.classList.contains('stale')), score });
    requestAnimationFrame(onAnimationFrame);
  };
  requestAnimationFrame(onAnimationFrame);
})()`;
}
