/**
 * Demo harness for the Compare models view, for screenshots: the bundled utkface-600 pack of every
 * offered model, compared by race at FMR 1e-3. ?presenter for the projector layout;
 * ?set=utkface-3000 for another set; ?group=race,gender for another grouping.
 */
import { decodePack } from '../src/datasets/pack';
import { compareModels, type ComparePack } from '../src/metrics/compare';
import { MODELS } from '../src/models/registry';
import '../src/components/compare/fg-compare-view';

const params = new URLSearchParams(location.search);
const set = params.get('set') ?? 'utkface-600';
const groupBy = (params.get('group') ?? 'race').split(',').filter(Boolean);

async function loadPack(url: string): Promise<ComparePack> {
  const text = await (await fetch(url)).text();
  const head = JSON.parse(text) as { model: { sha256: string; dim: number }; score: string };
  const pack = decodePack(text, { modelSha256: head.model.sha256, dim: head.model.dim, scoreId: head.score });
  return { name: pack.name, modelId: pack.model.id, scoreId: pack.score, samples: pack.samples, failures: pack.failures };
}

const view = document.createElement('fg-compare-view');
view.presenter = params.has('presenter');
document.querySelector('#demo')!.append(view);
const packs = await Promise.all(MODELS.map((model) => loadPack(model.id === 'faceres' ? `/packs/${set}.json` : `/packs/${set}.${model.id}.json`)));
view.report = compareModels(packs, { groupBy, fmrTarget: 1e-3, replicates: 200 });
document.body.dataset.ready = 'true';
