import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from './helpers/app';
import { launchChromium } from './helpers/chromium';
import { makeFakeVideo } from './helpers/fake-video';
import { REPO_ROOT } from './helpers/preview-server';
import { startStaticServer, type StaticServer } from './helpers/static-server';

/** A GitHub Pages project site: the app under a sub-path, on a host that sends no headers. */
const BASE = '/facegap/';
const OUT_DIR = join(REPO_ROOT, '.cache/dist-headerless');
const BUILD_TIMEOUT_MS = 240_000;

describe('a first visit on a static host that sends no headers, under a sub-path', () => {
  let host: StaticServer;
  let collector: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--base', BASE, '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'error'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`vite build --base ${BASE} failed:\n${build.stderr}`);
    const camera = makeFakeVideo([resolve(REPO_ROOT, 'test/fixtures/camera-person-a.jpg')], 10);
    [host, collector, browser] = await Promise.all([startStaticServer(OUT_DIR, BASE), startStaticServer(null), launchChromium({ fakeVideo: camera })]);
    page = await browser.newPage();
    await page.goto(host.url, { waitUntil: 'load' });
    await startCameraIfNeeded(page);
    // Ready with the recognition model too (it loads behind the detector), so faceres.bin was asked for.
    await waitForApp(page, 'the vision engine ready', (snapshot) => snapshot.vision === 'ready' && snapshot.engine?.isRecogniserLoading === false, VISION_READY_TIMEOUT_MS);
  }, BUILD_TIMEOUT_MS + VISION_READY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await collector?.close();
  });

  it('loads the models and wasm from under the sub-path, without cross-origin isolation', async () => {
    expect(host.hits.get(`${BASE}models/faceres.bin`)).toBeGreaterThanOrEqual(1);
    expect([...host.hits.keys()].filter((path) => !path.startsWith(BASE))).toEqual([]);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  });

  it('refuses a request planted in the vision worker, which has no CSP here, and nothing reaches the other origin', async () => {
    const vision = page.workers().find((worker) => worker.url().includes('vision.worker'));
    expect(vision, `the vision worker among ${page.workers().map((worker) => worker.url()).join(', ')}`).toBeDefined();
    const planted = `${collector.url}planted-from-worker`;
    const outcome = await vision!.evaluate((url) => fetch(url, { mode: 'no-cors' }).then(() => 'sent', (error: Error) => error.message), planted);
    expect(outcome).toContain(`FaceGap refused a request to ${planted}`);
    const socket = await vision!.evaluate((url) => {
      try {
        new WebSocket(url.replace('http', 'ws'));
        return 'opened';
      } catch (error) {
        return (error as Error).message;
      }
    }, planted);
    expect(socket).toContain('FaceGap refused');
    expect(await vision!.evaluate((url) => fetch(url.replace(/planted.*/, 'models/blazeface.json')).then((response) => response.status), host.url)).toBe(200);
    await new Promise((done) => setTimeout(done, 500));
    expect(collector.hits.size, `requests that reached the other origin: ${[...collector.hits.keys()].join(', ')}`).toBe(0);
  });
});
