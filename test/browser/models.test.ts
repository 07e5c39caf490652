import { expect } from '@open-wc/testing';
import { getScoreFunction } from '../../src/matching/scores';
import { MODELS } from '../../src/models/registry';
import { MODEL_BASE_PATH, WASM_PATH, WorkerVisionClient } from '../../src/vision/client';
import type { Observation } from '../../src/vision/types';
import { cropAround, loadFixture } from './helpers/images';

/** Group photos: within one, every face is a different person. */
const SAMPLES = ['sample1.jpg', 'sample2.jpg', 'sample4.jpg'];

MODELS.forEach((model) => {
  describe(`recognition model ${model.id} (real model, real photos, wasm)`, () => {
    const client = new WorkerVisionClient();
    const observations = new Map<string, Observation>();
    const score = getScoreFunction(model.scoreId);

    before(async () => {
      const info = await client.load({ backend: 'wasm', modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH, modelId: model.id });
      expect(info.modelId).to.equal(model.id);
      for (const name of SAMPLES) observations.set(name, await client.detect(await loadFixture(name), { embed: true }));
    });
    after(() => client.dispose());

    it(`embeds every face in ${model.dim} floats`, () => {
      for (const observation of observations.values()) {
        expect(observation.faces.length).to.be.greaterThan(2);
        for (const face of observation.faces) expect(face.embedding?.length).to.equal(model.dim);
      }
    });

    it('scores each probe face re-cropped above that face against every other person', async () => {
      for (const name of SAMPLES) {
        const [probe, ...others] = observations.get(name)!.faces;
        const recropped = await client.detect(await cropAround(await loadFixture(name), probe.box, 0.5), { embed: true });
        const genuine = score(probe.embedding!, recropped.faces[0].embedding!);
        const impostors = others.map((face) => score(probe.embedding!, face.embedding!));
        expect(genuine, `${name}: same face ${genuine.toFixed(3)}, others ${impostors.map((s) => s.toFixed(3)).join(' ')}`)
          .to.be.greaterThan(Math.max(...impostors));
      }
    });

    it('requests nothing outside the origin, and the dlib worker only when dlib is chosen', async () => {
      const audit = await client.audit!();
      for (const request of audit.requests) expect(new URL(request.url).origin, request.url).to.equal(location.origin);
      const dlibRequests = audit.requests.filter((request) => /dlib/.test(request.url));
      if (model.runner === 'face-api') {
        const files = dlibRequests.map((request) => new URL(request.url).pathname);
        expect(files, files.join(' ')).to.include.members(['/models/dlib/face_recognition_model-weights_manifest.json', '/models/dlib/face_recognition_model.bin']);
      }
      else expect(dlibRequests, JSON.stringify(dlibRequests)).to.deep.equal([]);
    });
  });
});
