/**
 * The Content-Security-Policy of the whole app: everything from the page's own origin.
 * Used by the dev and preview servers as a header and injected into index.html as a meta tag.
 *
 * - `'wasm-unsafe-eval'`: tfjs compiles its wasm backend at run time.
 * - `worker-src blob:`: tfjs-backend-wasm's multithreaded build starts its pthread workers from a
 *   blob: URL it makes of its own bundled code; nothing is fetched from elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: data:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
