import type { BackendName, BackendRequest } from './types';

/** WebGL renderer strings of software rasterisers: WebGL through them is slower than wasm. */
const SOFTWARE_RENDERERS = [/swiftshader/i, /llvmpipe/i, /softpipe/i, /software/i, /microsoft basic render/i];

/** What `?backend=` may say; anything else means `auto`. */
export function parseBackendRequest(value: string | null | undefined): BackendRequest {
  return value === 'wasm' || value === 'webgl' || value === 'cpu' ? value : 'auto';
}

/** Whether a WebGL renderer string names a software rasteriser rather than a GPU. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.some((pattern) => pattern.test(renderer));
}

/**
 * Picks the backend: a forced one as asked; `auto` takes WebGL on a hardware GPU and wasm when
 * WebGL is missing or runs on a software renderer (SwiftShader, llvmpipe).
 * Returns the backend and one sentence the UI shows about why.
 */
export function chooseBackend(request: BackendRequest, webglRenderer: string | null): { backend: BackendName; reason: string } {
  if (request !== 'auto') return { backend: request, reason: `Asked for with ?backend=${request}.` };
  if (webglRenderer === null) return { backend: 'wasm', reason: 'No WebGL here, so inference runs on WebAssembly.' };
  if (isSoftwareRenderer(webglRenderer)) {
    return { backend: 'wasm', reason: `WebGL runs in software here (${webglRenderer}), so WebAssembly is faster.` };
  }
  return { backend: 'webgl', reason: `A GPU is available (${webglRenderer}).` };
}

/** Reads the WebGL renderer string, on the page or in a worker; null when there is no WebGL. */
export function readWebglRenderer(): string | null {
  try {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return String(renderer);
  } catch {
    return null;
  }
}
