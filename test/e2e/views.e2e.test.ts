import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from './helpers/app';
import { launchChromium } from './helpers/chromium';
import { makeFakeVideo } from './helpers/fake-video';
import { expectShownPercent, runMetricsCli, type CliReport } from './helpers/metrics-cli';
import { REPO_ROOT, startPreviewServer, type PreviewServer } from './helpers/preview-server';
import { consoleErrors, cspViolations, offOrigin, recordRequests, type ActivityRecorder } from './helpers/requests';
import { openTab, readBox, usePack, readNumberProperty, readRateTable, waitForRateTable, type ShownRow } from './helpers/views';

/** Frames in the fake camera's loop: one photo repeated, so every frame shows the same face. */
const CAMERA_FRAMES = 30;
/** utkface-600's name in the pack list. */
const UTKFACE_600 = 'UTKFace 600 (balanced)';
/** utkface-600's race groups, in the order the views list them. */
const RACE_GROUPS = ['Asian', 'Black', 'Indian', 'Others', 'White'];
/** Faces in utkface-600, one per person. */
const UTKFACE_PEOPLE = 599;
/** The app's default threshold, at which the gap table is checked against the CLI. */
const CLI_THRESHOLD = 0.6;

const YOU_TABLE = ['fg-app', 'fg-you-vs-groups', 'fg-rate-table'];
const GAP_TABLE = ['fg-app', 'fg-gap-view', 'fg-gap-panels', 'fg-rate-table'];
const YOU_SLIDER = 'fg-app >>> fg-you-vs-groups >>> fg-threshold-slider >>> input#range';

/** "12 of 120" -> [12, 120]. */
function readTaken(row: ShownRow): [number, number] {
  const match = /^([\d,]+) of ([\d,]+)$/.exec(row.cells.taken.text);
  expect(match, `${row.group}: "${row.cells.taken.text}" reads "N of M"`).not.toBeNull();
  return [Number(match![1].replaceAll(',', '')), Number(match![2].replaceAll(',', ''))];
}

/** Presses `key` on the focused threshold slider and waits until the view has redrawn at the new value. */
async function pressOnSlider(page: Page, key: 'PageDown' | 'PageUp'): Promise<number> {
  const before = await readNumberProperty(page, ['fg-app', 'fg-you-vs-groups'], 'threshold');
  await page.keyboard.press(key);
  await page.waitForFunction((previous) => {
    const view = document.querySelector('fg-app')?.shadowRoot?.querySelector<HTMLElement & { threshold: number; updateComplete: Promise<boolean> }>('fg-you-vs-groups');
    return view !== null && view !== undefined && view.threshold !== previous;
  }, { timeout: 5_000 }, before);
  await page.evaluate(() => document.querySelector('fg-app')?.shadowRoot?.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('fg-you-vs-groups')?.updateComplete);
  return (await readNumberProperty(page, ['fg-app', 'fg-you-vs-groups'], 'threshold'))!;
}

/** Clicks the group picker's option for `groupBy` (e.g. "race/gender") inside the element at `host`. */
async function pickGrouping(page: Page, host: string, groupBy: string): Promise<void> {
  await page.locator(`fg-app >>> ${host} >>> fg-group-picker >>> input[value="${groupBy}"]`).click();
}

describe('bias views on the production build (fake camera on person A, bundled packs, real models)', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let activity: ActivityRecorder;
  let cli: Promise<CliReport>;

  beforeAll(async () => {
    // The CLI runs beside the browser start-up, not after it.
    cli = runMetricsCli('utkface-600', 'race', CLI_THRESHOLD);
    cli.catch(() => undefined);
    const camera = makeFakeVideo([resolve(REPO_ROOT, 'test/fixtures/camera-person-a.jpg')], CAMERA_FRAMES);
    [server, browser] = await Promise.all([startPreviewServer(), launchChromium({ fakeVideo: camera })]);
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    activity = await recordRequests(page);
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(page);
    await waitForApp(page, 'a face in the camera', (s) => s.camera === 'on' && s.meterState !== null && s.meterState !== 'no-face', VISION_READY_TIMEOUT_MS);
    // The numbers below are utkface-600's, whichever pack packs/index.json makes the default.
    await openTab(page, 'gap');
    await usePack(page, UTKFACE_600);
    await openTab(page, 'live');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('"You vs the groups" scores your face against every race group; the threshold moves the counts monotonically; race x gender gives 10 groups', async () => {
    await openTab(page, 'groups');
    const atStart = await waitForRateTable(page, YOU_TABLE, 'one row per race group', (rows) => rows.length === RACE_GROUPS.length);
    expect(atStart.map((row) => row.group)).toEqual(RACE_GROUPS);
    for (const row of atStart) {
      const closest = row.cells.closest.value;
      expect(Number.isFinite(closest), `${row.group}: closest score ${closest}`).toBe(true);
      expect(closest).toBeGreaterThanOrEqual(0);
      expect(closest).toBeLessThanOrEqual(1);
      expect(row.cells.closest.text).toBe(closest!.toFixed(3));
    }
    expect(atStart.reduce((sum, row) => sum + readTaken(row)[1], 0)).toBe(UTKFACE_PEOPLE);

    // Lower the threshold in steps from the keyboard: no group may lose a person taken for you.
    const slider = await page.waitForSelector(YOU_SLIDER);
    await slider!.focus();
    const steps: { threshold: number; taken: number[] }[] = [
      { threshold: (await readNumberProperty(page, ['fg-app', 'fg-you-vs-groups'], 'threshold'))!, taken: atStart.map((row) => readTaken(row)[0]) },
    ];
    for (let i = 0; i < 3; i++) {
      const threshold = await pressOnSlider(page, 'PageDown');
      const rows = await readRateTable(page, YOU_TABLE);
      steps.push({ threshold, taken: rows.map((row) => readTaken(row)[0]) });
    }
    for (let i = 1; i < steps.length; i++) {
      expect(steps[i].threshold, 'PageDown lowers the threshold').toBeLessThan(steps[i - 1].threshold);
      steps[i].taken.forEach((taken, g) => expect(taken, `${RACE_GROUPS[g]} at ${steps[i].threshold}`).toBeGreaterThanOrEqual(steps[i - 1].taken[g]));
    }
    const total = (taken: number[]) => taken.reduce((a, b) => a + b, 0);
    expect(total(steps.at(-1)!.taken), `more people taken at ${steps.at(-1)!.threshold} than at ${steps[0].threshold}`).toBeGreaterThan(total(steps[0].taken));
    // Back up to where it started: the same counts again.
    for (let i = 0; i < 3; i++) await pressOnSlider(page, 'PageUp');
    expect(await readNumberProperty(page, ['fg-app', 'fg-you-vs-groups'], 'threshold')).toBeCloseTo(steps[0].threshold, 9);
    expect((await readRateTable(page, YOU_TABLE)).map((row) => readTaken(row)[0])).toEqual(steps[0].taken);

    await pickGrouping(page, 'fg-you-vs-groups', 'race/gender');
    const intersections = await waitForRateTable(page, YOU_TABLE, 'race x gender groups', (rows) => rows.length === 10);
    expect(intersections.map((row) => row.group)).toEqual(RACE_GROUPS.flatMap((race) => [`${race}/female`, `${race}/male`]));
    expect(intersections.reduce((sum, row) => sum + readTaken(row)[1], 0)).toBe(UTKFACE_PEOPLE);
    await pickGrouping(page, 'fg-you-vs-groups', 'race');
    await waitForRateTable(page, YOU_TABLE, 'race groups again', (rows) => rows.length === RACE_GROUPS.length);
  });

  it('"The gap" shows the metrics CLI\'s false-match rates and Wilson intervals for every group', async () => {
    await openTab(page, 'gap');
    expect(await readNumberProperty(page, ['fg-app', 'fg-gap-view'], 'threshold')).toBe(CLI_THRESHOLD);
    const rows = await waitForRateTable(page, GAP_TABLE, 'the gap table of utkface-600', (r) => r.length === RACE_GROUPS.length);
    const expected = (await cli).thresholds[0];
    expect(expected.threshold).toBe(CLI_THRESHOLD);
    expect(rows.map((row) => row.group)).toEqual(RACE_GROUPS);
    // One photo per person: no same-person pairs, so no FNMR column.
    expect(Object.keys(rows[0].cells)).toEqual(['people', 'impostor_pairs', 'fmr']);
    for (const row of rows) {
      const want = expected.by_group[row.group];
      const fmr = row.cells.fmr;
      expect(row.cells.impostor_pairs.value, row.group).toBe(want.impostor_pairs);
      expect(fmr.value, `${row.group}: FMR behind the text`).toBeCloseTo(want.fmr!, 12);
      expect(fmr.ci95![0], `${row.group}: Wilson low`).toBeCloseTo(want.fmr_ci95![0], 12);
      expect(fmr.ci95![1], `${row.group}: Wilson high`).toBeCloseTo(want.fmr_ci95![1], 12);
      // As the user reads it: "0.45% (32)" and "0.32%–0.63% Wilson ...".
      const shown = /^(\S+%) \(([\d,]+)\)$/.exec(fmr.text);
      expect(shown, `${row.group}: "${fmr.text}"`).not.toBeNull();
      expectShownPercent(shown![1], want.fmr!, `${row.group} FMR`);
      expect(Number(shown![2].replaceAll(',', ''))).toBe(Math.round(want.fmr! * want.impostor_pairs));
      const interval = /^(\S+%)\u2013(\S+%) Wilson/.exec(fmr.note);
      expect(interval, `${row.group}: "${fmr.note}"`).not.toBeNull();
      expectShownPercent(interval![1], want.fmr_ci95![0], `${row.group} Wilson low`);
      expectShownPercent(interval![2], want.fmr_ci95![1], `${row.group} Wilson high`);
    }
  });

  it('switching to lfw-94 in the pack manager adds the false non-match column, with numbers', async () => {
    await usePack(page, 'LFW 94 people');
    const rows = await waitForRateTable(page, GAP_TABLE, 'the gap table of lfw-94 with FNMR', (r) => r.length > 0 && r.every((row) => 'fnmr' in row.cells));
    const measured = rows.filter((row) => row.cells.fnmr.value !== null);
    expect(measured.length, 'groups with same-person pairs').toBeGreaterThan(0);
    for (const row of measured) {
      expect(row.cells.genuine_pairs.value, row.group).toBeGreaterThan(0);
      expect(row.cells.fnmr.value).toBeGreaterThanOrEqual(0);
      expect(row.cells.fnmr.value).toBeLessThanOrEqual(1);
      expect(row.cells.fnmr.text).toMatch(/^\S+% \([\d,]+\)$/);
      expect(row.cells.fnmr.note).toMatch(/Wilson/);
    }
  });

  it('presenter view: the gap in one dark 1920x1080 screen, 28 px text, no sideways table, a way back', async () => {
    await page.setViewport({ width: 1920, height: 1080 });
    await openTab(page, 'gap');
    await page.locator('fg-app >>> .presenter-toggle').click();
    await page.waitForFunction(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('fg-gap-view[presenter]') != null, { timeout: 10_000 });
    expect(await page.evaluate(() => document.querySelector('fg-app')?.shadowRoot?.querySelector('.presenter-toggle')?.getAttribute('aria-pressed'))).toBe('true');
    await waitForRateTable(page, GAP_TABLE, 'the presenter table', (r) => r.length > 0);
    const fit = await page.evaluate(() => {
      const app = document.querySelector('fg-app')!;
      const table = app.shadowRoot!.querySelector('fg-gap-view')!.shadowRoot!.querySelector('fg-gap-panels')!.shadowRoot!.querySelector('fg-rate-table')!.shadowRoot!;
      const scroll = table.querySelector('.scroll') as HTMLElement;
      const cell = table.querySelector('td') as HTMLElement;
      return {
        pageHeight: document.documentElement.scrollHeight, scrolls: scroll.scrollWidth > scroll.clientWidth + 1,
        cellPx: parseFloat(getComputedStyle(cell).fontSize), background: getComputedStyle(app).backgroundColor,
      };
    });
    expect(fit.scrolls, 'the table scrolls sideways').toBe(false);
    expect(fit.cellPx).toBeGreaterThanOrEqual(28);
    expect(fit.background).toBe('rgb(16, 18, 20)');
    expect(fit.pageHeight, 'one screen').toBeLessThanOrEqual(1080);

    await page.locator('fg-app >>> .presenter-toggle').click();
    await page.waitForSelector('fg-app >>> #tab-live');
  });

  it('made no request to another origin, broke no CSP rule and logged no error', async () => {
    await activity.collectResourceTimings();
    await activity.stop();
    expect(activity.requests.some(({ url }) => url.endsWith('/packs/lfw-94.faceres.fgpack')), 'the recorder saw the pack requests').toBe(true);
    expect(offOrigin(activity.requests, server.url)).toEqual([]);
    expect(cspViolations(activity.messages)).toEqual([]);
    expect(consoleErrors(activity.messages)).toEqual([]);
  });
});
