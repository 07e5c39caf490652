import { describe, expect, it } from 'vitest';
import { buildAcrossModelsSentence, type CompareModelRow } from '../../../src/views/compare-model';

const row = (label: string, ratioInterval: [number, number] | null, kind = 'ratio') => ({ label, ratioInterval, sentence: { kind } }) as unknown as CompareModelRow;

describe('the sentence across models', () => {
  it.each([
    ['every interval above 1', [row('faceres', [2.7, Infinity]), row('dlib', [3.3, Infinity])], /^Every model shows a gap between groups.*not one model's quirk\. The intervals of the models' gaps overlap/],
    ['one interval wholly above another', [row('faceres', [1.2, 2]), row('dlib', [3, 6])], /^Every model.*dlib's gap \(3-6x\) is larger than faceres's \(1.2-2x\): the intervals do not overlap\.$/],
    ['overlapping intervals, one reaching 1', [row('faceres', [0.9, 3]), row('dlib', [1.5, 4])], /^The intervals of the models' gaps overlap, so these faces do not show one model as fairer/],
  ])('%s', (_name, rows, expected) => {
    expect(buildAcrossModelsSentence(rows)).toMatch(expected);
  });

  it('says "every model" only when every model has a ratio of its own, and names the others', () => {
    const rows = [row('faceres', null, 'too-few'), row('faceres-deep', null, 'too-few'), row('dlib', [1.9, 30]), row('MobileFace', [1.5, 12])];
    expect(buildAcrossModelsSentence(rows)).toBe('dlib and MobileFace each show a gap between groups here (each interval of the largest ratio lies above 1x);'
      + ' faceres and faceres-deep have too few false matches to say. Their intervals overlap, so these faces do not show one model as fairer than another.');
    expect(buildAcrossModelsSentence([row('faceres', null, 'too-few'), row('dlib', [0.9, 3]), row('MobileFace', [1.5, 4])]))
      .toBe('The intervals of dlib and MobileFace\'s gaps overlap, so these faces do not show one model as fairer than another.');
  });

  it('says nothing with one model, and that no comparison is possible when fewer than two models have a ratio of their own', () => {
    expect(buildAcrossModelsSentence([row('faceres', [2, 3])])).toBeNull();
    expect(buildAcrossModelsSentence([row('faceres', [2, 3]), row('dlib', null)])).toMatch(/^Only faceres has enough false matches here.*cannot say which model is fairer/);
    expect(buildAcrossModelsSentence([row('faceres', [2, 3], 'too-few'), row('dlib', [3, 5])])).toMatch(/^Only dlib has enough/);
    expect(buildAcrossModelsSentence([row('faceres', null), row('dlib', null)])).toMatch(/^No model has enough false matches here/);
  });
});
