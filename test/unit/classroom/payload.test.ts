import { describe, expect, it } from 'vitest';
import { buildRoomPayload, describeRoomPayload } from '../../../src/classroom/contribution';
import { collectRoomCode, EMPTY_ROOM } from '../../../src/classroom/collection';
import { CLOSEST_SCORES_PER_GROUP, decodeRoomPayload, encodeRoomPayload, MAX_ROOM_PAYLOAD_CHARS, RoomPayloadError } from '../../../src/classroom/payload';
import { computeRoomStatistics } from '../../../src/classroom/room-stats';
import type { ReferencePack } from '../../../src/datasets/pack-types';
import type { Template } from '../../../src/matching/templates';
import { getScoreFunction } from '../../../src/matching/scores';

const MODEL = 'ab'.repeat(32);
/** A deterministic unit-ish vector: enough to give scores in 0..1 without a model. */
function vector(seed: number): Float32Array {
  const v = new Float32Array(1024);
  for (let i = 0; i < v.length; i++) v[i] = Math.sin(seed * 12.9898 + i * 78.233) * 0.05;
  return v;
}
function person(seed: number, labels: Record<string, string> = { gender: 'female', race: 'Asian' }): Template {
  return { id: `p${seed}`, name: 'Ada', createdAt: 0, updatedAt: 0, labels, embeddings: [0, 1, 2, 3, 4].map((i) => vector(seed + i * 0.001)), modelSha256: MODEL, scoreId: 'human-similarity-v1' };
}
/** The largest pack the app bundles has 10 race x gender groups: the size limit must hold for it. */
function pack(groups = 10, perGroup = 60): ReferencePack {
  const samples = Array.from({ length: groups * perGroup }, (_, i) => ({ id: `s${i}`, subject: null, labels: { race: `race-number-${i % groups}`, gender: 'female' }, embedding: vector(100 + i) }));
  return { name: 'UTKFace 600 (race x gender, ten groups)', samples } as unknown as ReferencePack;
}
function payloadOf(seed: number, name?: string) {
  return buildRoomPayload({ person: person(seed), pack: pack(), groupBy: ['race', 'gender'], threshold: 0.55, modelSha256: MODEL, attendeeId: `att${seed}xyz`, typedName: name });
}

/** The schema a decoded payload must match exactly: no field could hold an embedding or a picture. */
const SCHEMA: Record<string, (v: unknown) => boolean> = {
  attendeeId: (v) => typeof v === 'string' && v.length <= 16,
  model: (v) => typeof v === 'string' && /^[0-9a-f]{16}$/.test(v),
  scoreId: (v) => typeof v === 'string' && v.length <= 40,
  threshold: (v) => typeof v === 'number',
  genuine: (v) => Array.isArray(v) && v.length <= 64 && v.every((s) => typeof s === 'number' && s >= 0 && s <= 1),
  strangers: (v) => Array.isArray(v) && v.every((g) => Object.keys(g).sort().join() === 'closest,compared,group' && g.closest.length <= CLOSEST_SCORES_PER_GROUP),
  pack: (v) => typeof v === 'string' && v.length <= 80,
  labels: (v) => typeof v === 'object' && Object.keys(v as object).every((k) => ['race', 'gender', 'age_band'].includes(k)),
  name: (v) => typeof v === 'string' && v.length <= 40,
};

describe('room payload', () => {
  it('scores with the person\'s own score: a cosine model\'s enrolment is not scored with faceres\'s formula', () => {
    const cosinePerson = { ...person(3), embeddings: [vector(3), vector(7)], scoreId: 'cosine-v1' };
    const payload = buildRoomPayload({ person: cosinePerson, pack: pack(2, 5), groupBy: ['race'], threshold: 0.9, modelSha256: MODEL, attendeeId: 'att3xyz' });
    const cosine = getScoreFunction('cosine-v1')(cosinePerson.embeddings[0], cosinePerson.embeddings[1]);
    const faceres = getScoreFunction('human-similarity-v1')(cosinePerson.embeddings[0], cosinePerson.embeddings[1]);
    expect(Math.abs(cosine - faceres)).toBeGreaterThan(0.01);
    expect(payload.genuine[0]).toBeCloseTo(cosine, 6);
    expect(payload.scoreId).toBe('cosine-v1');
  });

  it('holds no embedding and no picture: every decoded field fits a closed schema', () => {
    const decoded = decodeRoomPayload(encodeRoomPayload(payloadOf(1, 'Ada')));
    for (const [key, value] of Object.entries(decoded)) {
      expect(SCHEMA[key], `unexpected field ${key}`).toBeDefined();
      expect(SCHEMA[key](value), `field ${key}`).toBe(true);
    }
    const numbers = JSON.stringify(decoded).match(/-?\d+(\.\d+)?/g) ?? [];
    expect(numbers.length).toBeLessThan(200); // an embedding alone is 1024 numbers
    expect(JSON.stringify(decoded)).not.toMatch(/data:image|base64/);
  });

  it('stays under the size limit for the largest bundled grouping, with a typed name and every label', () => {
    const text = encodeRoomPayload(payloadOf(2, 'A forty character name, typed in full..'));
    expect(text.length).toBeLessThanOrEqual(MAX_ROOM_PAYLOAD_CHARS);
    expect(text.length).toBeLessThan(850); // grows past this and the QR code gets hard to scan: look at why
  });

  it('carries a name only when one is typed', () => {
    expect(decodeRoomPayload(encodeRoomPayload(payloadOf(3))).name).toBeUndefined();
    expect(describeRoomPayload(payloadOf(3))).toContain('No name.');
  });

  it.each([
    ['not JSON', 'hello', /not a FaceGap room code/],
    ['another kind', '{"k":"other"}', /not a FaceGap room code/],
    ['an extra field', JSON.stringify({ ...JSON.parse(encodeRoomPayload(payloadOf(4))), e: [0.1, 0.2] }), /fields FaceGap never puts/],
    ['a score out of range', JSON.stringify({ ...JSON.parse(encodeRoomPayload(payloadOf(4))), g: [2000] }), /not scores between 0 and 1/],
    ['an unknown label', JSON.stringify({ ...JSON.parse(encodeRoomPayload(payloadOf(4))), l: { photo: 'x' } }), /label FaceGap never asks for/],
  ])('refuses %s', (_, text, message) => {
    expect(() => decodeRoomPayload(text)).toThrow(RoomPayloadError);
    expect(() => decodeRoomPayload(text)).toThrow(message);
  });
});

describe('room collection', () => {
  const expected = { modelSha256: MODEL, scoreId: 'human-similarity-v1' };
  it('counts a code shown twice once and refuses another model with a message', () => {
    const code = encodeRoomPayload(payloadOf(5));
    let room = collectRoomCode(EMPTY_ROOM, code, expected);
    room = collectRoomCode(room, code, expected);
    expect(room.payloads).toHaveLength(1);
    expect(room.last?.outcome).toBe('duplicate');
    room = collectRoomCode(room, code, { ...expected, modelSha256: 'cd'.repeat(32) });
    expect(room.payloads).toHaveLength(1);
    expect(room.last).toMatchObject({ outcome: 'refused', message: expect.stringMatching(/another face model/) });
  });
});

describe('room statistics', () => {
  it('gives Wilson-interval rates per group and flags small groups', () => {
    const a = { ...payloadOf(6), labels: { gender: 'female' }, genuine: [0.9, 0.4], strangers: [{ group: 'x', compared: 100, closest: [0.7, 0.5] }] };
    const b = { ...payloadOf(7), attendeeId: 'other1', labels: { gender: 'male' }, genuine: [0.8, 0.9], strangers: [{ group: 'x', compared: 100, closest: [0.6, 0.2] }] };
    const stats = computeRoomStatistics([a, b], 0.55, ['gender']);
    expect(stats.genuine.map((r) => [r.group, r.fnmr.errors, r.fnmr.pairs, r.isSmall])).toEqual([['female', 1, 2, true], ['male', 0, 2, true]]);
    expect(stats.strangers[0]).toMatchObject({ group: 'x', fmr: { errors: 2, pairs: 200 }, isLowerBound: false });
    expect(stats.strangers[0].fmr.ci95).not.toBeNull();
    expect(stats.fnmrMaxMinRatio).toBe(Infinity);
    expect(computeRoomStatistics([a], 0.1, ['gender']).strangers[0].isLowerBound).toBe(true);
  });
});
