import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PackController } from '../../src/app/pack-controller';
import { readModelIdentity } from '../../src/import/model';
import { toStoredPackInput } from '../../src/import/stored-pack';
import { getModel, type ModelId } from '../../src/models/registry';
import { createMemoryStore } from '../../src/store';
import { MODEL_BASE_PATH } from '../../src/vision/client';
import { createSyntheticPack } from '../fixtures/synthetic-pack';

function makeHost(): ReactiveControllerHost {
  return { addController: (_c: ReactiveController) => {}, removeController: () => {}, requestUpdate: () => {}, updateComplete: Promise.resolve(true) };
}

/** A controller whose active model is whatever `active.id` says when it is asked. */
function makeController(active: { id: ModelId }, store: ReturnType<typeof createMemoryStore> | null = null, isNeeded?: () => boolean): PackController {
  return new PackController(makeHost(), {
    isNeeded,
    store: () => store,
    model: () => getModel(active.id),
    modelSha256: () => readModelIdentity(MODEL_BASE_PATH, '', { model: getModel(active.id) }).then((model) => model.sha256),
    onActivated: () => {},
  });
}

describe('PackController with the active recognition model', () => {
  it('opens the remembered pack set with each model\'s own embeddings, on its own score', async () => {
    const active: { id: ModelId } = { id: 'faceres' };
    const controller = makeController(active);
    await controller.start('utkface-600');
    expect(controller.pack?.model.id).to.equal('faceres');
    for (const id of ['dlib', 'faceres-deep', 'mobileface', 'faceres'] as const) {
      active.id = id;
      await controller.activate('utkface-600', { remember: false });
      expect(controller.state, id).to.deep.equal({ status: 'ready', id: 'utkface-600' });
      expect(controller.pack?.model.id).to.equal(id);
      expect(controller.pack?.score).to.equal(getModel(id).scoreId);
      expect(controller.pack?.samples[0].embedding.length).to.equal(getModel(id).dim);
    }
  });

  it('says plainly when a bundled set has no embeddings of the active model', async () => {
    // Every bundled set has every model's pack now: the index is served without lfw-94's dlib entry.
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (!String(input instanceof Request ? input.url : input).endsWith('packs/index.json')) return response;
      const index = await response.json() as { packs: { id: string }[] };
      return Response.json({ ...index, packs: index.packs.filter((entry) => entry.id !== 'lfw-94.dlib') });
    };
    try {
      const active: { id: ModelId } = { id: 'dlib' };
      const controller = makeController(active);
      await controller.start('lfw-94');
      expect(controller.state.status).to.equal('failed');
      expect((controller.state as { message: string }).message).to.match(/“LFW 94 people” has no embeddings of the dlib ResNet-34 model/);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('refuses an imported pack of another model, naming both models, and keeps it', async () => {
    const store = createMemoryStore();
    const pack = createSyntheticPack({ dim: 1024 });
    pack.model = { ...pack.model, id: 'faceres', sha256: (await readModelIdentity(MODEL_BASE_PATH, '')).sha256, dim: 1024 };
    await store.packs.put(toStoredPackInput('mine', pack));
    const controller = makeController({ id: 'dlib' }, store);
    await controller.activate('mine', { remember: false });
    expect((controller.state as { message: string }).message).to.match(/was made with the faceres \(faceres\) model, but the active model is dlib ResNet-34 \(dlib\).*It stays on this device unchanged/);
    expect(await store.packs.get('mine')).to.not.equal(null);
  });

  it('chooses the pack at start and opens it only once a view needs it, saying its size while it downloads', async () => {
    const view = { isOpen: false };
    const controller = makeController({ id: 'faceres' }, null, () => view.isOpen);
    await controller.start('utkface-600');
    expect(controller.state).to.deep.equal({ status: 'idle' });
    expect(controller.pack).to.equal(null);
    view.isOpen = true;
    controller.hostUpdated();
    const entry = controller.bundled.find((candidate) => candidate.pack === 'utkface-600' && candidate.model === 'faceres')!;
    expect(controller.state).to.deep.equal({ status: 'loading', id: 'utkface-600', download: { name: entry.name, bytes: entry.bytes } });
    while (controller.state.status === 'loading') await new Promise((resolve) => setTimeout(resolve, 20));
    expect(controller.state).to.deep.equal({ status: 'ready', id: 'utkface-600' });
    expect(controller.pack?.name).to.equal(entry.name);
  });
});
