// `npm run bench`: every FaceGap benchmark, one step after another. Add a bench by adding a step.
// `npm run bench -- live all-pairs` runs only the named steps (the build runs when needed).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const BENCH_CONFIG = 'scripts/bench/vite.bench.config.ts';
/** Where the bench build goes (the app plus bench/*.html); see vite.bench.config.ts. */
const BENCH_DIST = join(ROOT, process.env.BENCH_DIST ?? '.cache/bench-dist');
/** What the build is made from: newer than the build means rebuild. */
const BUILD_INPUTS = ['src', 'bench', 'index.html', 'vite.config.ts', BENCH_CONFIG, 'package-lock.json', 'models/manifest.json'];
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/**
 * The steps. `command` runs from the repository root; a step whose `needs` file is missing is
 * skipped with a note (benches other engineers are still writing).
 */
const STEPS = [
  { name: 'build', run: buildIfStale },
  { name: 'live', command: [TSX, 'scripts/bench/live.ts'], needs: 'scripts/bench/live.ts' },
  { name: 'live-models', command: [TSX, 'scripts/bench/live-models.ts'], needs: 'scripts/bench/live-models.ts' },
  { name: 'all-pairs', command: [TSX, 'scripts/bench/all-pairs.ts'], needs: 'scripts/bench/all-pairs.ts' },
  { name: 'import', command: [TSX, 'scripts/bench/import.ts'], needs: 'scripts/bench/import.ts' },
  { name: 'models', command: [TSX, 'scripts/bench/models.ts'], needs: 'scripts/bench/models.ts' },
  { name: 'first-visit', command: [TSX, 'scripts/bench/first-visit.ts'], needs: 'scripts/bench/first-visit.ts' },
  // WebGPU on SwiftShader is slow here: only when named (`npm run bench -- webgpu`).
  { name: 'webgpu', command: [TSX, 'scripts/bench/webgpu.ts'], needs: 'scripts/bench/webgpu.ts', onlyWhenNamed: true },
  // 20 minutes: only when named (`npm run bench -- soak`), never as part of the whole run.
  { name: 'soak', command: [TSX, 'scripts/bench/soak.ts'], needs: 'scripts/bench/soak.ts', onlyWhenNamed: true },
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function buildIfStale() {
  const built = newestMtime(join(BENCH_DIST, 'index.html'));
  const source = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(ROOT, input))));
  if (built > source) {
    console.log('build: .cache/bench-dist is up to date');
    return 0;
  }
  return runCommand([process.execPath, join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', BENCH_CONFIG]);
}

function runCommand([command, ...args]) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !STEPS.some((step) => step.name === name));
if (unknown.length > 0) {
  console.error(`Unknown bench step(s): ${unknown.join(', ')}. Steps: ${STEPS.map((step) => step.name).join(', ')}.`);
  process.exit(2);
}

const failed = [];
for (const step of STEPS) {
  if (step.name !== 'build' && wanted.length > 0 && !wanted.includes(step.name)) continue;
  if (step.onlyWhenNamed && !wanted.includes(step.name)) continue;
  if (step.needs && !existsSync(join(ROOT, step.needs))) {
    console.log(`\n== ${step.name}: skipped, ${step.needs} does not exist yet`);
    continue;
  }
  console.log(`\n== ${step.name}`);
  const started = Date.now();
  const status = step.run ? step.run() : runCommand(step.command);
  console.log(`== ${step.name}: ${status === 0 ? 'done' : `failed (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (status !== 0) {
    failed.push(step.name);
    if (step.name === 'build') break;
  }
}
if (failed.length > 0) {
  console.error(`\nBench steps failed: ${failed.join(', ')}`);
  process.exit(1);
}
