import { expect } from '@open-wc/testing';
import { computeCosineSimilarity } from '../../src/matching/scores';
import { preprocessImage, TIGHT_CROP_PREPROCESSING } from '../../src/import/preprocess';
import { MODEL_BASE_PATH, WASM_PATH, WorkerVisionClient } from '../../src/vision/client';
import type { FaceObservation, VisionClient } from '../../src/vision/types';
import { copyBitmap, loadFixture } from './helpers/images';

/** Cosine at or above which two embeddings of one photo count as the same (float noise only). */
const SAME_EMBEDDING_MIN_COSINE = 0.99999;
/** A UTKFace crop whose brightest value is 204: human's autoBrightness brightened every later frame x1.2 after it. */
const UTK_PHOTO = 'import/utkface/25_0_0_20170109150557335.jpg.chip.jpg';

/** The UTKFace crop as an import hands it to the engine: padded with grey (240x240). */
async function loadImportedPhoto(): Promise<ImageBitmap> {
  const response = await fetch(new URL(`/test/fixtures/${UTK_PHOTO}`, location.href));
  return (await preprocessImage(await response.blob(), TIGHT_CROP_PREPROCESSING)).bitmap;
}

/** A copy of `source` with every channel scaled by `factor`: a photo taken in a dim room. */
async function dimBitmap(source: ImageBitmap, factor: number): Promise<ImageBitmap> {
  const canvas = new OffscreenCanvas(source.width, source.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(source, 0, 0);
  const image = context.getImageData(0, 0, source.width, source.height);
  for (let i = 0; i < image.data.length; i++) if (i % 4 !== 3) image.data[i] = Math.round(image.data[i] * factor);
  context.putImageData(image, 0, 0);
  return canvas.transferToImageBitmap();
}

/** Asserts two runs of one photo found the same face at the same place and embedded it the same. */
function expectSameFace(label: string, later: FaceObservation, first: FaceObservation): void {
  expect(later.box, `${label}: box`).to.deep.equal(first.box);
  expect(later.yaw, `${label}: head yaw (the mesh, so the alignment)`).to.equal(first.yaw);
  const cosine = computeCosineSimilarity(later.embedding!, first.embedding!);
  expect(cosine, `${label}: cosine with the first run`).to.be.at.least(SAME_EMBEDDING_MIN_COSINE);
}

describe('the same photo embeds the same, whatever ran before (real models, wasm in a worker)', () => {
  let client: VisionClient;

  before(async () => {
    client = new WorkerVisionClient();
    // Not waiting for the recogniser: the first embedding waits for it, as an import's does.
    await client.load({ backend: 'wasm', modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH });
  });
  after(() => client.dispose());

  it('embeds the first photo after load as it embeds it after other photos, tracking and dim ones', async () => {
    const first = (await client.detect(await loadImportedPhoto(), { embed: true })).faces[0];
    expect(first.embedding?.length).to.equal(1024);
    const camera = await loadFixture('camera-person-a.jpg');
    const cameraFirst = (await client.detect(await copyBitmap(camera), { embed: true })).faces[0];
    // A live frame followed by the mesh alone, then a frame from a dark room: neither may leave a trace.
    await client.detect(await copyBitmap(camera), { embed: false, track: true });
    await client.detect(await dimBitmap(await loadFixture('camera-person-b.jpg'), 0.5), { embed: true, embedFaces: 'first' });
    expectSameFace('the UTKFace crop again', (await client.detect(await loadImportedPhoto(), { embed: true })).faces[0], first);
    expectSameFace('the camera photo again', (await client.detect(camera, { embed: true })).faces[0], cameraFirst);
  });
});
