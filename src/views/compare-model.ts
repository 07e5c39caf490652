/**
 * The Compare models view's model: the comparison report (src/metrics/compare.ts, the same one
 * `metrics --compare` prints) -> one row per model with per-group rates and one plain sentence
 * (src/views/sentence.ts). Pure: numbers are passed through untouched, so view and CLI agree.
 */
import type { ModelComparison, ModelComparisonReport } from '../metrics/compare';
import type { RateEstimate } from '../metrics/types';
import { getModel, isModelId } from '../models/registry';
import { formatRatioNumber } from './format';
import { SMALL_GROUP_PEOPLE } from './gap-model';
import { buildSummarySentence, type SummarySentence } from './sentence';

/** One group of one model, at that model's own threshold. */
export interface CompareGroupRow {
  readonly group: string;
  readonly people: number;
  readonly fmr: RateEstimate;
  /** Subject-level bootstrap interval of the FMR; null when not computed. */
  readonly fmrBootstrap: readonly [number | null, number | null] | null;
  readonly fnmr: RateEstimate;
  readonly noFaceRate: number | null;
  readonly isSmall: boolean;
}

/** One model's row of the view. */
export interface CompareModelRow {
  readonly modelId: string;
  readonly label: string;
  readonly scoreId: string;
  readonly threshold: number | null;
  readonly eer: number | null;
  readonly groups: readonly CompareGroupRow[];
  readonly sentence: SummarySentence;
  /** Bootstrap 95% interval of the largest FMR ratio between groups; null when not computed. */
  readonly ratioInterval: readonly [number, number] | null;
  /** "With dlib ResNet-34, at its own threshold for FMR 0.001, ..." */
  readonly text: string;
}

/** Builds the rows of the view from the comparison report, models in the report's order. */
export function buildCompareRows(report: ModelComparisonReport): CompareModelRow[] {
  return report.models.map((model) => buildModelRow(model, report));
}

function buildModelRow(model: ModelComparison, report: ModelComparisonReport): CompareModelRow {
  const label = isModelId(model.model_id) ? getModel(model.model_id).label : model.model_id;
  const groups = report.groups.map((group): CompareGroupRow => {
    const rates = model.report?.by_group[group];
    const people = model.people[group] ?? 0;
    const estimate = (rate: number | null | undefined, pairs: number, ci: [number, number] | null | undefined): RateEstimate => ({
      rate: rate ?? null, pairs, errors: rate === null || rate === undefined ? 0 : Math.round(rate * pairs), ci95: ci ?? null,
    });
    return {
      group,
      people,
      fmr: estimate(rates?.fmr, rates?.impostor_pairs ?? 0, rates?.fmr_ci95),
      fmrBootstrap: model.bootstrap?.[group]?.fmr ?? null,
      fnmr: estimate(rates?.fnmr, rates?.genuine_pairs ?? 0, rates?.fnmr_ci95),
      noFaceRate: model.no_face[group]?.rate ?? null,
      isSmall: people < SMALL_GROUP_PEOPLE,
    };
  });
  const sentence = buildSummarySentence({
    rows: groups.map((g) => ({ group: g.group, people: g.people, fmr: g.fmr, isSmall: g.isSmall })),
    groupBy: report.group_by,
    impostorGrouping: report.impostor_grouping,
    ratioInterval: toRatioInterval(model.fmr_max_min_ratio_ci),
  });
  const lead = sentence.text.replace(/^At this threshold,? /, '');
  const text = `With ${label}, at its own threshold for an overall FMR of ${report.fmr_target}: ${lead.charAt(0).toLowerCase()}${lead.slice(1)}`;
  const ratioInterval = toRatioInterval(model.fmr_max_min_ratio_ci);
  return { modelId: model.model_id, label, scoreId: model.score_id, threshold: model.threshold, eer: model.eer?.eer ?? null, groups, sentence, text, ratioInterval };
}

/** The JSON interval ('Infinity' as a string) as numbers; null when it was not computed or is undefined. */
function toRatioInterval(ci: ModelComparison['fmr_max_min_ratio_ci']): [number, number] | null {
  if (!ci || ci[0] === null || ci[1] === null) return null;
  const number = (value: number | 'Infinity') => (value === 'Infinity' ? Infinity : value);
  return [number(ci[0]), number(ci[1])];
}

/**
 * One sentence across models, said only as far as the bootstrap intervals of each model's largest
 * FMR ratio between groups allow, and only for models whose own sentence states a ratio (enough
 * errors and people per group): a model whose interval lies wholly above another's has the
 * larger gap; every interval above 1 means every model shows a gap. Null for fewer than two models.
 */
export function buildAcrossModelsSentence(rows: readonly CompareModelRow[]): string | null {
  if (rows.length < 2) return null;
  const measured = rows.filter((row): row is CompareModelRow & { ratioInterval: readonly [number, number] } => row.ratioInterval !== null && row.sentence.kind === 'ratio');
  if (measured.length === 0) return 'No model has enough false matches here to put a ratio on the gap, so these faces cannot say which model is fairer: try a larger pack or a higher FMR target.';
  if (measured.length === 1) {
    return `Only ${measured[0].label} has enough false matches here to put a ratio on its gap; the other models do not, so these faces cannot say which model is fairer: try a larger pack or a higher FMR target.`;
  }
  const interval = (ci: readonly [number, number]) => `${formatRatioNumber(ci[0])}-${ci[1] === Infinity ? 'unbounded' : formatRatioNumber(ci[1])}x`;
  const parts: string[] = [];
  // "Every model" only when every model has a ratio of its own; otherwise name the ones that do.
  const unmeasured = rows.filter((row) => !measured.includes(row as (typeof measured)[number]));
  const isEveryGap = measured.every((row) => row.ratioInterval[0] > 1);
  if (isEveryGap) {
    parts.push(unmeasured.length === 0
      ? `Every model shows a gap between groups on these faces (each interval of the largest ratio lies above 1x): it is not one model's quirk.`
      : `${listLabels(measured)} each show a gap between groups here (each interval of the largest ratio lies above 1x); ${listLabels(unmeasured)} ${unmeasured.length === 1 ? 'has' : 'have'} too few false matches to say.`);
  }
  for (const a of measured) {
    for (const b of measured) {
      if (a !== b && a.ratioInterval[0] > b.ratioInterval[1]) {
        parts.push(`${a.label}'s gap (${interval(a.ratioInterval)}) is larger than ${b.label}'s (${interval(b.ratioInterval)}): the intervals do not overlap.`);
      }
    }
  }
  if (parts.length === (isEveryGap ? 1 : 0)) {
    const whose = unmeasured.length === 0 ? 'The intervals of the models\' gaps' : isEveryGap ? 'Their intervals' : `The intervals of ${listLabels(measured)}'s gaps`;
    parts.push(`${whose} overlap, so these faces do not show one model as fairer than another.`);
  }
  return parts.join(' ');
}

/** "a, b and c". */
function listLabels(rows: readonly { label: string }[]): string {
  const labels = rows.map((row) => row.label);
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}
