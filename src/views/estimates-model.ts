/**
 * The model's own age and gender guesses checked against a pack's labels, and the detector's
 * failures, per group. Proportions with the Wilson 95% interval of shared/spec/bias-metrics.md.
 */
import { findAgeBand } from '../datasets/labels/age-bands';
import type { ReferencePack } from '../datasets/pack-types';
import { estimateRate } from '../metrics/rates';
import { compareCodePoints } from '../metrics/score-index';
import type { RateEstimate } from '../metrics/types';
import { isSampleIncluded } from './gap-model';
import { findGroupLabel } from './grouping';

/** One group's checks; an estimate with no faces has a null rate ("not measurable"). */
export interface EstimateRow {
  readonly group: string;
  /** Faces whose estimated gender equals the gender label (`errors` counts agreements here). */
  readonly genderAgreement: RateEstimate;
  /** Faces whose estimated age falls in the labelled age band. */
  readonly ageBandAgreement: RateEstimate;
  /** Photos where no usable face was found, over all photos of the group. */
  readonly failures: RateEstimate;
  /** Failures by reason. */
  readonly failureReasons: Readonly<Record<string, number>>;
}

/** Computes the checks per group (same grouping and filter as the gap view). */
export function checkEstimates(pack: ReferencePack, groupBy: readonly string[], excludeUnverified: boolean): EstimateRow[] {
  const acc = new Map<string, { gOk: number; gN: number; aOk: number; aN: number; samples: number; fails: number; reasons: Record<string, number> }>();
  const slot = (group: string) => {
    let a = acc.get(group);
    if (!a) acc.set(group, (a = { gOk: 0, gN: 0, aOk: 0, aN: 0, samples: 0, fails: 0, reasons: {} }));
    return a;
  };
  for (const sample of pack.samples) {
    if (!isSampleIncluded(sample, excludeUnverified)) continue;
    const a = slot(findGroupLabel(sample.labels, groupBy));
    a.samples++;
    const est = sample.estimates;
    if (!est) continue;
    if (sample.labels.gender === 'female' || sample.labels.gender === 'male') {
      a.gN++;
      if (est.gender === sample.labels.gender) a.gOk++;
    }
    if (sample.labels.age_band) {
      a.aN++;
      if (findAgeBand(est.age) === sample.labels.age_band) a.aOk++;
    }
  }
  for (const failure of pack.failures) {
    if (!isSampleIncluded({ id: failure.id, subject: null, labels: failure.labels }, excludeUnverified)) continue;
    const a = slot(findGroupLabel(failure.labels, groupBy));
    a.fails++;
    a.reasons[failure.reason] = (a.reasons[failure.reason] ?? 0) + 1;
  }
  return [...acc.keys()].sort(compareCodePoints).map((group) => {
    const a = acc.get(group)!;
    return {
      group,
      genderAgreement: estimateRate(a.gOk, a.gN),
      ageBandAgreement: estimateRate(a.aOk, a.aN),
      failures: estimateRate(a.fails, a.fails + a.samples),
      failureReasons: a.reasons,
    };
  });
}
