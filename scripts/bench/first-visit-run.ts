/**
 * A first visit to the production build, as a workshop laptop makes it: a plain static server
 * (no compression, no caching headers, no security headers) that counts the requests and bytes it
 * sends per file, a fresh browser profile and a fake camera. Shared by the first-visit bench
 * (scripts/bench/first-visit.ts) and its e2e test (test/e2e/first-visit.e2e.test.ts).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { enrol, ENROL_TIMEOUT_MS, startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from '../../test/e2e/helpers/app';
import { launchChromium } from '../../test/e2e/helpers/chromium';
import { makeFakeVideo } from '../../test/e2e/helpers/fake-video';

/** Requests and bytes the server sent for one path. */
export interface FileTraffic {
  path: string;
  requests: number;
  bytes: number;
}

/** A plain static server that counts what it sends. */
export interface CountingServer {
  url: string;
  traffic(): FileTraffic[];
  /** false: every request is cut off unanswered, as when the Wi-Fi is gone (and not counted). */
  setReachable(isReachable: boolean): void;
  /** Stops answering (as if the network went away) and closes. */
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

/**
 * Serves `dir` at `/` with a Content-Type and Content-Length and nothing else; counts each path.
 * `overrides` answers some paths with other bytes (e.g. a packs/index.json naming another default).
 */
export async function startCountingServer(dir: string, overrides: ReadonlyMap<string, Buffer> = new Map()): Promise<CountingServer> {
  const counts = new Map<string, FileTraffic>();
  let isReachable = true;
  const server: Server = createServer((request, response) => {
    if (!isReachable) {
      request.socket.destroy();
      return;
    }
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
    const traffic = counts.get(path) ?? { path, requests: 0, bytes: 0 };
    counts.set(path, traffic);
    traffic.requests += 1;
    const override = overrides.get(path);
    if (override) {
      traffic.bytes += override.length;
      response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Length': override.length }).end(override);
      return;
    }
    let file = normalize(join(dir, path));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const size = statSync(file).size;
    traffic.bytes += size;
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': size });
    createReadStream(file).pipe(response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The counting server has no port.');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    traffic: () => [...counts.values()].map((entry) => ({ ...entry })).sort((a, b) => b.bytes - a.bytes),
    setReachable: (value) => {
      isReachable = value;
      if (!value) server.closeAllConnections();
    },
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

/** What a first visit measured. */
export interface FirstVisit {
  /** From navigation start to the first frame with a face box, ms (page clock). */
  firstFaceBoxMs: number;
  /** From navigation start to "Enrol me" being offered (the recognition model loaded), ms (page clock). */
  readyToRecogniseMs: number;
  /** From pressing "Enrol me" to the first "matched" meter, ms. */
  enrolToMatchMs: number;
  /** With `openTab`: from clicking that tab to its view holding the pack, ms; null otherwise. */
  packShownMs: number | null;
  /** How long the visit lasted, ms (at least `durationMs`). */
  visitMs: number;
  traffic: FileTraffic[];
  /** Cache Storage at the end: entries per cache. */
  caches: Record<string, number>;
}

/** Options of `runFirstVisit`. */
export interface FirstVisitOptions {
  /** How long the visit lasts in all, ms (the budget counts 60 s). */
  durationMs: number;
  /** Paths answered with other bytes than the build's (see `startCountingServer`). */
  overrides?: ReadonlyMap<string, Buffer>;
  /**
   * A view to open after the first match (e.g. 'gap'), as an attendee moving on to the bias views
   * would; absent: the visit stays on Live. The visit waits until that view shows its pack.
   */
  openTab?: 'groups' | 'gap';
  /** Called with the browser, page and server still open, after the visit and before closing. */
  after?: (visit: { browser: Browser; page: Page; server: CountingServer }) => Promise<void>;
}

/** Where the page says a face box is drawn: the meter leaves its "no face" state. */
const HAS_FACE = (state: string | null): boolean => state !== null && state !== 'no-face';

/**
 * Opens the build in `dir` in a fresh profile with a fake camera showing Person A, waits for the
 * first face box and for "Enrol me", enrols Person A, waits for the match, opens `openTab` if
 * given, and stays until `durationMs` has passed.
 */
export async function runFirstVisit(dir: string, cameraJpeg: string, options: FirstVisitOptions): Promise<FirstVisit> {
  const server = await startCountingServer(dir, options.overrides);
  const browser = await launchChromium({ fakeVideo: makeFakeVideo([cameraJpeg], 10) });
  try {
    const page = await browser.newPage();
    const started = Date.now();
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    await startCameraIfNeeded(page).catch(() => undefined);
    const firstFaceBoxMs = await page.waitForFunction(() => {
      const meter = document.querySelector('fg-app')?.shadowRoot?.querySelector<HTMLElement>('fg-match-meter');
      const state = meter?.dataset.state ?? null;
      return state !== null && state !== 'no-face' ? performance.now() : false;
    }, { polling: 20, timeout: VISION_READY_TIMEOUT_MS }).then((handle) => handle.jsonValue() as Promise<number>);
    await waitForApp(page, 'a face in the camera', (s) => HAS_FACE(s.meterState), VISION_READY_TIMEOUT_MS);
    const readyToRecogniseMs = await page.waitForFunction(() => {
      const button = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-enrol-panel')?.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]');
      return button && !button.disabled ? performance.now() : false;
    }, { polling: 20, timeout: VISION_READY_TIMEOUT_MS }).then((handle) => handle.jsonValue() as Promise<number>);
    const enrolAt = Date.now();
    await enrol(page, 'Person A');
    await waitForApp(page, 'a match after enrolment', (s) => s.meterState === 'matched', ENROL_TIMEOUT_MS);
    const enrolToMatchMs = Date.now() - enrolAt;
    let packShownMs: number | null = null;
    if (options.openTab) {
      const openedAt = Date.now();
      await page.locator(`fg-app >>> #tab-${options.openTab}`).click();
      await page.waitForFunction(() => [...(document.querySelector('fg-app')?.shadowRoot?.querySelectorAll('fg-gap-view, fg-you-vs-groups') ?? [])]
        .some((view) => (view as Element & { pack?: unknown }).pack), { polling: 50, timeout: VISION_READY_TIMEOUT_MS });
      packShownMs = Date.now() - openedAt;
    }
    const left = options.durationMs - (Date.now() - started);
    if (left > 0) await new Promise((done) => setTimeout(done, left));
    const caches = await page.evaluate(async () => {
      const counts: Record<string, number> = {};
      for (const name of await globalThis.caches.keys()) counts[name] = (await (await globalThis.caches.open(name)).keys()).length;
      return counts;
    });
    const visit: FirstVisit = { firstFaceBoxMs, readyToRecogniseMs, packShownMs, enrolToMatchMs, visitMs: Date.now() - started, traffic: server.traffic(), caches };
    await options.after?.({ browser, page, server });
    return visit;
  } finally {
    await browser.close();
    await server.close();
  }
}
