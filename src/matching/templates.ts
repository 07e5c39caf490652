/**
 * Enrolled templates: the people a user chose to remember, as face embeddings only.
 *
 * Pure: no DOM, no storage. The store keeps these records as they are (embeddings as
 * `Float32Array`s, which IndexedDB clones bit for bit); a template never holds face pixels.
 */
import { getScoreFunction } from './scores';
import { SCORE_ID, type Embedding } from './similarity';

/** Length of one faceres embedding (human 3.3.6). */
export const EMBEDDING_LENGTH = 1024;
/** How many captures the enrolment flow takes by default. */
export const DEFAULT_CAPTURE_COUNT = 5;
/** Longest name kept, in UTF-16 code units, so a pasted paragraph cannot become a name. */
export const MAX_NAME_LENGTH = 80;
/** Self-described label fields a person may fill in; the same fields as the reference packs. */
export const SELF_DESCRIBED_LABEL_FIELDS = ['race', 'gender', 'age_band'] as const;

/** One of the label fields a person may describe themselves with. */
export type SelfDescribedLabelField = (typeof SELF_DESCRIBED_LABEL_FIELDS)[number];

/** An enrolled person: a name, optional self-described labels and the embeddings of their captures. */
export interface Template {
  id: string;
  name: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Milliseconds since the epoch. */
  updatedAt: number;
  /** Optional self-described labels (`race`, `gender`, `age_band`); absent fields were not given. */
  labels: Record<string, string>;
  /** One embedding per capture, each as long as the model's embeddings (`EMBEDDING_LENGTH` for faceres). */
  embeddings: Float32Array[];
  /** SHA-256 of the model file that produced the embeddings; templates of another model do not compare. */
  modelSha256: string;
  /** The score formula the template was made for (the model's score id; `SCORE_ID` for faceres). */
  scoreId: string;
  /**
   * The recognition model that made the embeddings (src/models/registry.ts). Absent on people
   * enrolled before the model picker existed: those were all made with faceres.
   */
  modelId?: string;
  /** Key of a stored thumbnail, present only when the user opted in to thumbnails. */
  thumbnailId?: string;
}

/** How captures are combined into one score against a template. */
export type CaptureScoring = 'best-of-captures' | 'mean-of-captures';

/** Result of checking one capture: ok, or a sentence saying what is wrong with it. */
export type CaptureCheck = { ok: true } | { ok: false; problem: string };

/** Result of building a template: the template, or a sentence saying why none was made. */
export type TemplateResult = { ok: true; template: Template } | { ok: false; problem: string };

/** What `createTemplate` needs; `id` and `now` are injectable so tests are reproducible. */
export interface TemplateInput {
  name: string;
  embeddings: readonly Embedding[];
  modelSha256: string;
  /** The model, its embedding length and score; faceres (1024 floats, `SCORE_ID`) when absent. */
  model?: { id: string; dim: number; scoreId: string };
  labels?: Record<string, string | undefined>;
  id?: string;
  now?: number;
}

/** Checks that a capture is a usable embedding: `dim` (faceres: `EMBEDDING_LENGTH`) finite numbers. */
export function validateCapture(embedding: Embedding, dim = EMBEDDING_LENGTH): CaptureCheck {
  if (embedding.length !== dim) {
    return {
      ok: false,
      problem: `This capture has ${embedding.length} numbers instead of ${dim}: it came from another model. Capture again.`,
    };
  }
  for (let i = 0; i < embedding.length; i++) {
    if (!Number.isFinite(embedding[i])) {
      return { ok: false, problem: 'This capture contains invalid numbers (the model failed on this frame). Capture again.' };
    }
  }
  return { ok: true };
}

/** Trims a name; returns the problem as a sentence when it cannot be used. */
export function normalizeName(name: string): { ok: true; name: string } | { ok: false; problem: string } {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return { ok: false, problem: 'Give this person a name (any nickname will do).' };
  if (trimmed.length > MAX_NAME_LENGTH) {
    return { ok: false, problem: `Names are kept to ${MAX_NAME_LENGTH} characters; this one has ${trimmed.length}.` };
  }
  return { ok: true, name: trimmed };
}

/** Keeps the self-described label fields that were filled in, trimmed; unknown fields are dropped. */
export function normalizeLabels(labels: Record<string, string | undefined> = {}): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const field of SELF_DESCRIBED_LABEL_FIELDS) {
    const value = labels[field]?.trim();
    if (value) kept[field] = value;
  }
  return kept;
}

/**
 * Builds a template from captures. Every capture must pass `validateCapture`; the embeddings are
 * copied into fresh `Float32Array`s so later changes to the caller's buffers cannot alter it.
 */
export function createTemplate(input: TemplateInput): TemplateResult {
  const name = normalizeName(input.name);
  if (!name.ok) return name;
  if (input.embeddings.length === 0) {
    return { ok: false, problem: 'No capture was taken, so there is nothing to remember. Capture again.' };
  }
  const model = input.model ?? { id: 'faceres', dim: EMBEDDING_LENGTH, scoreId: SCORE_ID };
  for (const [index, embedding] of input.embeddings.entries()) {
    const check = validateCapture(embedding, model.dim);
    if (!check.ok) return { ok: false, problem: `Capture ${index + 1}: ${check.problem}` };
  }
  const now = input.now ?? Date.now();
  return {
    ok: true,
    template: {
      id: input.id ?? globalThis.crypto.randomUUID(),
      name: name.name,
      createdAt: now,
      updatedAt: now,
      labels: normalizeLabels(input.labels),
      embeddings: input.embeddings.map((embedding) => Float32Array.from(embedding)),
      modelSha256: input.modelSha256,
      scoreId: model.scoreId,
      modelId: model.id,
    },
  };
}

/**
 * Similarity of a probe embedding to a template, in 0..1.
 *
 * Default `best-of-captures`: the maximum over the template's captures. A person enrolled with a
 * few poses is recognised when the probe resembles any of them, which is how human's faceid demo
 * and most 1:N systems with several references per person decide. `mean-of-captures` is steadier
 * against one unlucky capture but penalises a pose seen in only one capture; it is offered so
 * the two can be compared. Both use the template's own score (`scoreId`; `SCORE_ID`, human's
 * similarity, for faceres) unchanged.
 *
 * Throws a `RangeError` for a template without captures (`createTemplate` never makes one) or
 * an embedding of another length.
 */
export function scoreAgainstTemplate(
  embedding: Embedding,
  template: Pick<Template, 'embeddings'> & { scoreId?: string },
  scoring: CaptureScoring = 'best-of-captures',
): number {
  if (template.embeddings.length === 0) throw new RangeError('The template has no captures to compare with.');
  const score = getScoreFunction(template.scoreId ?? SCORE_ID);
  const scores = template.embeddings.map((capture) => score(embedding, capture));
  if (scoring === 'mean-of-captures') return scores.reduce((sum, score) => sum + score, 0) / scores.length;
  return Math.max(...scores);
}

/**
 * Whether a template's embeddings can be compared with embeddings from this model (its weights'
 * sha256) and score (faceres's `SCORE_ID` unless told).
 */
export function isTemplateComparable(template: Pick<Template, 'modelSha256' | 'scoreId'>, modelSha256: string, scoreId: string = SCORE_ID): boolean {
  return template.modelSha256 === modelSha256 && template.scoreId === scoreId;
}

/** The model a template was made with: its `modelId`, or faceres for people enrolled before models were a choice. */
export function readTemplateModelId(template: Pick<Template, 'modelId'>): string {
  return template.modelId ?? 'faceres';
}
