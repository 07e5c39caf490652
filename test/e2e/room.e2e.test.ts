import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROL_TIMEOUT_MS, enrol, startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from './helpers/app';
import { launchChromium, makeProfileDir } from './helpers/chromium';
import { makeFakeVideo } from './helpers/fake-video';
import { REPO_ROOT, startPreviewServer, type PreviewServer } from './helpers/preview-server';
import { openTab, waitForRateTable } from './helpers/views';

/** Frames in each fake camera's loop: one photo repeated. */
const CAMERA_FRAMES = 30;
const ROOM_TABLE = ['fg-app', 'fg-room-view', 'fg-gap-panels', 'fg-rate-table'];

/** What the room view shows besides its table. */
interface RoomShown {
  text: string;
  genuineRange: [number, number] | null;
  impostorRange: [number, number] | null;
}

function readRoom(page: Page): Promise<RoomShown> {
  return page.evaluate(() => {
    const room = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view')?.shadowRoot;
    const panels = room?.querySelector<HTMLElement>('fg-gap-panels');
    const parse = (value: string | undefined) => (value === undefined ? null : (JSON.parse(value) as [number, number] | null));
    return {
      text: (room?.textContent ?? '').replace(/\s+/g, ' '),
      genuineRange: parse(panels?.dataset.genuineRange),
      impostorRange: parse(panels?.dataset.impostorRange),
    };
  });
}

describe('room mode with two enrolled fixture people (one profile, two camera sessions)', () => {
  let server: PreviewServer;
  let browser: Browser | undefined;
  const profile = makeProfileDir();
  const cameraA = makeFakeVideo([resolve(REPO_ROOT, 'test/fixtures/camera-person-a.jpg')], CAMERA_FRAMES);
  const cameraB = makeFakeVideo([resolve(REPO_ROOT, 'test/fixtures/camera-person-b.jpg')], CAMERA_FRAMES);

  /** Opens the app in Chromium on `profile` with `camera` as its only camera, models ready and a face in view. */
  async function openWithCamera(camera: string): Promise<Page> {
    await browser?.close();
    browser = await launchChromium({ fakeVideo: camera, userDataDir: profile });
    const page = await browser.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(page);
    await waitForApp(page, 'a face in the camera', (s) => s.camera === 'on' && s.meterState !== null && s.meterState !== 'no-face', VISION_READY_TIMEOUT_MS);
    return page;
  }

  beforeAll(async () => {
    server = await startPreviewServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  });

  it('shows same-person scores above different-person scores, and says two people are too few for rates', async () => {
    const pageA = await openWithCamera(cameraA);
    await enrol(pageA, 'Person A', { gender: 'female' });
    await waitForApp(pageA, 'Person A to be saved', (s) => s.people === '1' && s.enrol === 'idle', ENROL_TIMEOUT_MS);

    // Another browser on the same profile: Person A must still be there (IndexedDB outlived the browser).
    const page = await openWithCamera(cameraB);
    await waitForApp(page, 'Person A from the last session', (s) => s.people === '1', 10_000);
    await enrol(page, 'Person B', { gender: 'female' });
    await waitForApp(page, 'Person B to be saved', (s) => s.people === '2' && s.enrol === 'idle', ENROL_TIMEOUT_MS);

    await openTab(page, 'room');
    await page.locator('fg-app >>> fg-room-view >>> fg-group-picker >>> input[value="gender"]').click();
    const rows = await waitForRateTable(page, ROOM_TABLE, 'the room table by gender', (r) => r.length === 1 && r[0].group === 'female');
    const room = await readRoom(page);

    const captures = /\(2 people, (\d+) captures\)/.exec(room.text);
    expect(captures, `the room counts its people and captures: ${room.text}`).not.toBeNull();
    const perPerson = Number(captures![1]) / 2;
    expect(Number.isInteger(perPerson) && perPerson >= 2, `${captures![1]} captures, the same number each`).toBe(true);
    // Plainly: a demonstration, not a measurement; the group is flagged as too small.
    expect(room.text).toMatch(/demonstration, not a measurement/);
    expect(rows[0].flag).toMatch(/only 2 people/);

    // Same-person pairs come from each person's repeated captures, different-person pairs from A x B.
    const [row] = rows;
    expect(row.cells.people.value).toBe(2);
    expect(row.cells.genuine_pairs.value).toBe(2 * (perPerson * (perPerson - 1)) / 2);
    expect(row.cells.impostor_pairs.value).toBe(perPerson * perPerson);
    const { genuineRange: genuine, impostorRange: impostor } = room;
    expect(genuine, 'genuine scores').not.toBeNull();
    expect(impostor, 'impostor scores').not.toBeNull();
    for (const score of [...genuine!, ...impostor!]) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(genuine![0], `lowest same-person ${genuine![0]} above highest different-person ${impostor![1]}`).toBeGreaterThan(impostor![1]);

    // The rates shown agree with those scores at the threshold in force.
    const threshold = await page.evaluate(() => (document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-room-view') as unknown as { threshold: number }).threshold);
    for (const key of ['fmr', 'fnmr'] as const) {
      const rate = row.cells[key].value;
      expect(rate, `${key} is a number`).not.toBeNull();
      expect(rate).toBeGreaterThanOrEqual(0);
      expect(rate).toBeLessThanOrEqual(1);
    }
    if (impostor![1] < threshold) expect(row.cells.fmr.value, `no A x B pair reaches ${threshold}`).toBe(0);
    if (genuine![0] >= threshold) expect(row.cells.fnmr.value, `every same-person pair reaches ${threshold}`).toBe(0);
  });
});
