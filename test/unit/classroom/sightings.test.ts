import { describe, expect, it } from 'vitest';
import { CODE_GONE_AFTER_MS, NO_SIGHTINGS, noteCodeSighting, type CodeSightings } from '../../../src/classroom/sightings';

/** Reads `reads` ([code, ms]) in order; returns which of them started a new appearance. */
function replay(reads: [string, number][]): boolean[] {
  let sightings: CodeSightings = NO_SIGHTINGS;
  return reads.map(([code, ms]) => {
    const decision = noteCodeSighting(sightings, code, ms);
    sightings = decision.sightings;
    return decision.isNewAppearance;
  });
}

describe('noteCodeSighting: one answer per appearance of a code', () => {
  const held = (code: string, fromMs: number, toMs: number, everyMs = 250): [string, number][] =>
    Array.from({ length: Math.floor((toMs - fromMs) / everyMs) + 1 }, (_, i) => [code, fromMs + i * everyMs]);

  it.each([
    { what: 'a code held in view for 10 s, read 4 times a second', reads: held('A', 0, 10_000), news: 1 },
    { what: 'a code read with gaps just under the limit (missed frames)', reads: held('A', 0, 10_000, CODE_GONE_AFTER_MS - 1), news: 1 },
    { what: 'a code lowered for exactly the limit and held up again', reads: [['A', 0], ['A', CODE_GONE_AFTER_MS]] as [string, number][], news: 2 },
    { what: 'a code held up three times with 3 s away between', reads: [...held('A', 0, 2000), ...held('A', 5000, 7000), ...held('A', 10_000, 12_000)], news: 3 },
    { what: 'two codes in view together, each read every frame', reads: held('A', 0, 4000).flatMap(([, ms]) => [['A', ms], ['B', ms + 10]] as [string, number][]), news: 2 },
  ])('$what: $news new appearance(s)', ({ reads, news }) => {
    expect(replay(reads).filter(Boolean)).toHaveLength(news);
  });

  it('says which read is new: the first, and the first after the code was gone', () => {
    expect(replay([['A', 0], ['A', 250], ['B', 400], ['A', 500], ['A', 3000], ['B', 3100], ['A', 3250]])).toEqual([true, false, true, false, true, true, false]);
  });

  it('forgets codes gone from view, so the record stays small', () => {
    let sightings: CodeSightings = NO_SIGHTINGS;
    for (let i = 0; i < 100; i++) sightings = noteCodeSighting(sightings, `code-${i}`, i * 1000).sightings;
    expect(sightings.size).toBeLessThanOrEqual(Math.ceil(CODE_GONE_AFTER_MS / 1000));
  });
});
