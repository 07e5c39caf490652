/**
 * A worker's own guard against requests that would leave the page's origin.
 *
 * Why: a worker's CSP comes from its own response headers, never from the page's meta tag. On a
 * static host that sends no headers (GitHub Pages, `python3 -m http.server`), before the service
 * worker adds them, a worker has no CSP at all. Every worker here installs this guard before any
 * other module of it runs: fetch, XMLHttpRequest, WebSocket, EventSource, WebTransport,
 * importScripts and FontFace refuse URLs of another origin (blob: and data: stay allowed: they are
 * made in memory), and each refusal is dispatched as a `securitypolicyviolation` event, so the
 * privacy panel lists it like a CSP block. It binds what runs in this worker; PRIVACY.md says what
 * it does not bind (nested blob: workers of tfjs's threaded wasm, which run only when the page is
 * cross-origin isolated, i.e. when the host sent the headers and with them the CSP).
 */

/** Marks a refusal in the privacy panel ("sourceFile"), so it is told apart from the browser's CSP. */
export const ORIGIN_GUARD_SOURCE = 'FaceGap origin guard';

/** The parts of a worker's global scope the guard wraps; a test hands in a fake. */
export interface GuardedScope {
  location: { href: string; origin: string };
  fetch?: typeof fetch;
  XMLHttpRequest?: typeof XMLHttpRequest;
  WebSocket?: typeof WebSocket;
  EventSource?: typeof EventSource;
  WebTransport?: unknown;
  FontFace?: unknown;
  importScripts?: (...urls: string[]) => void;
  dispatchEvent(event: Event): boolean;
}

/** True when `url` (resolved against `base`) stays on `origin`, or is made in memory (blob:, data:). */
export function isOnOrigin(url: string | URL, base: string, origin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(String(url), base);
  } catch {
    return true; // the API itself will refuse a URL that does not parse
  }
  if (parsed.protocol === 'blob:' || parsed.protocol === 'data:') return true;
  return parsed.origin === origin;
}

/** The error a refused call throws: what was refused, and that nothing left. */
export function describeRefusal(url: string): string {
  return `FaceGap refused a request to ${url} from a worker: nothing leaves this page's origin, so it was not sent.`;
}

/** Installs the guard on `scope` (default: this worker). Idempotent. */
export function installOriginGuard(scope: GuardedScope = self as unknown as GuardedScope): void {
  const marked = scope as GuardedScope & { __facegapOriginGuard?: true };
  if (marked.__facegapOriginGuard) return;
  marked.__facegapOriginGuard = true;
  const { href, origin } = scope.location;

  const refuse = (url: string, directive: string): TypeError => {
    report(scope, url, directive);
    return new TypeError(describeRefusal(url));
  };
  const check = (url: string | URL, directive: string): void => {
    if (!isOnOrigin(url, href, origin)) throw refuse(new URL(String(url), href).href, directive);
  };

  const originalFetch = scope.fetch;
  if (originalFetch) {
    scope.fetch = function guardedFetch(input: RequestInfo | URL, init?: RequestInit) {
      const url = typeof input === 'object' && 'url' in input ? input.url : String(input);
      if (!isOnOrigin(url, href, origin)) return Promise.reject(refuse(new URL(url, href).href, 'connect-src'));
      return originalFetch.call(scope, input, init);
    } as typeof fetch;
  }
  const xhr = scope.XMLHttpRequest;
  if (xhr) {
    const open = xhr.prototype.open as (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) => void;
    xhr.prototype.open = function guardedOpen(this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      check(url, 'connect-src');
      return open.call(this, method, url, ...rest);
    } as XMLHttpRequest['open'];
  }
  for (const name of ['WebSocket', 'EventSource', 'WebTransport'] as const) {
    const Original = scope[name] as (new (url: string | URL, ...rest: unknown[]) => object) | undefined;
    if (!Original) continue;
    const Guarded = class extends Original {
      constructor(url: string | URL, ...rest: unknown[]) {
        check(url, 'connect-src');
        super(url, ...rest);
      }
    };
    (scope as unknown as Record<string, unknown>)[name] = Guarded;
  }
  const FontFaceOriginal = scope.FontFace as (new (family: string, source: string | BufferSource, descriptors?: object) => object) | undefined;
  if (FontFaceOriginal) {
    scope.FontFace = class extends FontFaceOriginal {
      constructor(family: string, source: string | BufferSource, descriptors?: object) {
        if (typeof source === 'string') for (const [, url] of source.matchAll(/url\(\s*['"]?([^'")]+)/g)) check(url, 'font-src');
        super(family, source, descriptors);
      }
    };
  }
  const importScripts = scope.importScripts;
  if (importScripts) {
    scope.importScripts = (...urls: string[]) => {
      for (const url of urls) check(url, 'script-src');
      importScripts.apply(scope, urls);
    };
  }
}

function report(scope: GuardedScope, blockedURI: string, directive: string): void {
  const init = { blockedURI, violatedDirective: directive, effectiveDirective: directive, originalPolicy: ORIGIN_GUARD_SOURCE, disposition: 'enforce' as const, statusCode: 0, documentURI: scope.location.href, sourceFile: ORIGIN_GUARD_SOURCE };
  const event = typeof SecurityPolicyViolationEvent === 'function' ? new SecurityPolicyViolationEvent('securitypolicyviolation', init) : Object.assign(new Event('securitypolicyviolation'), init);
  scope.dispatchEvent(event);
}
