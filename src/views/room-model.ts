/**
 * The room: people enrolled on this laptop, each with several captures. Genuine pairs are two
 * captures of one person, impostor pairs two captures of different people; grouping uses the
 * labels people gave themselves (a missing one is "(no label)").
 */
import type { Template } from '../matching/templates';
import { scoreSampleSet, type ScoredSampleSet, type ViewSample } from './sample-set';

/** Fewer people than this and no false-match rate exists at all. */
export const MIN_ROOM_PEOPLE = 2;

/** Turns templates into a scored set: one sample per capture, subject = the person's id. */
export function scoreRoom(people: readonly Template[]): ScoredSampleSet {
  const samples: ViewSample[] = [];
  const embeddings: Float32Array[] = [];
  for (const person of people) {
    person.embeddings.forEach((embedding, i) => {
      samples.push({ id: `${person.id}#${i}`, subject: person.id, labels: person.labels });
      embeddings.push(embedding);
    });
  }
  return scoreSampleSet(samples, embeddings);
}

/** A plain sentence when the room is too small for any number, else null. */
export function describeRoomShortfall(people: readonly Template[]): string | null {
  if (people.length === 0) return 'Nobody is enrolled on this laptop yet. Enrol at least two people (several captures each) to see the room\u2019s numbers.';
  if (people.length < MIN_ROOM_PEOPLE) {
    return `Only ${people[0].name} is enrolled. False matches need at least two different people: enrol one more.`;
  }
  if (people.every((p) => p.embeddings.length < 2)) {
    return 'Everyone has a single capture, so there are no same-person pairs: false non-match rates need two or more captures per person.';
  }
  return null;
}
