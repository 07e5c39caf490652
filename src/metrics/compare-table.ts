/** The model comparison as a readable table, for `metrics --compare --format table`. */
import type { ModelComparisonReport } from './compare';
import { alignColumns } from './format-table';

const RATE_DECIMALS = 4;

function formatInterval(low: number | string | null, high: number | string | null): string {
  const part = (value: number | string | null) => (value === null ? '?' : typeof value === 'number' ? value.toFixed(RATE_DECIMALS) : value);
  return low === null && high === null ? '' : `[${part(low)}, ${part(high)}]`;
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
          boot ? formatInterval(...boot.fmr) : '',
          String(r?.genuine_pairs ?? 0),
          r?.fnmr === null || r === undefined ? 'n/a' : r.fnmr.toFixed(RATE_DECIMALS),
          noFace ? `${noFace.no_face}/${noFace.photos}` : '',
        ]);
      }
      out.push(...alignColumns(rows).map((line) => `  ${line}`));
      const ratio = model.report.summary.fmr_max_min_ratio;
      const ci = model.fmr_max_min_ratio_ci;
      out.push(`  largest FMR ratio between groups (max/min): ${ratio === null ? 'not measurable' : typeof ratio === 'number' ? ratio.toFixed(2) : ratio}` +
        `${ci ? ` ${formatInterval(...ci)} (bootstrap 95%)` : ''}`);
    }
    out.push(`  EER: ${model.eer ? `${model.eer.eer.toFixed(RATE_DECIMALS)} at ${model.eer.threshold}` : 'not measurable (needs genuine and impostor pairs)'}`, '');
  }
  out.push('No-face rates come from the same detector for every model (only the recognition model differs), so they are equal by design.');
  return out.join('\n');
}
