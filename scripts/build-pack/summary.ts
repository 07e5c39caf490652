/**
 * What the pack builder says about the pack it wrote (pure apart from decoding the text).
 */
import { decodePack, packSummary } from '../../src/datasets/pack';
import { DUPLICATE_FLAG_PREFIX } from '../../src/datasets/pack-summary';
import { NEAR_DUPLICATE_FLAG_PREFIX } from '../../src/import/assemble';
import { SCORE_ID } from '../../src/matching/similarity';
import { escapeControlCharacters } from '../../src/shared/printable';

/**
 * The summary printed after a build: faces, failures by reason, subjects, counts per label value,
 * duplicates and preprocessing. Names are printed as the pack holds them (control characters
 * escaped), and a label or value named `__proto__` or `constructor` is counted like any other.
 */
export function formatPackSummary(text: string): string {
  const lines: string[] = [];
  const expected = JSON.parse(text) as { model: { sha256: string; dim: number } };
  const pack = decodePack(text, { modelSha256: expected.model.sha256, dim: expected.model.dim, scoreId: SCORE_ID });
  const summary = packSummary(pack);
  lines.push('', `${pack.name}: ${summary.sampleCount} faces, ${summary.failureCount} failures (${Object.entries(summary.failuresByReason).filter(([, n]) => n > 0).map(([r, n]) => `${n} ${r}`).join(', ') || 'none'}), ${summary.subjectCount} subjects, ${summary.genuineCapableSubjectCount} with 2+ photos`);
  for (const [label, byValue] of Object.entries(summary.groups)) {
    const cells = Object.entries(byValue).map(([value, c]) => `${value} ${c.samples}${c.failures ? ` (-${c.failures})` : ''}`);
    lines.push(`  ${label}: ${cells.join(', ')}`);
  }
  const duplicates = pack.samples.filter((s) => s.flags?.some((f) => f.startsWith(DUPLICATE_FLAG_PREFIX)));
  lines.push(`  duplicates: ${duplicates.length === 0 ? 'none' : duplicates.map((s) => `${s.id} ${s.flags!.join(' ')}`).join('; ')}`);
  const near = pack.samples.filter((s) => s.flags?.some((f) => f.startsWith(NEAR_DUPLICATE_FLAG_PREFIX)));
  lines.push(`  near-duplicates (same photo re-cropped or re-encoded): ${near.length === 0 ? 'none' : near.map((s) => `${s.id} ${s.flags!.join(' ')} ${s.notes?.find((n) => n.startsWith('near-duplicate-cosine')) ?? ''}`).join('; ')}`);
  const crowded = pack.samples.filter((s) => s.notes?.some((n) => n.startsWith('several-faces')));
  if (crowded.length > 0) lines.push(`  several faces (largest kept): ${crowded.length}`);
  lines.push(`  preprocessing: ${JSON.stringify({ margin: pack.preprocessing.margin, fill: pack.preprocessing.fill, maxSide: pack.preprocessing.maxSide })}`);
  return lines.map(escapeControlCharacters).join('\n');
}
