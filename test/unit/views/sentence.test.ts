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
    [[2.34, Infinity], ' (95% interval: at least 2.3)'],
    [[Infinity, Infinity], ' (95% interval: too few errors to bound it)'],
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
      kind: 'zero-lowest', includes: ['no false matches in 7,140 pairs', 'not measurable', '12 of 7,140'],
    },
    {
      name: 'threshold where every rate is zero',
      rows: [row('A', 0, 100), row('B', 0, 50)],
      kind: 'no-errors', includes: ['no errors in any group over 150 pairs'],
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
    const s = buildSummarySentence({ rows: [row('A', 4, 100), row('B', 2, 100)], groupBy: ['race'], impostorGrouping: 'probe' });
    expect(s.text).toContain('2\u00d7 (interval being computed) as likely');
    expect(s.text).toContain('someone else in this set');
  });
});
