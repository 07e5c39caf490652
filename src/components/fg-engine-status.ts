import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EngineInfo } from '../vision/types';

/**
 * What runs the models: the backend and why, WebAssembly's SIMD and threads (and why not),
 * worker or main thread, and how long the models took to load.
 */
@customElement('fg-engine-status')
export class FgEngineStatus extends LitElement {
  static override styles = css`
    :host { display: block; }
    h2 { font-size: 1rem; margin: 0 0 0.5rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
    dt { color: var(--fg-muted); }
    dd { margin: 0; }
    .plain { margin: 0 0 0.4rem; }
    summary { cursor: pointer; color: var(--fg-muted); }
    summary:focus-visible { outline: 3px solid var(--fg-oi-blue); outline-offset: 2px; }
    .failed { color: var(--fg-text); border-left: 0.3rem solid var(--fg-oi-vermillion); padding-left: 0.5rem; }
  `;

  /** The engine's report once loaded; null while loading or after a failure. */
  @property({ attribute: false }) info: EngineInfo | null = null;
  /** Whether the engine is loading, ready or failed. */
  @property({ reflect: true }) status: 'loading' | 'ready' | 'failed' = 'loading';
  /** Why loading failed, as shown to the user. */
  @property() error = '';

  override render() {
    return html`
      <h2>Engine</h2>
      ${this.status === 'loading' ? html`<p role="status">Loading the face models (about 9 MB, from this site only)…</p>` : nothing}
      ${this.status === 'failed' ? html`<p class="failed">Not running: ${this.error}</p>` : nothing}
      ${this.info ? this._renderInfo(this.info) : nothing}
    `;
  }

  private _renderInfo(info: EngineInfo) {
    // Plain words first; backend names, renderer strings and versions are for the curious.
    return html`
      <p class="plain">The face models run on this computer${info.thread === 'worker' ? ', beside the page' : ', in the page itself (it may stutter)'};
        they loaded in ${(info.loadMs / 1000).toFixed(1)} s.</p>
      <details><summary>Details</summary>
      <dl>
        <dt>Backend</dt>
        <dd>${info.backend}${info.requested !== 'auto' ? ' (asked for)' : ''}: ${info.reason}</dd>
        ${info.backend === 'wasm' ? html`<dt>WebAssembly</dt><dd>${describeWasm(info)}</dd>` : nothing}
        <dt>Runs in</dt>
        <dd>${info.thread === 'worker' ? 'a background worker, so the page stays responsive' : 'the page itself (the worker could not start), so the page may stutter'}</dd>
        <dt>Models loaded in</dt>
        <dd>${(info.loadMs / 1000).toFixed(1)} s</dd>
        <dt>Versions</dt>
        <dd>human ${info.humanVersion}, tfjs ${info.tfjsVersion}</dd>
      </dl></details>
    `;
  }
}

/** SIMD and threads in words, saying why threads are off when they are. */
export function describeWasm(info: Pick<EngineInfo, 'wasmSimd' | 'wasmMultithread' | 'crossOriginIsolated'>): string {
  const simd = info.wasmSimd ? 'SIMD on' : 'SIMD off (this browser lacks it)';
  if (info.wasmMultithread) return `${simd}, multithreaded`;
  if (!info.crossOriginIsolated) return `${simd}; this page is not cross-origin isolated, so wasm runs single-threaded`;
  return `${simd}; single-threaded, as this browser does not offer wasm threads`;
}

declare global {
  interface HTMLElementTagNameMap {
    'fg-engine-status': FgEngineStatus;
  }
}
