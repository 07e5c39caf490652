/**
 * Checks parsed JSON against pack format v1 and turns it into a typed ReferencePack.
 * Order matters for the message the user sees: identity of the file first (format, version),
 * then compatibility (model, score), then internal consistency.
 */
import { decodeFloat32Base64 } from './base64';
import { describeImplausibleEmbedding } from './embedding-bounds';
import { PackError, reject } from './pack-errors';
import {
  PACK_FORMAT_MARKER, PACK_FORMAT_VERSION,
  type JsonValue, type PackExpectation, type PackFailure, type PackFailureReason,
  type PackPreprocessing, type PackSample, type ReferencePack, type SampleEstimates,
} from './pack-types';

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

const FAILURE_REASONS: readonly PackFailureReason[] = ['unreadable', 'no-face', 'several-faces'];

/** Whether a parsed JSON value is an object (not null, not a list). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, expectation: string): never {
  throw new PackError(reject.malformed(path, expectation));
}

function readObject(parent: JsonObject, key: string, path: string): JsonObject {
  const value = parent[key];
  if (!isObject(value)) fail(path, 'an object');
  return value;
}

function readString(parent: JsonObject, key: string, path: string): string {
  const value = parent[key];
  if (typeof value !== 'string') fail(path, 'text');
  return value;
}

function readNumber(parent: JsonObject, key: string, path: string): number {
  const value = parent[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a number');
  return value;
}

function readArray(parent: JsonObject, key: string, path: string): unknown[] {
  const value = parent[key];
  if (!Array.isArray(value)) fail(path, 'a list');
  return value;
}

function readStringList(parent: JsonObject, key: string, path: string): string[] {
  const list = readArray(parent, key, path);
  list.forEach((item, i) => typeof item === 'string' || fail(`${path}[${i}]`, 'text'));
  return list as string[];
}

function readOptionalStringList(parent: JsonObject, key: string, path: string): string[] | undefined {
  return parent[key] === undefined ? undefined : readStringList(parent, key, path);
}

function readLabels(parent: JsonObject, path: string, id: string, declared: ReadonlySet<string>): Record<string, string> {
  const labels = readObject(parent, 'labels', `${path}.labels`);
  // Null prototype: a label named "__proto__" is kept as a label, not swallowed by Object's setter.
  const out = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(labels)) {
    if (!declared.has(name)) throw new PackError(reject.undeclaredLabel(id, name));
    if (typeof value !== 'string') fail(`${path}.labels.${name}`, 'text');
    out[name] = value;
  }
  return out;
}

function readEstimates(sample: JsonObject, path: string): SampleEstimates | undefined {
  if (sample.estimates === undefined) return undefined;
  const raw = readObject(sample, 'estimates', path);
  const gender = raw.gender;
  if (gender !== 'female' && gender !== 'male') fail(`${path}.gender`, '"female" or "male"');
  const genderScore = readNumber(raw, 'genderScore', `${path}.genderScore`);
  if (genderScore < 0 || genderScore > 1) fail(`${path}.genderScore`, 'a number from 0 to 1');
  return { age: readNumber(raw, 'age', `${path}.age`), gender, genderScore };
}

/**
 * Where a sample's embedding comes from: v1 holds it inside the sample as base64, v2 in the binary
 * block after the header (row `index`). Returns null when the bytes are not an embedding at all.
 */
export type EmbeddingSource = (sample: JsonObject, path: string, index: number) => Float32Array | null;

/** The v1 source: base64 float32 in `samples[i].embedding`. */
const readBase64Embedding: EmbeddingSource = (sample, path) => decodeFloat32Base64(readString(sample, 'embedding', `${path}.embedding`));

function readEmbedding(sample: JsonObject, path: string, index: number, id: string, dim: number, source: EmbeddingSource): Float32Array {
  const values = source(sample, path, index);
  if (values === null) throw new PackError(reject.badEmbedding(id, null, dim, 'is not valid base64 of 32-bit floats'));
  if (values.length !== dim) {
    throw new PackError(reject.badEmbedding(id, values.length, dim, `has ${values.length} numbers instead of ${dim}`));
  }
  const implausible = describeImplausibleEmbedding(values);
  if (implausible !== null) throw new PackError(reject.badEmbedding(id, values.length, dim, implausible));
  return values;
}

function readSample(raw: unknown, i: number, dim: number, declared: ReadonlySet<string>, source: EmbeddingSource): PackSample {
  const path = `samples[${i}]`;
  if (!isObject(raw)) fail(path, 'an object');
  const id = readString(raw, 'id', `${path}.id`);
  const subject = raw.subject === null ? null : raw.subject;
  if (subject !== null && typeof subject !== 'string') fail(`${path}.subject`, 'text or null');
  const sample: PackSample = {
    id, subject,
    labels: readLabels(raw, path, id, declared),
    embedding: readEmbedding(raw, path, i, id, dim, source),
  };
  const estimates = readEstimates(raw, `${path}.estimates`);
  if (estimates) sample.estimates = estimates;
  const flags = readOptionalStringList(raw, 'flags', `${path}.flags`);
  if (flags) sample.flags = flags;
  const notes = readOptionalStringList(raw, 'notes', `${path}.notes`);
  if (notes) sample.notes = notes;
  return sample;
}

function readFailure(raw: unknown, i: number, declared: ReadonlySet<string>): PackFailure {
  const path = `failures[${i}]`;
  if (!isObject(raw)) fail(path, 'an object');
  const id = readString(raw, 'id', `${path}.id`);
  const reason = raw.reason as PackFailureReason;
  if (!FAILURE_REASONS.includes(reason)) fail(`${path}.reason`, `one of ${FAILURE_REASONS.join(', ')}`);
  return { id, labels: readLabels(raw, path, id, declared), reason };
}

function readPreprocessing(root: JsonObject): PackPreprocessing {
  const raw = readObject(root, 'preprocessing', 'preprocessing');
  const grayscaleExpanded = raw.grayscaleExpanded;
  if (typeof grayscaleExpanded !== 'boolean') fail('preprocessing.grayscaleExpanded', 'true or false');
  return {
    ...(raw as Record<string, JsonValue>),
    margin: readNumber(raw, 'margin', 'preprocessing.margin'),
    fill: readString(raw, 'fill', 'preprocessing.fill'),
    maxSide: readNumber(raw, 'maxSide', 'preprocessing.maxSide'),
    grayscaleExpanded,
  };
}

/**
 * Validates parsed pack JSON. Throws PackError with the first problem found; the pack is
 * refused whole. Returns a pack whose embeddings are Float32Array.
 */
export function validatePackJson(
  root: unknown, expected: PackExpectation,
  { version = PACK_FORMAT_VERSION, embeddings = readBase64Embedding }: { version?: number; embeddings?: EmbeddingSource } = {},
): ReferencePack {
  if (!isObject(root)) throw new PackError(reject.wrongFormat(undefined));
  if (root.format !== PACK_FORMAT_MARKER) throw new PackError(reject.wrongFormat(root.format));
  if (root.version !== version) throw new PackError(reject.otherVersion(root.version, version));

  const model = readObject(root, 'model', 'model');
  // Before the length check, so a pack of another model is refused by the names of both models.
  if (expected.modelId && typeof model.id === 'string' && model.id !== expected.modelId) {
    throw new PackError(reject.otherModelId(model.id, expected.modelId, typeof model.package === 'string' ? model.package : ''));
  }
  const dim = readNumber(model, 'dim', 'model.dim');
  if (dim !== expected.dim) throw new PackError(reject.otherDimension(dim, expected.dim));
  const sha256 = readString(model, 'sha256', 'model.sha256').toLowerCase();
  const modelPackage = readString(model, 'package', 'model.package');
  if (sha256 !== expected.modelSha256.toLowerCase()) {
    throw new PackError(reject.otherModel(sha256, expected.modelSha256.toLowerCase(), modelPackage));
  }
  const score = readString(root, 'score', 'score');
  if (score !== expected.scoreId) throw new PackError(reject.otherScore(score, expected.scoreId));

  const labels = readStringList(root, 'labels', 'labels');
  const declared = new Set(labels);
  const samples = readArray(root, 'samples', 'samples').map((raw, i) => readSample(raw, i, dim, declared, embeddings));
  const failures = readArray(root, 'failures', 'failures').map((raw, i) => readFailure(raw, i, declared));
  const seen = new Set<string>();
  for (const { id } of [...samples, ...failures]) {
    if (seen.has(id)) throw new PackError(reject.duplicateId(id));
    seen.add(id);
  }

  return {
    format: PACK_FORMAT_MARKER,
    version: PACK_FORMAT_VERSION,
    name: readString(root, 'name', 'name'),
    description: readString(root, 'description', 'description'),
    license: readString(root, 'license', 'license'),
    attribution: readString(root, 'attribution', 'attribution'),
    model: { id: readString(model, 'id', 'model.id'), package: modelPackage, sha256, dim },
    score, labels,
    preprocessing: readPreprocessing(root),
    samples, failures,
  };
}
