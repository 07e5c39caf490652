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
  detect: number;
  embed: number;
  total: number;
  faces: number;
}

declare global {
  interface Window {
    __facegapProbe?: { frames: AppProbeFrame[] };
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
      this.postMessage = (message, transfer) => {
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
        probe.frames.push({ at: now, roundTrip: now - start.at, isEmbedded: start.isEmbedded, detect: t.detect, embed: t.embed, total: t.total, faces: data.observation.faces.length });
      });
    }
  };
})();`;
