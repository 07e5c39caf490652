/**
 * The plain sentence an audience reads about the gap at the current threshold. It states a ratio
 * (shared/spec/bias-metrics.md, "Max/min ratio") only where both groups rest on enough errors and
 * people for the subject bootstrap to bound it (docs/statistics.md, "When the sentence states a
 * ratio"); otherwise it gives the counts. It speaks of false matches, missed matches, or both,
 * whichever the set can measure, the larger first; and it warns when the extremes of many groups
 * are compared.
 */
import { computeMaxGeomeanRatio, computeRateRatio } from '../metrics/summaries';
import type { ImpostorGrouping, RateEstimate } from '../metrics/types';
import { computeNoErrorUpperBound } from './bounds';
import { formatCount, formatGroupName, formatRate, formatRatioNumber, pluralise } from './format';
import { GROUP_SEPARATOR, MISSING_GROUP_VALUE, describeLabel } from './grouping';

/**
 * Fewest errors each group needs before the sentence states how many times as likely: with fewer,
 * the two-way subject bootstrap's 95% interval of the ratio usually has no upper end (measured in
 * docs/statistics.md: with 8 errors in the lower group it is still open in most layouts).
 */
export const MIN_ERRORS_FOR_RATIO = 10;
/** Fewest people each group needs before a ratio is stated (the bootstrap's MIN_BOOTSTRAP_UNITS). */
export const MIN_PEOPLE_FOR_RATIO = 10;
/** From this many groups on, the sentence warns that the extremes of many groups spread by chance. */
export const MANY_GROUPS = 6;

/** What the sentence needs from each group. */
export interface SentenceRow {
  readonly group: string;
  readonly people: number;
  readonly fmr: RateEstimate;
  /** Missed same-person pairs; absent or without pairs when the set has one photo per person. */
  readonly fnmr?: RateEstimate;
  readonly isSmall: boolean;
}

/** Input of {@link buildSummarySentence}. */
export interface SentenceInput {
  readonly rows: readonly SentenceRow[];
  readonly groupBy: readonly string[];
  readonly impostorGrouping: ImpostorGrouping;
  /** Bootstrap interval of the false-match ratio; undefined while computed, null when unavailable. */
  readonly ratioInterval?: readonly [number, number] | null;
  /** The same for the missed-match ratio. */
  readonly fnmrRatioInterval?: readonly [number, number] | null;
}

/** Which case a side of the sentence describes. */
export type SentenceKind = 'ratio' | 'too-few-errors' | 'zero-lowest' | 'no-errors' | 'too-few-groups';

/** Which error a side speaks of. */
export type ErrorSide = 'fmr' | 'fnmr';

/** One side of the sentence: false matches or missed matches. */
export interface SideSentence {
  readonly side: ErrorSide;
  readonly kind: Exclude<SentenceKind, 'too-few-groups'>;
  readonly text: string;
  /** The same finding in fewer words, for a projector. */
  readonly brief: string;
  readonly highGroup: string;
  readonly lowGroup: string;
  /** rate(high) / rate(low); null unless kind is "ratio". */
  readonly ratio: number | null;
}

/** The sentence and the facts it was built from (for tests and data attributes). */
export interface SummarySentence {
  /** The kind of the side stated first. */
  readonly kind: SentenceKind;
  readonly text: string;
  /**
   * The same findings and caveats in fewer words, for presenter view (one screen at 1280x720):
   * the threshold is on screen beside it, and the rules and full counts stay in `text`.
   */
  readonly brief: string;
  readonly highGroup: string | null;
  readonly lowGroup: string | null;
  /** The first side's ratio; null unless kind is "ratio". */
  readonly ratio: number | null;
  /** Groups left out of the comparison for being small or unmeasurable. */
  readonly leftOut: readonly string[];
  /** Each side stated, in the order written. */
  readonly sides: readonly SideSentence[];
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
    else if (label === 'race') parts.push(`labelled ${formatGroupName(value)}`);
    else if (label === 'age_band') parts.push(`aged ${value}`);
    else parts.push(`labelled ${describeLabel(label)} ${formatGroupName(value)}`);
  });
  return { noun: ['a', noun, ...parts].join(' '), possessive };
}

/**
 * The ratio's interval as a finding: "(95% interval 2.3-15)". An interval with no upper end is
 * not a finding, so it says so instead of printing "at least".
 */
export function describeRatioInterval(interval: readonly [number, number] | null | undefined): string {
  if (interval === undefined) return ' (interval being computed)';
  if (interval === null) return ' (no interval: too few people to resample)';
  if (!Number.isFinite(interval[0]) || !Number.isFinite(interval[1])) {
    return ' (resampling people gives no upper limit, so treat it as a hint, not a finding)';
  }
  const range = `${formatRatioNumber(interval[0])}\u2013${formatRatioNumber(interval[1])}`;
  return interval[0] <= 1 ? ` (95% interval ${range}: no difference at all is also possible)` : ` (95% interval ${range})`;
}

const rateOf = (row: SentenceRow, side: ErrorSide): RateEstimate | undefined => (side === 'fmr' ? row.fmr : row.fnmr);

/** "6 of 190 pairs (3.2%)"; none: "0 of 190 pairs (at most 1.6%)". */
function describeCount(rate: RateEstimate): string {
  const share = rate.errors === 0 ? `at most ${formatRate(computeNoErrorUpperBound(rate.pairs))}` : formatRate(rate.rate);
  return `${formatCount(rate.errors)} of ${pluralise(rate.pairs, 'pair', 'pairs')} (${share})`;
}

/** Builds one side, or null when fewer than two groups can be compared on it. */
function buildSide(side: ErrorSide, input: SentenceInput, eligible: readonly SentenceRow[]): SideSentence | null {
  if (eligible.length < 2) return null;
  const r = (row: SentenceRow) => rateOf(row, side) as RateEstimate;
  // Among equal rates the lowest is the one over most pairs: its bound is the tightest.
  const sorted = [...eligible].sort((a, b) => (r(b).rate as number) - (r(a).rate as number) || r(a).pairs - r(b).pairs);
  const high = sorted[0];
  const low = sorted[sorted.length - 1];
  const h = describePerson(high.group, input.groupBy);
  const l = describePerson(low.group, input.groupBy);
  const target = input.impostorGrouping === 'within' ? `someone of ${h.possessive} own group` : 'someone else in this set';
  const isFmr = side === 'fmr';
  const errorsName = isFmr ? 'false matches' : 'missed matches';
  const facts = { side, highGroup: high.group, lowGroup: low.group, ratio: null };
  if (r(high).errors === 0) {
    const pairs = eligible.reduce((sum, row) => sum + r(row).pairs, 0);
    const what = isFmr ? 'different-person pairs' : 'same-person pairs';
    return {
      ...facts, kind: 'no-errors', text: `At this threshold there are no ${errorsName} in any group: none in ${formatCount(pairs)} ${what}.`,
      brief: `No ${errorsName} in any group (none in ${formatCount(pairs)} ${what}).`,
    };
  }
  const event = isFmr ? `falsely matched to ${target}` : 'not recognised as themselves (a missed match)';
  const shortEvent = isFmr ? 'falsely matched' : 'not recognised (a missed match)';
  const other = describeOther(l.noun);
  const hasEnough = (row: SentenceRow) => r(row).errors >= MIN_ERRORS_FOR_RATIO && row.people >= MIN_PEOPLE_FOR_RATIO;
  // A group without errors is compared only with a group that has enough of them: 1 against 0 says nothing.
  if (r(low).errors === 0 && hasEnough(high)) {
    return {
      ...facts, kind: 'zero-lowest',
      text: `At this threshold, ${h.noun} in this set is ${event} in ${formatRate(r(high).rate)} of pairs (${formatCount(r(high).errors)} of ${formatCount(r(high).pairs)}), while ${l.noun} had no ${errorsName} in ${pluralise(r(low).pairs, 'pair', 'pairs')} (at most ${formatRate(computeNoErrorUpperBound(r(low).pairs))}, 95% upper bound): how many times as likely is not measurable.`,
      brief: `${capitalise(h.noun)} is ${shortEvent} in ${formatRate(r(high).rate)} of pairs; ${other}: none in ${formatCount(r(low).pairs)} (at most ${formatRate(computeNoErrorUpperBound(r(low).pairs))}).`,
    };
  }
  if (!hasEnough(high) || !hasEnough(low)) {
    return {
      ...facts, kind: 'too-few-errors',
      text: `Too few ${errorsName} to compare groups at this threshold: ${h.noun} had ${describeCount(r(high))}, ${l.noun} ${describeCount(r(low))}. A ratio needs at least ${MIN_ERRORS_FOR_RATIO} errors and ${MIN_PEOPLE_FOR_RATIO} people in each group.`,
      brief: `${capitalise(errorsName)}: too few to compare (${formatGroupName(high.group)} ${formatCount(r(high).errors)} of ${formatCount(r(high).pairs)} pairs, ${formatGroupName(low.group)} ${formatCount(r(low).errors)} of ${formatCount(r(low).pairs)}).`,
    };
  }
  const ratio = computeRateRatio(r(high).rate, r(low).rate) as number;
  const interval = describeRatioInterval(isFmr ? input.ratioInterval : input.fnmrRatioInterval);
  return {
    ...facts, kind: 'ratio', ratio,
    text: `At this threshold, ${h.noun} in this set is ${formatRatioNumber(ratio)}\u00d7${interval} as likely as ${l.noun} to be ${event}.`,
    brief: `${capitalise(h.noun)} is ${formatRatioNumber(ratio)}\u00d7${interval} as likely as ${other} to be ${shortEvent}.`,
  };
}

/** "a person labelled White" -> "one labelled White"; a woman or a man keeps their noun. */
function describeOther(noun: string): string {
  return noun.startsWith('a person ') ? `one ${noun.slice('a person '.length)}` : noun;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The many-groups caveat, with the max/geomean ratio where every group has errors; full and brief. */
function describeManyGroups(side: SideSentence, eligible: readonly SentenceRow[]): { text: string; brief: string } {
  const rates = eligible.map((row) => rateOf(row, side.side)?.rate ?? null);
  const geomean = computeMaxGeomeanRatio(rates);
  const hasTypical = geomean !== null && Number.isFinite(geomean);
  const typical = hasTypical ? ` Against a typical group (the geometric mean of all ${eligible.length}), the highest is ${formatRatioNumber(geomean)}\u00d7.` : '';
  return {
    text: ` These are the extremes of ${eligible.length} groups: with many small groups, a wide spread between the highest and the lowest is likely by chance alone.${typical}`,
    brief: ` Extremes of ${eligible.length} groups: some spread is chance alone${hasTypical ? `; the highest is ${formatRatioNumber(geomean)}\u00d7 a typical group` : ''}.`,
  };
}

/**
 * Builds the sentence. Groups flagged small are left out and named; a side is stated where at
 * least two groups have pairs of its kind. Never writes NaN or Infinity.
 */
export function buildSummarySentence(input: SentenceInput): SummarySentence {
  const eligibleFor = (side: ErrorSide) => input.rows.filter((row) => !row.isSmall && (rateOf(row, side)?.rate ?? null) !== null);
  const byS = { fmr: eligibleFor('fmr'), fnmr: eligibleFor('fnmr') };
  const leftOut = input.rows.filter((row) => !byS.fmr.includes(row) && !byS.fnmr.includes(row)).map((row) => row.group);
  const leftNote = leftOut.length > 0 ? ` Left out as too small to compare: ${leftOut.map(formatGroupName).join(', ')}.` : '';
  const leftBrief = leftOut.length > 0 ? ` Too small to compare: ${leftOut.map(formatGroupName).join(', ')}.` : '';
  const maxRate = (s: SideSentence) => Math.max(...byS[s.side].map((row) => rateOf(row, s.side)?.rate ?? 0));
  const sides = (['fmr', 'fnmr'] as const)
    .map((side) => buildSide(side, input, byS[side]))
    .filter((s): s is SideSentence => s !== null)
    .sort((a, b) => maxRate(b) - maxRate(a));
  if (sides.length === 0) {
    return {
      kind: 'too-few-groups', leftOut, sides, highGroup: null, lowGroup: null, ratio: null,
      text: `There are not two groups with enough people to compare at this threshold, so no ratio is shown.${leftNote}`,
      brief: `Not two groups with enough people to compare.${leftBrief}`,
    };
  }
  // The many-groups caveat once, for the first side that compares groups.
  const compared = sides.find((s) => s.kind !== 'no-errors' && byS[s.side].length >= MANY_GROUPS);
  const caveat = compared ? describeManyGroups(compared, byS[compared.side]) : { text: '', brief: '' };
  const first = sides[0];
  return {
    kind: first.kind, highGroup: first.highGroup, lowGroup: first.lowGroup, ratio: first.ratio, leftOut, sides,
    text: `${sides.map((s) => s.text).join(' ')}${caveat.text}${leftNote}`,
    brief: `${sides.map((s) => s.brief).join(' ')}${caveat.brief}${leftBrief}`,
  };
}
