/**
 * The gap index sorted in the real all-pairs worker (buildGapIndexInBackground) against the one
 * sorted on the page's thread (buildGapIndex): the same arrays to the last bit, on a set large
 * enough to go to the worker; the scores shared with it, not copied, on this cross-origin isolated
 * page, and the table it sends back shared too; abort rejects and terminates the worker.
 */
import { expect } from '@open-wc/testing';
import type { ScoreIndex } from '../../src/metrics/score-index';
import type { PairTable } from '../../src/metrics/types';
import { buildGapIndex, buildGapIndexInBackground, isIndexedInBackground, type GapOptions } from '../../src/views/gap-model';
import { RACE_LABEL_SOURCE, UNVERIFIED_SOURCE } from '../../src/views/grouping';
import { scorePackPairs, type ScoredSampleSet } from '../../src/views/sample-set';
import { createSyntheticPack } from '../fixtures/synthetic-pack';

type Numbers = Float64Array | Float32Array | Uint32Array | Int32Array | Uint8Array;

/** Same length and bytes, or a message naming the first difference. */
function findBitDifference(actual: Numbers, expected: Numbers, what: string): string | null {
  if (actual.constructor !== expected.constructor || actual.length !== expected.length) return `${what}: ${actual.length} vs ${expected.length} values`;
  const a = new Uint8Array(actual.buffer, actual.byteOffset, actual.byteLength);
  const b = new Uint8Array(expected.buffer, expected.byteOffset, expected.byteLength);
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return `${what}: byte ${k} differs`;
  return null;
}

function listDifferences(table: PairTable, index: ScoreIndex, hereTable: PairTable, hereIndex: ScoreIndex): string[] {
  const found: (string | null)[] = [];
  for (const key of ['scores', 'isGenuine', 'sampleA', 'sampleB', 'sampleGroup', 'sampleSubject'] as const) found.push(findBitDifference(table[key], hereTable[key], key));
  found.push(findBitDifference(index.overall.genuine, hereIndex.overall.genuine, 'overall genuine'));
  found.push(findBitDifference(index.overall.impostor, hereIndex.overall.impostor, 'overall impostor'));
  for (const [group, sorted] of hereIndex.byGroup) {
    found.push(findBitDifference(index.byGroup.get(group)!.genuine, sorted.genuine, `${group} genuine`));
    found.push(findBitDifference(index.byGroup.get(group)!.impostor, sorted.impostor, `${group} impostor`));
  }
  if (index.groups.join() !== hereIndex.groups.join()) found.push(`groups ${index.groups.join()} vs ${hereIndex.groups.join()}`);
  return found.filter((d): d is string => d !== null);
}

/** Replaces `Worker` with a subclass counting starts and terminations. */
function countWorkers(): { started: number; terminated: number; restore: () => void } {
  const original = globalThis.Worker;
  const counts = { started: 0, terminated: 0, restore: () => { globalThis.Worker = original; } };
  globalThis.Worker = class extends original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      counts.started++;
    }
    override terminate(): void {
      counts.terminated++;
      super.terminate();
    }
  };
  return counts;
}

/** 4 groups x 100 people x 2 faces: 319,600 pairs, enough to be sorted in the worker. */
async function scoreLargeSet(): Promise<ScoredSampleSet> {
  const groups = ['A', 'B', 'C', 'D'].map((race, g) => ({ labels: { race, gender: g % 2 ? 'male' : 'female' }, people: 100, facesPerPerson: 2, closeness: 0.3 + 0.1 * g }));
  const set = await scorePackPairs(createSyntheticPack({ groups, seed: 5, dim: 32 }));
  const samples = set.samples.map((s, i) => (i % 7 === 0 ? { ...s, labels: { ...s.labels, [RACE_LABEL_SOURCE]: UNVERIFIED_SOURCE } } : s));
  return { samples, scored: set.scored };
}

describe('gap index in the all-pairs worker', () => {
  let setPromise: Promise<ScoredSampleSet> | null = null;
  const large = () => (setPromise ??= scoreLargeSet());

  for (const options of [
    { groupBy: ['race'], impostorGrouping: 'within', excludeUnverified: false },
    { groupBy: ['race', 'gender'], impostorGrouping: 'probe', excludeUnverified: true },
  ] as GapOptions[]) {
    it(`equals the index sorted on this thread, to the last bit (${JSON.stringify(options)})`, async () => {
      const set = await large();
      expect(isIndexedInBackground(set)).to.equal(true);
      expect(globalThis.crossOriginIsolated, 'the test server isolates the page').to.equal(true);
      expect(set.scored.scores.buffer instanceof SharedArrayBuffer, 'scored into shared memory').to.equal(true);
      const workers = countWorkers();
      try {
        const inWorker = await buildGapIndexInBackground(set, options);
        expect([workers.started, workers.terminated]).to.deep.equal([1, 1]);
        const here = buildGapIndex(set, options);
        expect(listDifferences(inWorker.table, inWorker.index, here.table, here.index)).to.deep.equal([]);
        expect(Object.is(inWorker.thresholdAtTargetFmr, here.thresholdAtTargetFmr)).to.equal(true);
        expect(inWorker.eer).to.deep.equal(here.eer);
        expect([...inWorker.members]).to.deep.equal([...here.members]);
        expect(inWorker.excludedSamples).to.equal(options.excludeUnverified ? 115 : 0);
        // The table's columns are all in shared memory: the bootstrap worker reads them without a copy here.
        for (const column of [inWorker.table.isGenuine, inWorker.table.scores, inWorker.table.sampleA]) expect(column.buffer instanceof SharedArrayBuffer).to.equal(true);
      } finally {
        workers.restore();
      }
    });
  }

  it('rejects with the abort reason and terminates the worker', async () => {
    const set = await large();
    const workers = countWorkers();
    try {
      const abort = new AbortController();
      const run = buildGapIndexInBackground(set, { groupBy: ['race'], impostorGrouping: 'within', excludeUnverified: false }, { signal: abort.signal });
      await new Promise((resolve) => setTimeout(resolve, 0));
      const reason = new DOMException('regrouped again', 'AbortError');
      abort.abort(reason);
      expect(await run.then(() => null, (error: unknown) => error)).to.equal(reason);
      expect([workers.started, workers.terminated]).to.deep.equal([1, 1]);
    } finally {
      workers.restore();
    }
  });
});
