import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/chromium';
import { cspViolations, offOrigin, recordRequests } from './helpers/requests';

/**
 * The request recorder must see what a privacy check cares about: requests from the page, from
 * a dedicated worker and from a worker that worker starts (as tfjs's wasm threads are). Two local
 * servers on different ports are two origins; the page has no CSP, so every request is made.
 */
function makePage(other: string): string {
  const nested = `fetch('${other}/from-nested-worker').catch(() => null).then(() => postMessage('done'))`;
  const worker = `await fetch('${other}/from-worker').catch(() => null);
    const nested = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(nested)}], { type: 'text/javascript' })));
    nested.onmessage = () => postMessage('done');`;
  return `<!doctype html><title>recorder check</title><script type="module">
    await fetch('${other}/from-page').catch(() => null);
    const worker = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(worker)}], { type: 'text/javascript' })), { type: 'module' });
    worker.onmessage = () => { document.title = 'done'; };
  </script>`;
}

describe('recordRequests', () => {
  let home: Server;
  let other: Server;
  let browser: Browser;

  async function listen(server: Server): Promise<string> {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  beforeAll(async () => {
    other = createServer((_, response) => response.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('ok'));
    const otherOrigin = await listen(other);
    home = createServer((request, response) => {
      // /csp is the same page under the app's connect-src, so its requests are refused and reported instead.
      const headers: Record<string, string> = { 'Content-Type': 'text/html' };
      if (request.url === '/csp') headers['Content-Security-Policy'] = "connect-src 'self'";
      response.writeHead(200, headers).end(makePage(otherOrigin));
    });
    await listen(home);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    home?.close();
    other?.close();
  });

  it('sees off-origin requests of the page, its worker and a nested worker', async () => {
    const address = home.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    const page = await browser.newPage();
    const activity = await recordRequests(page);
    await page.goto(origin);
    await page.waitForFunction(() => document.title === 'done', { timeout: 30_000 });
    const leaks = () => offOrigin(activity.requests, origin);
    const paths = (seenBy: string) => new Set(leaks().filter((r) => r.seenBy === seenBy).map((r) => new URL(r.url).pathname));
    // A worker's resource-timing entry can land after the page hears 'done': read again, briefly.
    await activity.collectResourceTimings();
    for (let attempt = 0; attempt < 10 && !paths('resource-timing').has('/from-worker'); attempt++) {
      await new Promise((done) => setTimeout(done, 300));
      await activity.collectResourceTimings();
    }
    await activity.stop();

    expect([...paths('network')].sort()).toEqual(['/from-nested-worker', '/from-page', '/from-worker']);
    expect(paths('resource-timing').has('/from-worker')).toBe(true);
    expect(leaks().find((r) => r.url.endsWith('/from-worker'))?.target).toMatch(/^worker /);
  });

  it('hears CSP violations of the page and of its workers', async () => {
    const address = home.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    const page = await browser.newPage();
    const activity = await recordRequests(page);
    await page.goto(new URL('/csp', origin).href);
    await page.waitForFunction(() => document.title === 'done', { timeout: 30_000 });
    await activity.stop();

    const targets = new Set(cspViolations(activity.messages).map((message) => message.target.split(' ')[0]));
    expect([...targets].sort()).toEqual(['page', 'worker']);
    expect(offOrigin(activity.requests, origin).filter((r) => r.seenBy === 'network')).toEqual([]);
  });
});
