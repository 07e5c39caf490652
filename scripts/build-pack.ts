/**
 * Builds a reference pack from a folder of labelled photos, headless, with the app's own import
 * pipeline: starts vite's dev server (this repo's config plus a private route serving the input
 * folder), opens tools/pack-builder.html in headless Chromium, runs runImport there, and writes the
 * pack it hands back: v2 (binary float16, what the app ships, docs/pack-format.md), or v1 JSON
 * (the interchange format) when `--out` ends in `.json`. Photos never leave this machine and never
 * enter the pack.
 *
 *   npm run build:pack -- --format utkface <dir> --out packs/x.faceres.fgpack [--name ...] [--description ...]
 *     [--license ...] [--attribution ... | --attribution-file f] [--margin 0.25] [--max-side 1280]
 *   --format identity-folders <dir> [--labels labels.csv]    one folder per person
 *   --format csv <dir> --labels labels.csv                   FairFace-style or generic CSV
 *   --index packs/index.json    also list the written pack there (bundled packs)
 *   --model faceres|faceres-deep|dlib    the recognition model (src/models/registry.ts), faceres by default
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import puppeteer from 'puppeteer-core';
import { UsageError } from './cli/options';
import { PACK_INDEX_FORMAT, PACK_INDEX_VERSION } from '../src/datasets/pack';
import { encodePackV2 } from './pack-encode';
import { describePackFile } from './pack-index-entry';
import { fail, readBuildOptions, USAGE, type Args } from './cli/build-pack-options';
import { createServer } from 'vite';
import { serveFolder } from './cli/serve-folder';
import { decodePack, packSummary } from '../src/datasets/pack';
import { printableLabel } from '../src/metrics/format-table';
import { DUPLICATE_FLAG_PREFIX } from '../src/datasets/pack-summary';
import {
  applyColumnMapping, isFairFaceHeader, parseCsv, parseFairFaceCsv, parseIdentityFolders, parseUtkFaceFiles,
  suggestColumnMapping, type LabelParseResult,
} from '../src/datasets/labels';
import { NEAR_DUPLICATE_FLAG_PREFIX } from '../src/import/assemble';
import type { PackBuildRequest, PackBuildResponse } from '../src/import/headless';
import { formatRemaining } from '../src/import/time-left';
import type { ImportProgress } from '../src/import/types';
import { NEUTRAL_FILL } from '../src/import/preprocess';
import { getModel } from '../src/models/registry';

const ROOT = resolve(import.meta.dirname, '..');
/** A whole import runs inside one evaluate call: allow large sets on slow machines. */
const PROTOCOL_TIMEOUT_MS = 6 * 60 * 60 * 1000;
/** A failure after the command line was accepted: nothing was written (exit 1). */
class BuildFailure extends Error {}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

function readLabels(args: Args, files: string[]): LabelParseResult {
  const csv = args.labels ? readFileSync(args.labels, 'utf8') : undefined;
  switch (args.format) {
    case 'utkface':
      return parseUtkFaceFiles(files);
    case 'identity-folders':
      return parseIdentityFolders(files, csv);
    case 'csv': {
      const table = parseCsv(csv!);
      if (isFairFaceHeader(table.header)) return parseFairFaceCsv(table, { files });
      const suggested = suggestColumnMapping(table.header);
      if (suggested.file === null) fail(`${args.labels} has no column naming the photo (file, image, path...).`);
      return applyColumnMapping(table, { ...suggested, file: suggested.file }, { files });
    }
  }
}


function printProgress(progress: ImportProgress): void {
  const every = progress.total > 200 ? 25 : 5;
  if (progress.done % every !== 0 && progress.done !== progress.total) return;
  const left = formatRemaining(progress.remainingMs);
  console.log(`  ${progress.done}/${progress.total} photos, ${progress.failed} without a face or unreadable${left ? `, ${left}` : ''}`);
}

function printSummary(text: string): void {
  const expected = JSON.parse(text) as { model: { sha256: string; dim: number }; score: string };
  const pack = decodePack(text, { modelSha256: expected.model.sha256, dim: expected.model.dim, scoreId: expected.score });
  const summary = packSummary(pack);
  console.log(`\n${printableLabel(pack.name)}: ${summary.sampleCount} faces, ${summary.failureCount} failures (${Object.entries(summary.failuresByReason).filter(([, n]) => n > 0).map(([r, n]) => `${n} ${r}`).join(', ') || 'none'}), ${summary.subjectCount} subjects, ${summary.genuineCapableSubjectCount} with 2+ photos`);
  for (const [label, byValue] of Object.entries(summary.groups)) {
    const cells = Object.entries(byValue).map(([value, c]) => `${printableLabel(value)} ${c.samples}${c.failures ? ` (-${c.failures})` : ''}`);
    console.log(`  ${printableLabel(label)}: ${cells.join(', ')}`);
  }
  const duplicates = pack.samples.filter((s) => s.flags?.some((f) => f.startsWith(DUPLICATE_FLAG_PREFIX)));
  console.log(`  duplicates: ${duplicates.length === 0 ? 'none' : duplicates.map((s) => `${s.id} ${s.flags!.join(' ')}`).join('; ')}`);
  const near = pack.samples.filter((s) => s.flags?.some((f) => f.startsWith(NEAR_DUPLICATE_FLAG_PREFIX)));
  console.log(`  near-duplicates (same photo re-cropped or re-encoded): ${near.length === 0 ? 'none' : near.map((s) => `${s.id} ${s.flags!.join(' ')} ${s.notes?.find((n) => n.startsWith('near-duplicate-cosine')) ?? ''}`).join('; ')}`);
  const crowded = pack.samples.filter((s) => s.notes?.some((n) => n.startsWith('several-faces')));
  if (crowded.length > 0) console.log(`  several faces (largest kept): ${crowded.length}`);
  console.log(`  preprocessing: ${JSON.stringify({ margin: pack.preprocessing.margin, fill: pack.preprocessing.fill, maxSide: pack.preprocessing.maxSide })}`);
}

/**
 * Adds or replaces the pack's entry in a bundled-pack index (docs/pack-format.md): a v2 entry read
 * from the written file, or a version-1 entry for a JSON pack. The index keeps its version and default.
 */
function updateIndex(indexFile: string, packFile: string, written: Uint8Array, text: string): void {
  const index = existsSync(indexFile)
    ? (JSON.parse(readFileSync(indexFile, 'utf8')) as { version?: number; defaultPack?: string; packs: { id: string }[] })
    : { version: PACK_INDEX_VERSION, packs: [] };
  const file = relative(dirname(resolve(indexFile)), packFile).split(sep).join('/');
  const pack = JSON.parse(text) as { name: string; samples: unknown[]; failures: unknown[] };
  const entry = isJsonOutput(packFile)
    ? {
      id: basename(packFile, '.json'), file, name: pack.name, samples: pack.samples.length, failures: pack.failures.length,
      bytes: written.length, sha256: createHash('sha256').update(written).digest('hex'),
    }
    : describePackFile(written, file);
  const packs = [...index.packs.filter((p) => p.id !== entry.id), entry].sort((a, b) => a.id.localeCompare(b.id));
  writeFileSync(indexFile, `${JSON.stringify({ ...index, format: PACK_INDEX_FORMAT, version: index.version ?? PACK_INDEX_VERSION, packs }, null, 2)}\n`);
  console.log(`listed ${entry.id} in ${indexFile}`);
}

/** `--out x.json` writes v1 JSON, the interchange format; any other name writes v2. */
function isJsonOutput(out: string): boolean {
  return out.toLowerCase().endsWith('.json');
}

/**
 * The bytes to write: the JSON as it is, or v2 float16 with its score error measured over all pairs
 * and its crossings checked at `threshold` (the model's own starting threshold, on its own score).
 */
function encodeOutput(out: string, text: string, threshold: number): Uint8Array {
  if (isJsonOutput(out)) return new TextEncoder().encode(text);
  const encoded = encodePackV2(text, 'float16', threshold);
  const crossings = encoded.crossedUp + encoded.crossedDown;
  console.log(`  v2 float16: score error over ${encoded.pairs} pairs at most ${encoded.maxError.toFixed(6)} (mean ${encoded.meanError.toExponential(2)}); ` +
    `${crossings} pair${crossings === 1 ? '' : 's'} crossing ${encoded.threshold} either way`);
  if (crossings > 0) throw new BuildFailure(`float16 moved ${crossings} pairs across the threshold ${encoded.threshold}, so ${relative(process.cwd(), out)} was not written. Write the JSON instead (--out x.json).`);
  return encoded.bytes;
}

async function main(): Promise<void> {
  const args = readBuildOptions(process.argv.slice(2));
  if (args === 'help') {
    console.log(USAGE);
    return;
  }
  const files = listFiles(args.dir);
  const parsed = readLabels(args, files);
  console.log(`${args.format}: ${parsed.items.length} labelled photos in ${args.dir}, ${parsed.problems.length} label problems`);
  for (const problem of parsed.problems.slice(0, 10)) console.log(`  - ${printableLabel(problem.message)}`);
  if (parsed.problems.length > 10) console.log(`  ... and ${parsed.problems.length - 10} more`);
  if (parsed.items.length === 0) fail('no labelled photos to import.');

  const route = `/__build-pack/${randomBytes(12).toString('hex')}/`;
  const server = await createServer({
    configFile: resolve(ROOT, 'vite.config.ts'),
    root: ROOT,
    logLevel: 'warn',
    clearScreen: false,
    server: { port: 5190, strictPort: false, hmr: false, open: false },
    optimizeDeps: { entries: ['tools/pack-builder.html'] },
    plugins: [serveFolder(args.dir, route, 'facegap-build-pack-input')],
  });
  const userDataDir = mkdtempSync(join(tmpdir(), 'facegap-build-pack-'));
  let browser: Awaited<ReturnType<typeof puppeteer.launch>> | undefined;
  try {
    await server.listen();
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new BuildFailure('the dev server did not report its address.');
    browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, protocolTimeout: PROTOCOL_TIMEOUT_MS, args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`] });
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`  page error: ${error instanceof Error ? error.message : String(error)}`));
    const chunks: string[] = [];
    await page.exposeFunction('facegapProgress', printProgress);
    await page.exposeFunction('facegapPackChunk', (index: number, text: string) => void (chunks[index] = text));
    await page.goto(new URL('tools/pack-builder.html', base).href, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction('window.facegapPackBuilderReady === true', { timeout: 120_000 });

    const request: PackBuildRequest = {
      items: parsed.items,
      route,
      preprocessing: { margin: args.margin, fill: NEUTRAL_FILL, maxSide: args.maxSide },
      subjects: args.format === 'utkface' ? 'one-per-photo' : 'as-labelled',
      description: { name: args.name, description: args.description, license: args.license, attribution: args.attribution },
      backend: args.backend,
      modelId: args.model,
    };
    console.log(`importing with ${args.model}, margin ${args.margin}, max side ${args.maxSide} px, ${args.backend} backend ...`);
    const response = (await page.evaluate(
      (req) => (window as unknown as { facegapBuildPack(r: typeof req): Promise<unknown> }).facegapBuildPack(req),
      request,
    )) as PackBuildResponse;
    if (response.status !== 'finished') throw new BuildFailure(`the import did not finish: ${response.message}. Nothing was written.`);
    if (chunks.length !== response.chunkCount || chunks.some((c) => c === undefined)) throw new BuildFailure('the pack came back incomplete. Nothing was written.');
    const text = chunks.join('');
    const found = (JSON.parse(text) as { samples: unknown[] }).samples.length;
    if (found === 0) throw new BuildFailure(`no face was found in any of the ${parsed.items.length} photos in ${args.dir}, so there is no pack to write and ${relative(process.cwd(), args.out)} was not written. Check the photos show faces, or try --margin 0.25 for tight crops.`);
    const written = encodeOutput(args.out, text, getModel(args.model).defaultThreshold);
    writeFileSync(args.out, written);
    const e = response.engine;
    console.log(`engine: human ${e.humanVersion}, ${e.backend} in ${e.thread}${e.backend === 'wasm' ? `, simd ${e.wasmSimd}, threads ${e.wasmMultithread}` : ''}; ${(response.elapsedMs / 1000).toFixed(1)} s, ${(parsed.items.length / (response.elapsedMs / 1000)).toFixed(1)} photos/s`);
    printSummary(text);
    if (args.index) updateIndex(args.index, args.out, written, text);
    console.log(`\nwrote ${relative(process.cwd(), args.out)} (${isJsonOutput(args.out) ? 'v1 JSON' : 'v2 float16'}, ${(written.length / 1024).toFixed(0)} KiB)`);
  } finally {
    await browser?.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof BuildFailure) {
    console.error(`build-pack: ${error.message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  console.error(`build-pack: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
