/**
 * The gap index built off the main thread (src/metrics/gap-pairs*.ts) against the one built on it
 * (buildGapIndex, and the table + indexScores path it used before): the same arrays to the last
 * bit, through the worker's message round trip (structuredClone with transfer, as postMessage does)
 * and through the worker client with a stand-in Worker that runs the worker's own steps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { attachGapOverall, indexGapPairs, readGapOverall, type GapPairsInput } from '../../../src/metrics/gap-pairs';
import { indexGapPairsInBackground, indexGapPairsInWorker } from '../../../src/metrics/gap-pairs-client';
import { packGapPairs, shareGapTable, unpackGapPairs, type IndexedMessage } from '../../../src/metrics/gap-pairs-message';
import { buildPairTableFromSamples } from '../../../src/metrics/pair-table';
import { indexScores, type ScoreIndex } from '../../../src/metrics/score-index';
import type { PairTable } from '../../../src/metrics/types';
import type { IndexMessage } from '../../../src/metrics/all-pairs-protocol';
import { buildGapIndex, buildGapIndexInBackground, type GapIndex, type GapOptions } from '../../../src/views/gap-model';
import { findGroupLabel, RACE_LABEL_SOURCE, UNVERIFIED_SOURCE } from '../../../src/views/grouping';
import { findPersonId, scorePackPairs, type ScoredSampleSet } from '../../../src/views/sample-set';
import { createSyntheticPack } from '../../fixtures/synthetic-pack';

type Numbers = Float64Array | Float32Array | Uint32Array | Int32Array | Uint8Array;

/** Same type, length and bytes: equal to the last bit (-0 and NaN payloads included). */
function expectSameBits(actual: Numbers, expected: Numbers, what: string): void {
  expect(actual.constructor, what).toBe(expected.constructor);
  expect(actual.length, what).toBe(expected.length);
  const a = new Uint8Array(actual.buffer, actual.byteOffset, actual.byteLength);
  const b = new Uint8Array(expected.buffer, expected.byteOffset, expected.byteLength);
  expect(Buffer.compare(a, b), what).toBe(0);
}

function expectSameIndex(actual: ScoreIndex, expected: ScoreIndex): void {
  expect(actual.groups).toEqual(expected.groups);
  expect([...actual.byGroup.keys()]).toEqual([...expected.byGroup.keys()]);
  expect(actual.impostorGrouping).toBe(expected.impostorGrouping);
  expectSameBits(actual.overall.genuine, expected.overall.genuine, 'overall genuine');
  expectSameBits(actual.overall.impostor, expected.overall.impostor, 'overall impostor');
  for (const [group, sorted] of expected.byGroup) {
    expectSameBits(actual.byGroup.get(group)!.genuine, sorted.genuine, `${group} genuine`);
    expectSameBits(actual.byGroup.get(group)!.impostor, sorted.impostor, `${group} impostor`);
  }
}

function expectSameTable(actual: PairTable, expected: PairTable): void {
  for (const key of ['scores', 'isGenuine', 'sampleA', 'sampleB', 'sampleGroup', 'sampleSubject'] as const) expectSameBits(actual[key], expected[key], key);
  expect(actual.groupLabels).toEqual(expected.groupLabels);
  expect(actual.subjectLabels).toEqual(expected.subjectLabels);
  expect(actual.isFaceSet).toBe(expected.isFaceSet);
}

function expectSameGap(actual: GapIndex, expected: GapIndex): void {
  expectSameTable(actual.table, expected.table);
  expectSameIndex(actual.index, expected.index);
  expect(actual.members).toEqual(expected.members);
  expect(actual.scored).toBe(expected.scored);
  expect([actual.includedSamples, actual.excludedSamples]).toEqual([expected.includedSamples, expected.excludedSamples]);
  expect(Object.is(actual.thresholdAtTargetFmr, expected.thresholdAtTargetFmr)).toBe(true);
  expect(actual.eer).toEqual(expected.eer);
}

/** The synthetic pack's scored set, every third face's race label marked unverified. */
async function scoreWithUnverified(): Promise<ScoredSampleSet> {
  const set = await scorePackPairs(createSyntheticPack({ seed: 11 }));
  const samples = set.samples.map((s, i) => (i % 3 === 0 ? { ...s, labels: { ...s.labels, [RACE_LABEL_SOURCE]: UNVERIFIED_SOURCE } } : s));
  return { samples, scored: set.scored };
}

/** The worker's own steps on a cloned request, answered with a transferred clone: postMessage's semantics. */
function answerLikeTheWorker(request: IndexMessage): IndexedMessage {
  const received = structuredClone(request);
  const { message, transfer } = packGapPairs(indexGapPairs(received), received.scored);
  return structuredClone(message, { transfer });
}

/** A stand-in `Worker` that runs {@link answerLikeTheWorker}, counting the workers started. */
class FakeIndexWorker extends EventTarget {
  static started = 0;
  constructor() {
    super();
    FakeIndexWorker.started++;
  }
  postMessage(request: IndexMessage): void {
    setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: answerLikeTheWorker(request) })), 0);
  }
  terminate(): void {}
}

const OPTIONS: readonly GapOptions[] = [
  { groupBy: ['race'], impostorGrouping: 'within', excludeUnverified: false },
  { groupBy: ['race', 'gender'], impostorGrouping: 'probe', excludeUnverified: false },
  { groupBy: ['gender'], impostorGrouping: 'within', excludeUnverified: true },
  { groupBy: ['age_band'], impostorGrouping: 'probe', excludeUnverified: true },
  { groupBy: [], impostorGrouping: 'within', excludeUnverified: false },
];

describe('gap index off the main thread', async () => {
  const set = await scoreWithUnverified();
  const inputOf = (options: GapOptions): GapPairsInput => ({
    scored: set.scored,
    labels: set.samples.map((s) => ({ group: findGroupLabel(s.labels, options.groupBy), subject: findPersonId(s) })),
    isIncluded: Uint8Array.from(set.samples, (s) => (options.excludeUnverified && s.labels[RACE_LABEL_SOURCE] === UNVERIFIED_SOURCE ? 0 : 1)),
    impostorGrouping: options.impostorGrouping,
  });
  afterEach(() => { delete (globalThis as { Worker?: unknown }).Worker; });

  it('indexes as the pair table + indexScores path did, when every face is kept', () => {
    const input = inputOf(OPTIONS[0]);
    const pairs = indexGapPairs(input);
    const table = buildPairTableFromSamples(set.scored, input.labels);
    expectSameTable(pairs.table, table);
    expectSameIndex(pairs.index, indexScores(table, 'within'));
    // No copy of the pairs when nothing is filtered: the table holds the scorer's own arrays.
    expect(pairs.table.scores).toBe(set.scored.scores);
  });

  it.each(OPTIONS)('the message round trip gives buildGapIndex\'s index bit for bit (%j)', (options) => {
    const input = inputOf(options);
    const request: IndexMessage = { type: 'index', ...input };
    const unpacked = unpackGapPairs(answerLikeTheWorker(request), set.scored);
    const here = buildGapIndex(set, options);
    expectSameTable(unpacked.table, here.table);
    expectSameIndex(unpacked.index, here.index);
    expect(Object.is(unpacked.thresholdAtTargetFmr, here.thresholdAtTargetFmr)).toBe(true);
    expect(unpacked.eer).toEqual(here.eer);
    // Kept pairs come back only when faces were left out; otherwise the caller's own are reused.
    expect(unpacked.table.scores === set.scored.scores).toBe(!options.excludeUnverified);
  });

  it('transfers every sorted array and the pairs it made, and sends back none it was given', () => {
    const input = inputOf(OPTIONS[2]);
    const pairs = indexGapPairs(input);
    const { message, transfer } = packGapPairs(pairs, input.scored);
    const arrays = [pairs.index.overall.genuine, pairs.index.overall.impostor, ...[...pairs.index.byGroup.values()].flatMap((s) => [s.genuine, s.impostor])];
    for (const array of [...arrays, pairs.table.isGenuine, pairs.table.scores, pairs.table.sampleA]) expect(transfer).toContain(array.buffer);
    expect(transfer).not.toContain(input.scored.scores.buffer);
    expect(message.keptPairs?.scores.length).toBeLessThan(input.scored.scores.length);
  });

  it.each(OPTIONS)('on an isolated page the worker shares the table\'s new columns instead of transferring them, bit for bit (%j)', (options) => {
    (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated = true;
    try {
      const input = inputOf(options);
      const received = structuredClone(input);
      const { message, transfer } = packGapPairs(shareGapTable(indexGapPairs(received), received.scored), received.scored);
      expect(transfer.every((buffer) => !(buffer instanceof SharedArrayBuffer))).toBe(true);
      expect(message.table.isGenuine.buffer).toBeInstanceOf(SharedArrayBuffer);
      if (message.keptPairs) expect(message.keptPairs.scores.buffer).toBeInstanceOf(SharedArrayBuffer);
      const unpacked = unpackGapPairs(structuredClone(message, { transfer }), input.scored);
      const here = buildGapIndex(set, options);
      expectSameTable(unpacked.table, here.table);
      expectSameIndex(unpacked.index, here.index);
    } finally {
      delete (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
    }
  });

  it.each(OPTIONS)('the worker client gives buildGapIndex\'s index bit for bit (%j)', async (options) => {
    (globalThis as { Worker?: unknown }).Worker = FakeIndexWorker;
    const before = FakeIndexWorker.started;
    const pairs = await indexGapPairsInWorker(inputOf(options));
    expect(FakeIndexWorker.started).toBe(before + 1);
    const here = buildGapIndex(set, options);
    expectSameTable(pairs.table, here.table);
    expectSameIndex(pairs.index, here.index);
    expect(Object.is(pairs.thresholdAtTargetFmr, here.thresholdAtTargetFmr)).toBe(true);
  });

  it('falls back to this thread without workers, and an abort rejects without falling back', async () => {
    const input = inputOf(OPTIONS[1]);
    expectSameIndex((await indexGapPairsInBackground(input)).index, indexGapPairs(input).index);
    const abort = new AbortController();
    abort.abort(new Error('regrouped again'));
    await expect(indexGapPairsInBackground(input, { signal: abort.signal })).rejects.toThrow('regrouped again');
  });

  it.each(OPTIONS)('buildGapIndexInBackground equals buildGapIndex (%j)', async (options) => {
    expectSameGap(await buildGapIndexInBackground(set, options), buildGapIndex(set, options));
  });

  it.each(OPTIONS)('a regrouping reuses the overall scores of the index shown, and equals buildGapIndex (%j)', async (options) => {
    for (const previous of [buildGapIndex(set, { ...OPTIONS[1], excludeUnverified: options.excludeUnverified }), buildGapIndex(set, { ...OPTIONS[1], excludeUnverified: !options.excludeUnverified })]) {
      const regrouped = await buildGapIndexInBackground(set, options, { previous });
      expectSameGap(regrouped, buildGapIndex(set, options));
      // Reused only when the same faces are kept (the overall scores do not depend on the groups).
      expect(regrouped.index.overall === previous.index.overall).toBe(previous.options.excludeUnverified === options.excludeUnverified);
    }
  });

  it('leaves the overall part out of the worker\'s answer when the caller holds it, and puts it back bit for bit', () => {
    const input = inputOf(OPTIONS[3]);
    const full = indexGapPairs(input);
    const { message, transfer } = packGapPairs(indexGapPairs({ ...input, isOverallKnown: true }), input.scored);
    expect(message.index.overall.impostor.length).toBe(0);
    expect(message.thresholdAtTargetFmr).toBeNull();
    const back = attachGapOverall(unpackGapPairs(structuredClone(message, { transfer }), input.scored), readGapOverall(full));
    expectSameTable(back.table, full.table);
    expectSameIndex(back.index, full.index);
    expect([back.thresholdAtTargetFmr, back.eer]).toEqual([full.thresholdAtTargetFmr, full.eer]);
  });
});
