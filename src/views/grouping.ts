/**
 * Grouping keys: which labels a view groups faces by, and the group label of a sample under them
 * ("Black/female" for race x gender, as shared/spec/bias-metrics.md writes intersections).
 */

/** Label value of a face that lacks a label the grouping asks for (same as the pack summary). */
export const MISSING_GROUP_VALUE = '(no label)';
/** Separator of intersection labels (spec: `Black/female`). */
export const GROUP_SEPARATOR = '/';
/** Label that records where a race label came from (lfw-94: published | unverified). */
export const RACE_LABEL_SOURCE = 'race_label_source';
/** Value of {@link RACE_LABEL_SOURCE} for labels nobody has checked. */
export const UNVERIFIED_SOURCE = 'unverified';

/** Labels the group picker offers first and combines into intersections, in this order. */
export const PREFERRED_LABELS = ['race', 'gender', 'age_band'] as const;

/** Human-readable name of a label: "age_band" -> "age band". */
export function describeLabel(label: string): string {
  return label.replaceAll('_', ' ');
}

/** Human-readable name of a grouping: ["race", "gender"] -> "race \u00d7 gender"; [] -> "everyone". */
export function describeGrouping(groupBy: readonly string[]): string {
  return groupBy.length === 0 ? 'everyone' : groupBy.map(describeLabel).join(' \u00d7 ');
}

/** Stable key of a grouping, for option values and caches: "race/gender". */
export function groupingKey(groupBy: readonly string[]): string {
  return groupBy.join(GROUP_SEPARATOR);
}

/**
 * Group label of a sample: its values of `groupBy` joined with "/", a missing value written
 * {@link MISSING_GROUP_VALUE}. An empty grouping puts everyone in the group "everyone".
 */
export function findGroupLabel(labels: Readonly<Record<string, string>>, groupBy: readonly string[]): string {
  if (groupBy.length === 0) return 'everyone';
  return groupBy.map((label) => labels[label] ?? MISSING_GROUP_VALUE).join(GROUP_SEPARATOR);
}

/**
 * The groupings a picker offers for the labels a pack declares: each label alone, then every pair
 * of the preferred labels, then the three together. Provenance labels such as race_label_source
 * are filters, not groups, and are left out.
 */
export function listGroupings(labels: readonly string[]): string[][] {
  const usable = labels.filter((label) => !label.endsWith('_source'));
  const preferred = PREFERRED_LABELS.filter((label) => usable.includes(label));
  const others = usable.filter((label) => !(PREFERRED_LABELS as readonly string[]).includes(label));
  const singles = [...preferred, ...others].map((label) => [label]);
  const pairs: string[][] = [];
  for (let i = 0; i < preferred.length; i++) {
    for (let j = i + 1; j < preferred.length; j++) pairs.push([preferred[i], preferred[j]]);
  }
  const all = preferred.length >= 3 ? [[...preferred]] : [];
  return [...singles, ...pairs, ...all];
}

/**
 * The labels worth grouping by: those with at least two values among the faces (age band on an
 * import of 18-29s alone would give one group, which compares nothing).
 */
export function selectVariedLabels(labels: readonly string[], samples: readonly { labels: Readonly<Record<string, string>> }[]): string[] {
  return labels.filter((label) => new Set(samples.map((s) => s.labels[label] ?? MISSING_GROUP_VALUE)).size >= 2);
}
