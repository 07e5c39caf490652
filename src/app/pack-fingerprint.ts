/**
 * A short key for a pack's content, so a preset worked out on one build of a pack is recomputed
 * when the pack is rebuilt under the same name (other photos, other preprocessing, other weights).
 * Pure: no DOM. Not a cryptographic check: it tells builds apart, it does not defend against anyone.
 */
import type { ReferencePack } from '../datasets/pack-types';

/** FNV-1a's 32-bit offset basis and prime. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Hex digits of a file's sha256 a key keeps: 64 bits, twice FNV's, and a form FNV's 8 digits never take. */
const FILE_HASH_DIGITS = 16;

/** Packs already keyed: the key is asked for on every pack change and preset click. */
const keys = new WeakMap<ReferencePack, string>();

/**
 * Keys `pack` by the sha256 of the file it was decoded from (a bundled pack: the loader hashes
 * the bytes anyway, off the page's thread, to check them against packs/index.json), so
 * `fingerprintPack` never reads its embeddings. The file holds every byte the pack is decoded
 * from, so a rebuild under the same name is another file and another key. A hash that is not
 * lower- or upper-case hex of 64 digits is ignored: the pack keeps its FNV key.
 */
export function keyPackByFileSha256(pack: ReferencePack, fileSha256: string): void {
  if (!/^[0-9a-f]{64}$/i.test(fileSha256)) return;
  keys.set(pack, `${describeShape(pack)}-${fileSha256.slice(0, FILE_HASH_DIGITS).toLowerCase()}`);
}

/**
 * The pack's content key, `<samples>x<dimensions>-<hash>`. For a pack keyed by its file
 * (`keyPackByFileSha256`), the hash is that file's sha256 cut to 16 hex digits and costs nothing.
 * Otherwise (a pack imported on this device and read back from IndexedDB) it is FNV-1a over 32-bit
 * words, 8 hex digits, covering the name, the model's id and weights sha256, the score, the labels,
 * and every sample's id, subject, labels and embedding bits: measured 100 ms for utkface-3000
 * (2,997 faces of 1,024 floats) and 6 ms for lfw-94 in node on the 2-core dev machine at load 11,
 * once per pack (cached). Two packs with equal keys are, for a threshold preset, the same pack.
 */
export function fingerprintPack(pack: ReferencePack): string {
  const cached = keys.get(pack);
  if (cached) return cached;
  let hash = FNV_OFFSET;
  const mixWord = (word: number) => {
    hash = Math.imul(hash ^ word, FNV_PRIME) >>> 0;
  };
  const mixText = (text: string) => {
    for (let i = 0; i < text.length; i++) mixWord(text.charCodeAt(i));
    mixWord(0);
  };
  mixText(pack.name);
  mixText(pack.model.id);
  mixText(pack.model.sha256);
  mixText(pack.score);
  mixText(pack.labels.join('\u0001'));
  mixWord(pack.failures.length);
  for (const sample of pack.samples) {
    mixText(sample.id);
    mixText(sample.subject ?? '');
    mixText(Object.entries(sample.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flat().join('\u0001'));
    const bits = new Uint32Array(sample.embedding.buffer, sample.embedding.byteOffset, sample.embedding.length);
    for (let i = 0; i < bits.length; i++) mixWord(bits[i]);
  }
  const key = `${describeShape(pack)}-${hash.toString(16).padStart(8, '0')}`;
  keys.set(pack, key);
  return key;
}

/** "2997x1024": how many faces, of how many floats each. */
function describeShape(pack: ReferencePack): string {
  return `${pack.samples.length}x${pack.samples[0]?.embedding.length ?? 0}`;
}

/**
 * Whether two content keys were worked out the same way (both from a file's sha256, or both from
 * the embeddings), so that their being different says the content is different. A preset kept
 * before bundled packs were keyed by their file's sha256 holds an FNV key: it says nothing either way.
 */
export function isSameKeyKind(a: string, b: string): boolean {
  const digits = (key: string) => key.length - key.lastIndexOf('-') - 1;
  return digits(a) === digits(b);
}
