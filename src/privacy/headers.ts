import { CONTENT_SECURITY_POLICY_HEADER, PERMISSIONS_POLICY } from './csp';

/**
 * Response headers FaceGap needs from whatever serves it: the dev and preview servers send them,
 * the service worker adds them to what it serves offline, and a static host should send them too.
 * COOP and COEP make the page cross-origin isolated (without it tfjs's wasm runs single-threaded);
 * CORP lets the isolated page embed its own files; the CSP header also binds workers, which the
 * meta tag in index.html does not reach, and adds `frame-ancestors`; Permissions-Policy keeps the
 * camera to this origin and every other powerful feature off. The host files (deploy/,
 * vercel.json) are generated from this list by scripts/deploy-headers.ts, and a test keeps them equal.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'Permissions-Policy': PERMISSIONS_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
});
