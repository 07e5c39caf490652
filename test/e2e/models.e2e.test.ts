import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODELS } from '../../src/models/registry';
import { ENROL_TIMEOUT_MS, enrol, readAppSnapshot, startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from './helpers/app';
import { launchChromium } from './helpers/chromium';
import { makeFakeVideo } from './helpers/fake-video';
import { startPreviewServer, REPO_ROOT, type PreviewServer } from './helpers/preview-server';
import { cspViolations, offOrigin, recordRequests } from './helpers/requests';
import { openTab, usePack } from './helpers/views';

/** How long the comparison of every model on utkface-600 may take on a loaded 2-core machine. */
const COMPARE_TIMEOUT_MS = 120_000;

/** The picker's model and engine status, read through the shadow roots. */
function readPicker(page: Page): Promise<{ modelId: string | null; status: string | null; text: string }> {
  return page.evaluate(() => {
    const picker = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-model-picker');
    return { modelId: picker?.getAttribute('modelid') ?? null, status: picker?.getAttribute('status') ?? null, text: (picker?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ') };
  });
}

async function waitForModel(page: Page, modelId: string): Promise<void> {
  const deadline = Date.now() + VISION_READY_TIMEOUT_MS;
  for (;;) {
    const picker = await readPicker(page);
    if (picker.modelId === modelId && picker.status === 'ready') return;
    if (picker.status === 'failed' || Date.now() > deadline) throw new Error(`${modelId} did not start: ${JSON.stringify(picker)} ${JSON.stringify(await readAppSnapshot(page))}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

describe('recognition models on the production build (fake camera, real models)', () => {
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

  it('picks each model, enrols and matches with it, opens Compare models; the dlib files load only once dlib is picked; nothing leaves the origin', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const activity = await recordRequests(page);
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(page);

    for (const [index, model] of MODELS.entries()) {
      const dlibBefore = activity.requests.filter(({ url }) => url.includes('/models/dlib/'));
      if (model.id !== 'faceres') await page.locator(`fg-app >>> fg-model-picker >>> input[value="${model.id}"]`).click();
      await waitForModel(page, model.id);
      const isDlibPickedYet = MODELS.slice(0, index + 1).some((m) => m.runner === 'face-api');
      if (!isDlibPickedYet) expect(dlibBefore, `no dlib file before dlib is picked (at ${model.id})`).toEqual([]);
      const picker = await readPicker(page);
      expect(picker.text).toContain(model.scoreId);
      if (index > 0) expect(picker.text, 'says the people enrolled with other models are not matched').toMatch(/enrolled with another model/);

      await enrol(page, `Person A ${model.id}`);
      const matched = await waitForApp(page, `a match with ${model.id}`, (s) => s.people === String(index + 1) && s.meterState === 'matched', ENROL_TIMEOUT_MS);
      expect(matched.meterScore!, `${model.id} scores the enrolled face at or above its own threshold`).toBeGreaterThanOrEqual(matched.threshold!);
      expect(matched.threshold).toBe(model.defaultThreshold);
    }
    expect(activity.requests.some(({ url }) => url.endsWith('/models/dlib/face_recognition_model.bin'))).toBe(true);

    // The model choice is remembered: a reload opens the last model picked.
    await page.reload({ waitUntil: 'load' });
    const last = MODELS[MODELS.length - 1];
    await waitForModel(page, last.id);
    // The people list names each person's model and says who the active one cannot match; the
    // meter words the active model's score (cosine: -1 to 1).
    await waitForApp(page, 'the people list after the reload', (s) => s.people === String(MODELS.length), VISION_READY_TIMEOUT_MS);
    const live = await page.evaluate(() => {
      const root = document.querySelector('fg-app')!.shadowRoot!;
      const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const list = root.querySelector('fg-people-list')!.shadowRoot!;
      return {
        people: [...list.querySelectorAll('li[data-person]')].map((li) => ({ model: li.getAttribute('data-model'), isOther: li.hasAttribute('data-other-model'), text: text(li) })),
        explain: text(root.querySelector('fg-match-meter')!.shadowRoot!.querySelector('.explain')),
      };
    });
    for (const model of MODELS) {
      const person = live.people.find((p) => p.text.startsWith(`Person A ${model.id}`));
      expect(person, JSON.stringify(live.people)).toMatchObject({ model: model.id, isOther: model.id !== last.id });
      expect(person!.text).toContain(`enrolled with ${model.label}`);
      if (model.id !== last.id) expect(person!.text).toContain(`Not matched while ${last.label} runs`);
    }
    expect(live.explain).toContain(`(${last.scoreId}): a similarity score from ${last.scoreId === 'cosine-v1' ? '−1' : '0'} to 1, not a probability`);
    mkdirSync(resolve(REPO_ROOT, 'test-results'), { recursive: true });
    await (await page.$('fg-app >>> .side-column'))!.screenshot({ path: resolve(REPO_ROOT, 'test-results/models-live-side.png') });

    // The comparison's time budget is utkface-600's, whichever pack packs/index.json makes the default.
    await openTab(page, 'gap');
    await usePack(page, 'UTKFace 600 (balanced)');
    await page.locator('fg-app >>> button[role="tab"]::-p-text(Compare models)').click();
    await page.waitForFunction((count) => {
      const view = document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-compare-view');
      return (view?.shadowRoot?.querySelectorAll('li[data-model]').length ?? 0) >= count;
    }, { timeout: COMPARE_TIMEOUT_MS, polling: 500 }, MODELS.length);
    const sentences = await page.evaluate(() => [...document.querySelector('fg-app')!.shadowRoot!.querySelector('fg-compare-view')!.shadowRoot!.querySelectorAll('.sentences li')]
      .map((li) => li.textContent!.replace(/\s+/g, ' ').trim()));
    for (const model of MODELS) expect(sentences.some((text) => text.startsWith(`With ${model.label}, at its own threshold`)), sentences.join('\n')).toBe(true);

    await activity.collectResourceTimings();
    await activity.stop();
    expect(offOrigin(activity.requests, server.url)).toEqual([]);
    expect(cspViolations(activity.messages)).toEqual([]);
    await context.close();
  }, 900_000);
});
