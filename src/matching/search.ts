/**
 * 1:N search: which enrolled person, if any, a probe embedding belongs to.
 *
 * Pure: no DOM, no storage. Decision rule as in shared/spec/bias-metrics.md: a match is declared
 * when `score >= threshold` ({@link decideMatch}).
 */
import type { Embedding } from './similarity';
import { isTemplateComparable, scoreAgainstTemplate, type CaptureScoring, type Template } from './templates';

/** The score of a probe against one template. */
export interface TemplateScore {
  templateId: string;
  name: string;
  score: number;
}

/** Outcome of a 1:N search: every comparable template ranked. The decision is {@link decideMatch}'s. */
export interface SearchResult {
  /** The highest-scoring template, present whenever one was scored. */
  best?: TemplateScore;
  /** Every comparable template's score, highest first (ties by name, then id). */
  scores: TemplateScore[];
  /** Ids of templates left out because another model or score formula made them. */
  skippedTemplateIds: string[];
}

/** Options of `findBestMatch`. */
export interface SearchOptions {
  /** When given, templates made with another model are skipped instead of compared. */
  modelSha256?: string;
  /** The active model's score id (faceres's `SCORE_ID` when absent); templates of another score are skipped. */
  scoreId?: string;
  /** How captures combine into one score; `best-of-captures` unless told. */
  scoring?: CaptureScoring;
}

/** What a search decides at a threshold: nobody comparable enrolled, a match, or nobody above it. */
export type MatchDecision = 'no-templates' | 'unknown' | 'matched';

/**
 * The one place a live match is decided (spec's rule, `score >= threshold`). The search itself takes
 * no threshold, so moving the threshold re-decides the last search without scoring again.
 * Throws a `RangeError` for a threshold that is not a finite number, since no decision could follow.
 */
export function decideMatch(result: Pick<SearchResult, 'best'> | null, threshold: number): MatchDecision {
  if (!Number.isFinite(threshold)) throw new RangeError(`The threshold must be a finite number, not ${threshold}.`);
  if (!result?.best) return 'no-templates';
  return result.best.score >= threshold ? 'matched' : 'unknown';
}

/** Scores `embedding` against every comparable template, highest first. */
export function findBestMatch(embedding: Embedding, templates: readonly Template[], options: SearchOptions = {}): SearchResult {
  const skippedTemplateIds: string[] = [];
  const scores: TemplateScore[] = [];
  for (const template of templates) {
    if (options.modelSha256 !== undefined && !isTemplateComparable(template, options.modelSha256, options.scoreId)) {
      skippedTemplateIds.push(template.id);
      continue;
    }
    scores.push({ templateId: template.id, name: template.name, score: scoreAgainstTemplate(embedding, template, options.scoring) });
  }
  scores.sort(compareScores);
  return { best: scores[0], scores, skippedTemplateIds };
}

function compareScores(a: TemplateScore, b: TemplateScore): number {
  if (a.score !== b.score) return b.score - a.score;
  // Plain code-point order keeps ties reproducible whatever the runtime's locale.
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.templateId < b.templateId ? -1 : a.templateId > b.templateId ? 1 : 0;
}
