/**
 * Demo harness for the bias views: renders them with a synthetic pack (default) or a bundled one
 * (?pack=utkface-600), a fixed "your face" embedding and a small room, for screenshots.
 * ?presenter lays the gap view and you-vs-groups side by side in presenter mode;
 * ?view=gap|you|room shows one view; ?t=0.45 sets the threshold; ?group=race,gender the grouping.
 */
import { decodePack } from '../src/datasets/pack';
import type { ReferencePack } from '../src/datasets/pack-types';
import type { Template } from '../src/matching/templates';
import '../src/components/fg-gap-view';
import '../src/components/fg-room-view';
import '../src/components/fg-you-vs-groups';
import { createSyntheticPack } from '../test/fixtures/synthetic-pack';

const params = new URLSearchParams(location.search);
const isPresenter = params.has('presenter');
const view = params.get('view') ?? 'all';
let threshold = Number(params.get('t') ?? 0.5);
let groupBy = (params.get('group') ?? 'race,gender').split(',').filter(Boolean);

async function loadPack(): Promise<ReferencePack> {
  const name = params.get('pack');
  if (!name) return createSyntheticPack();
  const text = await (await fetch(`/packs/${name}.json`)).text();
  const model = JSON.parse(text).model;
  return decodePack(text, { modelSha256: model.sha256, dim: model.dim, scoreId: 'human-similarity-v1' });
}

function makeRoom(pack: ReferencePack): Template[] {
  const labels = [{ gender: 'female', race: 'Black' }, { gender: 'male', race: 'White' }, { gender: 'female' }, { gender: 'male', race: 'Asian' }, {}];
  return labels.map((l, i) => {
    const base = pack.samples[i * 7].embedding;
    return {
      id: `p${i}`, name: `Person ${i + 1}`, createdAt: 0, updatedAt: 0, labels: l as Record<string, string>,
      modelSha256: 'demo', scoreId: 'human-similarity-v1',
      embeddings: [0, 1, 2].map((k) => Float32Array.from(base, (v, j) => v + 0.02 * Math.sin(j * (k + 1)))),
    };
  });
}

const root = document.getElementById('demo') as HTMLElement;
const pack = await loadPack();
const you = Float32Array.from(pack.samples[3].embedding, (v, j) => v * 0.9 + 0.05 * Math.cos(j));
if (isPresenter) root.className = 'fg-presenter-layout';

const gap = document.createElement('fg-gap-view');
const mine = document.createElement('fg-you-vs-groups');
const room = document.createElement('fg-room-view');
const all = [gap, mine, room];
gap.pack = pack;
mine.pack = pack;
mine.embedding = you;
mine.bestMatch = { name: 'Person 2', score: 0.71 };
room.people = makeRoom(pack);
for (const el of all) {
  el.presenter = isPresenter;
  el.threshold = threshold;
  el.groupBy = groupBy;
}
// The app's role, played here: one threshold and one grouping shared by every view.
root.addEventListener('threshold-change', (e) => { threshold = e.threshold; all.forEach((el) => (el.threshold = threshold)); });
root.addEventListener('group-by-change', (e) => { groupBy = e.groupBy; all.forEach((el) => (el.groupBy = groupBy)); });
const shown = view === 'gap' ? [gap] : view === 'you' ? [mine] : view === 'room' ? [room] : isPresenter ? [gap, mine] : all;
root.append(...shown);
