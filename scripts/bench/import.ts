/**
 * Import throughput: FaceGap's import pipeline (read, hash, pad, worker detect+embed, ledger) vs a
 * bare human detect loop over the same images, in the same headless Chromium and the same run.
 * Images: test/fixtures/*.jpg (face-api samples and camera fixtures). Writes bench-results/import.json.
 *
 *   npx tsx scripts/bench/import.ts [--rounds 3]
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_PATH } from '../../chromium.mjs';
import { createServer } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');
// Strict: a mistyped flag is refused, not silently ignored.
const { values: flags } = parseArgs({ options: { rounds: { type: 'string', default: '3' } }, strict: true, allowPositionals: false });
const rounds = Number(flags.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number of at least 1, not "${flags.rounds}".`);

/** Runs the pipeline in the page over the images, `rounds` times (a fresh ledger each round). */
const PIPELINE_SOURCE = `async (urls, rounds) => {
  const { startVision, MODEL_BASE_PATH, WASM_PATH } = await import('/src/vision/client.ts');
  const { runImport, TIGHT_CROP_PREPROCESSING } = await import('/src/import/pipeline.ts');
  const { createMemoryLedger } = await import('/src/import/ledger.ts');
  const { client } = await startVision({ backend: 'wasm', modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH });
  const blobs = await Promise.all(urls.map(async (url) => (await fetch(url)).blob()));
  const items = blobs.map((blob, i) => ({ labelled: { file: urls[i], subject: null, labels: {}, notes: [] }, read: async () => blob }));
  await runImport(items.slice(0, 1), { client, ledger: createMemoryLedger(), preprocessing: TIGHT_CROP_PREPROCESSING });
  let faces = 0;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const result = await runImport(items, { client, ledger: createMemoryLedger(), preprocessing: TIGHT_CROP_PREPROCESSING });
    faces += result.records.filter((r) => r.status === 'done').length;
  }
  const elapsedMs = performance.now() - started;
  client.dispose();
  return { images: items.length * rounds, elapsedMs, faces };
}`;

async function main(): Promise<void> {
  const urls = readdirSync(join(ROOT, 'test/fixtures')).filter((name) => name.endsWith('.jpg')).sort().map((name) => `/test/fixtures/${name}`);
  const server = await createServer({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn', server: { port: 5192, hmr: false }, optimizeDeps: { entries: ['tools/pack-builder.html'] } });
  await server.listen();
  const userDataDir = mkdtempSync(join(tmpdir(), 'facegap-bench-import-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH, headless: true, protocolTimeout: 3_600_000,
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', `--user-data-dir=${userDataDir}`],
  });
  try {
    const page = await browser.newPage();
    await page.goto(new URL('tools/pack-builder.html', server.resolvedUrls!.local[0]).href);
    await page.waitForFunction('window.facegapPackBuilderReady === true', { timeout: 120_000 });
    type Run = { images: number; elapsedMs: number; faces: number };
    const pipeline = (await page.evaluate(`(${PIPELINE_SOURCE})(${JSON.stringify(urls)}, ${rounds})`)) as Run;
    const bare = (await page.evaluate(`window.facegapBareHumanLoop(${JSON.stringify(urls)}, ${rounds})`)) as Run;
    const perSecond = (run: Run) => Number((run.images / (run.elapsedMs / 1000)).toFixed(2));
    const result = {
      bench: 'import',
      date: new Date().toISOString(),
      images: urls,
      rounds,
      pipeline: { ...pipeline, imagesPerSecond: perSecond(pipeline), note: 'runImport: read, sha256, 25% padding, vision worker detect+embed, memory ledger' },
      bareHuman: { ...bare, imagesPerSecond: perSecond(bare), note: 'human.detect on the page main thread, same config, no preprocessing' },
      ratio: Number((perSecond(pipeline) / perSecond(bare)).toFixed(3)),
    };
    mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench-results/import.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`import: pipeline ${result.pipeline.imagesPerSecond} images/s, bare human ${result.bareHuman.imagesPerSecond} images/s (ratio ${result.ratio}) over ${urls.length} images x ${rounds}`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
