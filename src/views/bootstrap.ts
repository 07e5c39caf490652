/**
 * Subject-level bootstrap of per-group rates and of the ratio of two groups' false-match rates.
 * shared/spec/bias-metrics.md allows it beside the Wilson interval, because pairs are not
 * independent: a face appears in many pairs. People are resampled with replacement within their
 * group; a pair then weighs (copies of its first person) x (copies of its second person), a genuine
 * pair the copies of its one person. Percentile intervals, seeded so they are the same on each run.
 */
import { findPairGroup } from '../metrics/score-index';
import type { ImpostorGrouping, PairTable } from '../metrics/types';
import { createRandom, type RandomSource } from './random';

/** Replicates drawn unless told otherwise: enough for a stable 95% percentile interval. */
export const DEFAULT_REPLICATES = 400;

/** Pairs that count for some group, flattened, with their resampling units. */
export interface BootstrapPlan {
  readonly groups: readonly string[];
  readonly pairGroup: Uint32Array;
  readonly unitA: Uint32Array;
  readonly unitB: Uint32Array;
  readonly scores: Float64Array;
  readonly isGenuine: Uint8Array;
  /** Units (people) of each group, by group code. */
  readonly unitsByGroup: readonly Uint32Array[];
  readonly unitCount: number;
}

/** Bootstrap intervals at one threshold; null where a rate is undefined in most replicates. */
export interface BootstrapResult {
  readonly fmr: ReadonlyMap<string, [number, number] | null>;
  readonly fnmr: ReadonlyMap<string, [number, number] | null>;
  /** Interval of fmr(high) / fmr(low), the upper end possibly Infinity; null if not asked or undefined. */
  readonly fmrRatio: [number, number] | null;
  readonly replicates: number;
}

/**
 * Flattens a pair table for resampling: a person is a subject, or a face without subject.
 * `groups` is the index's group order; pairs that count for no group (cross-group impostors in
 * `within` mode) are dropped, as they are from the per-group rates.
 */
export function planSubjectBootstrap(table: PairTable, grouping: ImpostorGrouping, groups: readonly string[]): BootstrapPlan {
  const codeOfLabel = new Map(groups.map((g, i) => [g, i]));
  const groupOfTableCode = table.groupLabels.map((label) => codeOfLabel.get(label) ?? -1);
  const subjects = table.subjectLabels.length;
  const unitOfSample = (s: number): number => (table.sampleSubject[s] >= 0 ? table.sampleSubject[s] : subjects + s);
  const kept: number[] = [];
  const unitGroup = new Map<number, number>();
  for (let k = 0; k < table.scores.length; k++) {
    const code = findPairGroup(table, k, grouping);
    if (code < 0 || groupOfTableCode[code] < 0) continue;
    kept.push(k);
    for (const s of [table.sampleA[k], table.sampleB[k]]) {
      const unit = unitOfSample(s);
      if (!unitGroup.has(unit)) unitGroup.set(unit, groupOfTableCode[table.sampleGroup[s]]);
    }
  }
  const n = kept.length;
  const plan = {
    groups, pairGroup: new Uint32Array(n), unitA: new Uint32Array(n), unitB: new Uint32Array(n),
    scores: new Float64Array(n), isGenuine: new Uint8Array(n),
  };
  const denseUnit = new Map<number, number>();
  const dense = (unit: number): number => {
    let d = denseUnit.get(unit);
    if (d === undefined) denseUnit.set(unit, (d = denseUnit.size));
    return d;
  };
  kept.forEach((k, w) => {
    plan.pairGroup[w] = groupOfTableCode[findPairGroup(table, k, grouping)];
    plan.unitA[w] = dense(unitOfSample(table.sampleA[k]));
    plan.unitB[w] = dense(unitOfSample(table.sampleB[k]));
    plan.scores[w] = table.scores[k];
    plan.isGenuine[w] = table.isGenuine[k];
  });
  const unitsByGroup: number[][] = groups.map(() => []);
  for (const [unit, group] of unitGroup) if (group >= 0) unitsByGroup[group].push(dense(unit));
  return { ...plan, unitsByGroup: unitsByGroup.map((u) => Uint32Array.from(u)), unitCount: denseUnit.size };
}

/** Percentile interval (2.5%, 97.5%) of the finite-or-infinite values, null when there are none. */
export function findPercentileInterval(values: number[]): [number, number] | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const at = (q: number): number => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))];
  return [at(0.025), at(0.975)];
}

/**
 * Runs the bootstrap at `threshold`. `ratio` names the [high, low] groups whose FMR ratio gets an
 * interval. A replicate where a rate has no pairs is skipped for that rate; a ratio whose low rate
 * is 0 is Infinity (spec: not measurable) and sorts last.
 */
export function runSubjectBootstrap(
  plan: BootstrapPlan, threshold: number,
  options: { replicates?: number; random?: RandomSource; ratio?: readonly [string, string] | null } = {},
): BootstrapResult {
  const replicates = options.replicates ?? DEFAULT_REPLICATES;
  const random = options.random ?? createRandom();
  const groupCount = plan.groups.length;
  const copies = new Float64Array(plan.unitCount);
  const fmrSamples: number[][] = plan.groups.map(() => []);
  const fnmrSamples: number[][] = plan.groups.map(() => []);
  const ratioSamples: number[] = [];
  const hi = options.ratio ? plan.groups.indexOf(options.ratio[0]) : -1;
  const lo = options.ratio ? plan.groups.indexOf(options.ratio[1]) : -1;
  const acc = new Float64Array(groupCount * 4);
  for (let r = 0; r < replicates; r++) {
    copies.fill(0);
    for (const units of plan.unitsByGroup) {
      for (let d = 0; d < units.length; d++) copies[units[Math.floor(random() * units.length)]]++;
    }
    acc.fill(0);
    for (let k = 0; k < plan.scores.length; k++) {
      const g = plan.pairGroup[k] * 4;
      const isMatch = plan.scores[k] >= threshold;
      if (plan.isGenuine[k] === 1) {
        const w = copies[plan.unitA[k]];
        acc[g + 2] += w;
        if (!isMatch) acc[g + 3] += w;
      } else {
        const w = copies[plan.unitA[k]] * copies[plan.unitB[k]];
        acc[g] += w;
        if (isMatch) acc[g + 1] += w;
      }
    }
    for (let g = 0; g < groupCount; g++) {
      if (acc[g * 4] > 0) fmrSamples[g].push(acc[g * 4 + 1] / acc[g * 4]);
      if (acc[g * 4 + 2] > 0) fnmrSamples[g].push(acc[g * 4 + 3] / acc[g * 4 + 2]);
    }
    if (hi >= 0 && lo >= 0 && acc[hi * 4] > 0 && acc[lo * 4] > 0) {
      const high = acc[hi * 4 + 1] / acc[hi * 4];
      const low = acc[lo * 4 + 1] / acc[lo * 4];
      if (high > 0 || low > 0) ratioSamples.push(low === 0 ? Infinity : high / low);
    }
  }
  // An interval from fewer than half the replicates would describe a different population.
  const interval = (values: number[]): [number, number] | null => (values.length * 2 >= replicates ? findPercentileInterval(values) : null);
  return {
    fmr: new Map(plan.groups.map((g, i) => [g, interval(fmrSamples[i])])),
    fnmr: new Map(plan.groups.map((g, i) => [g, interval(fnmrSamples[i])])),
    fmrRatio: hi >= 0 && lo >= 0 ? interval(ratioSamples) : null,
    replicates,
  };
}
