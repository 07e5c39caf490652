/**
 * A/B runs behind "Why the app loop is slower than bare human" in BENCHMARKS.md: the app's live
 * loop and the bare human loop, each with the camera picture shown in several ways (bench-only
 * tweaks through the CSSOM, nothing in src/), in alternating rounds in one browser; then one
 * traced stretch of each, summed per thread (CPU time of Chromium's top-level tasks), to see where
 * the page's side of the two cores goes. Prints only; writes no results file.
 * `tsx scripts/bench/live-ab.ts` on a fresh .cache/bench-dist (`npm run bench -- build`).
 * BENCH_SECONDS (8 per variant and round), BENCH_ROUNDS (2), BENCH_VARIANTS (names joined by `;`,
 * default all), TRACE=0 (no traced stretch), TRACE_ALL=1 (trace every variant and round instead:
 * thread CPU is far steadier than detect times on a shared machine), VERBOSE=1 (picture sizes).
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { readAppSnapshot, startCameraIfNeeded, VISION_READY_TIMEOUT_MS, waitForApp } from '../../test/e2e/helpers/app';
import { launchChromium } from '../../test/e2e/helpers/chromium';
import { makeFakeVideo } from '../../test/e2e/helpers/fake-video';
import { REPO_ROOT, startPreviewServer } from '../../test/e2e/helpers/preview-server';
import type { BareLoopReport } from '../../bench/bare-loop';
import { APP_PROBE_SOURCE, type AppProbeFrame } from './app-probe';
import { summarizeSamples } from './stats';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TRACE_SECONDS = Number(process.env.TRACE ?? 1) > 0 ? 6 : 0;
const WARMUP_MS = 3_000;
const BENCH_CONFIG = resolve(REPO_ROOT, 'scripts/bench/vite.bench.config.ts');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Per-frame worker time (`human.detect` wall time) and the loop's frame count. */
interface Sample { total: number[]; frames: number; elapsedMs: number; load: number }

/**
 * Runs in the page with `stage` (fg-camera-view's picture box) and `video` in scope: bench-only
 * changes to how the app shows the camera (the loop still grabs frames from the video).
 */
const APP_TWEAKS = {
  'as is': '',
  'picture hidden': `stage.style.display = 'none';`,
  'no mirror': `for (const el of stage.children) el.style.transform = 'none';`,
  'no rounded clip': `stage.style.borderRadius = '0'; stage.style.overflow = 'visible';`,
  'upscaled (before the cap)': `stage.style.maxWidth = 'none';`,
  'native size': `stage.style.width = '640px'; stage.style.height = '480px'; stage.style.aspectRatio = 'auto';`,
} as const;
type AppTweak = keyof typeof APP_TWEAKS;
const tweakSource = (tweak: AppTweak) => `(() => {
  const find = (root) => { for (const el of root.querySelectorAll('*')) { if (el.localName === 'fg-camera-view') return el; if (el.shadowRoot) { const hit = find(el.shadowRoot); if (hit) return hit; } } return null; };
  const view = find(document);
  const stage = view && view.shadowRoot.querySelector('.stage');
  if (!stage) throw new Error('no fg-camera-view stage');
  const video = stage.querySelector('video');
  ${APP_TWEAKS[tweak]}
  const box = video.getBoundingClientRect();
  return { width: Math.round(box.width), height: Math.round(box.height), viewport: [innerWidth, innerHeight] };
})()`;

type During = (page: Page, ms: number) => Promise<unknown>;
const idle: During = (_page, ms) => sleep(ms);

async function runApp(browser: Browser, origin: string, tweak: AppTweak, seconds: number, during: During = idle): Promise<Sample & { extra?: unknown }> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.evaluateOnNewDocument(APP_PROBE_SOURCE);
    await page.goto(new URL('/?backend=wasm', origin).href);
    await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
    await startCameraIfNeeded(page);
    await waitForApp(page, 'the live loop', (s) => s.camera === 'on' && (s.fps ?? 0) > 0, VISION_READY_TIMEOUT_MS);
    const shown = await page.evaluate(tweakSource(tweak));
    if (process.env.VERBOSE) console.log(tweak, JSON.stringify(shown));
    await sleep(WARMUP_MS);
    const load = loadavg()[0];
    const from = await page.evaluate(() => performance.now());
    const extra = await during(page, seconds * 1000);
    const { frames, to } = await page.evaluate(() => ({ frames: window.__facegapProbe?.frames ?? [], to: performance.now() }));
    const measured = frames.filter((frame: AppProbeFrame) => frame.at >= from && frame.at <= to);
    if (measured.length === 0) throw new Error(`no app frame: ${JSON.stringify(await readAppSnapshot(page))}`);
    return { total: measured.map((frame) => frame.total), frames: measured.length, elapsedMs: to - from, load, extra };
  } finally {
    await context.close();
  }
}

async function runBare(browser: Browser, origin: string, video: string, seconds: number, during?: During): Promise<Sample & { extra?: unknown }> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(new URL(`/bench/bare-loop.html?backend=wasm&seconds=${seconds + WARMUP_MS / 1000 + 30}&video=${video}`, origin).href);
    // Wait for its first frames (models loaded, warm-up done), then measure a window of our own.
    await page.waitForFunction(() => document.querySelector('video')?.readyState === 4, { timeout: VISION_READY_TIMEOUT_MS, polling: 200 });
    await sleep(WARMUP_MS);
    const load = loadavg()[0];
    // The bare page reports at the end only; time its worker from outside instead.
    await page.evaluate(() => { (window as unknown as { __abFrom: number }).__abFrom = performance.now(); });
    const extra = await (during ?? idle)(page, seconds * 1000);
    return { ...(await readBareWindow(page)), load, extra };
  } finally {
    await context.close();
  }
}

/** Reads the bare loop's frames once it is done, keeping only those inside the A/B window. */
async function readBareWindow(page: Page): Promise<Omit<Sample, 'load'>> {
  const to = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => window.__bareLoop?.state === 'done' || window.__bareLoop?.state === 'failed', { timeout: 120_000, polling: 500 });
  const report = (await page.evaluate(() => ({ ...window.__bareLoop, from: (window as unknown as { __abFrom: number }).__abFrom }))) as BareLoopReport & { from: number; frameEnds?: number[] };
  if (report.state !== 'done' || !report.frames) throw new Error(`bare loop failed: ${report.error}`);
  const frames = report.frames.filter((frame) => frame.endedAt !== undefined && frame.endedAt >= report.from && frame.endedAt <= to);
  return { total: frames.map((frame) => frame.total), frames: frames.length, elapsedMs: to - report.from };
}

/** Chromium's per-thread CPU time (ms) of top-level tasks over `ms`, busiest first. */
async function traceThreads(page: Page, ms: number): Promise<Record<string, number>> {
  await page.tracing.start({ categories: ['toplevel', '__metadata'] });
  await sleep(ms);
  const buffer = await page.tracing.stop();
  const events = (JSON.parse(Buffer.from(buffer!).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const threadNames = new Map<string, string>();
  const processNames = new Map<number, string>();
  for (const event of events) {
    if (event.ph !== 'M') continue;
    if (event.name === 'thread_name') threadNames.set(`${event.pid}:${event.tid}`, String(event.args?.name));
    if (event.name === 'process_name') processNames.set(event.pid, String(event.args?.name));
  }
  const cpu = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== 'X' || event.tdur === undefined) continue;
    const key = `${processNames.get(event.pid) ?? event.pid}/${threadNames.get(`${event.pid}:${event.tid}`) ?? event.tid}`;
    cpu.set(key, (cpu.get(key) ?? 0) + event.tdur / 1000);
  }
  return Object.fromEntries([...cpu].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([key, value]) => [key, Math.round(value)]));
}
interface TraceEvent { ph: string; name: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }

function line(name: string, samples: Sample[]): string {
  const total = summarizeSamples(samples.flatMap((sample) => sample.total));
  const frames = samples.reduce((sum, sample) => sum + sample.frames, 0);
  const seconds = samples.reduce((sum, sample) => sum + sample.elapsedMs, 0) / 1000;
  const loads = samples.map((sample) => sample.load.toFixed(1)).join(', ');
  return `${name.padEnd(22)} ${(frames / seconds).toFixed(2)} fps  ${String(frames).padStart(3)} frames  detect call ${total?.mean.toFixed(0)} / p95 ${total?.p95.toFixed(0)} ms  per-round means ${samples.map((sample) => (sample.total.reduce((a, b) => a + b, 0) / sample.total.length).toFixed(0)).join(', ')}  load ${loads}`;
}

async function main(): Promise<void> {
  const camera = makeFakeVideo([resolve(REPO_ROOT, 'test/fixtures/camera-person-a.jpg')], 30);
  const [server, browser] = await Promise.all([startPreviewServer({ configFile: BENCH_CONFIG }), launchChromium({ fakeVideo: camera })]);
  const variants: Record<string, (seconds: number, during?: During) => Promise<Sample & { extra?: unknown }>> = {
    'app': (s, d) => runApp(browser, server.url, 'as is', s, d),
    'app, picture hidden': (s, d) => runApp(browser, server.url, 'picture hidden', s, d),
    'app, no mirror': (s, d) => runApp(browser, server.url, 'no mirror', s, d),
    'app, no rounded clip': (s, d) => runApp(browser, server.url, 'no rounded clip', s, d),
    'app, native size': (s, d) => runApp(browser, server.url, 'native size', s, d),
    'app, upscaled': (s, d) => runApp(browser, server.url, 'upscaled (before the cap)', s, d),
    'bare': (s, d) => runBare(browser, server.url, 'shown', s, d),
    'bare, shown as app': (s, d) => runBare(browser, server.url, 'app', s, d),
    'bare, hidden': (s, d) => runBare(browser, server.url, 'hidden', s, d),
  };
  const wanted = process.env.BENCH_VARIANTS?.split(';') ?? Object.keys(variants);
  const results = new Map<string, Sample[]>(wanted.map((name) => [name, []]));
  try {
    console.log(`live A/B: ${SECONDS} s per variant and round, ${ROUNDS} rounds; load ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
    if (process.env.TRACE_ALL) {
      // Thread CPU per variant: far steadier than detect times on a shared machine.
      for (let round = 0; round < ROUNDS; round++) {
        for (const name of wanted) {
          const traced = await variants[name](TRACE_SECONDS || 6, (page, ms) => traceThreads(page, ms));
          const cpu = traced.extra as Record<string, number>;
          const perSecond = (key: string) => ((cpu[key] ?? 0) / (TRACE_SECONDS || 6)).toFixed(0);
          console.log(`${line(name, [traced])}\n   CPU ms/s: viz ${perSecond('GPU Process/VizCompositorThread')}, renderer main ${perSecond('Renderer/CrRendererMain')}, ` +
            `video compositor ${perSecond('Renderer/VideoFrameCompositor')}, workers ${perSecond('Renderer/DedicatedWorker thread')}, gpu main ${perSecond('GPU Process/CrGpuMain')}`);
        }
      }
      return;
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of wanted) {
        results.get(name)!.push(await variants[name](SECONDS));
        console.log(line(name, results.get(name)!.slice(-1)));
      }
    }
    console.log('\nall rounds:');
    for (const name of wanted) console.log(line(name, results.get(name)!));
    if (TRACE_SECONDS > 0) {
      for (const name of ['app', 'bare']) {
        const traced = await variants[name](TRACE_SECONDS, (page, ms) => traceThreads(page, ms));
        console.log(`\ntrace ${name} (${TRACE_SECONDS} s, thread CPU ms of top-level tasks): ${line(name, [traced])}`);
        console.log(traced.extra);
      }
    }
    console.log(`load after: ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
