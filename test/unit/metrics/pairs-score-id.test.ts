import { describe, expect, it } from 'vitest';
import { PairsCsvError, parsePairsCsv } from '../../../src/metrics/pairs-csv';

describe('pairs CSV with score ids', () => {
  it('reads a file whose pairs all carry one score id', () => {
    const pairs = parsePairsCsv('score,same,group_a,group_b,score_id\n0.9,1,A,A,cosine-v1\n0.2,0,A,B,cosine-v1\n', 'p.csv');
    expect(pairs).toHaveLength(2);
  });

  it('refuses a file mixing score ids, naming the line, column and both ids', () => {
    const text = 'score,same,group_a,group_b,score_id\n0.9,1,A,A,cosine-v1\n0.2,0,A,B,cosine-v1\n0.7,0,A,B,human-similarity-v1\n';
    let error: unknown;
    try {
      parsePairsCsv(text, 'mixed.csv');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PairsCsvError);
    expect((error as PairsCsvError).line).toBe(4);
    expect((error as PairsCsvError).message).toMatch(/^mixed\.csv:4:5: score_id "human-similarity-v1" differs from "cosine-v1" \(line 2\)/);
  });

  it('refuses an empty score id', () => {
    expect(() => parsePairsCsv('score,same,group_a,group_b,score_id\n0.9,1,A,A,\n', 'e.csv')).toThrow(/e\.csv:2:5: score_id is empty/);
  });
});
