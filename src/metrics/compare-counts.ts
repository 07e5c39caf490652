/**
 * Per-group counts of the model comparison (src/metrics/compare.ts): people, photos without a
 * face, and bootstrap intervals in JSON form. Pure.
 */
import type { BootstrapRatio } from './bootstrap';
import type { CompareSample, ModelComparison } from './compare';

/** Distinct people per group; a face without subject counts as its own person. */
export function countPeople(samples: readonly CompareSample[], groupOf: (labels: Readonly<Record<string, string>>) => string): Record<string, number> {
  const people = new Map<string, Set<string>>();
  for (const sample of samples) {
    const group = groupOf(sample.labels);
    if (!people.has(group)) people.set(group, new Set());
    people.get(group)!.add(sample.subject === null ? `\u0000${sample.id}` : sample.subject);
  }
  return Object.fromEntries([...people].map(([group, set]) => [group, set.size]));
}

/** Photos per group and those without a face: failures / (failures + faces); null rate for no photos. */
export function countNoFace(faceGroups: readonly string[], failureGroups: readonly string[]): ModelComparison['no_face'] {
  const out: ModelComparison['no_face'] = {};
  for (const group of [...faceGroups, ...failureGroups]) out[group] ??= { photos: 0, no_face: 0, rate: null };
  for (const group of faceGroups) out[group].photos++;
  for (const group of failureGroups) {
    out[group].photos++;
    out[group].no_face++;
  }
  for (const entry of Object.values(out)) entry.rate = entry.photos > 0 ? entry.no_face / entry.photos : null;
  return out;
}

/** A bootstrap ratio interval as JSON can hold it (Infinity as the string "Infinity"). */
export function toJsonInterval(ratio: BootstrapRatio): [number | 'Infinity' | null, number | 'Infinity' | null] {
  const json = (value: number | null) => (value === Infinity ? 'Infinity' : value);
  return [json(ratio.low), json(ratio.high)];
}
