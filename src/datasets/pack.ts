/**
 * Reading and writing reference packs (format v1). A pack carries embeddings and labels, never
 * pixels, plus the model, score and preprocessing that produced them, so a reader can refuse
 * numbers that would not be comparable with its own.
 */
import { encodeFloat32Base64 } from './base64';
import { decodeBinaryPack, isBinaryPack, readBinaryPackModel } from './pack-binary';
import { PackError, reject, type PackRejection } from './pack-errors';
import { PACK_FORMAT_MARKER, PACK_FORMAT_VERSION, type PackExpectation, type ReferencePack } from './pack-types';
import { validatePackJson } from './pack-validate';

export * from './pack-types';
export { blockByteLength, decodeBinaryPack, encodeBinaryPack, isBinaryPack, readBinaryPackModel } from './pack-binary';
export { PackError, type PackRejection, type PackRejectionCode } from './pack-errors';
export { findExactDuplicates, flagExactDuplicates, packSummary } from './pack-summary';
export type { DuplicateGroup, GroupCounts, PackSummary } from './pack-summary';

/** Outcome of {@link tryDecodePack}. */
export type PackDecodeResult = { ok: true; pack: ReferencePack } | { ok: false; rejection: PackRejection };

/**
 * Whether JSON text stops before its outermost value is closed (an unclosed string, object or
 * list). Tells "cut off while downloading" apart from "not JSON at all", which JSON.parse's
 * engine-specific messages do not do reliably.
 */
export function isTruncatedJson(text: string): boolean {
  const start = text.search(/\S/);
  if (start < 0 || (text[start] !== '{' && text[start] !== '[')) return false;
  let depth = 0;
  let isInString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (isInString) {
      if (ch === '\\') i++;
      else if (ch === '"') isInString = false;
    } else if (ch === '"') isInString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return false;
    }
  }
  return true;
}

/**
 * Parses and checks a pack file's text against the reader's model, embedding size and score.
 * Throws {@link PackError} (with `.rejection`) when the pack is refused; it is refused whole.
 */
export function decodePack(text: string, expected: PackExpectation): ReferencePack {
  // A byte-order mark is what some editors add when a pack is opened and saved again.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new PackError(reject.empty());
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    throw new PackError(isTruncatedJson(body) ? reject.truncated() : reject.notJson());
  }
  return validatePackJson(root, expected);
}

/** {@link decodePack} without exceptions, for UI code that shows the rejection sentence. */
export function tryDecodePack(text: string, expected: PackExpectation): PackDecodeResult {
  try {
    return { ok: true, pack: decodePack(text, expected) };
  } catch (error) {
    if (error instanceof PackError) return { ok: false, rejection: error.rejection };
    throw error;
  }
}

/**
 * Reads a pack file of either format: v2 (binary, starts with "FGPK") or v1 (JSON text).
 * The one entry point for bundled files, imported files and packs read back from IndexedDB.
 */
export function decodePackBytes(bytes: Uint8Array, expected: PackExpectation): ReferencePack {
  if (isBinaryPack(bytes)) return decodeBinaryPack(bytes, expected);
  return decodePack(new TextDecoder().decode(bytes), expected);
}

/** The `model` object a pack file of either version declares, unchecked; null when unreadable. */
export function readPackModel(bytes: Uint8Array): Record<string, unknown> | null {
  if (isBinaryPack(bytes)) return readBinaryPackModel(bytes);
  try {
    const root = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')) as { model?: unknown };
    return typeof root.model === 'object' && root.model !== null ? (root.model as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** {@link decodePackBytes} without exceptions. */
export function tryDecodePackBytes(bytes: Uint8Array, expected: PackExpectation): PackDecodeResult {
  try {
    return { ok: true, pack: decodePackBytes(bytes, expected) };
  } catch (error) {
    if (error instanceof PackError) return { ok: false, rejection: error.rejection };
    throw error;
  }
}

/**
 * Serialises a pack as JSON text, embeddings as base64 of little-endian float32.
 * The result is checked with the same rules as decodePack (against the pack's own model and
 * score), so a pack FaceGap would refuse is never written; throws PackError in that case.
 */
export function encodePack(pack: ReferencePack): string {
  const json = {
    format: PACK_FORMAT_MARKER,
    version: PACK_FORMAT_VERSION,
    name: pack.name,
    description: pack.description,
    license: pack.license,
    attribution: pack.attribution,
    model: { id: pack.model.id, package: pack.model.package, sha256: pack.model.sha256, dim: pack.model.dim },
    score: pack.score,
    labels: pack.labels,
    preprocessing: pack.preprocessing,
    samples: pack.samples.map((sample) => ({
      id: sample.id,
      subject: sample.subject,
      labels: sample.labels,
      ...(sample.estimates ? { estimates: sample.estimates } : {}),
      embedding: encodeFloat32Base64(sample.embedding),
      ...(sample.flags?.length ? { flags: sample.flags } : {}),
      ...(sample.notes?.length ? { notes: sample.notes } : {}),
    })),
    failures: pack.failures.map(({ id, labels, reason }) => ({ id, labels, reason })),
  };
  validatePackJson(json, { modelSha256: pack.model.sha256, dim: pack.model.dim, scoreId: pack.score });
  return `${JSON.stringify(json, null, 2)}\n`;
}
