import { describe, expect, it } from 'vitest';
import { decideMatch, findBestMatch } from '../../../src/matching/search';
import type { Template } from '../../../src/matching/templates';
import { makeEmbedding, makeTemplate, TEST_MODEL_SHA256 } from './fixtures';

// Offsets from the origin probe: 7 -> 0.75, 10 -> 0.5, 13 -> 0.25, 16 -> 0.
const ada = makeTemplate('a', 'Ada', [16, 7]);
const bob = makeTemplate('b', 'Bob', [10]);
const cyd = makeTemplate('c', 'Cyd', [13]);
const twin = makeTemplate('d', 'Ada', [7]);
const eve = makeTemplate('e', 'Eve', [0]);

describe('findBestMatch', () => {
  const cases: Array<[string, Template[], number, string, string | undefined]> = [
    ['nobody enrolled', [], 0.5, 'no-templates', undefined],
    ['best above threshold', [bob, ada, cyd], 0.5, 'matched', 'a'],
    ['best exactly at threshold matches (score >= t)', [eve, cyd], 1, 'matched', 'e'],
    ['best below threshold', [bob, cyd], 0.6, 'unknown', 'b'],
    ['threshold 0 matches anyone', [cyd], 0, 'matched', 'c'],
    ['threshold above 1 matches nobody', [ada], 1.01, 'unknown', 'a'],
    ['ties broken by name then id', [twin, ada], 0.5, 'matched', 'a'],
  ];
  it.each(cases)('%s', (_label, templates, threshold, state, bestId) => {
    const result = findBestMatch(makeEmbedding(), templates);
    expect(decideMatch(result, threshold)).toBe(state);
    expect(result.best?.templateId).toBe(bestId);
    expect(result.scores).toHaveLength(templates.length);
  });

  it('lists every score highest first', () => {
    const result = findBestMatch(makeEmbedding(), [cyd, bob, ada]);
    expect(result.scores.map((s) => s.templateId)).toEqual(['a', 'b', 'c']);
    expect(result.scores.map((s) => s.score)).toEqual([
      expect.closeTo(0.75, 12),
      expect.closeTo(0.5, 12),
      expect.closeTo(0.25, 12),
    ]);
    expect(result.best).toEqual(result.scores[0]);
  });

  it('uses mean-of-captures when asked', () => {
    const result = findBestMatch(makeEmbedding(), [ada, bob], { scoring: 'mean-of-captures' });
    expect(result.best?.templateId).toBe('b');
    expect(result.scores[0].score).toBeCloseTo(0.5, 12);
    expect(result.scores[1].score).toBeCloseTo(0.375, 12);
  });

  it('skips templates of another model when the model is given', () => {
    const foreign = makeTemplate('f', 'Foreign', [0], { modelSha256: 'another-model' });
    const result = findBestMatch(makeEmbedding(), [foreign, bob], { modelSha256: TEST_MODEL_SHA256 });
    expect(result.skippedTemplateIds).toEqual(['f']);
    expect(result.best?.templateId).toBe('b');
    expect(decideMatch(findBestMatch(makeEmbedding(), [foreign], { modelSha256: TEST_MODEL_SHA256 }), 0.5)).toBe('no-templates');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses threshold %d', (threshold) => {
    expect(() => decideMatch(findBestMatch(makeEmbedding(), [bob]), threshold)).toThrow(RangeError);
  });
});
