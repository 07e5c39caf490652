// Entry of tools/model-probe.html, driven by scripts/models-probe.ts: detects each photo once with
// the app's detector and mesh (human, same config as the dlib model, which returns the face crop),
// then embeds that face with candidate models under every input preprocessing in
// src/models/probe-variants.ts, in one batch per model. Photos and models come from the dev server.
import { Human } from '@vladmandic/human';
import type { FaceResult, GraphModel, Tensor } from '@vladmandic/human';
import { MODEL_BASE_PATH, WASM_PATH } from '../src/vision/client';
import { buildHumanConfig } from '../src/vision/config';
import { getModel } from '../src/models/registry';
import { preprocessImage, UNPADDED_PREPROCESSING } from '../src/import/preprocess';
import { ALIGNED_CROP_PX as INPUT_SIZE, alignmentCanvasTransform } from '../src/models/alignment';
import { PROBE_VARIANTS, type ProbeCrop } from '../src/models/probe-variants';

interface ProbeRequest { modelUrls: Record<string, string>; photos: string[] }
type ProbeEmbeddings = Record<string, Record<string, number[]>>;


async function runProbe(request: ProbeRequest, report: (index: number, result: ProbeEmbeddings | null) => Promise<void>): Promise<void> {
  const human = new Human(buildHumanConfig('wasm', MODEL_BASE_PATH, WASM_PATH, getModel('dlib')));
  await human.init();
  await human.load();
  const tf = human.tf;
  const models: Record<string, GraphModel> = {};
  for (const [name, url] of Object.entries(request.modelUrls)) models[name] = await tf.loadGraphModel(url) as GraphModel;
  for (let index = 0; index < request.photos.length; index++) {
    const prepared = await preprocessImage(await (await fetch(request.photos[index])).blob(), UNPADDED_PREPROCESSING);
    const result = await human.detect(prepared.bitmap);
    const faces = [...result.face].sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3]);
    const face = faces[0];
    if (!face?.tensor || !face.mesh?.length) {
      for (const f of result.face) tf.dispose(f.tensor as Tensor);
      prepared.bitmap.close();
      await report(index, null);
      continue;
    }
    const crops: Record<ProbeCrop, Tensor> = {
      human: tf.tidy(() => tf.image.resizeBilinear(tf.expandDims(face.tensor as Tensor, 0), [INPUT_SIZE, INPUT_SIZE], false)),
      tight: tf.tidy(() => tf.image.cropAndResize(tf.expandDims(face.tensor as Tensor, 0), [[0.05, 0.15, 0.85, 0.85]], [0], [INPUT_SIZE, INPUT_SIZE])),
      aligned: alignedCrop(tf, prepared.bitmap, face),
    };
    for (const f of result.face) tf.dispose(f.tensor as Tensor);
    prepared.bitmap.close();
    const batch = tf.tidy(() => tf.concat(PROBE_VARIANTS.map((variant) => {
      const crop = crops[variant.crop];
      const ordered = variant.order === 'bgr' ? tf.reverse(crop, 3) : crop;
      return tf.add(tf.mul(ordered, variant.scale), variant.offset);
    })));
    const embeddings: ProbeEmbeddings = {};
    for (const [name, model] of Object.entries(models)) {
      const output = model.execute(batch) as Tensor;
      const rows = await output.array() as number[][];
      tf.dispose(output);
      embeddings[name] = Object.fromEntries(PROBE_VARIANTS.map((variant, i) => [variant.id, rows[i]]));
    }
    tf.dispose([batch, ...Object.values(crops)]);
    await report(index, embeddings);
  }
}

/** The face warped onto ArcFace's 112 px five-point template, from the very pixels the detector saw. */
function alignedCrop(tf: Human['tf'], bitmap: ImageBitmap, face: FaceResult): Tensor {
  const canvas = new OffscreenCanvas(INPUT_SIZE, INPUT_SIZE);
  const context = canvas.getContext('2d', { alpha: false })!;
  context.fillStyle = '#808080';
  context.fillRect(0, 0, INPUT_SIZE, INPUT_SIZE);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.setTransform(...alignmentCanvasTransform(face.mesh));
  context.drawImage(bitmap, 0, 0);
  const pixels = context.getImageData(0, 0, INPUT_SIZE, INPUT_SIZE);
  return tf.tidy(() => tf.div(tf.expandDims(tf.browser.fromPixels(pixels), 0), 255));
}

(window as unknown as Record<string, unknown>).facegapProbe = (request: ProbeRequest) =>
  runProbe(request, (index, result) => (window as unknown as { facegapProbeResult(i: number, r: ProbeEmbeddings | null): Promise<void> }).facegapProbeResult(index, result));
(window as unknown as Record<string, unknown>).facegapProbeReady = true;
