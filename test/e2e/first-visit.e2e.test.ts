/**
 * Issue #10: a first visit downloads each byte once, and no pack until a bias view is opened; it
 * then works offline with the default pack, and another pack is downloaded once when chosen. The production build on a plain static server
 * that counts every request per file (scripts/bench/first-visit-run.ts), a fresh profile.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { runFirstVisit, type FileTraffic } from '../../scripts/bench/first-visit-run';
import { startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from './helpers/app';
import { openTab, usePack } from './helpers/views';

const DIST = resolve(import.meta.dirname, '../../dist');
const CAMERA = resolve(import.meta.dirname, '../fixtures/camera-person-a.jpg');
/** Files above this size must be sent at most once (the limit). */
const LARGE_BYTES = 50 * 1024;
/** How long the service worker may take to keep what the page loaded, on a loaded 2-core machine. */
const KEEP_TIMEOUT_MS = 60_000;

const index = JSON.parse(readFileSync(join(DIST, 'packs/index.json'), 'utf8')) as { defaultPack: string; packs: { id: string; pack: string; model: string; name: string; file: string }[] };
const defaultEntry = index.packs.find((entry) => entry.id === index.defaultPack || (entry.pack === index.defaultPack && entry.model === 'faceres'))!;
const otherEntry = index.packs.find((entry) => entry.model === 'faceres' && entry.id !== defaultEntry.id)!;

/** The name of the pack the gap view shows, once it shows one. */
async function waitForShownPack(page: Page, name: string): Promise<void> {
  await page.waitForFunction((want) => {
    const view = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-gap-view') as (Element & { pack?: { name: string } | null }) | null;
    return view?.pack?.name === want;
  }, { timeout: VISION_READY_TIMEOUT_MS }, name);
}

/** Waits until the service worker keeps `paths` (its used-files cache holds them). */
async function waitForKept(page: Page, paths: string[]): Promise<void> {
  await page.waitForFunction(async (wanted) => {
    const cache = await caches.open('facegap-used-files-v1');
    const kept = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
    return wanted.every((path) => kept.has(path));
  }, { timeout: KEEP_TIMEOUT_MS, polling: 500 }, paths);
}

function sentTwice(traffic: FileTraffic[]): string[] {
  return traffic.filter((file) => file.requests > 1 && file.bytes / file.requests > LARGE_BYTES).map((file) => `${file.path} x${file.requests}`);
}

describe('a first visit on a plain static host', () => {
  it('fetches no file over 50 KB twice and no pack on Live, then works offline with the default pack; another pack is fetched once, when chosen', async () => {
    let otherPackRequests = -1;
    let offline = { vision: '', face: false };
    const visit = await runFirstVisit(DIST, CAMERA, {
      durationMs: 0,
      after: async ({ page, server }) => {
        // Live needs no pack: a visit that stays there downloads the models and the code only.
        const packsOnLive = server.traffic().filter((file) => file.path.endsWith('.fgpack')).map((file) => file.path);
        expect(packsOnLive).toEqual([]);
        // A bias view fetches the active pack of the active model, and only that one.
        await openTab(page, 'gap');
        await waitForShownPack(page, defaultEntry.name);
        const packsAfterGap = server.traffic().filter((file) => file.path.endsWith('.fgpack')).map((file) => file.path);
        expect(packsAfterGap).toEqual([`/packs/${defaultEntry.file}`]);
        const models = server.traffic().filter((file) => /^\/models\/.*\.bin$/.test(file.path)).map((file) => file.path);
        await waitForKept(page, [`/packs/${defaultEntry.file}`, ...models]);

        server.setReachable(false);
        await page.reload({ waitUntil: 'load' });
        const ready = await waitForApp(page, 'the models, offline', (s) => s.vision === 'ready' || s.vision === 'failed', VISION_READY_TIMEOUT_MS);
        await startCameraIfNeeded(page);
        const face = await waitForApp(page, 'a face, offline', (s) => s.meterState !== null && s.meterState !== 'no-face', VISION_READY_TIMEOUT_MS);
        offline = { vision: ready.vision ?? '', face: face.meterState !== 'no-face' };
        await openTab(page, 'gap');
        await waitForShownPack(page, defaultEntry.name);

        server.setReachable(true);
        await usePack(page, otherEntry.name);
        await waitForShownPack(page, otherEntry.name);
        await waitForKept(page, [`/packs/${otherEntry.file}`]);
        // Chosen again after a reload, it comes from this device.
        await page.reload({ waitUntil: 'load' });
        await openTab(page, 'gap');
        await usePack(page, otherEntry.name);
        await waitForShownPack(page, otherEntry.name);
        otherPackRequests = server.traffic().find((file) => file.path === `/packs/${otherEntry.file}`)?.requests ?? 0;
      },
    });
    expect(sentTwice(visit.traffic), 'files over 50 KB sent more than once').toEqual([]);
    expect(offline).toEqual({ vision: 'ready', face: true });
    expect(otherPackRequests, `${otherEntry.file} requests`).toBe(1);
  });
});
