/**
 * Absolute URLs in FaceGap's source and in its built bundle, and the reviewed list of those that
 * dependencies put in the bundle, each with why it is never requested. Pure; the checks live in
 * test/unit/privacy/source-urls.test.ts and test/e2e/privacy-bundle.e2e.test.ts, and PRIVACY.md
 * shows the same table.
 */

/** An http(s) URL with a host; `https://` alone (a phrase in a sentence) is not one. */
const ABSOLUTE_URL = /\bhttps?:\/\/[A-Za-z0-9][A-Za-z0-9.-]*(?::\d+)?(?:\/[^\s"'`<>()\\${}]*)?/g;

/** XML namespace names: identifiers that look like URLs and are never fetched. */
export const NAMESPACE_URIS: readonly string[] = [
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
];

/** Every distinct absolute http(s) URL in `text`, sorted. */
export function findAbsoluteUrls(text: string): string[] {
  return [...new Set(text.match(ABSOLUTE_URL) ?? [])].sort();
}

/** Whether a URL names this machine (`localhost`, `127.x.x.x`, `[::1]`), which tests may use. */
export function isLocalUrl(url: string): boolean {
  const host = url.replace(/^https?:\/\//, '').split(/[/:]/)[0];
  return host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || url.includes('//[::1]');
}

/** A URL found in the built bundle, and why it is never requested. */
export interface BundleUrl {
  /** The URL as it appears in the bundle (cut where a template literal inserts a value). */
  url: string;
  /** The dependency that put it there. */
  source: string;
  /** Why the app never requests it. */
  reason: string;
}

const MESSAGE = 'text of an error message or code comment; never requested';

/**
 * The absolute URLs the production bundle (dist/**) contains, reviewed one by one. The e2e bundle
 * check fails when the bundle holds a URL not listed here, or when one listed is gone.
 */
export const BUNDLE_URL_ALLOWLIST: readonly BundleUrl[] = [
  {
    url: 'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs-backend-wasm@',
    source: '@vladmandic/human (its default `wasmPath`)',
    reason: 'src/vision/config.ts always sets `wasmPath` to /models/wasm/ on this origin, and the engine refuses to run if the wasm backend did not start from there; `connect-src \'self\'` would block the CDN anyway.',
  },
  { url: 'https://arxiv.org/abs/1706.02515', source: '@tensorflow/tfjs-core (bundled in human)', reason: `SELU constants cite the paper: ${MESSAGE}.` },
  { url: 'https://developer.mozilla.org/en-US/docs/Web/API/Fetch_API', source: '@tensorflow/tfjs-core', reason: `"fetch is missing" error message: ${MESSAGE}.` },
  { url: 'https://emscripten.org/docs/porting/pthreads.html#blocking-on-the-main-browser-thread', source: '@tensorflow/tfjs-backend-wasm (Emscripten runtime)', reason: `pthread warning message: ${MESSAGE}.` },
  { url: 'https://en.wikipedia.org/wiki/IEEE_754-1985#Representation_of_non-numbers', source: '@tensorflow/tfjs-backend-webgl', reason: `comment inside a GLSL shader string: ${MESSAGE}.` },
  { url: 'https://github.com/tensorflow/tfjs-node', source: '@tensorflow/tfjs-core', reason: `console hint about the node backend: ${MESSAGE}.` },
  { url: 'https://github.com/tensorflow/tfjs/blob/master/tfjs-backend-wasm/README.md#using-bundlers', source: '@tensorflow/tfjs-backend-wasm', reason: `error message about wasm paths: ${MESSAGE}.` },
  { url: 'https://github.com/tensorflow/tfjs/issues', source: '@tensorflow/tfjs-core', reason: `error message: ${MESSAGE}.` },
  { url: 'https://github.com/tensorflow/tfjs/issues/1735', source: '@tensorflow/tfjs-backend-webgl', reason: `comment about a driver bug: ${MESSAGE}.` },
  { url: 'https://github.com/tensorflow/tfjs/issues/5447', source: '@tensorflow/tfjs-backend-webgl', reason: `comment about a driver bug: ${MESSAGE}.` },
  { url: 'https://www.shadertoy.com/view/4djSRW', source: '@tensorflow/tfjs-backend-webgl', reason: `credit in a GLSL shader string (random hash): ${MESSAGE}.` },
  { url: 'https://rolldown.rs/in-depth/bundling-cjs#require-external-modules', source: 'rolldown, the bundler (in the dlib worker, around face-api\'s CommonJS require)', reason: `error message of the bundler's require shim: ${MESSAGE}.` },
  { url: 'https://bit.ly/wb-precache', source: 'workbox-precaching (in sw.js)', reason: `error message about precache entries: ${MESSAGE}.` },
];
