/**
 * The one plain sentence an audience reads: how many times as likely the group with the highest
 * false-match rate is to be falsely matched as the group with the lowest, at the current threshold.
 * Ratios follow shared/spec/bias-metrics.md ("Max/min ratio"); a zero lowest rate is "not
 * measurable" and the sentence names the group without errors and its number of pairs instead.
 */
import { computeRateRatio } from '../metrics/summaries';
import type { ImpostorGrouping, RateEstimate } from '../metrics/types';
import { formatCount, formatRate, formatRatioNumber, pluralise } from './format';
import { GROUP_SEPARATOR, MISSING_GROUP_VALUE, describeLabel } from './grouping';

/** What the sentence needs from each group. */
export interface SentenceRow {
  readonly group: string;
  readonly people: number;
  readonly fmr: RateEstimate;
  readonly isSmall: boolean;
}

/** Input of {@link buildSummarySentence}. */
export interface SentenceInput {
  readonly rows: readonly SentenceRow[];
  readonly groupBy: readonly string[];
  readonly impostorGrouping: ImpostorGrouping;
  /** Bootstrap interval of the ratio; undefined while it is being computed, null when unavailable. */
  readonly ratioInterval?: readonly [number, number] | null;
}

/** Which case the sentence describes. */
export type SentenceKind = 'ratio' | 'zero-lowest' | 'no-errors' | 'too-few-groups';

/** The sentence and the facts it was built from (for tests and data attributes). */
export interface SummarySentence {
  readonly kind: SentenceKind;
  readonly text: string;
  readonly highGroup: string | null;
  readonly lowGroup: string | null;
  /** fmr(high) / fmr(low); null unless kind is "ratio". */
  readonly ratio: number | null;
  /** Groups left out of the comparison for being small or unmeasurable. */
  readonly leftOut: readonly string[];
}

/** Describes a person of a group: "a woman labelled Black aged 18-29", "a person labelled White". */
export function describePerson(group: string, groupBy: readonly string[]): { noun: string; possessive: string } {
  const values = groupBy.length === 0 ? [] : group.split(GROUP_SEPARATOR);
  let noun = 'person';
  let possessive = 'their';
  const parts: string[] = [];
  groupBy.forEach((label, i) => {
    const value = values[i] ?? MISSING_GROUP_VALUE;
    if (value === MISSING_GROUP_VALUE) parts.push(`with no ${describeLabel(label)} label`);
    else if (label === 'gender' && value === 'female') [noun, possessive] = ['woman', 'her'];
    else if (label === 'gender' && value === 'male') [noun, possessive] = ['man', 'his'];
    else if (label === 'race') parts.push(`labelled ${value.replaceAll('_', ' ')}`);
    else if (label === 'age_band') parts.push(`aged ${value}`);
    else parts.push(`labelled ${describeLabel(label)} ${value}`);
  });
  return { noun: ['a', noun, ...parts].join(' '), possessive };
}

/** "(95% interval 2.3-15)", "(95% interval: at least 2.3)", or a note while it is computed. */
export function describeRatioInterval(interval: readonly [number, number] | null | undefined): string {
  if (interval === undefined) return ' (interval being computed)';
  if (interval === null) return ' (no interval: too few people to resample)';
  if (!Number.isFinite(interval[0])) return ' (95% interval: too few errors to bound it)';
  if (!Number.isFinite(interval[1])) return ` (95% interval: at least ${formatRatioNumber(interval[0])})`;
  return ` (95% interval ${formatRatioNumber(interval[0])}\u2013${formatRatioNumber(interval[1])})`;
}

/**
 * Builds the sentence. Groups flagged small or without impostor pairs are left out and named.
 * Never writes NaN or Infinity.
 */
export function buildSummarySentence(input: SentenceInput): SummarySentence {
  const eligible = input.rows.filter((r) => !r.isSmall && r.fmr.rate !== null);
  const leftOut = input.rows.filter((r) => !eligible.includes(r)).map((r) => r.group);
  const leftNote = leftOut.length > 0 ? ` Left out as too small to compare: ${leftOut.join(', ')}.` : '';
  const base = { leftOut, highGroup: null, lowGroup: null, ratio: null };
  if (eligible.length < 2) {
    return {
      ...base, kind: 'too-few-groups',
      text: `There are not two groups with enough people to compare at this threshold, so no ratio is shown.${leftNote}`,
    };
  }
  const sorted = [...eligible].sort((a, b) => (b.fmr.rate as number) - (a.fmr.rate as number));
  const high = sorted[0];
  const low = sorted[sorted.length - 1];
  const pairsTotal = eligible.reduce((sum, r) => sum + r.fmr.pairs, 0);
  if (high.fmr.errors === 0) {
    return {
      ...base, kind: 'no-errors',
      text: `At this threshold nobody in this set is falsely matched: no errors in any group over ${pluralise(pairsTotal, 'pair', 'pairs')}. Lower the threshold to see where errors begin.${leftNote}`,
    };
  }
  const h = describePerson(high.group, input.groupBy);
  const l = describePerson(low.group, input.groupBy);
  const target = input.impostorGrouping === 'within' ? `someone of ${h.possessive} own group` : 'someone else in this set';
  const facts = { highGroup: high.group, lowGroup: low.group, leftOut };
  if (low.fmr.errors === 0) {
    return {
      ...facts, kind: 'zero-lowest', ratio: null,
      text: `At this threshold, ${h.noun} in this set is falsely matched to ${target} in ${formatRate(high.fmr.rate)} of pairs (${formatCount(high.fmr.errors)} of ${formatCount(high.fmr.pairs)}), while ${l.noun} had no false matches in ${pluralise(low.fmr.pairs, 'pair', 'pairs')}: how many times as likely is not measurable.${leftNote}`,
    };
  }
  const ratio = computeRateRatio(high.fmr.rate, low.fmr.rate) as number;
  return {
    ...facts, kind: 'ratio', ratio,
    text: `At this threshold, ${h.noun} in this set is ${formatRatioNumber(ratio)}\u00d7${describeRatioInterval(input.ratioInterval)} as likely as ${l.noun} to be falsely matched to ${target}.${leftNote}`,
  };
}
