/**
 * Bench page: every offered recognition model in its own vision worker (the app's client, the
 * app's config), detecting and embedding the same photos, models taking turns every round so a
 * load change on the machine hits them alike. Exposes `window.facegapBenchModels`.
 */
import { MODELS, type ModelId } from '../src/models/registry';
import { MODEL_BASE_PATH, WASM_PATH, WorkerVisionClient } from '../src/vision/client';

/** Per model: per-face embedding times and per-photo totals, in ms. */
export interface ModelBenchResult {
  modelId: ModelId;
  loadMs: number;
  embedMsPerFace: number[];
  totalMsPerPhoto: number[];
  faces: number;
}

const PHOTOS = ['sample1.jpg', 'sample2.jpg', 'sample4.jpg'];

async function loadPhoto(name: string): Promise<Blob> {
  return (await fetch(`/test/fixtures/${name}`)).blob();
}

async function benchModels(rounds: number): Promise<ModelBenchResult[]> {
  const photos = await Promise.all(PHOTOS.map(loadPhoto));
  const runs = [];
  for (const model of MODELS) {
    const client = new WorkerVisionClient();
    const started = performance.now();
    await client.load({ backend: 'wasm', modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH, modelId: model.id });
    // load answers with the detector; the model's own load time includes its recogniser.
    await client.whenRecogniserReady();
    const result: ModelBenchResult = { modelId: model.id, loadMs: performance.now() - started, embedMsPerFace: [], totalMsPerPhoto: [], faces: 0 };
    // The first call compiles the wasm kernels: not measured.
    await client.detect(await createImageBitmap(photos[0]), { embed: true });
    runs.push({ client, result, model });
  }
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? runs : [...runs].reverse();
    for (const { client, result, model } of order) {
      for (const photo of photos) {
        const observation = await client.detect(await createImageBitmap(photo), { embed: true });
        const faces = Math.max(1, observation.faces.length);
        result.faces += observation.faces.length;
        result.totalMsPerPhoto.push(observation.timings.total);
        // human times its description stage per face (the last face's time is what it reports);
        // the dlib path times all faces of the photo together.
        result.embedMsPerFace.push(model.runner === 'human' ? observation.timings.embed : observation.timings.embed / faces);
      }
    }
  }
  for (const { client } of runs) client.dispose();
  return runs.map((run) => run.result);
}

const scope = window as unknown as { facegapBenchModels: typeof benchModels };
scope.facegapBenchModels = benchModels;
document.querySelector('#result')!.setAttribute('data-state', 'ready');
