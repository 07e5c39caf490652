import { expect } from '@open-wc/testing';
import { Human } from '@vladmandic/human';
import { computeSimilarity } from '../../src/matching/similarity';
import { MODEL_BASE_PATH, WASM_PATH, WorkerVisionClient } from '../../src/vision/client';
import type { EngineInfo, Observation, VisionClient } from '../../src/vision/types';
import { copyBitmap, cropAround, flipBitmap, loadFixture } from './helpers/images';

/** Face counts on face-api's demo photos, counted by eye. */
const EXPECTED_FACES = [3, 3, 3, 4, 5, 4];

describe('vision engine (real models, real photos, wasm in a worker)', () => {
  let client: VisionClient;
  let info: EngineInfo;
  /** What `load` answered: the detector and mesh, before the recognition model. */
  let firstInfo: EngineInfo;
  const observed = new Map<string, Observation>();

  async function observe(name: string): Promise<Observation> {
    if (!observed.has(name)) observed.set(name, await client.detect(await loadFixture(name), { embed: true }));
    return observed.get(name)!;
  }

  before(async () => {
    client = new WorkerVisionClient();
    firstInfo = await client.load({ backend: 'wasm', modelBasePath: MODEL_BASE_PATH, wasmPath: WASM_PATH });
    info = await client.whenRecogniserReady!();
  });
  after(() => client.dispose());

  it('runs the backend it was asked for, in the worker, multithreaded when isolated', () => {
    expect(info.backend).to.equal('wasm');
    expect(info.thread).to.equal('worker');
    expect(info.crossOriginIsolated).to.equal(true);
    expect(info.wasmMultithread).to.equal(true);
    expect(info.humanVersion).to.equal('3.3.6');
  });

  it('answers the load with the detector and mesh, and the recognition model after them', () => {
    expect(firstInfo.isRecogniserLoading).to.equal(true);
    expect(firstInfo.models.map((model) => model.name).sort()).to.deep.equal(['blazeface', 'facemesh']);
    expect(info.isRecogniserLoading).to.equal(false);
    expect(info.models.map((model) => model.name)).to.include('faceres');
  });

  it('loads every model and wasm binary from the page origin (the worker\'s own requests)', async () => {
    expect(info.models.map((model) => model.name).sort()).to.include.members(['blazeface', 'facemesh', 'faceres']);
    for (const model of info.models) expect(new URL(model.url).origin).to.equal(location.origin);
    // The page's resource timing never sees a worker's fetches: ask the worker for its own.
    const audit = await client.audit!();
    const fetched = audit.requests.map((request) => request.url);
    for (const file of ['blazeface.bin', 'facemesh.bin', 'faceres.bin']) {
      expect(fetched.some((url) => url.endsWith(`/models/${file}`)), `the worker fetched ${file}`).to.equal(true);
    }
    expect(fetched.some((url) => url.endsWith('.wasm')), 'the worker fetched a wasm binary').to.equal(true);
    expect(fetched.filter((url) => new URL(url).origin !== location.origin)).to.deep.equal([]);
    expect(audit.violations).to.deep.equal([]);
  });

  EXPECTED_FACES.forEach((count, index) => {
    it(`finds ${count} faces in sample${index + 1}.jpg`, async () => {
      const observation = await observe(`sample${index + 1}.jpg`);
      expect(observation.faces.length).to.equal(count);
      for (const face of observation.faces) expect(face.embedding?.length).to.equal(1024);
    });
  });

  it('scores a face against its own mirrored and re-cropped copies at 0.74 or more', async () => {
    for (const name of ['sample1.jpg', 'sample2.jpg', 'sample4.jpg']) {
      const photo = await loadFixture(name);
      const face = (await observe(name)).faces[0];
      const crop = await cropAround(photo, face.box, 0.5);
      const cropped = (await client.detect(await copyBitmap(crop), { embed: true })).faces[0];
      const mirrored = (await client.detect(await flipBitmap(crop), { embed: true })).faces[0];
      expect(computeSimilarity(face.embedding!, cropped.embedding!), `${name} re-cropped`).to.be.at.least(0.74);
      expect(computeSimilarity(face.embedding!, mirrored.embedding!), `${name} mirrored`).to.be.at.least(0.74);
    }
  });

  it('scores different people in the samples at 0.6 or less, equal to human.match.similarity within 0.01', async () => {
    const faces = [];
    for (let i = 1; i <= 6; i++) faces.push(...(await observe(`sample${i}.jpg`)).faces.map((face) => face.embedding!));
    const human = new Human();
    let pairs = 0;
    // Within one group photo every face is a different person.
    for (let i = 1; i <= 6; i++) {
      const own = (await observe(`sample${i}.jpg`)).faces;
      for (let a = 0; a < own.length; a++) {
        for (let b = a + 1; b < own.length; b++) {
          const ours = computeSimilarity(own[a].embedding!, own[b].embedding!);
          const theirs = human.match.similarity(Array.from(own[a].embedding!), Array.from(own[b].embedding!));
          expect(ours, `sample${i} faces ${a} and ${b}`).to.be.at.most(0.6);
          expect(Math.abs(ours - theirs)).to.be.at.most(0.01);
          pairs++;
        }
      }
    }
    expect(pairs).to.be.greaterThan(20);
  });

  it('follows a face with the mesh alone on a new frame, and drops it when it is gone', async () => {
    /** The camera photo moved `dx` px right (grey fill), or a grey frame; a new bitmap each time. */
    const photo = await loadFixture('camera-person-a.jpg');
    const frame = async (dx: number | null): Promise<ImageBitmap> => {
      const canvas = new OffscreenCanvas(photo.width, photo.height);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#808080';
      context.fillRect(0, 0, canvas.width, canvas.height);
      if (dx !== null) context.drawImage(photo, dx, 0);
      return createImageBitmap(canvas);
    };
    const detected = await client.detect(await frame(0), { embed: false, track: true });
    // Nothing to follow yet: the detector ran.
    expect(detected.isTracked).to.equal(false);
    expect(detected.faces.length).to.be.greaterThan(0);
    const moved = await client.detect(await frame(24), { embed: true, track: true });
    expect(moved.isTracked).to.equal(true);
    expect(moved.faces.length).to.be.greaterThan(0);
    // The box is measured on the moved frame, not handed back from the last answer.
    expect(moved.faces[0].box[0] - detected.faces[0].box[0]).to.be.within(16, 32);
    // An embedding on a tracking frame is of this frame's face: the same person.
    const own = (await observe('camera-person-a.jpg')).faces[0].embedding!;
    expect(computeSimilarity(moved.faces[0].embedding!, own)).to.be.above(0.8);
    const gone = await client.detect(await frame(null), { embed: false, track: true });
    expect(gone.isTracked).to.equal(true);
    expect(gone.faces).to.have.length(0);
    const again = await client.detect(await frame(0), { embed: false, track: true });
    expect(again.isTracked).to.equal(false);
    expect(again.faces.length).to.be.greaterThan(0);
    photo.close();
  });

  it('gives up a cancelled call with an AbortError', async () => {
    const controller = new AbortController();
    const pending = client.detect(await loadFixture('sample1.jpg'), { embed: true, signal: controller.signal });
    controller.abort();
    const error = await pending.then(() => null, (reason: unknown) => reason);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});
