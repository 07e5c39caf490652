import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../../src/privacy/csp';
import { formatBytes, formatCount } from '../../../src/privacy/format';
import { OFFLINE_RESPONSE_HEADERS, withIsolationHeaders } from '../../../src/sw/isolation-headers';

describe('withIsolationHeaders', () => {
  it('adds COOP, COEP, CORP and the CSP to a response that has none, keeping body and status', async () => {
    const response = withIsolationHeaders(new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    expect(response.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(response.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(response.headers.get('Content-Type')).toBe('text/html');
    expect(await response.text()).toBe('<!doctype html>');
  });

  it('keeps headers the server sent', () => {
    const original = new Response('x', { headers: { ...OFFLINE_RESPONSE_HEADERS, 'Content-Security-Policy': "default-src 'none'" } });
    const response = withIsolationHeaders(original);
    expect(response).toBe(original);
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'none'");
  });

  it('handles a body-less 204', () => {
    expect(withIsolationHeaders(new Response(null, { status: 204 })).status).toBe(204);
  });
});

describe('formatBytes and formatCount', () => {
  it.each([
    [0, '0 bytes'], [-5, '0 bytes'], [812, '812 bytes'], [4210, '4.2 KB'], [10_300_000, '10 MB'], [2_500_000_000, '2.5 GB'],
  ])('formatBytes(%s) = %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });

  it('agrees in number', () => {
    expect([formatCount(1, 'person', 'people'), formatCount(3, 'person', 'people'), formatCount(0, 'pack')]).toEqual(['1 person', '3 people', '0 packs']);
  });
});
