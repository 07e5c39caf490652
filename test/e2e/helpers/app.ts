import type { Page } from 'puppeteer-core';

/** How long the models may take to load on a 2-core machine without a GPU. */
export const VISION_READY_TIMEOUT_MS = 90_000;
/** How long enrolment (five good, spaced captures with embeddings) may take there. */
export const ENROL_TIMEOUT_MS = 120_000;

/** What fg-app and its views mirror in data-* attributes, read in one go. */
export interface AppSnapshot {
  vision: string | null;
  camera: string | null;
  people: string | null;
  enrol: string | null;
  meterState: string | null;
  meterScore: number | null;
  /** The meter's threshold property (the app's current similarity threshold). */
  threshold: number | null;
  fps: number | null;
  /** fg-engine-status's `info` property (the EngineInfo), or null before the engine is ready. */
  engine: { backend: string; thread: string; wasmSimd: boolean; wasmMultithread: boolean; crossOriginIsolated: boolean; isRecogniserLoading: boolean } | null;
  /** fg-engine-status's text, as the user reads it. */
  engineStatus: string;
  notices: string[];
}

/**
 * Reads fg-app's state hooks through its shadow root. The page function declares no named inner
 * functions: under tsx, esbuild would wrap them in a `__name` helper the page does not have.
 */
export function readAppSnapshot(page: Page): Promise<AppSnapshot> {
  return page.evaluate(() => {
    const app = document.querySelector('fg-app');
    const root = app?.shadowRoot;
    const meter = root?.querySelector<HTMLElement & { threshold?: number }>('fg-match-meter');
    const readout = root?.querySelector('fg-camera-view')?.shadowRoot?.querySelector<HTMLElement>('.readout');
    const status = root?.querySelector<HTMLElement & { info?: AppSnapshot['engine'] }>('fg-engine-status');
    const info = status?.info ?? null;
    return {
      vision: app?.getAttribute('data-vision') ?? null,
      camera: app?.getAttribute('data-camera') ?? null,
      people: app?.getAttribute('data-people') ?? null,
      enrol: app?.getAttribute('data-enrol') ?? null,
      meterState: meter?.dataset.state ?? null,
      meterScore: meter?.dataset.score ? Number(meter.dataset.score) : null,
      threshold: typeof meter?.threshold === 'number' ? meter.threshold : null,
      fps: readout?.dataset.fps ? Number(readout.dataset.fps) : null,
      engine: info && {
        backend: info.backend, thread: info.thread, wasmSimd: info.wasmSimd,
        wasmMultithread: info.wasmMultithread, crossOriginIsolated: info.crossOriginIsolated,
        isRecogniserLoading: info.isRecogniserLoading === true,
      },
      engineStatus: (status?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      notices: [...(root?.querySelectorAll('fg-message') ?? [])].map((notice) => (notice.textContent ?? '').trim()),
    };
  });
}

/**
 * Polls `readAppSnapshot` until `isDone` holds; on time-out throws with the last snapshot, so a
 * failure says where the app was stuck (vision failed, camera off, enrolment waiting...).
 */
export async function waitForApp(page: Page, what: string, isDone: (snapshot: AppSnapshot) => boolean, timeoutMs: number): Promise<AppSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let snapshot = await readAppSnapshot(page);
  while (!isDone(snapshot)) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}; the app shows ${JSON.stringify(snapshot, null, 2)}`);
    if (snapshot.vision === 'failed') throw new Error(`The vision engine failed while waiting for ${what}: ${JSON.stringify(snapshot, null, 2)}`);
    await new Promise((done) => setTimeout(done, 250));
    snapshot = await readAppSnapshot(page);
  }
  return snapshot;
}

/** Presses the Start camera button unless the camera already runs (it starts itself when permission was given). */
export async function startCameraIfNeeded(page: Page): Promise<void> {
  const { camera } = await readAppSnapshot(page);
  if (camera === 'on' || camera === 'starting') return;
  await page.locator('fg-app >>> fg-camera-view >>> button::-p-text(Start camera)').click();
}

/** Fills the enrol form with `name` and optional self-described `labels` (e.g. `{ gender: 'female' }`), and presses "Enrol me". */
export async function enrol(page: Page, name: string, labels: Record<string, string> = {}): Promise<void> {
  await page.locator('fg-app >>> fg-enrol-panel >>> input[name="name"]').fill(name);
  for (const [field, value] of Object.entries(labels)) {
    await page.locator(`fg-app >>> fg-enrol-panel >>> select[name="${field}"]`).fill(value);
  }
  // Enrol is offered once the recognition model has loaded, which may be after the first box.
  await page.locator('fg-app >>> fg-enrol-panel >>> button[type="submit"]').setTimeout(VISION_READY_TIMEOUT_MS).click();
}

/** What `enrolFromCamera` may vary: self-described labels, and how many people there are once saved. */
export interface EnrolOptions {
  labels?: Record<string, string>;
  /** The people count once this enrolment is saved (1 on a fresh profile). */
  peopleAfter?: number;
}

/**
 * The usual way in, on an opened page: the models ready, the camera on, a face in view, then `name`
 * enrolled and saved. Resolves with the app as it is once saved.
 */
export async function enrolFromCamera(page: Page, name: string, { labels = {}, peopleAfter = 1 }: EnrolOptions = {}): Promise<AppSnapshot> {
  await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
  await startCameraIfNeeded(page);
  await waitForApp(page, 'a face in the camera', (s) => s.camera === 'on' && s.meterState !== null && s.meterState !== 'no-face', VISION_READY_TIMEOUT_MS);
  await enrol(page, name, labels);
  return waitForApp(page, `${name} to be saved`, (s) => s.people === String(peopleAfter) && s.enrol === 'idle', ENROL_TIMEOUT_MS);
}
