import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeBiasReport } from '../../../src/metrics/report';
import type { ComparisonPair, ImpostorGrouping } from '../../../src/metrics/types';
import { expectDeepClose } from './expect-close';

interface WorkedCase {
  name: string;
  impostor_grouping: ImpostorGrouping;
  alpha?: number;
  thresholds: number[];
  fmr_targets: number[];
  pairs: { score: number; same: 0 | 1; group_a: string; group_b: string; subject_a?: string; subject_b?: string }[];
  expected: unknown;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/bias-metrics-cases.json', import.meta.url), 'utf8'),
) as { cases: WorkedCase[] };

/** Converts the spec's snake_case pair rows to ComparisonPair objects. */
export function toComparisonPairs(rows: WorkedCase['pairs']): ComparisonPair[] {
  return rows.map((row) => ({
    score: row.score,
    same: row.same,
    groupA: row.group_a,
    groupB: row.group_b,
    ...(row.subject_a === undefined ? {} : { subjectA: row.subject_a }),
    ...(row.subject_b === undefined ? {} : { subjectB: row.subject_b }),
  }));
}

describe('worked cases of shared/spec/bias-metrics.md', () => {
  it('has cases to check', () => {
    expect(fixture.cases.length).toBeGreaterThan(0);
  });

  for (const workedCase of fixture.cases) {
    it(`reproduces ${workedCase.name} (${workedCase.impostor_grouping}) to 1e-9`, () => {
      const report = computeBiasReport(toComparisonPairs(workedCase.pairs), {
        thresholds: workedCase.thresholds,
        fmrTargets: workedCase.fmr_targets,
        impostorGrouping: workedCase.impostor_grouping,
        ...(workedCase.alpha === undefined ? {} : { alpha: workedCase.alpha }),
      });
      // Through JSON, so "Infinity" strings and nulls are checked as the spec writes them.
      expectDeepClose(JSON.parse(JSON.stringify(report)), workedCase.expected, 1e-9);
    });
  }
});
