/**
 * Plain-text rendering of a {@link BiasReport} for terminals (scripts/metrics.ts --format table).
 * Numbers are the spec's (shared/spec/bias-metrics.md); intervals are Wilson 95%, which treat
 * pairs as independent: the footer says so.
 */
import type { BiasReport, JsonSummaryValue, ReportGroupRates } from './report';

/** Decimal places of rates in the table. */
const RATE_DECIMALS = 4;

function formatRate(rate: number | null, ci: [number, number] | null): string {
  if (rate === null || ci === null) return 'not measurable';
  return `${rate.toFixed(RATE_DECIMALS)} [${ci[0].toFixed(RATE_DECIMALS)}, ${ci[1].toFixed(RATE_DECIMALS)}]`;
}

function formatSummary(value: JsonSummaryValue): string {
  if (value === null) return 'n/a';
  return value === 'Infinity' ? 'infinite' : value.toFixed(3);
}

/** Names the groups with zero errors when a ratio is infinite, and over how many pairs (spec). */
function describeZeroGroups(rows: [string, ReportGroupRates][], kind: 'fmr' | 'fnmr'): string {
  const zero = rows.filter(([, r]) => r[kind] === 0);
  return zero.map(([g, r]) => `${printableLabel(g)}: no ${kind === 'fmr' ? 'false matches' : 'false non-matches'} over ${kind === 'fmr' ? r.impostor_pairs : r.genuine_pairs} pairs`).join('; ');
}

/** Pads cells into aligned columns. */
function alignColumns(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
}

/**
 * A label as a terminal may print it: control characters (escape sequences that could move the
 * cursor or recolour the screen, line breaks that would forge table rows, bidirectional overrides
 * and isolates that show text in another order than it is stored) shown as `\u{..}`.
 */
export function printableLabel(label: string): string {
  // eslint-disable-next-line no-control-regex
  return label.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

/** Renders the report as a readable per-group table per threshold, then thresholds and EERs. */
export function formatBiasReportTable(report: BiasReport, impostorGrouping: string): string {
  const out: string[] = [];
  for (const at of report.thresholds) {
    out.push(`Threshold ${at.threshold} (match when score >= threshold; impostor grouping: ${impostorGrouping})`);
    const entries = Object.entries(at.by_group);
    const rows = [['group', 'genuine', 'impostor', 'FMR [95% CI]', 'FNMR [95% CI]']];
    for (const [group, r] of entries) {
      rows.push([printableLabel(group), String(r.genuine_pairs), String(r.impostor_pairs), formatRate(r.fmr, r.fmr_ci95), formatRate(r.fnmr, r.fnmr_ci95)]);
    }
    const overall = (rate: number | null) => (rate === null ? 'not measurable' : rate.toFixed(RATE_DECIMALS));
    rows.push(['overall', '', '', overall(at.overall.fmr), overall(at.overall.fnmr)]);
    out.push(...alignColumns(rows).map((line) => `  ${line}`));
    const s = at.summary;
    out.push(`  FMR  max/min ${formatSummary(s.fmr_max_min_ratio)}, max/geomean ${formatSummary(s.fmr_max_geomean_ratio)}`);
    out.push(`  FNMR max/min ${formatSummary(s.fnmr_max_min_ratio)}, max/geomean ${formatSummary(s.fnmr_max_geomean_ratio)}`);
    out.push(`  FDR ${formatSummary(s.fdr)}  inequity rate ${formatSummary(s.inequity_rate)}  GARBE ${formatSummary(s.garbe)}`);
    if (s.fmr_max_min_ratio === 'Infinity') out.push(`  (infinite FMR ratio: ${describeZeroGroups(entries, 'fmr')})`);
    if (s.fnmr_max_min_ratio === 'Infinity') out.push(`  (infinite FNMR ratio: ${describeZeroGroups(entries, 'fnmr')})`);
    out.push('');
  }
  for (const { target, threshold } of report.threshold_at_fmr) {
    out.push(`Threshold at overall FMR <= ${target}: ${threshold === null ? 'not measurable (no impostor pairs)' : threshold}`);
  }
  const eer = report.eer.overall;
  out.push(`EER overall: ${eer === null ? 'not measurable' : `${eer.eer.toFixed(RATE_DECIMALS)} at ${eer.threshold}`}`);
  for (const [group, e] of Object.entries(report.eer.by_group)) {
    out.push(`  ${printableLabel(group)}: ${e === null ? 'not measurable (needs genuine and impostor pairs)' : `${e.eer.toFixed(RATE_DECIMALS)} at ${e.threshold}`}`);
  }
  out.push('', 'Intervals are Wilson 95% and treat pairs as independent; a face appears in many pairs, so they are too narrow.');
  return out.join('\n');
}
