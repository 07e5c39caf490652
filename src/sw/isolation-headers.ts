/**
 * Headers the service worker puts on every response it serves from its cache, so a page loaded
 * offline is as isolated and as restricted as one loaded from the server. Pure: no worker APIs.
 */
import { SECURITY_HEADERS } from '../privacy/headers';

/** Set on every same-origin response the service worker serves, when missing. */
export const OFFLINE_RESPONSE_HEADERS = SECURITY_HEADERS;

/**
 * A copy of `response` with `OFFLINE_RESPONSE_HEADERS` added where missing; headers the server
 * sent are kept as they were. Opaque and error responses are returned unchanged (their headers
 * cannot be read or are irrelevant).
 */
export function withIsolationHeaders(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.type === 'error') return response;
  const missing = Object.entries(OFFLINE_RESPONSE_HEADERS).filter(([name]) => !response.headers.has(name));
  if (missing.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of missing) headers.set(name, value);
  // A 204/304 body must be null; everything else keeps its stream.
  const body = response.status === 204 || response.status === 304 ? null : response.body;
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
