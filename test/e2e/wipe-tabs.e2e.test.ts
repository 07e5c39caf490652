/**
 * Issue 15: "Forget everything" in one tab must reach every other open tab. Tab A enrols a person
 * and matches them; tab B (same browser, same origin) forgets everything; tab A must empty its
 * people list and meter, and say why, without a reload and before any save fails.
 */
import { resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROL_TIMEOUT_MS, enrol, readAppSnapshot, startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from './helpers/app';
import { launchChromium } from './helpers/chromium';
import { makeFakeVideo } from './helpers/fake-video';
import { REPO_ROOT, startPreviewServer, type PreviewServer } from './helpers/preview-server';

describe('"Forget everything" in one tab, seen from another', () => {
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    const camera = makeFakeVideo([resolve(REPO_ROOT, 'test/fixtures/camera-person-a.jpg')], 30);
    [server, browser] = await Promise.all([startPreviewServer(), launchChromium({ fakeVideo: camera })]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('empties the other tab\'s people list and meter, with a message', async () => {
    const tabA = await browser.newPage();
    await tabA.goto(server.url, { waitUntil: 'load' });
    await waitForApp(tabA, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(tabA);
    await waitForApp(tabA, 'a face in the camera', (s) => s.camera === 'on' && s.meterState !== null && s.meterState !== 'no-face', VISION_READY_TIMEOUT_MS);
    await enrol(tabA, 'Person A');
    await waitForApp(tabA, 'Person A saved and matched', (s) => s.people === '1' && s.enrol === 'idle' && s.meterState === 'matched', ENROL_TIMEOUT_MS);

    const tabB = await browser.newPage();
    await tabB.goto(server.url, { waitUntil: 'load' });
    await waitForApp(tabB, 'the stored person in the second tab', (s) => s.people === '1', VISION_READY_TIMEOUT_MS);
    await tabB.locator('fg-app >>> button#tab-privacy').click();
    await tabB.locator('fg-app >>> fg-privacy-panel >>> fg-storage-panel >>> button.forget').click();
    await tabB.locator('fg-app >>> fg-privacy-panel >>> fg-storage-panel >>> button.confirm-forget').click();
    await tabB.locator('fg-app >>> fg-privacy-panel >>> fg-storage-panel >>> .wipe-report').wait();
    const wiper = await waitForApp(tabB, 'the wipe in the second tab', (s) => s.people === '0', 30_000);
    // Tab A let go of the database at once, so nothing waits for it to close.
    expect(wiper.notices.join(' ')).not.toMatch(/still open in another tab/);

    await tabA.bringToFront();
    const after = await waitForApp(tabA, 'the first tab to drop the deleted person', (s) => s.people === '0', 30_000);
    expect(after.meterState).not.toBe('matched');
    expect(after.notices.some((n) => n.includes('“Forget everything” was used in another FaceGap tab')), after.notices.join('\n')).toBe(true);
    const names = await tabA.evaluate(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-people-list')?.shadowRoot?.textContent ?? '');
    expect(names).not.toContain('Person A');

    // Still nobody to match a second later, whatever the camera shows.
    await new Promise((done) => setTimeout(done, 1000));
    const later = await readAppSnapshot(tabA);
    expect(later.people).toBe('0');
    expect(later.meterState).not.toBe('matched');
  });
});
