import { describe, expect, it } from 'vitest';
import { bootstrapGroupRates, computeQuantile, type BootstrapRate } from '../../../src/metrics/bootstrap';
import { buildPairTableFromSamples, type SampleLabels } from '../../../src/metrics/pair-table';
import { createMulberry32, type RandomSource } from '../../../src/metrics/random';
import { computeBiasReport } from '../../../src/metrics/report';
import type { ImpostorGrouping, PairTable } from '../../../src/metrics/types';

const THRESHOLD = 0.5;

/** A face of a synthetic all-pairs set: `id` fixes its pairs' scores whatever its position. */
interface Face {
  readonly id: number;
  readonly group: string;
}

/** Uniform number of the unordered pair {x, y}: the same whichever side each face sits on. */
function drawPairUniform(x: number, y: number): number {
  return createMulberry32(Math.min(x, y) * 100_003 + Math.max(x, y))();
}

/**
 * All pairs i < j of `faces` in the order given, one face per subject (`p<id>`, or no subject id),
 * scored so that a pair is a false match at 0.5 with probability `matchChance(x, y)`.
 */
function buildAllPairs(faces: readonly Face[], matchChance: (x: number, y: number) => number, hasSubjects = true): PairTable {
  const count = (faces.length * (faces.length - 1)) / 2;
  const scored = { scores: new Float64Array(count), indexA: new Uint32Array(count), indexB: new Uint32Array(count) };
  let k = 0;
  for (let i = 0; i < faces.length; i++) {
    for (let j = i + 1; j < faces.length; j++) {
      const [x, y] = [faces[i].id, faces[j].id];
      scored.scores[k] = drawPairUniform(x, y) < matchChance(x, y) ? 0.7 : 0.3;
      scored.indexA[k] = i;
      scored.indexB[k] = j;
      k++;
    }
  }
  // Zero-padded ids: subject codes follow code-point order (pair-table.ts), here the same as face order.
  const labels: SampleLabels[] = faces.map((f) => ({ group: f.group, subject: hasSubjects ? `p${String(f.id).padStart(4, "0")}` : null }));
  return buildPairTableFromSamples(scored, labels);
}

/** Faces 0..n-1 of group G (and n..2n-1 of group H when `withOther`). */
function makeFaces(n: number, withOther = false): Face[] {
  const faces = Array.from({ length: n }, (_, id) => ({ id, group: 'G' }));
  return withOther ? faces.concat(Array.from({ length: n }, (_, i) => ({ id: n + i, group: 'H' }))) : faces;
}

const HUB = 0;
/** Face 0 is a hub: half its pairs are false matches; others 1 in 100. */
const hubChance = (x: number, y: number) => (x === HUB || y === HUB ? 0.5 : 0.01);

function fmrOf(table: PairTable, seed: number, replicates = 400, grouping: ImpostorGrouping = 'within', group = 'G'): BootstrapRate {
  const result = bootstrapGroupRates(table, { thresholds: [THRESHOLD], random: createMulberry32(seed), replicates, impostorGrouping: grouping });
  const found = result.groups.find((g) => g.group === group);
  if (!found) throw new Error(`no group ${group}`);
  return found.byThreshold[0].fmr;
}

const widthOf = (rate: Pick<BootstrapRate, 'low' | 'high'>) => (rate.high as number) - (rate.low as number);

/** The naive bootstrap this replaces: a group's impostor pairs drawn with replacement as if independent. */
function bootstrapPairsNaively(table: PairTable, group: string, random: RandomSource, replicates: number): { low: number; high: number } {
  const errors: number[] = [];
  for (let k = 0; k < table.scores.length; k++) {
    const a = table.sampleGroup[table.sampleA[k]];
    const b = table.sampleGroup[table.sampleB[k]];
    if (table.isGenuine[k] === 0 && a === b && table.groupLabels[a] === group) errors.push(table.scores[k] >= THRESHOLD ? 1 : 0);
  }
  const rates = new Float64Array(replicates);
  for (let r = 0; r < replicates; r++) {
    let sum = 0;
    for (let d = 0; d < errors.length; d++) sum += errors[Math.floor(random() * errors.length)];
    rates[r] = sum / errors.length;
  }
  rates.sort();
  return { low: computeQuantile(rates, 0.025) as number, high: computeQuantile(rates, 0.975) as number };
}

/** Mean interval end points over several seeds, to compare distributions beyond one run's noise. */
function averageInterval(table: PairTable, seeds: readonly number[]): { low: number; high: number } {
  const runs = seeds.map((seed) => fmrOf(table, seed));
  return {
    low: runs.reduce((s, r) => s + (r.low as number), 0) / runs.length,
    high: runs.reduce((s, r) => s + (r.high as number), 0) / runs.length,
  };
}

describe('two-way subject bootstrap: a hub face that attracts false matches', () => {
  const faces = makeFaces(80);
  const hubFirst = buildAllPairs(faces, hubChance); // the hub is on side A of all its pairs
  const hubLast = buildAllPairs([...faces].reverse(), hubChance); // ... and here on side B of all
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];

  it('describes the same data whichever side the hub sits on', () => {
    const rate = (t: PairTable) => computeBiasReport(t, { thresholds: [THRESHOLD], fmrTargets: [] }).thresholds[0].by_group.G.fmr;
    expect(rate(hubFirst)).toBe(rate(hubLast));
    expect(fmrOf(hubFirst, 1).estimate).toBe(rate(hubFirst));
  });

  it.each([['side A', hubFirst], ['side B', hubLast]] as const)('is at least as wide as the naive pair bootstrap with the hub on %s', (_, table) => {
    for (const seed of seeds.slice(0, 3)) {
      const naive = bootstrapPairsNaively(table, 'G', createMulberry32(seed), 400);
      expect(widthOf(fmrOf(table, seed))).toBeGreaterThanOrEqual(naive.high - naive.low);
    }
  });

  it('gives the same interval distribution whether the hub is on side A or side B', () => {
    const first = averageInterval(hubFirst, seeds);
    const last = averageInterval(hubLast, seeds);
    const width = first.high - first.low;
    expect(Math.abs(first.low - last.low)).toBeLessThan(0.1 * width);
    expect(Math.abs(first.high - last.high)).toBeLessThan(0.1 * width);
    expect(Math.abs(width - (last.high - last.low))).toBeLessThan(0.1 * width);
  });

  it('reacts to the hub: wider than with the same false matches spread over all faces', () => {
    const matches = (t: PairTable) => computeBiasReport(t, { thresholds: [THRESHOLD], fmrTargets: [] }).thresholds[0].by_group.G.fmr as number;
    const overall = matches(hubFirst);
    const spread = buildAllPairs(faces, () => overall);
    expect(Math.abs(matches(spread) - overall)).toBeLessThan(0.25 * overall);
    const relative = (t: PairTable) => widthOf(averageInterval(t, seeds)) / matches(t);
    for (const table of [hubFirst, hubLast]) expect(relative(table)).toBeGreaterThan(1.5 * relative(spread));
  });

  it('is identical, same seed, after swapping every pair\'s sides and renaming subjects in the same order', () => {
    const swapped: PairTable = {
      ...hubFirst, sampleA: hubFirst.sampleB, sampleB: hubFirst.sampleA,
      subjectLabels: hubFirst.subjectLabels.map((label) => `person-${label.slice(1).padStart(3, '0')}`),
    };
    const options = { thresholds: [0.4, THRESHOLD], random: createMulberry32(9), replicates: 300 };
    const again = { ...options, random: createMulberry32(9) };
    expect(bootstrapGroupRates(swapped, again)).toEqual(bootstrapGroupRates(hubFirst, options));
  });

  it('treats a face without subject id as its own subject, exactly as a face:<id> subject', () => {
    const anonymous = buildAllPairs(faces, hubChance, false);
    const options = () => ({ thresholds: [THRESHOLD], random: createMulberry32(4), replicates: 300 });
    const named = bootstrapGroupRates(hubFirst, options());
    const unnamed = bootstrapGroupRates(anonymous, options());
    expect(unnamed.groups).toEqual(named.groups);
    expect(unnamed.samplesAsSubjects).toBe(80);
    expect(unnamed.pairsWithoutSubject).toBe(0);
    expect(unnamed.groups[0].resamplingUnit).toBe('subject');
    expect(unnamed.groups[0].byThreshold[0].fmr.units).toBe(80);
  });

  it('under probe grouping, follows a hub of another group with the same replicate\'s draw', () => {
    // G's impostor pairs with H faces count for G; H's face n is a hub for G's false matches.
    const withOther = makeFaces(60, true);
    const otherHub = 60;
    const hubInH = buildAllPairs(withOther, (x, y) => (x === otherHub || y === otherHub ? 0.5 : 0.005));
    const overall = fmrOf(hubInH, 1, 400, 'probe').estimate as number;
    const spread = buildAllPairs(withOther, () => overall);
    const relative = (t: PairTable) => widthOf(fmrOf(t, 3, 600, 'probe')) / (fmrOf(t, 3, 10, 'probe').estimate as number);
    expect(relative(hubInH)).toBeGreaterThan(1.3 * relative(spread));
    expect(fmrOf(hubInH, 1, 400, 'probe').units).toBe(60);
  });
});

describe('two-way weights, by hand', () => {
  // One group of 4 subjects, one face each, all 6 impostor pairs; false matches: (0,1) and (2,3).
  // Draws 0.1, 0.1, 0.3, 0.6 of 4 units give counts (2, 1, 1, 0): pair weights (0,1) 2, (0,2) 2,
  // (1,2) 1, the rest 0, so FMR = 2 / 5; subject 0's genuine pair weighs 2, of 3 -> FNMR 2 / 3.
  const faces: SampleLabels[] = [0, 1, 2, 3].map((s) => ({ group: 'G', subject: `s${s}` }))
    .concat([{ group: 'G', subject: 's0' }, { group: 'G', subject: 's1' }]);
  const pairs: [number, number, number][] = [[0, 1, 0.9], [0, 2, 0.1], [0, 3, 0.1], [1, 2, 0.1], [1, 3, 0.1], [2, 3, 0.9], [0, 4, 0.1], [1, 5, 0.9]];
  const table = (swap: boolean) => buildPairTableFromSamples({
    scores: Float64Array.from(pairs, (p) => p[2]),
    indexA: Uint32Array.from(pairs, (p) => (swap ? p[1] : p[0])),
    indexB: Uint32Array.from(pairs, (p) => (swap ? p[0] : p[1])),
  }, faces);
  const draws = [0.1, 0.1, 0.3, 0.6];

  it.each([false, true])('weights impostor pair (a, b) by c_a * c_b and a genuine pair by c_s (sides swapped: %s)', (swap) => {
    let next = 0;
    const result = bootstrapGroupRates(table(swap), { thresholds: [0.5], random: () => draws[next++], replicates: 1 });
    const { fmr, fnmr } = result.groups[0].byThreshold[0];
    expect(next).toBe(4);
    expect(fmr).toMatchObject({ estimate: 2 / 6, low: 2 / 5, high: 2 / 5, pairs: 6, units: 4, tooSmall: true });
    expect(fnmr).toMatchObject({ estimate: 1 / 2, low: 2 / 3, high: 2 / 3, pairs: 2, units: 2 });
  });
});

describe('interval properties (table-driven)', () => {
  it.each([
    [40, 'within', 11], [40, 'probe', 12], [120, 'within', 13], [120, 'probe', 14],
  ] as const)('%i faces per group, %s: every interval contains its point estimate', (n, grouping, seed) => {
    const table = buildAllPairs(makeFaces(n, true), (x, y) => (x % 7 === 0 || y % 7 === 0 ? 0.2 : 0.03) * (x < n ? 1 : 2));
    const result = bootstrapGroupRates(table, { thresholds: [0.5], random: createMulberry32(seed), replicates: 300, impostorGrouping: grouping });
    expect(result.groups.map((g) => g.group)).toEqual(['G', 'H']);
    for (const group of result.groups) {
      const { fmr } = group.byThreshold[0];
      expect(fmr.low as number).toBeLessThanOrEqual(fmr.estimate as number);
      expect(fmr.high as number).toBeGreaterThanOrEqual(fmr.estimate as number);
      expect(fmr.units).toBe(n);
      expect(fmr.definedReplicates).toBe(300);
    }
  });

  it('narrows as groups grow, and the same seed gives the same interval', () => {
    const width = (n: number) => widthOf(fmrOf(buildAllPairs(makeFaces(n), hubChance), 5));
    expect(width(150)).toBeLessThan(width(30));
    expect(fmrOf(buildAllPairs(makeFaces(30), hubChance), 5)).toEqual(fmrOf(buildAllPairs(makeFaces(30), hubChance), 5));
  });
});
