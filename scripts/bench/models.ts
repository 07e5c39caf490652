/**
 * `npm run bench -- models`: ms per face of every offered recognition model (src/models/registry.ts)
 * on this machine, wasm backend, the app's own vision worker and config, on face-api's sample
 * photos; models take turns every round. Runs bench/models.html on vite's dev server in headless
 * Chromium. BENCH_ROUNDS (default 4) changes the run. Prints a table with the machine load.
 */
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.mjs';
import type { ModelBenchResult } from '../../bench/models';
import { summarizeSamples } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const ROOT = resolve(import.meta.dirname, '../..');

const server = await createServer({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), server: { port: 0 }, logLevel: 'error' });
await server.listen();
const origin = server.resolvedUrls!.local[0];
const browser = await puppeteer.launch({
  executablePath: CHROMIUM_PATH, headless: true, protocolTimeout: 30 * 60 * 1000,
  args: [...CHROMIUM_ARGS, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'facegap-bench-models-'))}`],
});
try {
  const page = await browser.newPage();
  const outside: string[] = [];
  page.on('request', (request) => {
    // blob: URLs (tfjs's wasm thread workers) carry the origin that made them.
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== new URL(origin).origin) outside.push(request.url());
  });
  await page.goto(`${origin}bench/models.html`);
  await page.waitForSelector('#result[data-state="ready"]', { timeout: 120_000 });
  const loadBefore = loadavg()[0];
  const results = await page.evaluate((rounds) => (window as unknown as { facegapBenchModels(r: number): Promise<ModelBenchResult[]> }).facegapBenchModels(rounds), ROUNDS);
  console.log(`Recognition models, wasm, ${ROUNDS} rounds (models alternate), ${cpus().length} cores, load ${loadBefore.toFixed(1)} -> ${loadavg()[0].toFixed(1)}`);
  console.log('model           load ms   embed ms/face p50 (p95)   detect+embed ms/photo p50 (p95)   faces');
  for (const r of results) {
    const embed = summarizeSamples(r.embedMsPerFace)!;
    const total = summarizeSamples(r.totalMsPerPhoto)!;
    console.log(`${r.modelId.padEnd(14)} ${r.loadMs.toFixed(0).padStart(8)}   ${`${embed.p50} (${embed.p95})`.padStart(23)}   ${`${total.p50} (${total.p95})`.padStart(31)}   ${String(r.faces).padStart(5)}`);
  }
  console.log(`requests outside the origin: ${outside.length}${outside.length > 0 ? ` (${[...new Set(outside.map((url) => url.slice(0, 60)))].slice(0, 3).join(', ')})` : ''}`);
  if (outside.length > 0) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
