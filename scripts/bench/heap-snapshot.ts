/**
 * Heap snapshots for the memory benches (soak.ts, heap-diff.ts): one snapshot of a target after a
 * forced collection, summed per node kind and name, and the difference of two such sums. Blink's
 * own objects ("native" nodes) are left out: they are not in the JS heap the soak reads; what is
 * left is V8's heap, where "code" is compiled code (V8 optimising functions as they grow hot),
 * not data the app keeps.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'puppeteer-core';

/** Per `kind:name` of V8 node: [count, bytes]. */
export type HeapSummary = Map<string, [number, number]>;

/** Collects garbage, takes a snapshot (written to `saveTo` when given) and sums its V8 nodes. */
export async function takeHeapSummary(session: CDPSession, saveTo?: string): Promise<HeapSummary> {
  await session.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const text = chunks.join('');
  if (saveTo) writeFileSync(saveTo, text);
  const snapshot = JSON.parse(text) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const stride = fields.length, typeAt = fields.indexOf('type'), nameAt = fields.indexOf('name'), sizeAt = fields.indexOf('self_size');
  const summary: HeapSummary = new Map();
  for (let i = 0; i < snapshot.nodes.length; i += stride) {
    const kind = types[snapshot.nodes[i + typeAt]];
    if (kind === 'native' || kind === 'synthetic') continue;
    const key = `${kind}:${String(snapshot.strings[snapshot.nodes[i + nameAt]]).slice(0, 60)}`;
    const entry = summary.get(key) ?? [0, 0];
    entry[0]++;
    entry[1] += snapshot.nodes[i + sizeAt];
    summary.set(key, entry);
  }
  return summary;
}

/** Bytes per node kind (code, object, array, string, ...) that `after` has more than `before`. */
export function growthByKind(before: HeapSummary, after: HeapSummary): Record<string, number> {
  const byKind: Record<string, number> = {};
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const kind = key.slice(0, key.indexOf(':'));
    byKind[kind] = (byKind[kind] ?? 0) + (after.get(key)?.[1] ?? 0) - (before.get(key)?.[1] ?? 0);
  }
  return byKind;
}

/** The `count` node kinds and names that grew most: [key, count difference, bytes difference]. */
export function topGrowth(before: HeapSummary, after: HeapSummary, count = 25): [string, number, number][] {
  return [...after]
    .map(([key, [nodes, bytes]]): [string, number, number] => [key, nodes - (before.get(key)?.[0] ?? 0), bytes - (before.get(key)?.[1] ?? 0)])
    .sort((x, y) => y[2] - x[2])
    .slice(0, count);
}
