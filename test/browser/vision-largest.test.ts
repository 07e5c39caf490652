import { expect } from '@open-wc/testing';
import { computeCosineSimilarity } from '../../src/matching/scores';
import { MODEL_BASE_PATH, WASM_PATH, WorkerVisionClient } from '../../src/vision/client';
import type { Observation, VisionClient } from '../../src/vision/types';
import { loadFixture } from './helpers/images';

/** Group photos (3 to 5 faces) and the camera photo; each is embedded both ways. */
const PHOTOS = ['sample1.jpg', 'sample2.jpg', 'sample3.jpg', 'sample4.jpg', 'sample5.jpg', 'sample6.jpg', 'camera-person-a.jpg'];

describe('embedding the largest face only (real models, real photos, wasm in a worker)', () => {
  let client: VisionClient;

  before(async () => {
    client = new WorkerVisionClient();
    await client.load({ backend: 'wasm', modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH });
  });
  after(() => client.dispose());

  for (const name of PHOTOS) {
    it(`gives ${name}'s largest face human's own embedding (cosine 0.999 or more), and no other face one`, async () => {
      const everyFace: Observation = await client.detect(await loadFixture(name), { embed: true });
      const largestOnly: Observation = await client.detect(await loadFixture(name), { embed: true, embedFaces: 'largest' });
      expect(largestOnly.faces.map((face) => face.box)).to.deep.equal(everyFace.faces.map((face) => face.box));
      const [ours, humans] = [largestOnly.faces[0], everyFace.faces[0]];
      expect(ours.embedding?.length).to.equal(1024);
      expect(computeCosineSimilarity(ours.embedding!, humans.embedding!)).to.be.at.least(0.999);
      // Age and gender come from the same pass of the model, read as human reads them.
      expect(ours.gender).to.equal(humans.gender);
      expect(ours.genderScore).to.be.closeTo(humans.genderScore!, 0.01);
      expect(ours.age).to.be.closeTo(humans.age!, 0.5);
      for (const face of largestOnly.faces.slice(1)) expect(face.embedding).to.equal(null);
      // The embedding time is one face's, not the frame's.
      expect(largestOnly.timings.embed).to.be.greaterThan(0);
    });
  }

  it('leaves the next call embedding every face: human keeps no per-call setting behind', async () => {
    await client.detect(await loadFixture('sample1.jpg'), { embed: true, embedFaces: 'largest' });
    const next = await client.detect(await loadFixture('sample1.jpg'), { embed: true });
    expect(next.faces.length).to.be.greaterThan(1);
    for (const face of next.faces) expect(face.embedding?.length).to.equal(1024);
  });
});
