/**
 * How numbers are written in the bias views (shared/spec/bias-metrics.md: an undefined rate is
 * "not measurable"; an infinite ratio names the group without errors). Never prints NaN or Infinity.
 */

/** Text shown for a rate over no pairs (spec). */
export const NOT_MEASURABLE = 'not measurable';

const integerFormat = new Intl.NumberFormat('en-GB');

/** Writes a count with thousands separators: 180,300. */
export function formatCount(count: number): string {
  return integerFormat.format(count);
}

/** Writes a 0..1 rate as a percentage with two significant digits (0.0123 -> "1.2%"); null -> "not measurable". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return NOT_MEASURABLE;
  // A Wilson bound of zero errors comes out as ~1e-17, not 0: floating-point dust, not a rate.
  if (Math.abs(rate) < 1e-12) return '0%';
  if (rate === 1) return '100%';
  const percent = rate * 100;
  const digits = percent >= 10 ? 3 : 2;
  return `${Number(percent.toPrecision(digits)).toLocaleString('en-GB', { maximumSignificantDigits: digits })}%`;
}

/** Writes a 95% interval of rates: "0.8%-2.6%"; null -> "". */
export function formatRateInterval(ci: readonly [number, number] | null | undefined): string {
  if (!ci) return '';
  return `${formatRate(ci[0])}\u2013${formatRate(ci[1])}`;
}

/** Writes a positive ratio with two significant digits ("6.1", "15", "120"); Infinity -> "not measurable". */
export function formatRatioNumber(value: number): string {
  if (!Number.isFinite(value)) return NOT_MEASURABLE;
  if (value >= 100) return integerFormat.format(Math.round(value));
  return String(Number(value.toPrecision(2)));
}

/** Writes a ratio as "6.1\u00d7"; Infinity or null -> "not measurable". */
export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_MEASURABLE;
  return `${formatRatioNumber(value)}\u00d7`;
}

/** Writes a summary that is neither a rate nor a ratio (FDR, GARBE): three decimals. */
export function formatIndex(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_MEASURABLE;
  return value.toFixed(3);
}

/** Writes a similarity score or threshold with three decimals. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_MEASURABLE;
  return value.toFixed(3);
}

/** "1 person" / "3 people"; "1 pair" / "2 pairs". */
export function pluralise(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Writes a group or label value for people: "East_Asian/female" -> "East Asian/female". */
export function formatGroupName(group: string): string {
  return group.replaceAll('_', ' ');
}
