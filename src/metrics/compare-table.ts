/** The model comparison as a readable table, for `metrics --compare --format table`. */
import type { ModelComparison, ModelComparisonReport } from './compare';
import { alignColumns } from './format-table';

const RATE_DECIMALS = 4;

function formatInterval(low: number | string | null, high: number | string | null): string {
  const part = (value: number | string | null) => (value === null ? '?' : typeof value === 'number' ? value.toFixed(RATE_DECIMALS) : value);
  return low === null && high === null ? '' : `[${part(low)}, ${part(high)}]`;
}

/**
 * The max/min FMR ratio in words. An infinite ratio (some group had no false match) is not a
 * finding: the spec asks the UI to name the groups with no errors and their pair counts instead.
 */
function describeRatio(model: ModelComparison, groups: readonly string[]): string {
  const ratio = model.report!.summary.fmr_max_min_ratio;
  if (ratio === null) return 'not measurable';
  if (ratio === 'Infinity' || ratio === Infinity) {
    const clean = groups
      .map((group) => [group, model.report!.by_group[group]] as const)
      .filter(([, r]) => r !== undefined && r.fmr === 0)
      .map(([group, r]) => `${group} (${r!.impostor_pairs} pairs)`);
    return `unbounded: no false match at all in ${clean.join(', ')}; see their Wilson upper bounds`;
  }
  const ci = model.fmr_max_min_ratio_ci;
  return `${ratio.toFixed(2)}${ci ? ` ${formatInterval(...ci)} (bootstrap 95%)` : ''}`;
}

/** One block per model: its threshold, per-group FMR/FNMR with Wilson and bootstrap intervals, no-face rate. */
export function formatComparisonTable(report: ModelComparisonReport): string {
  const out: string[] = [
    `Models compared at a shared overall FMR target of ${report.fmr_target}, each at its own threshold; groups by ${report.group_by.join(', ')} (impostor grouping: ${report.impostor_grouping}).`,
    '',
  ];
  for (const model of report.models) {
    out.push(`${model.model_id} (score ${model.score_id}, ${model.faces} faces, pack "${model.pack}"): threshold ${model.threshold ?? 'not measurable (no impostor pairs)'}`);
    if (model.report) {
      const rows = [['group', 'impostor', 'FMR', 'Wilson 95%', 'bootstrap 95%', 'genuine', 'FNMR', 'no face']];
      for (const group of report.groups) {
        const r = model.report.by_group[group];
        const boot = model.bootstrap?.[group];
        const noFace = model.no_face[group];
        rows.push([
          group,
          String(r?.impostor_pairs ?? 0),
          r?.fmr === null || r === undefined ? 'n/a' : r.fmr.toFixed(RATE_DECIMALS),
          r?.fmr_ci95 ? formatInterval(...r.fmr_ci95) : '',
          // Resampling a group with no errors gives 0-0, which reads as certainty: say why instead.
          boot ? (boot.fmr[0] === 0 && boot.fmr[1] === 0 ? 'none to resample' : formatInterval(...boot.fmr)) : '',
          String(r?.genuine_pairs ?? 0),
          r?.fnmr === null || r === undefined ? 'n/a' : r.fnmr.toFixed(RATE_DECIMALS),
          noFace ? `${noFace.no_face}/${noFace.photos}` : '',
        ]);
      }
      out.push(...alignColumns(rows).map((line) => `  ${line}`));
      out.push(`  largest FMR ratio between groups (max/min): ${describeRatio(model, report.groups)}`);
    }
    out.push(`  EER: ${model.eer ? `${model.eer.eer.toFixed(RATE_DECIMALS)} at ${model.eer.threshold}` : 'not measurable (needs genuine and impostor pairs)'}`, '');
  }
  out.push('No-face rates come from the same detector for every model (only the recognition model differs), so they are equal by design.');
  return out.join('\n');
}
