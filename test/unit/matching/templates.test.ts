import { describe, expect, it } from 'vitest';
import { SCORE_ID } from '../../../src/matching/similarity';
import {
  createTemplate,
  EMBEDDING_LENGTH,
  isTemplateComparable,
  MAX_NAME_LENGTH,
  normalizeLabels,
  scoreAgainstTemplate,
  validateCapture,
} from '../../../src/matching/templates';
import { makeEmbedding, makeTemplate, TEST_MODEL_SHA256 } from './fixtures';

describe('validateCapture', () => {
  const withNaN = makeEmbedding();
  withNaN[3] = Number.NaN;
  const withInfinity = makeEmbedding();
  withInfinity[1023] = Number.POSITIVE_INFINITY;
  const cases: Array<[string, ArrayLike<number>, boolean, RegExp?]> = [
    ['a zero embedding of the right length', makeEmbedding(), true],
    ['a plain array of the right length', Array.from({ length: EMBEDDING_LENGTH }, () => 0.1), true],
    ['too short', new Float32Array(512), false, /512 numbers instead of 1024/],
    ['too long', new Float32Array(1025), false, /1025 numbers/],
    ['empty', new Float32Array(0), false, /0 numbers/],
    ['containing NaN', withNaN, false, /invalid numbers/],
    ['containing Infinity', withInfinity, false, /invalid numbers/],
  ];
  it.each(cases)('%s', (_label, embedding, isOk, problem) => {
    const check = validateCapture(embedding);
    expect(check.ok).toBe(isOk);
    if (!check.ok && problem) expect(check.problem).toMatch(problem);
  });
});

describe('createTemplate', () => {
  const captures = [makeEmbedding(1), makeEmbedding(2), makeEmbedding(3), makeEmbedding(4), makeEmbedding(5)];

  it('builds a template with copied embeddings, trimmed name, injected id and time', () => {
    const result = createTemplate({
      name: '  Ada   Lovelace ',
      embeddings: captures,
      modelSha256: TEST_MODEL_SHA256,
      labels: { race: ' Black ', gender: '', age_band: '30-44', shoe_size: '42' },
      id: 'p1',
      now: 1234,
    });
    if (!result.ok) throw new Error(result.problem);
    const { template } = result;
    expect(template).toMatchObject({ id: 'p1', name: 'Ada Lovelace', createdAt: 1234, updatedAt: 1234, scoreId: SCORE_ID });
    expect(template.labels).toEqual({ race: 'Black', age_band: '30-44' });
    expect(template.embeddings).toHaveLength(5);
    expect(template.embeddings[0]).not.toBe(captures[0]);
    captures[0][0] = 99;
    expect(template.embeddings[0][0]).toBe(1);
    captures[0][0] = 1;
    expect(template.thumbnailId).toBeUndefined();
  });

  it('generates an id when none is given', () => {
    const result = createTemplate({ name: 'A', embeddings: [makeEmbedding()], modelSha256: TEST_MODEL_SHA256 });
    expect(result.ok && result.template.id.length).toBeGreaterThan(0);
  });

  const refusals: Array<[string, Parameters<typeof createTemplate>[0], RegExp]> = [
    ['an empty name', { name: '   ', embeddings: captures, modelSha256: 'm' }, /Give this person a name/],
    ['a too long name', { name: 'x'.repeat(MAX_NAME_LENGTH + 1), embeddings: captures, modelSha256: 'm' }, /80 characters/],
    ['no captures', { name: 'A', embeddings: [], modelSha256: 'm' }, /No capture/],
    ['a bad second capture', { name: 'A', embeddings: [makeEmbedding(), new Float32Array(3)], modelSha256: 'm' }, /^Capture 2: .*3 numbers/],
  ];
  it.each(refusals)('refuses %s with a readable problem', (_label, input, problem) => {
    const result = createTemplate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });
});

describe('normalizeLabels', () => {
  it.each([
    [{}, {}],
    [{ race: 'Asian', gender: 'female', age_band: '18-29' }, { race: 'Asian', gender: 'female', age_band: '18-29' }],
    [{ race: undefined, gender: '  ' }, {}],
    [{ identity: 'x' }, {}],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeLabels(input)).toEqual(expected);
  });
});

describe('scoreAgainstTemplate', () => {
  // Offsets from the origin probe: 7 -> 0.75, 10 -> 0.5, 13 -> 0.25, 16 and beyond -> 0.
  const cases: Array<[string, number[], number, number]> = [
    ['one capture', [10], 0.5, 0.5],
    ['identical capture', [0], 1, 1],
    ['three captures', [7, 10, 13], 0.75, 0.5],
    ['best one far away', [20, 7], 0.75, 0.375],
    ['all far away', [16, 30], 0, 0],
  ];
  it.each(cases)('%s: best %d, mean %d', (_label, offsets, best, mean) => {
    const template = makeTemplate('t', 'T', offsets);
    expect(scoreAgainstTemplate(makeEmbedding(), template)).toBeCloseTo(best, 12);
    expect(scoreAgainstTemplate(makeEmbedding(), template, 'best-of-captures')).toBeCloseTo(best, 12);
    expect(scoreAgainstTemplate(makeEmbedding(), template, 'mean-of-captures')).toBeCloseTo(mean, 12);
  });

  it('throws for a template without captures or an embedding of another length', () => {
    expect(() => scoreAgainstTemplate(makeEmbedding(), { embeddings: [] })).toThrow(RangeError);
    expect(() => scoreAgainstTemplate(new Float32Array(10), makeTemplate('t', 'T', [0]))).toThrow(RangeError);
  });
});

describe('isTemplateComparable', () => {
  it.each([
    [{ modelSha256: TEST_MODEL_SHA256, scoreId: SCORE_ID }, true],
    [{ modelSha256: 'other', scoreId: SCORE_ID }, false],
    [{ modelSha256: TEST_MODEL_SHA256, scoreId: 'other-score' }, false],
  ])('%j -> %s', (template, expected) => {
    expect(isTemplateComparable(template, TEST_MODEL_SHA256)).toBe(expected);
  });
});
