/**
 * "You vs the groups": your latest embedding scored against every face of a pack, grouped.
 * A person of a group is "taken for you" when any of their faces scores >= the threshold
 * (the decision rule of shared/spec/bias-metrics.md).
 */
import { getScoreFunction } from '../matching/scores';
import type { ReferencePack } from '../datasets/pack-types';
import { compareCodePoints } from '../metrics/score-index';
import { findGroupLabel } from './grouping';
import { findPersonId } from './sample-set';

/** Your score against one face. */
export interface YouScore {
  readonly sampleId: string;
  readonly person: string;
  readonly score: number;
}

/** Your scores against one group, highest first. */
export interface YouGroupScores {
  readonly group: string;
  readonly scores: readonly YouScore[];
  /** Distinct people in the group. */
  readonly people: number;
}

/** One group's figures at a threshold. */
export interface YouGroupRow {
  readonly group: string;
  readonly people: number;
  /** People with at least one face scoring >= threshold against you. */
  readonly falseMatches: number;
  /** Your highest score in the group (null for a group without faces). */
  readonly closest: YouScore | null;
}

/**
 * Scores your embedding against every face (600 dot products) with the pack's own score (its
 * model's), grouped; groups in code-point order. Faces of another embedding length are skipped.
 */
export function scoreYouAgainstPack(embedding: Float32Array, pack: ReferencePack, groupBy: readonly string[]): YouGroupScores[] {
  const score = getScoreFunction(pack.score);
  const byGroup = new Map<string, YouScore[]>();
  for (const sample of pack.samples) {
    if (sample.embedding.length !== embedding.length) continue;
    const group = findGroupLabel(sample.labels, groupBy);
    const list = byGroup.get(group) ?? [];
    list.push({ sampleId: sample.id, person: findPersonId(sample), score: score(embedding, sample.embedding) });
    byGroup.set(group, list);
  }
  return [...byGroup.keys()].sort(compareCodePoints).map((group) => {
    const scores = (byGroup.get(group) as YouScore[]).sort((a, b) => b.score - a.score);
    return { group, scores, people: new Set(scores.map((s) => s.person)).size };
  });
}

/** Counts, per group, the people who would be taken for you at `threshold`. */
export function countYouMatches(groups: readonly YouGroupScores[], threshold: number): YouGroupRow[] {
  return groups.map(({ group, scores, people }) => {
    const matched = new Set(scores.filter((s) => s.score >= threshold).map((s) => s.person));
    return { group, people, falseMatches: matched.size, closest: scores[0] ?? null };
  });
}
