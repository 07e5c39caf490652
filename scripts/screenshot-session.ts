/**
 * The session both screenshot scripts start from: the production build under `vite preview`, a
 * fake camera showing a fixture photo, the models loaded, and Person A enrolled and matched.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { ENROL_TIMEOUT_MS, VISION_READY_TIMEOUT_MS, enrol, startCameraIfNeeded, waitForApp } from '../test/e2e/helpers/app';
import { launchChromium } from '../test/e2e/helpers/chromium';
import { makeFakeVideo } from '../test/e2e/helpers/fake-video';
import { REPO_ROOT, startPreviewServer, type PreviewServer } from '../test/e2e/helpers/preview-server';

/** Where screenshots are written. */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'docs/screenshots');

/** A running session; `close` ends the browser and the server. */
export interface ScreenshotSession {
  server: PreviewServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** Opens the app at `viewport`, loads the models and enrols Person A with `labels` until matched. */
export async function openEnrolledSession(viewport: { width: number; height: number }, labels: Record<string, string> = {}): Promise<ScreenshotSession> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const server = await startPreviewServer();
  const video = makeFakeVideo([join(REPO_ROOT, 'test/fixtures/camera-person-a.jpg')], 10);
  const browser = await launchChromium({ fakeVideo: video });
  const close = async () => {
    await browser.close();
    await server.close();
  };
  try {
    const page = await browser.newPage();
    await page.setViewport(viewport);
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(page);
    await enrol(page, 'Person A', labels);
    await waitForApp(page, 'a match', (s) => s.meterState === 'matched', ENROL_TIMEOUT_MS);
    return { server, browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
