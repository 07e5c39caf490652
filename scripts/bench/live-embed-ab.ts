/**
 * A/B of the live loop's embedding on one worker, frame by frame: the app's own vision worker (the
 * production build, camera off) is handed the bench's still of 1 or 3 faces, moved a little each
 * frame, and embeds it with every face embedded (`embedFaces: 'all'`, human's own pass) or only the
 * followed one (`'first'`), the two alternating call by call (the order flips every pair), so a
 * neighbour's load on this shared machine falls on both alike. Also times the calls that do not
 * embed (the full detector; the mesh alone), for scale. Prints medians of the worker's own
 * timings; writes no file. `tsx scripts/bench/live-embed-ab.ts` on a fresh .cache/bench-dist
 * (`npm run bench -- build`). BENCH_PAIRS (20), BENCH_FACES (`1,3`).
 */
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VISION_READY_TIMEOUT_MS, waitForApp } from '../../test/e2e/helpers/app';
import { launchChromium } from '../../test/e2e/helpers/chromium';
import { REPO_ROOT, startPreviewServer } from '../../test/e2e/helpers/preview-server';
import { summarizeSamples } from './stats';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 20);
const FACE_COUNTS = (process.env.BENCH_FACES ?? '1,3').split(',').map(Number).filter((n) => n === 1 || n === 3);
const PHOTOS = ['test/fixtures/camera-person-a.jpg', 'test/fixtures/camera-person-b.jpg'];
const BENCH_CONFIG = resolve(REPO_ROOT, 'scripts/bench/vite.bench.config.ts');
const round = (value: number) => Math.round(value * 10) / 10;

/** Keeps the app's vision worker where the bench can post to it. A string: see app-probe.ts. */
const CAPTURE_WORKER_SOURCE = `(() => {
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url, options) {
      super(url, options);
      if (options && options.name === 'facegap-vision') window.__facegapVisionWorker = this;
    }
  };
})();`;

/** One timed call: which kind, and the worker's own timings (ms). */
interface Call { kind: string; total: number; embed: number; faces: number; embedded: number }

/**
 * Runs in the page: the still (as live-video.ts draws it: one photo, or three side by side) moved
 * by a few pixels per frame; per pair, a detecting call that embeds every face and one that embeds
 * the first only (order flipping), then a detecting and a tracking call without embedding.
 */
const RUN_SOURCE = `async (sources, count, pairs) => {
  const worker = window.__facegapVisionWorker;
  const images = await Promise.all(sources.map(async (src) => { const image = new Image(); image.src = src; await image.decode(); return image; }));
  const canvas = new OffscreenCanvas(640, 480);
  const context = canvas.getContext('2d');
  const frame = (shift) => {
    context.fillStyle = 'rgb(128,128,128)';
    context.fillRect(0, 0, 640, 480);
    if (count === 1) context.drawImage(images[0], shift, 0, 640, 480);
    else {
      context.drawImage(images[1], shift, 180, 192, 144);
      context.drawImage(images[0], shift + 448, 180, 192, 144);
      context.drawImage(images[0], shift + 144, 40, 352, 264);
    }
    return createImageBitmap(canvas);
  };
  let id = 1e9;
  const call = async (kind, options, shift) => {
    const bitmap = await frame(shift);
    const mine = id++;
    const answer = new Promise((resolve) => {
      const listen = (event) => { if (event.data && event.data.id === mine) { worker.removeEventListener('message', listen); resolve(event.data); } };
      worker.addEventListener('message', listen);
    });
    worker.postMessage({ id: mine, type: 'detect', frame: bitmap, options }, [bitmap]);
    const data = await answer;
    if (data.type !== 'observed') throw new Error(kind + ': ' + data.message);
    const o = data.observation;
    return { kind, total: o.timings.total, embed: o.timings.embed, faces: o.faces.length, embedded: o.faces.filter((f) => f.embedding).length };
  };
  const calls = [];
  // Warm-up: wasm kernels compile on the first calls of each kind.
  for (const embedFaces of ['all', 'first']) await call('warm-up', { embed: true, embedFaces }, 0);
  for (let pair = 0; pair < pairs; pair++) {
    const shift = Math.round(8 * Math.sin(pair));
    const kinds = pair % 2 === 0 ? ['all', 'first'] : ['first', 'all'];
    for (const embedFaces of kinds) calls.push(await call('embed ' + embedFaces, { embed: true, embedFaces }, shift));
    calls.push(await call('detect, no embedding', { embed: false }, shift));
    calls.push(await call('track, no embedding', { embed: false, track: true }, shift + 2));
  }
  return calls;
}`;

function report(faces: number, calls: Call[]): void {
  console.log(`\n${faces} face${faces > 1 ? 's' : ''} (load ${loadavg().map(round).join(' ')}):`);
  for (const kind of ['embed all', 'embed first', 'detect, no embedding', 'track, no embedding']) {
    const own = calls.filter((call) => call.kind === kind);
    const total = summarizeSamples(own.map((call) => call.total));
    const embed = summarizeSamples(own.map((call) => call.embed));
    const found = summarizeSamples(own.map((call) => call.faces));
    const embedded = summarizeSamples(own.map((call) => call.embedded));
    console.log(`  ${kind.padEnd(22)} worker ms median ${round(total?.p50 ?? 0)} (mean ${round(total?.mean ?? 0)}), embed ms median ${round(embed?.p50 ?? 0)}, faces ${round(found?.mean ?? 0)}, embedded ${round(embedded?.mean ?? 0)}, n ${own.length}`);
  }
  const all = calls.filter((call) => call.kind === 'embed all').map((call) => call.total);
  const first = calls.filter((call) => call.kind === 'embed first').map((call) => call.total);
  const ratios = all.map((ms, index) => ms / first[index]).filter(Number.isFinite);
  console.log(`  per pair, every face / first only: median ${round(summarizeSamples(ratios)?.p50 ?? 0)}x`);
}

async function main(): Promise<void> {
  const server = await startPreviewServer({ configFile: BENCH_CONFIG });
  const browser = await launchChromium();
  try {
    const sources = PHOTOS.map((path) => `data:image/jpeg;base64,${readFileSync(resolve(REPO_ROOT, path)).toString('base64')}`);
    console.log(`live embed A/B: ${PAIRS} pairs per face count, backend wasm, ${server.url}; load ${loadavg().map(round).join(' ')}`);
    for (const faces of FACE_COUNTS) {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument(CAPTURE_WORKER_SOURCE);
      await page.goto(new URL('/?backend=wasm', server.url).href);
      await waitForApp(page, 'the models', (s) => s.vision === 'ready', VISION_READY_TIMEOUT_MS);
      const calls = (await page.evaluate(`(${RUN_SOURCE})(${JSON.stringify(sources)}, ${faces}, ${PAIRS})`)) as Call[];
      report(faces, calls);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
