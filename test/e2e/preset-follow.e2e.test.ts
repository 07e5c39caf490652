import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppSnapshot } from './helpers/app';
import { launchChromium } from './helpers/chromium';
import { startPreviewServer, type PreviewServer } from './helpers/preview-server';
import { openTab, readNumberProperty, usePack } from './helpers/views';

const GAP = ['fg-app', 'fg-gap-view'];
/** How long the new pack's all-pairs scoring may take on a loaded 2-core machine. */
const FOLLOW_TIMEOUT_MS = 60_000;

describe('a threshold preset when the pack changes (issue 16)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startPreviewServer();
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(server.url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('"1 in 1,000 false matches" picked on utkface-600 is recomputed on lfw-94, and the notice says both values', async () => {
    await openTab(page, 'gap');
    await usePack(page, 'UTKFace 600 (balanced)');
    await page.locator('fg-app >>> fg-gap-view >>> fg-threshold-slider >>> button[data-preset="fmr-1e-3"]:not([disabled])').click();
    await page.waitForFunction(() => {
      const view = document.querySelector('fg-app')?.shadowRoot?.querySelector<HTMLElement & { threshold: number }>('fg-gap-view');
      return view !== null && view !== undefined && view.threshold !== 0.6;
    }, { timeout: 10_000 });
    const onUtkface = await readNumberProperty(page, GAP, 'threshold');
    await usePack(page, 'LFW 94 people');
    await page.waitForFunction((before) => {
      const view = document.querySelector('fg-app')?.shadowRoot?.querySelector<HTMLElement & { threshold: number }>('fg-gap-view');
      return view !== null && view !== undefined && view.threshold !== before;
    }, { timeout: FOLLOW_TIMEOUT_MS }, onUtkface);
    const onLfw = await readNumberProperty(page, GAP, 'threshold');
    expect(onUtkface).not.toBeNull();
    expect(onLfw).not.toBeNull();
    const preset = await page.evaluate(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-gap-view')?.shadowRoot
      ?.querySelector('fg-threshold-slider')?.shadowRoot?.querySelector('button[data-preset="fmr-1e-3"]')?.getAttribute('aria-pressed'));
    expect(preset, 'the lfw-94 preset is the one in force').toBe('true');
    const { notices } = await readAppSnapshot(page);
    expect(notices.join(' ')).toContain(`The threshold follows \u201c1 in 1,000 false matches\u201d to LFW 94 people: ${onLfw!.toFixed(3)} here (it was ${onUtkface!.toFixed(3)} on UTKFace 600 (balanced)).`);
  }, 120_000);
});
