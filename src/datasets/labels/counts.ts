/**
 * How many photos carry each label value, for the import preview. Label names and values are
 * whatever the files say, so the records have no prototype (`__proto__` is counted like any name).
 */
import { createNameRecord } from '../../shared/name-records';
import type { LabelledItem } from './types';

/** label name -> label value -> photos, in order of first appearance. */
export type LabelValueCounts = Record<string, Record<string, number>>;

/** Counts the photos per label value; a photo without a label is not counted under it. */
export function countLabelValues(items: readonly LabelledItem[]): LabelValueCounts {
  const counts = createNameRecord<Record<string, number>>();
  for (const item of items) {
    for (const [label, value] of Object.entries(item.labels)) {
      const byValue = (counts[label] ??= createNameRecord<number>());
      byValue[value] = (byValue[value] ?? 0) + 1;
    }
  }
  return counts;
}
