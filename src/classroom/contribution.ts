/**
 * What one attendee's laptop contributes to the room, computed from its own enrolment and the
 * active reference pack. Only scores leave the computation; the embeddings stay where they are.
 *
 * Pure: no DOM.
 */
import type { ReferencePack } from '../datasets/pack-types';
import { getScoreFunction } from '../matching/scores';
import type { Template } from '../matching/templates';
import { findGroupLabel } from '../views/grouping';
import { CLOSEST_SCORES_PER_GROUP, MAX_ROOM_GROUPS, type RoomPayload, type StrangerScores } from './payload';

/** Everything {@link buildRoomPayload} needs. */
export interface ContributionInput {
  /** The attendee: their captures and self-described labels. */
  person: Template;
  /** The active reference pack, whose faces are the strangers. */
  pack: ReferencePack;
  /** Pack labels that make its groups, e.g. ["race"]. */
  groupBy: readonly string[];
  threshold: number;
  /** sha256 of the model (only its first 16 hex digits travel). */
  modelSha256: string;
  /** Random id for this laptop's code, so showing it twice counts once. */
  attendeeId: string;
  /** Name typed for the room, or empty for none. */
  typedName?: string;
}

/**
 * Builds the attendee's payload. Genuine scores are every pair of their own captures. A stranger's
 * score is its best score against any of the attendee's captures (how a gallery of several
 * captures decides); per pack group only the closest {@link CLOSEST_SCORES_PER_GROUP} are kept,
 * with the number compared, which is exact for any threshold above the last kept score.
 */
export function buildRoomPayload(input: ContributionInput): RoomPayload {
  const { person, pack } = input;
  // The person's own score (faceres's formula, or cosine for the other models), never another's.
  const computeSimilarity = getScoreFunction(person.scoreId);
  const genuine: number[] = [];
  for (let i = 0; i < person.embeddings.length; i++) {
    for (let j = i + 1; j < person.embeddings.length; j++) genuine.push(computeSimilarity(person.embeddings[i], person.embeddings[j]));
  }
  const byGroup = new Map<string, number[]>();
  for (const sample of pack.samples) {
    const group = findGroupLabel(sample.labels, input.groupBy);
    let best = -Infinity;
    for (const capture of person.embeddings) best = Math.max(best, computeSimilarity(capture, sample.embedding));
    const scores = byGroup.get(group) ?? [];
    scores.push(best);
    byGroup.set(group, scores);
  }
  const strangers: StrangerScores[] = [...byGroup.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_ROOM_GROUPS)
    .map(([group, scores]) => ({ group, compared: scores.length, closest: scores.sort((a, b) => b - a).slice(0, CLOSEST_SCORES_PER_GROUP) }));
  const labels = Object.fromEntries(Object.entries(person.labels).filter(([key, value]) => ['race', 'gender', 'age_band'].includes(key) && value));
  const payload: RoomPayload = {
    attendeeId: input.attendeeId,
    model: input.modelSha256.slice(0, 16),
    scoreId: person.scoreId,
    threshold: input.threshold,
    genuine,
    strangers,
    pack: pack.name.slice(0, 80),
    labels,
  };
  const name = input.typedName?.trim();
  if (name) payload.name = name.slice(0, 40);
  return payload;
}

/** The plain-language list of what a code holds, shown beside it on the attendee's screen. */
export function describeRoomPayload(payload: RoomPayload): string[] {
  const labels = Object.entries(payload.labels).map(([k, v]) => `${k.replace('_', ' ')}: ${v}`);
  const closest = payload.strangers.reduce((n, s) => n + s.closest.length, 0);
  return [
    `${payload.genuine.length} scores of your own captures against each other (how alike you look to yourself).`,
    `${closest} scores of the pack strangers closest to you, in ${payload.strangers.length} groups of "${payload.pack}", and how many strangers each group has.`,
    `The model (${payload.model}), the score formula (${payload.scoreId}) and your threshold (${payload.threshold.toFixed(2)}).`,
    labels.length ? `The labels you chose to give: ${labels.join(', ')}.` : 'No labels: you gave none.',
    payload.name ? `The name you typed: ${payload.name}.` : 'No name.',
    'No picture of you and no face embedding: nobody can rebuild or recognise your face from this code.',
  ];
}
