/**
 * Builds a reference pack from a folder of labelled photos, headless, with the app's own import
 * pipeline: starts vite's dev server (this repo's config plus a private route serving the input
 * folder), opens tools/pack-builder.html in headless Chromium, runs runImport there, and writes the
 * pack JSON it hands back. Photos never leave this machine and never enter the pack.
 *
 *   npm run build:pack -- --format utkface <dir> --out packs/x.json [--name ...] [--description ...]
 *     [--license ...] [--attribution ... | --attribution-file f] [--margin 0.25] [--max-side 1280]
 *   --format identity-folders <dir> [--labels labels.csv]    one folder per person
 *   --format csv <dir> --labels labels.csv                   FairFace-style or generic CSV
 *   --index packs/index.json    also list the written pack there (bundled packs)
 *   --help                      every option (scripts/build-pack/options.ts)
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import puppeteer from 'puppeteer-core';
import { createServer, type Plugin } from 'vite';
import type { PackBuildRequest, PackBuildResponse } from '../src/import/headless';
import { formatRemaining } from '../src/import/time-left';
import type { ImportProgress } from '../src/import/types';
import { NEUTRAL_FILL } from '../src/import/preprocess';
import { EXIT_BAD_INPUT, UsageError } from './cli/args';
import { formatPackSummary } from './build-pack/summary';
import { BUILD_PACK_USAGE } from './build-pack/options';
import { prepareBuild } from './build-pack/prepare';

const ROOT = resolve(import.meta.dirname, '..');
/** A whole import runs inside one evaluate call: allow large sets on slow machines. */
const PROTOCOL_TIMEOUT_MS = 6 * 60 * 60 * 1000;
/** Exit code when the run worked but produced nothing usable (no face in any photo). */
const EXIT_NOTHING_BUILT = 1;

function fail(message: string): never {
  throw new UsageError(message);
}

/** Serves the input folder under a private, unguessable route of the dev server, read-only. */
function serveInput(dir: string, route: string): Plugin {
  return {
    name: 'facegap-build-pack-input',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        if (!url.startsWith(route)) return next();
        const file = normalize(join(dir, decodeURIComponent(url.slice(route.length))));
        if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Content-Length', statSync(file).size);
        createReadStream(file).pipe(res);
      });
    },
  };
}

function printProgress(progress: ImportProgress): void {
  const every = progress.total > 200 ? 25 : 5;
  if (progress.done % every !== 0 && progress.done !== progress.total) return;
  const left = formatRemaining(progress.remainingMs);
  console.log(`  ${progress.done}/${progress.total} photos, ${progress.failed} without a face or unreadable${left ? `, ${left}` : ''}`);
}

/** Adds or replaces the pack's entry in a bundled-pack index (see src/import/bundled.ts for the format). */
function updateIndex(indexFile: string, packFile: string, text: string): void {
  const pack = JSON.parse(text) as { name: string; samples: unknown[]; failures: unknown[] };
  const index = existsSync(indexFile) ? (JSON.parse(readFileSync(indexFile, 'utf8')) as { packs: { id: string }[] }) : { packs: [] };
  const file = relative(dirname(resolve(indexFile)), packFile).split(sep).join('/');
  const entry = {
    id: basename(packFile, '.json'),
    file,
    name: pack.name,
    samples: pack.samples.length,
    failures: pack.failures.length,
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
  };
  const packs = [...index.packs.filter((p) => p.id !== entry.id), entry].sort((a, b) => a.id.localeCompare(b.id));
  writeFileSync(indexFile, `${JSON.stringify({ format: 'facegap-pack-index', version: 1, packs }, null, 2)}\n`);
  console.log(`listed ${entry.id} in ${indexFile}`);
}

async function main(): Promise<void> {
  const prepared = prepareBuild(process.argv.slice(2));
  if (prepared === null) {
    process.stdout.write(BUILD_PACK_USAGE);
    return;
  }
  const { args, parsed } = prepared;
  console.log(`${args.format}: ${parsed.items.length} labelled photos in ${args.dir}, ${parsed.problems.length} label problems`);
  for (const problem of parsed.problems.slice(0, 10)) console.log(`  - ${problem.message}`);
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
    plugins: [serveInput(args.dir, route)],
  });
  const userDataDir = mkdtempSync(join(tmpdir(), 'facegap-build-pack-'));
  let browser: Awaited<ReturnType<typeof puppeteer.launch>> | undefined;
  try {
    await server.listen();
    const base = server.resolvedUrls?.local[0] ?? fail('the dev server did not report its address.');
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
    };
    console.log(`importing with margin ${args.margin}, max side ${args.maxSide} px, ${args.backend} backend ...`);
    const response = (await page.evaluate(
      (req) => (window as unknown as { facegapBuildPack(r: typeof req): Promise<unknown> }).facegapBuildPack(req),
      request,
    )) as PackBuildResponse;
    if (response.status !== 'finished') fail(`the import did not finish: ${response.message}`);
    if (chunks.length !== response.chunkCount || chunks.some((c) => c === undefined)) fail('the pack came back incomplete.');
    const text = chunks.join('');
    const faces = (JSON.parse(text) as { samples: unknown[] }).samples.length;
    if (faces === 0) {
      const photos = parsed.items.length === 1 ? 'the one photo' : `any of the ${parsed.items.length} photos`;
      console.error(`build-pack: no face was found in ${photos} in ${args.dir}, so no pack was written (a pack without faces has nothing to compare). Check that the folder holds face photos and that --margin and --max-side suit them.`);
      process.exitCode = EXIT_NOTHING_BUILT;
      return;
    }
    writeFileSync(args.out, text);
    const e = response.engine;
    console.log(`engine: human ${e.humanVersion}, ${e.backend} in ${e.thread}${e.backend === 'wasm' ? `, simd ${e.wasmSimd}, threads ${e.wasmMultithread}` : ''}; ${(response.elapsedMs / 1000).toFixed(1)} s, ${(parsed.items.length / (response.elapsedMs / 1000)).toFixed(1)} photos/s`);
    console.log(formatPackSummary(text));
    if (args.index) updateIndex(args.index, args.out, text);
    console.log(`\nwrote ${relative(process.cwd(), args.out)} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB)`);
  } finally {
    await browser?.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`build-pack: ${error.message}`);
    process.exit(EXIT_BAD_INPUT);
  }
  console.error(`build-pack: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
