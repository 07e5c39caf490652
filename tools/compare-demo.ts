/**
 * Demo harness for the Compare models view, for screenshots: the bundled utkface-600 pack of every
 * offered model, compared by race at FMR 1e-3. ?presenter for the projector layout;
 * ?set=utkface-3000 for another set; ?group=race,gender for another grouping.
 */
import { compareModels, decodeComparePack, type ComparePack } from '../src/metrics/compare';
import { MODELS } from '../src/models/registry';
import '../src/components/compare/fg-compare-view';

const params = new URLSearchParams(location.search);
const set = params.get('set') ?? 'utkface-600';
const groupBy = (params.get('group') ?? 'race').split(',').filter(Boolean);

async function loadPack(url: string): Promise<ComparePack> {
  return decodeComparePack(new Uint8Array(await (await fetch(url)).arrayBuffer()));
}

const view = document.createElement('fg-compare-view');
view.presenter = params.has('presenter');
document.querySelector('#demo')!.append(view);
const packs = await Promise.all(MODELS.map((model) => loadPack(model.id === 'faceres' ? `/packs/${set}.json` : `/packs/${set}.${model.id}.json`)));
view.report = compareModels(packs, { groupBy, fmrTarget: 1e-3, replicates: 200 });
document.body.dataset.ready = 'true';
