/**
 * Models side by side on the same faces (issue 9): each pack is scored with its own score, put at
 * its own threshold for one shared false-match-rate target over all its impostor pairs (NIST's
 * way of comparing algorithms), and reported per group with the spec's rates, Wilson intervals,
 * subject-level bootstrap intervals and the largest ratio between groups
 * (shared/spec/bias-metrics.md). Pure: the CLI (`metrics --compare`) and the Compare models view
 * both call {@link compareModels}, so they agree to the last digit.
 */
import { readPackModel, tryDecodePackBytes } from '../datasets/pack';
import { SCORE_IDS } from '../matching/scores';
import { packEmbeddings, scoreAllPairs } from './all-pairs';
import { bootstrapGroupRates, type BootstrapResult } from './bootstrap';
import { countNoFace, countPeople, toJsonInterval } from './compare-counts';
import { buildPairTableFromSamples, type IndexedScores } from './pair-table';
import { createMulberry32 } from './random';
import { reportAtThreshold, type ReportAtThreshold, type ReportEer } from './report';
import { indexScores, type ScoreIndex } from './score-index';
import { computeEqualErrorRate, findThresholdAtFmr } from './thresholds';
import type { ImpostorGrouping, PairTable } from './types';

/** A face of a pack, as the comparison needs it. */
export interface CompareSample {
  readonly id: string;
  readonly subject: string | null;
  readonly labels: Readonly<Record<string, string>>;
  readonly embedding: ArrayLike<number>;
}

/** One model's pack of the shared face set. */
export interface ComparePack {
  /** The pack's name, for messages. */
  readonly name: string;
  readonly modelId: string;
  readonly scoreId: string;
  readonly samples: readonly CompareSample[];
  /** Photos where no face was found (or unreadable), with their labels. */
  readonly failures: readonly { readonly id: string; readonly labels: Readonly<Record<string, string>> }[];
}

/** Options of {@link compareModels}. */
export interface CompareOptions {
  readonly groupBy: readonly string[];
  /** Shared target: each model's threshold is where its FMR over all impostor pairs <= this. */
  readonly fmrTarget: number;
  readonly impostorGrouping?: ImpostorGrouping;
  readonly alpha?: number;
  /** Bootstrap replicates; 0 leaves the bootstrap out. */
  readonly replicates?: number;
  /** Seed of the bootstrap's generator: same seed, same intervals. */
  readonly seed?: number;
}

/** One model in the comparison. */
export interface ModelComparison {
  readonly model_id: string;
  readonly score_id: string;
  readonly pack: string;
  readonly faces: number;
  /** This model's own threshold at the shared FMR target; null without impostor pairs. */
  readonly threshold: number | null;
  /** The spec's report at that threshold (null threshold: no report). */
  readonly report: ReportAtThreshold | null;
  readonly eer: ReportEer | null;
  /** Bootstrap interval of each group's FMR and FNMR at the threshold. */
  readonly bootstrap: Record<string, { fmr: [number | null, number | null]; fnmr: [number | null, number | null] }> | null;
  /** Bootstrap interval of the largest FMR ratio between groups (max/min). */
  readonly fmr_max_min_ratio_ci: [number | 'Infinity' | null, number | 'Infinity' | null] | null;
  /** Distinct people per group (a face without subject counts as its own person). */
  readonly people: Record<string, number>;
  /** Photos without a face per group: failures / (failures + faces). */
  readonly no_face: Record<string, { photos: number; no_face: number; rate: number | null }>;
}

/** The whole comparison. */
export interface ModelComparisonReport {
  readonly fmr_target: number;
  readonly group_by: string[];
  readonly impostor_grouping: ImpostorGrouping;
  readonly groups: string[];
  readonly models: ModelComparison[];
}

/**
 * Decodes a pack (v1 JSON or v2 binary) checked against its own model and score: each model is
 * compared on its own terms, not against the running app's model. The score is the one of this
 * build's score ids the pack declares. Throws the pack decoder's readable errors.
 */
export function decodeComparePack(bytes: Uint8Array): ComparePack {
  const model = readPackModel(bytes) ?? {};
  let message = '';
  for (const scoreId of SCORE_IDS) {
    const result = tryDecodePackBytes(bytes, { modelSha256: String(model.sha256), dim: Number(model.dim), scoreId });
    if (result.ok) {
      const pack = result.pack;
      return { name: pack.name, modelId: pack.model.id, scoreId: pack.score, samples: pack.samples, failures: pack.failures };
    }
    // A pack of another score is refused for that reason only: keep the other refusal, it says more.
    if (result.rejection.code !== 'other-score' || message === '') message = result.rejection.message;
  }
  throw new Error(message);
}

/** Bootstrap replicates unless told otherwise. */
export const DEFAULT_COMPARE_REPLICATES = 1000;
/** Bootstrap seed unless told otherwise. */
export const DEFAULT_COMPARE_SEED = 1;

/**
 * Compares packs of the same faces made by different models. Refuses (RangeError naming the
 * packs) packs that do not hold the same face ids, since then differences could be the data's.
 * Faces missing a `groupBy` label are left out of every model alike.
 */
export function compareModels(packs: readonly ComparePack[], options: CompareOptions): ModelComparisonReport {
  if (packs.length === 0) throw new RangeError('Give at least one pack to compare.');
  assertSameFaces(packs);
  const grouping = options.impostorGrouping ?? 'within';
  const models = packs.map((pack) => compareOne(pack, options));
  const groups = [...new Set(models.flatMap((m) => (m.report ? Object.keys(m.report.by_group) : [])))].sort();
  return { fmr_target: options.fmrTarget, group_by: [...options.groupBy], impostor_grouping: grouping, groups, models };
}

/**
 * One report from reports of one pack each (`compareModels([pack], options)` with the same
 * options), models in order, groups their union: equal to `compareModels(packs, options)`, since
 * each model's figures depend on its own pack only. Lets a caller yield between models. Refuses
 * packs that do not hold the same faces, as `compareModels` does.
 */
export function mergeComparisons(parts: readonly ModelComparisonReport[], packs: readonly ComparePack[]): ModelComparisonReport {
  if (parts.length === 0 || parts.length !== packs.length) throw new RangeError('Give one report per pack to merge.');
  assertSameFaces(packs);
  const groups = [...new Set(parts.flatMap((part) => part.groups))].sort();
  return { ...parts[0], groups, models: parts.flatMap((part) => part.models) };
}

/** The faces of `pack` that carry every `groupBy` label: the ones compared, in pack order. */
export function listComparedSamples(pack: ComparePack, groupBy: readonly string[]): CompareSample[] {
  return pack.samples.filter((s) => groupBy.every((name) => (s.labels[name] ?? '').trim() !== ''));
}

/** One model's figures before the bootstrap: the pair table, its index and its own threshold. */
export interface PreparedModel {
  readonly pack: ComparePack;
  readonly kept: readonly CompareSample[];
  readonly table: PairTable;
  readonly index: ScoreIndex;
  /** Threshold at the shared FMR target; null without impostor pairs. */
  readonly threshold: number | null;
  /** Bootstrap replicates asked for (0: none). */
  readonly replicates: number;
}

/**
 * First step of one model's comparison, from every pair's score of `listComparedSamples(pack,
 * options.groupBy)` (in the all-pairs row order, scored with the pack's own score id).
 */
export function prepareModel(pack: ComparePack, scored: IndexedScores, options: CompareOptions): PreparedModel {
  const kept = listComparedSamples(pack, options.groupBy);
  const groupOf = groupNamer(options.groupBy);
  const table = buildPairTableFromSamples(scored, kept.map((s) => ({ group: groupOf(s.labels), subject: s.subject })));
  const index = indexScores(table, options.impostorGrouping ?? 'within');
  const threshold = findThresholdAtFmr(index.overall.impostor, options.fmrTarget);
  const replicates = threshold === null ? 0 : options.replicates ?? DEFAULT_COMPARE_REPLICATES;
  return { pack, kept, table, index, threshold, replicates };
}

/**
 * Last step: the model's report from its prepared figures and the subject bootstrap at its
 * threshold (`bootstrapGroupRates` with mulberry32 seeded `options.seed`, or null when
 * `prepared.replicates` is 0), as a comparison of this one model (merge with `mergeComparisons`).
 */
export function finishModel(prepared: PreparedModel, bootstrapped: BootstrapResult | null, options: CompareOptions): ModelComparisonReport {
  const { pack, kept, index, threshold } = prepared;
  const grouping = options.impostorGrouping ?? 'within';
  const groupOf = groupNamer(options.groupBy);
  let bootstrap: ModelComparison['bootstrap'] = null;
  let ratioCi: ModelComparison['fmr_max_min_ratio_ci'] = null;
  if (bootstrapped) {
    bootstrap = {};
    for (const group of bootstrapped.groups) {
      const at = group.byThreshold[0];
      bootstrap[group.group] = { fmr: [at.fmr.low, at.fmr.high], fnmr: [at.fnmr.low, at.fnmr.high] };
    }
    ratioCi = toJsonInterval(bootstrapped.ratios[0].fmrMaxMinRatio);
  }
  const model: ModelComparison = {
    model_id: pack.modelId,
    score_id: pack.scoreId,
    pack: pack.name,
    faces: kept.length,
    threshold,
    report: threshold === null ? null : reportAtThreshold(index, threshold, options.alpha),
    eer: computeEqualErrorRate(index.overall),
    bootstrap,
    fmr_max_min_ratio_ci: ratioCi,
    people: countPeople(kept, groupOf),
    no_face: countNoFace(kept.map((s) => groupOf(s.labels)), pack.failures.map((f) => f.labels).filter((l) => options.groupBy.every((n) => (l[n] ?? '').trim() !== '')).map(groupOf)),
  };
  const groups = model.report ? Object.keys(model.report.by_group).sort() : [];
  return { fmr_target: options.fmrTarget, group_by: [...options.groupBy], impostor_grouping: grouping, groups, models: [model] };
}

function compareOne(pack: ComparePack, options: CompareOptions): ModelComparison {
  const prepared = prepareModel(pack, scorePairs(listComparedSamples(pack, options.groupBy), pack.scoreId), options);
  const bootstrapped = prepared.replicates > 0
    ? bootstrapGroupRates(prepared.table, {
      thresholds: [prepared.threshold!], random: createMulberry32(options.seed ?? DEFAULT_COMPARE_SEED),
      replicates: prepared.replicates, impostorGrouping: options.impostorGrouping ?? 'within',
    })
    : null;
  return finishModel(prepared, bootstrapped, options).models[0];
}

function groupNamer(groupBy: readonly string[]): (labels: Readonly<Record<string, string>>) => string {
  return (labels) => groupBy.map((name) => (labels[name] ?? '').trim()).join('/');
}

/**
 * Every pair's score with the pack's own score id, through the blocked all-pairs scorer
 * (src/metrics/all-pairs.ts) that the app's worker runs too, so `metrics --pack`, `metrics
 * --compare` and the views score each pair alike. Throws for a score id this build does not know.
 */
export function scorePairs(samples: readonly CompareSample[], scoreId: string): IndexedScores {
  const { packed, dim } = packEmbeddings(samples.map((s) => s.embedding));
  return scoreAllPairs(packed, Math.max(dim, 1), { scoreId });
}

/** Refuses (RangeError naming both packs) packs that do not hold the same photos. */
export function assertSameFaces(packs: readonly ComparePack[]): void {
  const idsOf = (pack: ComparePack) => [...pack.samples.map((s) => s.id), ...pack.failures.map((f) => f.id)].sort().join('\n');
  const first = idsOf(packs[0]);
  for (const pack of packs.slice(1)) {
    if (idsOf(pack) !== first) {
      throw new RangeError(`"${pack.name}" (${pack.modelId}) and "${packs[0].name}" (${packs[0].modelId}) do not hold the same photos: ` +
        'models can only be compared on the same faces. Build both packs from the same folder.');
    }
  }
}
