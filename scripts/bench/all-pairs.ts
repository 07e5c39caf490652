/**
 * Benchmark: the blocked all-pairs scorer (src/metrics/all-pairs.ts) against the pair-by-pair
 * `computeSimilarity` loop over separate arrays, for 1,000, 2,000 and 5,000 random 1024-dim
 * embeddings in one run. Above NAIVE_FULL_LIMIT embeddings the naive loop is timed on its first
 * rows only and extrapolated per pair (printed as such). Writes bench-results/all-pairs.json.
 * Times are process CPU time (user + system), which other processes on a shared machine do not
 * inflate as much as wall time; wall times are kept in the JSON too.
 *
 * Then, for each size, the gap index of those scores (5 groups, one face per person as in UTKFace):
 * the main-thread time before (buildGapIndex and the score-by-score histograms, all on the page's
 * thread) and after (the index sorted in the all-pairs worker: only the labels, the transferred
 * answer, the assembly and the binary-searched histograms stay on the page's thread), with the
 * worker's own time and the copy a page that is not cross-origin isolated still makes.
 *
 *   npx tsx scripts/bench/all-pairs.ts [sizes...]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { computeSimilarity } from '../../src/matching/similarity';
import { countPairs, packEmbeddings, scoreAllPairs, type AllPairsResult } from '../../src/metrics/all-pairs';
import { computeScoreHistograms } from '../../src/metrics/distributions';
import { indexGapPairs } from '../../src/metrics/gap-pairs';
import { packGapPairs, unpackGapPairs } from '../../src/metrics/gap-pairs-message';
import { createMulberry32, createNormalSource } from '../../src/metrics/random';
import type { ScoreIndex } from '../../src/metrics/score-index';
import { assembleGapIndex, buildGapIndex, describeGapSamples, type GapOptions } from '../../src/views/gap-model';
import type { ScoredSampleSet } from '../../src/views/sample-set';

/** Embedding length of human's faceres. */
const EMBEDDING_DIM = 1024;
/** Spread of each value: gives squared distances near 100, i.e. scores near 0.5, like real faces. */
const VALUE_SD = 0.22;
/** Largest N whose naive loop is timed in full. */
const NAIVE_FULL_LIMIT = 2000;
/** Pairs the naive loop is timed on when extrapolating. */
const NAIVE_SAMPLE_PAIRS = 1_000_000;
const SEED = 20261126;

interface BenchRow {
  count: number;
  pairs: number;
  blockedMs: number;
  blockedWallMs: number;
  blockedJsMs: number | null;
  naiveMs: number;
  naiveWallMs: number;
  naiveExtrapolated: boolean;
  naiveSampledPairs: number;
  speedup: number;
  speedupJs: number | null;
  maxAbsDifference: number;
}

/** Runs `work` and returns its process CPU time and wall time, in ms. */
function timeCpu<T>(work: () => T): { cpuMs: number; wallMs: number; value: T } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall, value };
}

/** Main-thread and worker times of one gap index (ms of CPU time). */
interface GapIndexRow {
  count: number;
  pairs: number;
  /** buildGapIndex plus score-by-score histograms: what the page's thread did per grouping before. */
  beforeMainMs: number;
  /** Labels, receiving the transferred answer, assembly, binary-searched histograms. */
  afterMainMs: number;
  /** indexGapPairs and packing its answer, in the worker. */
  workerMs: number;
  /** The same for a regrouping (by gender) of the index shown: the overall scores are reused, not sorted again. */
  workerRegroupMs: number;
  /** Copying the scores and indexes into the worker's message (a page that is not cross-origin isolated; 0 where they are shared). */
  copyIfNotIsolatedMs: number;
}

const GAP_OPTIONS: GapOptions = { groupBy: ['race'], impostorGrouping: 'within', excludeUnverified: false };
const RACES = ['Asian', 'Black', 'Indian', 'Others', 'White'];

/** The histograms' former binning, one score at a time (src/metrics/distributions.ts before the binary search): the "before". */
function binEveryScore(index: ScoreIndex): number {
  let binned = 0;
  for (const sorted of index.byGroup.values()) {
    for (const scores of [sorted.genuine, sorted.impostor]) {
      for (const score of scores) binned += Math.floor(Number((score / 0.02).toFixed(9))) >= 0 ? 1 : 0;
    }
  }
  return binned;
}

function timeGapIndex(count: number, scored: AllPairsResult): GapIndexRow {
  const random = createMulberry32(SEED + 1);
  const set: ScoredSampleSet = {
    samples: Array.from({ length: count }, (_, i) => ({ id: String(i), subject: null, labels: { race: RACES[Math.floor(random() * RACES.length)], gender: random() < 0.5 ? 'female' : 'male' } })),
    scored,
  };
  const before = timeCpu(() => {
    const gap = buildGapIndex(set, GAP_OPTIONS);
    return binEveryScore(gap.index);
  });
  const prepare = timeCpu(() => describeGapSamples(set, GAP_OPTIONS));
  const input = prepare.value;
  // What postMessage copies on a page without shared memory; the worker then reads its copy.
  const copy = timeCpu(() => structuredClone(input));
  const worker = timeCpu(() => packGapPairs(indexGapPairs(copy.value), copy.value.scored));
  const receive = timeCpu(() => {
    const message = structuredClone(worker.value.message, { transfer: worker.value.transfer });
    const gap = assembleGapIndex(set, GAP_OPTIONS, input, unpackGapPairs(message, set.scored));
    return computeScoreHistograms(gap.index, { binWidth: 0.02 });
  });
  const regroupInput = { ...describeGapSamples(set, { ...GAP_OPTIONS, groupBy: ['gender'] }), isOverallKnown: true };
  const regroup = timeCpu(() => packGapPairs(indexGapPairs(regroupInput), regroupInput.scored));
  return {
    count, pairs: scored.scores.length, beforeMainMs: before.cpuMs, afterMainMs: prepare.cpuMs + receive.cpuMs,
    workerMs: worker.cpuMs, workerRegroupMs: regroup.cpuMs, copyIfNotIsolatedMs: copy.cpuMs,
  };
}

function makeEmbeddings(count: number): Float32Array[] {
  const normal = createNormalSource(createMulberry32(SEED + count));
  return Array.from({ length: count }, () => Float32Array.from({ length: EMBEDDING_DIM }, () => normal() * VALUE_SD));
}

/** Times the naive loop row by row until `limit` pairs; returns ms, pairs done and max diff. */
function timeNaive(embeddings: Float32Array[], limit: number, blocked: Float64Array): { ms: number; wallMs: number; pairs: number; maxDiff: number } {
  const n = embeddings.length;
  let pairs = 0;
  let maxDiff = 0;
  let sink = 0;
  const timed = timeCpu(() => {
    for (let i = 0; i < n && pairs < limit; i++) {
      for (let j = i + 1; j < n; j++) {
        sink += computeSimilarity(embeddings[i], embeddings[j]);
        pairs++;
      }
    }
  });
  // Accuracy check outside the timed loop, on the same pairs.
  let k = 0;
  for (let i = 0; i < n && k < pairs; i++) {
    for (let j = i + 1; j < n; j++, k++) maxDiff = Math.max(maxDiff, Math.abs(computeSimilarity(embeddings[i], embeddings[j]) - blocked[k]));
  }
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return { ms: timed.cpuMs, wallMs: timed.wallMs, pairs, maxDiff };
}

function runOne(count: number): { row: BenchRow; gap: GapIndexRow } {
  const embeddings = makeEmbeddings(count);
  const { packed, dim } = packEmbeddings(embeddings);
  const pairs = countPairs(count);
  scoreAllPairs(packed.subarray(0, 64 * dim), dim); // warm-up
  const blocked = timeCpu(() => scoreAllPairs(packed, dim));
  const result = blocked.value;
  const blockedJsMs = count <= NAIVE_FULL_LIMIT ? timeCpu(() => scoreAllPairs(packed, dim, { kernel: 'js' })).cpuMs : null;
  const isExtrapolated = count > NAIVE_FULL_LIMIT;
  const naive = timeNaive(embeddings, isExtrapolated ? NAIVE_SAMPLE_PAIRS : Infinity, result.scores);
  const naiveMs = (naive.ms / naive.pairs) * pairs;
  const blockedMs = blocked.cpuMs;
  const gap = timeGapIndex(count, result);
  const row = {
    count, pairs, blockedMs, blockedWallMs: blocked.wallMs, blockedJsMs, naiveMs, naiveWallMs: (naive.wallMs / naive.pairs) * pairs, naiveExtrapolated: isExtrapolated, naiveSampledPairs: naive.pairs,
    speedup: naiveMs / blockedMs, speedupJs: blockedJsMs === null ? null : naiveMs / blockedJsMs, maxAbsDifference: naive.maxDiff,
  };
  return { row, gap };
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 1);
const runs = (sizes.length > 0 ? sizes : [1000, 2000, 5000]).map(runOne);
const rows = runs.map((run) => run.row);
const gapRows = runs.map((run) => run.gap);
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
console.log(`all-pairs scoring, dim ${EMBEDDING_DIM}, node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}`);
console.log('CPU time (user + system) of this process; wall times in the JSON');
console.log('N      pairs        blocked(wasm)  blocked(js)  naive                speedup  max|diff|');
for (const r of rows) {
  const naive = `${fmt(r.naiveMs)}${r.naiveExtrapolated ? ` (extrap. ${(r.naiveSampledPairs / 1e6).toFixed(1)}M)` : ''}`;
  console.log(
    `${String(r.count).padEnd(6)} ${String(r.pairs).padEnd(12)} ${fmt(r.blockedMs).padEnd(14)} ${(r.blockedJsMs === null ? '-' : fmt(r.blockedJsMs)).padEnd(12)} ${naive.padEnd(20)} ${r.speedup.toFixed(1).padStart(6)}x  ${r.maxAbsDifference.toExponential(1)}`,
  );
}
console.log(`\ngap index by race (5 groups), main-thread CPU time per grouping; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('N      pairs        main before    main after     worker         worker regroup  copy if not isolated');
for (const g of gapRows) {
  console.log(`${String(g.count).padEnd(6)} ${String(g.pairs).padEnd(12)} ${fmt(g.beforeMainMs).padEnd(14)} ${fmt(g.afterMainMs).padEnd(14)} ${fmt(g.workerMs).padEnd(14)} ${fmt(g.workerRegroupMs).padEnd(15)} ${fmt(g.copyIfNotIsolatedMs)}`);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/all-pairs.json', `${JSON.stringify({ dim: EMBEDDING_DIM, node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadAverage: os.loadavg(), rows, gapIndex: gapRows }, null, 2)}\n`);
console.log('wrote bench-results/all-pairs.json');
