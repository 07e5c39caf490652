import { expect } from '@open-wc/testing';
import { getScoreFunction } from '../../src/matching/scores';
import { MODELS } from '../../src/models/registry';
import { MODEL_BASE_PATH, WASM_PATH, WorkerVisionClient } from '../../src/vision/client';
import type { Observation } from '../../src/vision/types';
import { cropAround, flipBitmap, loadFixture } from './helpers/images';

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

    it('scores a face and its mirrored re-crop above every pair of different people', async () => {
      let highestImpostor = -Infinity;
      for (const observation of observations.values()) {
        const faces = observation.faces;
        for (let a = 0; a < faces.length; a++) {
          for (let b = a + 1; b < faces.length; b++) highestImpostor = Math.max(highestImpostor, score(faces[a].embedding!, faces[b].embedding!));
        }
      }
      for (const name of SAMPLES) {
        const face = observations.get(name)!.faces[0];
        const mirrored = await client.detect(await flipBitmap(await cropAround(await loadFixture(name), face.box, 0.5)), { embed: true });
        const genuine = score(face.embedding!, mirrored.faces[0].embedding!);
        expect(genuine, `${name}: same face ${genuine.toFixed(3)} vs highest impostor ${highestImpostor.toFixed(3)}`).to.be.greaterThan(highestImpostor);
      }
    });

    it('requests nothing outside the origin, and the dlib worker only when dlib is chosen', async () => {
      const audit = await client.audit!();
      for (const request of audit.requests) expect(new URL(request.url).origin, request.url).to.equal(location.origin);
      const dlibRequests = audit.requests.filter((request) => /dlib/.test(request.url));
      if (model.runner === 'face-api') expect(dlibRequests.length).to.be.greaterThan(0);
      else expect(dlibRequests, JSON.stringify(dlibRequests)).to.deep.equal([]);
    });
  });
});
