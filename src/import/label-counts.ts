/** How many photos carry each value of each label, for the import preview. Pure. */

/**
 * Counts label values over labelled items. Null-prototype records: a label or value named
 * "__proto__", "constructor" or "toString" is counted like any other word, never looked up on
 * Object.prototype (and never pollutes it).
 */
export function countLabelValues(items: readonly { labels: Readonly<Record<string, string>> }[]): Record<string, Record<string, number>> {
  const counts = Object.create(null) as Record<string, Record<string, number>>;
  for (const item of items) {
    for (const [label, value] of Object.entries(item.labels)) {
      const byValue = (counts[label] ??= Object.create(null) as Record<string, number>);
      byValue[value] = (byValue[value] ?? 0) + 1;
    }
  }
  return counts;
}
