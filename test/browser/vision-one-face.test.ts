import { expect } from '@open-wc/testing';
import { computeCosineSimilarity } from '../../src/matching/scores';
import { MODEL_BASE_PATH, WASM_PATH, WorkerVisionClient } from '../../src/vision/client';
import { FOLLOW_SWITCH_AREA_RATIO } from '../../src/vision/tracking';
import type { Box, Observation, VisionClient } from '../../src/vision/types';
import { loadFixture } from './helpers/images';

/** Group photos (3 to 5 faces) and the camera photo; each is embedded both ways. */
const PHOTOS = ['sample1.jpg', 'sample2.jpg', 'sample3.jpg', 'sample4.jpg', 'sample5.jpg', 'sample6.jpg', 'camera-person-a.jpg'];

describe('embedding one face only (real models, real photos, wasm in a worker)', () => {
  let client: VisionClient;

  before(async () => {
    client = new WorkerVisionClient();
    await client.load({ backend: 'wasm', modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH });
  });
  after(() => client.dispose());

  for (const name of PHOTOS) {
    it(`gives ${name}'s largest face human's own embedding (cosine 0.999 or more), and no other face one`, async () => {
      const everyFace: Observation = await client.detect(await loadFixture(name), { embed: true });
      const largestOnly: Observation = await client.detect(await loadFixture(name), { embed: true, embedFaces: 'first' });
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

  it('lists the followed face first and embeds that one, as human embeds it', async () => {
    const area = (box: Box) => box[2] * box[3];
    let checked = 0;
    for (const name of PHOTOS) {
      const everyFace = await client.detect(await loadFixture(name), { embed: true });
      // A face other than the largest that keeps its place: within FOLLOW_SWITCH_AREA_RATIO of the largest.
      const other = everyFace.faces.slice(1).find((face) => FOLLOW_SWITCH_AREA_RATIO * area(face.box) > area(everyFace.faces[0].box));
      if (!other) continue;
      const followed = await client.detect(await loadFixture(name), { embed: true, embedFaces: 'first', follow: other.box });
      expect(followed.faces[0].box).to.deep.equal(other.box);
      expect(computeCosineSimilarity(followed.faces[0].embedding!, other.embedding!)).to.be.at.least(0.999);
      for (const face of followed.faces.slice(1)) expect(face.embedding).to.equal(null);
      checked++;
    }
    expect(checked, 'photos with a second face near the largest one').to.be.greaterThan(0);
  });

  it('leaves the next call embedding every face: human keeps no per-call setting behind', async () => {
    await client.detect(await loadFixture('sample1.jpg'), { embed: true, embedFaces: 'first' });
    const next = await client.detect(await loadFixture('sample1.jpg'), { embed: true });
    expect(next.faces.length).to.be.greaterThan(1);
    for (const face of next.faces) expect(face.embedding?.length).to.equal(1024);
  });
});
