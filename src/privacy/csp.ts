/**
 * The Content-Security-Policy of the whole app: everything from the page's own origin.
 * Used by the dev and preview servers as a header and injected into index.html as a meta tag
 * (PRIVACY.md explains it line by line).
 *
 * - `'wasm-unsafe-eval'`: tfjs compiles its wasm backend at run time.
 * - `blob:` in `script-src` and `worker-src`: needed by `@tensorflow/tfjs-backend-wasm` (bundled in
 *   `@vladmandic/human`) when it runs multithreaded. Its threaded build starts each pthread worker
 *   from a blob: URL of its own bundled worker code, and that worker `importScripts()` a second
 *   blob: holding the Emscripten factory. Both blobs are made in memory from code already loaded
 *   from this origin; nothing is fetched from elsewhere. Measured on the built app under
 *   `vite preview` (Chromium): without `blob:` in `worker-src`, or without it in `script-src`, the
 *   pthread workers fail ("Failed to execute 'importScripts'") and loading the models never ends.
 *   A blob: URL can only be minted by script already running here, and `connect-src`/`img-src`
 *   still forbid every other origin, so this opens no way out of the page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: data:",
  "style-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The CSP as a response header: the meta tag's policy plus `frame-ancestors 'none'`, which no
 * other page may then frame FaceGap (clickjacking a camera page). Browsers ignore
 * `frame-ancestors` in a meta tag and warn about it, so it lives only here.
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/**
 * Which powerful features the page may use: the camera, for this origin only; everything else a
 * face page could be tempted or tricked into using is off, for the page and any frame in it.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'display-capture=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'bluetooth=()',
  'payment=()',
  'browsing-topics=()',
].join(', ');
