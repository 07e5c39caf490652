import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PackController } from '../../src/app/pack-controller';
import { fingerprintPack } from '../../src/app/pack-fingerprint';
import { loadBundledPackIndex } from '../../src/import/bundled';
import { readModelIdentity } from '../../src/import/model';
import { toStoredPackInput } from '../../src/import/stored-pack';
import { createMemoryStore } from '../../src/store';
import { MODEL_BASE_PATH } from '../../src/vision/client';
import { createSyntheticPack } from '../fixtures/synthetic-pack';

/** The smallest host a controller needs. */
function makeHost(): ReactiveControllerHost {
  return {
    addController: (_controller: ReactiveController) => {},
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  };
}

describe('PackController: one owner that validates every pack and checks every hash', () => {
  const modelSha256 = () => readModelIdentity(MODEL_BASE_PATH, '').then((model) => model.sha256);

  it('opens a bundled pack whose bytes match the sha256 in packs/index.json', async () => {
    const controller = new PackController(makeHost(), { store: () => null, modelSha256, onActivated: () => {} });
    await controller.start('lfw-94');
    expect(controller.state).to.deep.equal({ status: 'ready', id: 'lfw-94' });
    expect(controller.pack?.samples.length).to.equal(360);
    // Its content key is the file's sha256 the controller checked: no pass over 360 embeddings.
    const entry = controller.bundled.find((candidate) => candidate.id === 'lfw-94')!;
    expect(fingerprintPack(controller.pack!)).to.equal(`360x1024-${entry.sha256.slice(0, 16)}`);
  });

  it('opens one decoded copy of a set whichever model\u2019s entry names it', async () => {
    const controller = new PackController(makeHost(), { store: () => null, modelSha256, onActivated: () => {} });
    await controller.start('lfw-94');
    const first = controller.pack;
    await controller.activate('lfw-94.dlib', { remember: false });
    expect(controller.state).to.deep.equal({ status: 'ready', id: 'lfw-94.dlib' });
    // The active model is faceres: its file, the same object, not a second decode of it.
    expect(controller.pack).to.equal(first);
    expect(controller.pack?.model.id).to.equal('faceres');
  });

  it('refuses a bundled pack whose bytes differ from its index entry, and says what to do', async () => {
    const controller = new PackController(makeHost(), { store: () => null, modelSha256, onActivated: () => {} });
    const index = await loadBundledPackIndex();
    controller.bundled = index.packs.map((entry) => ({ ...entry, sha256: 'f'.repeat(64) }));
    await controller.activate('lfw-94', { remember: false });
    expect(controller.state.status).to.equal('failed');
    expect((controller.state as { message: string }).message).to.match(/is not the file its index lists .*it was changed or cut off on the way, so it was not used/);
  });

  it('validates an imported pack read back from storage like a file, and refuses a damaged one', async () => {
    const store = createMemoryStore();
    const sha = await modelSha256();
    const pack = createSyntheticPack({ dim: 1024 });
    pack.model = { ...pack.model, sha256: sha, dim: 1024 };
    await store.packs.put(toStoredPackInput('mine', pack));
    const controller = new PackController(makeHost(), { store: () => store, modelSha256, onActivated: () => {} });
    await controller.activate('mine', { remember: false });
    expect(controller.state).to.deep.equal({ status: 'ready', id: 'mine' });
    // No file, no file hash: an imported pack is keyed by its content (FNV).
    expect(fingerprintPack(controller.pack!)).to.match(/^\d+x1024-[0-9a-f]{8}$/);

    const damaged = createSyntheticPack({ dim: 1024 });
    damaged.model = { ...damaged.model, sha256: sha, dim: 1024 };
    damaged.samples[0].embedding.fill(0);
    await store.packs.put(toStoredPackInput('damaged', damaged));
    await controller.activate('damaged', { remember: false });
    expect(controller.state.status).to.equal('failed');
    expect((controller.state as { message: string }).message).to.match(/is all zeros/);
  });
});
