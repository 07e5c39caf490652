import { describe, expect, it } from 'vitest';
import { estimateRate } from '../../../src/metrics/rates';
import { buildSummarySentence, describePerson, describeRatioInterval, type SentenceRow } from '../../../src/views/sentence';

const row = (group: string, errors: number, pairs: number, people = 20, isSmall = false): SentenceRow => ({
  group, people, fmr: estimateRate(errors, pairs), isSmall,
});

describe('describePerson', () => {
  it.each([
    ['Black/female', ['race', 'gender'], 'a woman labelled Black', 'her'],
    ['White/male', ['race', 'gender'], 'a man labelled White', 'his'],
    ['East_Asian', ['race'], 'a person labelled East Asian', 'their'],
    ['18-29', ['age_band'], 'a person aged 18-29', 'their'],
    ['(no label)/female', ['race', 'gender'], 'a woman with no race label', 'her'],
    ['everyone', [], 'a person', 'their'],
  ])('%s by %j', (group, groupBy, noun, possessive) => {
    expect(describePerson(group, groupBy)).toEqual({ noun, possessive });
  });
});

describe('describeRatioInterval', () => {
  it.each([
    [undefined, ' (interval being computed)'],
    [null, ' (no interval: too few people to resample)'],
    [[2.34, 15.2], ' (95% interval 2.3\u201315)'],
    [[0.8, 4], ' (95% interval 0.8\u20134: no difference at all is also possible)'],
    [[2.34, Infinity], ' (resampling people gives no upper limit, so treat it as a hint, not a finding)'],
    [[Infinity, Infinity], ' (resampling people gives no upper limit, so treat it as a hint, not a finding)'],
  ] as const)('%j', (interval, text) => {
    expect(describeRatioInterval(interval as never)).toBe(text);
  });
});

describe('buildSummarySentence', () => {
  const cases: { name: string; rows: SentenceRow[]; kind: string; includes: string[]; ratio?: number }[] = [
    {
      name: 'highest vs lowest with interval',
      rows: [row('Black/female', 61, 1000), row('White/male', 10, 1000), row('White/female', 20, 1000)],
      kind: 'ratio', ratio: 6.1,
      includes: ['a woman labelled Black in this set is 6.1\u00d7 (95% interval 2.3\u201315) as likely as a man labelled White', 'someone of her own group'],
    },
    {
      name: 'lowest group had no errors: not measurable, names group and pairs',
      rows: [row('Black/female', 12, 7140), row('White/male', 0, 7140)],
      kind: 'zero-lowest', includes: ['no false matches in 7,140 pairs (at most 0.042%, 95% upper bound)', 'not measurable', '12 of 7,140'],
    },
    {
      name: 'threshold where every rate is zero',
      rows: [row('A', 0, 100), row('B', 0, 50)],
      kind: 'no-errors', includes: ['no false matches in any group: none in 150 different-person pairs'],
    },
    {
      name: 'a group of one person (no pairs) and a small group are left out',
      rows: [row('A', 3, 100), row('B', 0, 0, 1, true), row('C', 1, 6, 3, true)],
      kind: 'too-few-groups', includes: ['not two groups', 'Left out as too small to compare: B, C.'],
    },
    { name: 'no groups at all (grouping left nothing)', rows: [], kind: 'too-few-groups', includes: ['no ratio'] },
  ];
  it.each(cases)('$name', ({ rows, kind, includes, ratio }) => {
    const sentence = buildSummarySentence({ rows, groupBy: ['race', 'gender'], impostorGrouping: 'within', ratioInterval: [2.34, 15.2] });
    expect(sentence.kind).toBe(kind);
    for (const part of includes) expect(sentence.text).toContain(part);
    expect(sentence.text).not.toMatch(/NaN|Infinity|undefined/);
    if (ratio !== undefined) expect(sentence.ratio).toBeCloseTo(ratio, 9);
  });

  it('probe grouping compares against anyone in the set', () => {
    const s = buildSummarySentence({ rows: [row('A', 40, 1000), row('B', 20, 1000)], groupBy: ['race'], impostorGrouping: 'probe' });
    expect(s.text).toContain('2\u00d7 (interval being computed) as likely');
    expect(s.text).toContain('someone else in this set');
  });
});

/** The cases of issue 16, each asserting the sentence a room reads. */
describe('buildSummarySentence: the rules of issue 16', () => {
  const both = (group: string, people: number, fmr: [number, number], fnmr: [number, number]): SentenceRow => ({
    group, people, fmr: estimateRate(...fmr), fnmr: estimateRate(...fnmr), isSmall: false,
  });

  it('1 false match in 1,770 pairs: no ratio, "too few", the counts', () => {
    const s = buildSummarySentence({
      rows: [row('East_Asian/female', 25, 1000, 45), row('White/male', 1, 1770, 60)],
      groupBy: ['race', 'gender'], impostorGrouping: 'within', ratioInterval: [3.2, Infinity],
    });
    expect(s.kind).toBe('too-few-errors');
    expect(s.ratio).toBeNull();
    expect(s.text).toBe('Too few false matches to compare groups at this threshold: a woman labelled East Asian had 25 of 1,000 pairs (2.5%), '
      + 'a man labelled White 1 of 1,770 pairs (0.056%). A ratio needs at least 10 errors and 10 people in each group.');
    expect(s.brief).toBe('False matches: too few to compare (East Asian/female 25 of 1,000 pairs, White/male 1 of 1,770).');
  });

  it('30 groups of 20 people, 6 of 190 against 0 of 190: no ratio, the counts with the upper bound, the many-groups caveat', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(`G${String(i).padStart(2, '0')}`, i === 0 ? 6 : i === 29 ? 0 : 1 + (i % 5), 190, 20));
    const s = buildSummarySentence({ rows, groupBy: ['group'], impostorGrouping: 'within' });
    expect(s.kind).toBe('too-few-errors');
    expect(s.text).toBe('Too few false matches to compare groups at this threshold: a person labelled group G00 had 6 of 190 pairs (3.2%), '
      + 'a person labelled group G29 0 of 190 pairs (at most 1.6%). A ratio needs at least 10 errors and 10 people in each group. '
      + 'These are the extremes of 30 groups: with many small groups, a wide spread between the highest and the lowest is likely by chance alone.');
    expect(s.brief).toBe('False matches: too few to compare (G00 6 of 190 pairs, G29 0 of 190). Extremes of 30 groups: some spread is chance alone.');
  });

  it('one false match against none is "too few", not a comparison (lfw-94 at 0.594)', () => {
    const s = buildSummarySentence({ rows: [row('East_Asian', 1, 4115, 22), row('White', 0, 3611, 30)], groupBy: ['race'], impostorGrouping: 'within' });
    expect(s.kind).toBe('too-few-errors');
    expect(s.text).toContain('a person labelled White 0 of 3,611 pairs (at most 0.083%)');
  });

  it('many groups, all with errors: the caveat gives the max/geomean ratio', () => {
    const rows = Array.from({ length: 6 }, (_, i) => row(`G${i}`, 10 + 10 * i, 1000, 30));
    const s = buildSummarySentence({ rows, groupBy: ['group'], impostorGrouping: 'within', ratioInterval: [3.1, 12] });
    expect(s.kind).toBe('ratio');
    expect(s.text).toContain('is 6\u00d7 (95% interval 3.1\u201312) as likely as a person labelled group G0');
    expect(s.text).toContain('These are the extremes of 6 groups');
    expect(s.text).toContain('Against a typical group (the geometric mean of all 6), the highest is 2\u00d7.');
  });

  it('a pack where only missed matches are large (lfw-94 at 0.594): the missed-match side first, both said', () => {
    const s = buildSummarySentence({
      rows: [both('East_Asian', 15, [0, 105], [48, 68]), both('White', 40, [1, 780], [124, 130]), both('Black', 12, [0, 66], [30, 36])],
      groupBy: ['race'], impostorGrouping: 'within', fnmrRatioInterval: [1.2, 1.6],
    });
    expect(s.sides.map((side) => side.side)).toEqual(['fnmr', 'fmr']);
    expect(s.kind).toBe('ratio');
    expect(s.text).toBe('At this threshold, a person labelled White in this set is 1.4\u00d7 (95% interval 1.2\u20131.6) as likely as a person labelled East Asian '
      + 'to be not recognised as themselves (a missed match). '
      + 'Too few false matches to compare groups at this threshold: a person labelled White had 1 of 780 pairs (0.13%), '
      + 'a person labelled East Asian 0 of 105 pairs (at most 2.8%). A ratio needs at least 10 errors and 10 people in each group.');
    // The projector's brief keeps both sides, the missed-match side first.
    expect(s.brief).toBe('A person labelled White is 1.4\u00d7 (95% interval 1.2\u20131.6) as likely as one labelled East Asian to be not recognised (a missed match). '
      + 'False matches: too few to compare (White 1 of 780 pairs, East Asian 0 of 105).');
  });

  it('an open-ended interval is never printed as a finding', () => {
    const s = buildSummarySentence({ rows: [row('A', 30, 1000), row('B', 10, 1000)], groupBy: ['race'], impostorGrouping: 'within', ratioInterval: [1.4, Infinity] });
    expect(s.text).not.toContain('at least');
    expect(s.text).toContain('no upper limit, so treat it as a hint, not a finding');
  });

  it('groups under 10 people are not compared by a ratio, whatever their errors', () => {
    const s = buildSummarySentence({ rows: [row('A', 40, 100, 8), row('B', 20, 100, 8)], groupBy: ['race'], impostorGrouping: 'within' });
    expect(s.kind).toBe('too-few-errors');
  });
});
