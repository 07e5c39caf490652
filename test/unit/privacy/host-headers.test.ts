import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../../vite.config.ts';
import { SECURITY_HEADERS } from '../../../src/privacy/headers';
import { HOST_HEADER_FILES, renderNetlifyHeaders, renderNginxSnippet, renderVercelJson } from '../../../src/privacy/host-headers';
import { OFFLINE_RESPONSE_HEADERS } from '../../../src/sw/isolation-headers';

const ROOT = resolve(import.meta.dirname, '../../..');

/** name -> value pairs read back from a `_headers` file, so the test checks content, not formatting. */
function parseNetlifyHeaders(text: string): Record<string, string> {
  const lines = text.split('\n').filter((line) => line.startsWith('  '));
  return Object.fromEntries(lines.map((line) => line.trim().split(/: (.*)/s).slice(0, 2)));
}

describe('one source of truth for the security headers', () => {
  it.each(Object.keys(HOST_HEADER_FILES))('%s is what npm run deploy:headers writes', (path) => {
    expect(readFileSync(resolve(ROOT, path), 'utf8')).toBe(HOST_HEADER_FILES[path]());
  });

  it('the host files, the dev and preview servers and the service worker carry the same headers', () => {
    expect(parseNetlifyHeaders(renderNetlifyHeaders())).toEqual(SECURITY_HEADERS);
    const vercel = JSON.parse(renderVercelJson()) as { headers: { headers: { key: string; value: string }[] }[] };
    expect(Object.fromEntries(vercel.headers[0].headers.map(({ key, value }) => [key, value]))).toEqual(SECURITY_HEADERS);
    const nginx = [...renderNginxSnippet().matchAll(/add_header (\S+) "(.*)" always;/g)].map(([, name, value]) => [name, value]);
    expect(Object.fromEntries(nginx)).toEqual(SECURITY_HEADERS);
    const config = viteConfig as { server?: { headers?: object }; preview?: { headers?: object } };
    expect(config.server?.headers).toEqual(SECURITY_HEADERS);
    expect(config.preview?.headers).toEqual(SECURITY_HEADERS);
    expect(OFFLINE_RESPONSE_HEADERS).toEqual(SECURITY_HEADERS);
  });

  it('keeps the camera to the page origin and frames out, in the header only (a meta tag ignores frame-ancestors)', () => {
    expect(SECURITY_HEADERS['Permissions-Policy']).toMatch(/(^|, )camera=\(self\)(,|$)/);
    expect(SECURITY_HEADERS['Permissions-Policy']).toContain('microphone=()');
    expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });
});
