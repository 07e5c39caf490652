import { describe, expect, it } from 'vitest';
import { describeRefusal, installOriginGuard, isOnOrigin, ORIGIN_GUARD_SOURCE, type GuardedScope } from '../../../src/privacy/origin-guard';
import { watchViolations } from '../../../src/privacy/violations';

const ORIGIN = 'http://127.0.0.1:4173';

/** A worker-like scope whose network APIs record what reached them. */
function makeScope() {
  const reached: string[] = [];
  const target = new EventTarget();
  class FakeSocket {
    constructor(url: string | URL) {
      reached.push(`ws ${String(url)}`);
    }
  }
  class FakeXhr {
    open(_method: string, url: string | URL) {
      reached.push(`xhr ${String(url)}`);
    }
  }
  const scope: GuardedScope = {
    location: { href: `${ORIGIN}/assets/vision.worker.js`, origin: ORIGIN },
    fetch: (async (input: RequestInfo | URL) => {
      reached.push(`fetch ${String(input)}`);
      return new Response('ok');
    }) as typeof fetch,
    XMLHttpRequest: FakeXhr as unknown as typeof XMLHttpRequest,
    WebSocket: FakeSocket as unknown as typeof WebSocket,
    importScripts: (...urls: string[]) => void reached.push(...urls.map((url) => `import ${url}`)),
    dispatchEvent: (event) => target.dispatchEvent(event),
  };
  const violations = watchViolations(target as unknown as EventTarget, 'vision worker');
  installOriginGuard(scope);
  return { scope, reached, violations };
}

describe('isOnOrigin', () => {
  it.each([
    ['/models/faceres.bin', true],
    ['../models/wasm/tfjs-backend-wasm.wasm', true],
    [`${ORIGIN}/packs/index.json`, true],
    ['blob:http://127.0.0.1:4173/5a2c', true],
    ['data:application/octet-stream;base64,AA==', true],
    ['https://cdn.jsdelivr.net/npm/@tensorflow/tfjs-backend-wasm/dist/', false],
    ['http://127.0.0.1:9999/', false],
    ['//example.com/x', false],
    ['wss://example.com/socket', false],
  ])('%s -> %s', (url, expected) => {
    expect(isOnOrigin(url, `${ORIGIN}/assets/w.js`, ORIGIN)).toBe(expected);
  });
});

describe('installOriginGuard', () => {
  it('lets same-origin fetches through and refuses others, without sending them, and reports each refusal', async () => {
    const { scope, reached, violations } = makeScope();
    await expect(scope.fetch!('/models/faceres.json')).resolves.toBeInstanceOf(Response);
    await expect(scope.fetch!('https://example.com/leak?x=1')).rejects.toThrow(describeRefusal('https://example.com/leak?x=1'));
    await expect(scope.fetch!(new Request('https://example.com/req'))).rejects.toThrow(TypeError);
    expect(reached).toEqual(['fetch /models/faceres.json']);
    expect(violations.read().map(({ blockedUri, directive, sourceFile, context }) => ({ blockedUri, directive, sourceFile, context }))).toEqual([
      { blockedUri: 'https://example.com/leak?x=1', directive: 'connect-src', sourceFile: ORIGIN_GUARD_SOURCE, context: 'vision worker' },
      { blockedUri: 'https://example.com/req', directive: 'connect-src', sourceFile: ORIGIN_GUARD_SOURCE, context: 'vision worker' },
    ]);
  });

  it('guards XMLHttpRequest, WebSocket and importScripts too', () => {
    const { scope, reached } = makeScope();
    const xhr = new scope.XMLHttpRequest!();
    expect(() => xhr.open('GET', 'https://example.com/x')).toThrow(TypeError);
    xhr.open('GET', '/ok');
    expect(() => new scope.WebSocket!('wss://example.com/s')).toThrow(TypeError);
    expect(() => scope.importScripts!('https://example.com/a.js')).toThrow(TypeError);
    scope.importScripts!('/local.js');
    expect(reached).toEqual(['xhr /ok', 'import /local.js']);
  });

  it('is installed once, however often it is called', async () => {
    const { scope, reached } = makeScope();
    installOriginGuard(scope);
    await scope.fetch!('/a');
    expect(reached).toEqual(['fetch /a']);
  });
});
