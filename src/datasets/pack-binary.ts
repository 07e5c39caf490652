/**
 * Pack format v2: the v1 fields as a small JSON header, then every embedding in one binary block
 * (docs/pack-format.md, "Version 2"). A third of v1's size with float16, and no base64 to parse.
 *
 *   bytes 0-3   "FGPK"
 *   bytes 4-7   uint32 LE format version (2)
 *   bytes 8-11  uint32 LE header length H in bytes
 *   12..12+H    header: UTF-8 JSON, v1's fields without `embedding`, plus `vectors`
 *   zero bytes up to the next multiple of 8, then the block (`vectors.byteLength` bytes)
 */
import { setFloat16 } from '@petamoriken/float16';
import { getFloat16Table } from './float16-table';
import { PackError, reject } from './pack-errors';
import {
  PACK_BINARY_MAGIC, PACK_BINARY_VERSION, PACK_FORMAT_MARKER,
  type PackExpectation, type PackVectorBlock, type PackVectorDtype, type ReferencePack,
} from './pack-types';
import { isObject, validatePackJson, type JsonObject } from './pack-validate';

const PREAMBLE_BYTES = 12;
const BLOCK_ALIGN_BYTES = 8;
const DTYPES: readonly PackVectorDtype[] = ['float16', 'int8', 'float32'];
/** Largest magnitude an int8 code takes; symmetric so that 0 stays exactly 0. */
const INT8_MAX_CODE = 127;

/** Whether the bytes start like a v2 pack (the reader picks v1 JSON or v2 by this). */
export function isBinaryPack(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && String.fromCharCode(...bytes.subarray(0, 4)) === PACK_BINARY_MAGIC;
}

/** Bytes the block takes for `count` vectors of `dim` values. */
export function blockByteLength(dtype: PackVectorDtype, count: number, dim: number): number {
  if (dtype === 'float16') return count * dim * 2;
  if (dtype === 'float32') return count * dim * 4;
  return count * 4 + count * dim;
}

function alignUp(offset: number): number {
  return Math.ceil(offset / BLOCK_ALIGN_BYTES) * BLOCK_ALIGN_BYTES;
}

function writeBlock(view: DataView, offset: number, vectors: readonly Float32Array[], dtype: PackVectorDtype, dim: number): void {
  vectors.forEach((vector, row) => {
    if (dtype === 'float16') {
      for (let i = 0; i < dim; i++) setFloat16(view, offset + (row * dim + i) * 2, vector[i], true);
    } else if (dtype === 'float32') {
      for (let i = 0; i < dim; i++) view.setFloat32(offset + (row * dim + i) * 4, vector[i], true);
    } else {
      let maxAbs = 0;
      for (let i = 0; i < dim; i++) maxAbs = Math.max(maxAbs, Math.abs(vector[i]));
      const scale = maxAbs / INT8_MAX_CODE;
      view.setFloat32(offset + row * 4, scale, true);
      const codes = offset + vectors.length * 4 + row * dim;
      for (let i = 0; i < dim; i++) view.setInt8(codes + i, scale === 0 ? 0 : Math.round(vector[i] / scale));
    }
  });
}

function readRow(view: DataView, offset: number, block: PackVectorBlock, row: number): Float32Array {
  const { dim, dtype, count } = block;
  const out = new Float32Array(dim);
  if (dtype === 'float16') {
    const halves = getFloat16Table();
    for (let i = 0; i < dim; i++) out[i] = halves[view.getUint16(offset + (row * dim + i) * 2, true)];
  } else if (dtype === 'float32') {
    for (let i = 0; i < dim; i++) out[i] = view.getFloat32(offset + (row * dim + i) * 4, true);
  } else {
    const scale = view.getFloat32(offset + row * 4, true);
    const codes = offset + count * 4 + row * dim;
    for (let i = 0; i < dim; i++) out[i] = view.getInt8(codes + i) * scale;
  }
  return out;
}

/**
 * Writes a pack as format v2. The result is decoded again before it is returned, so a file
 * FaceGap would refuse is never written; throws PackError in that case.
 */
export function encodeBinaryPack(pack: ReferencePack, dtype: PackVectorDtype = 'float16'): Uint8Array {
  const { dim } = pack.model;
  const vectors: PackVectorBlock = { dtype, count: pack.samples.length, dim, byteLength: blockByteLength(dtype, pack.samples.length, dim) };
  const header = {
    format: PACK_FORMAT_MARKER,
    version: PACK_BINARY_VERSION,
    name: pack.name,
    description: pack.description,
    license: pack.license,
    attribution: pack.attribution,
    model: { id: pack.model.id, package: pack.model.package, sha256: pack.model.sha256, dim },
    score: pack.score,
    labels: pack.labels,
    preprocessing: pack.preprocessing,
    vectors,
    samples: pack.samples.map((sample) => ({
      id: sample.id,
      subject: sample.subject,
      labels: sample.labels,
      ...(sample.estimates ? { estimates: sample.estimates } : {}),
      ...(sample.flags?.length ? { flags: sample.flags } : {}),
      ...(sample.notes?.length ? { notes: sample.notes } : {}),
    })),
    failures: pack.failures.map(({ id, labels, reason }) => ({ id, labels, reason })),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const blockOffset = alignUp(PREAMBLE_BYTES + headerBytes.length);
  const bytes = new Uint8Array(blockOffset + vectors.byteLength);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(PACK_BINARY_MAGIC), 0);
  view.setUint32(4, PACK_BINARY_VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, PREAMBLE_BYTES);
  writeBlock(view, blockOffset, pack.samples.map((sample) => sample.embedding), dtype, dim);
  decodeBinaryPack(bytes, { modelSha256: pack.model.sha256, dim, scoreId: pack.score });
  return bytes;
}

function readHeader(bytes: Uint8Array): JsonObject {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < PREAMBLE_BYTES) throw new PackError(reject.truncated());
  const version = view.getUint32(4, true);
  if (version !== PACK_BINARY_VERSION) throw new PackError(reject.otherVersion(version, PACK_BINARY_VERSION));
  const headerLength = view.getUint32(8, true);
  if (bytes.length < PREAMBLE_BYTES + headerLength) throw new PackError(reject.truncated());
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerLength)));
  } catch {
    throw new PackError(reject.malformed('the header', 'UTF-8 JSON text'));
  }
  if (!isObject(header)) throw new PackError(reject.wrongFormat(undefined));
  return header;
}

/** Checks the header's `vectors` against its samples, its model and the bytes that follow. */
function readBlock(header: JsonObject, bytes: Uint8Array, blockOffset: number): PackVectorBlock {
  const name = typeof header.name === 'string' ? header.name : '(no name)';
  const raw = header.vectors;
  if (!isObject(raw)) throw new PackError(reject.malformed('vectors', 'an object'));
  const { dtype, count, dim } = raw;
  if (!DTYPES.includes(dtype as PackVectorDtype)) {
    throw new PackError(reject.badBlock(name, `its vectors are stored as ${JSON.stringify(dtype)}, which is none of ${DTYPES.join(', ')}`));
  }
  const samples = Array.isArray(header.samples) ? header.samples.length : 0;
  const modelDim = isObject(header.model) ? header.model.dim : undefined;
  if (count !== samples) throw new PackError(reject.badBlock(name, `its header lists ${samples} samples but ${String(count)} vectors`));
  if (dim !== modelDim) throw new PackError(reject.badBlock(name, `its vectors have ${String(dim)} values but its model gives ${String(modelDim)}`));
  const block = { dtype: dtype as PackVectorDtype, count, dim: dim as number, byteLength: blockByteLength(dtype as PackVectorDtype, count, dim as number) };
  if (raw.byteLength !== block.byteLength) {
    throw new PackError(reject.badBlock(name, `its header says the ${block.dtype} block takes ${String(raw.byteLength)} bytes, but ${count} vectors of ${block.dim} take ${block.byteLength}`));
  }
  const held = bytes.length - blockOffset;
  if (held !== block.byteLength) {
    const cause = held < block.byteLength ? 'the file was cut off while saving or downloading' : 'extra bytes follow the vectors';
    throw new PackError(reject.badBlock(name, `its header promises ${count} vectors (${block.byteLength} bytes of ${block.dtype}) but the block holds ${Math.max(held, 0)} bytes: ${cause}`));
  }
  return block;
}

/**
 * The `model` object a v2 file's header declares, unchecked, or null when the header cannot be
 * read: for tools (the metrics CLI) that judge a pack against its own model.
 */
export function readBinaryPackModel(bytes: Uint8Array): Record<string, unknown> | null {
  try {
    const model = readHeader(bytes).model;
    return isObject(model) ? model : null;
  } catch {
    return null;
  }
}

/**
 * Reads a v2 pack and checks it against the reader's model, embedding size and score, with the
 * same rules and the same order as v1 (identity, then compatibility, then consistency). Throws
 * PackError; damage to the block names the pack and says what does not add up.
 */
export function decodeBinaryPack(bytes: Uint8Array, expected: PackExpectation): ReferencePack {
  if (bytes.length === 0) throw new PackError(reject.empty());
  if (!isBinaryPack(bytes)) throw new PackError(reject.wrongFormat(undefined));
  const header = readHeader(bytes);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  const blockOffset = alignUp(PREAMBLE_BYTES + headerLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Compatibility is judged before the block, so a pack of another model says so even when cut off.
  let block: PackVectorBlock | null = null;
  const pack = validatePackJson(header, expected, {
    version: PACK_BINARY_VERSION,
    embeddings: (_sample, _path, index) => readRow(view, blockOffset, (block ??= readBlock(header, bytes, blockOffset)), index),
  });
  if (block === null) readBlock(header, bytes, blockOffset);
  return pack;
}
