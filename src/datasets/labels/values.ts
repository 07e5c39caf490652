/**
 * Label vocabularies and the shared step that turns raw label text into item labels.
 * Values outside a vocabulary are kept as written and reported, never replaced or dropped.
 */
import { findAgeBand, findAgeBandForRange, parseAge, type AgeBand } from './age-bands';
import type { LabelledItem, LabelProblem } from './types';

/** Label name of the age group. */
export const AGE_BAND_LABEL = 'age_band';

/** Race labels of the schemes FaceGap knows: UTKFace, FairFace and LFW race lists. */
export const KNOWN_RACE_VALUES: ReadonlySet<string> = new Set([
  'White', 'Black', 'Asian', 'Indian', 'Others',
  'East Asian', 'Southeast Asian', 'Latino_Hispanic', 'Middle Eastern',
  'East_Asian', 'South_Asian', 'Southeast_Asian',
]);

const GENDER_SYNONYMS: Record<string, 'female' | 'male'> = {
  female: 'female', f: 'female', woman: 'female',
  male: 'male', m: 'male', man: 'male',
};

/** "Female", "F", "woman" (any case) -> "female"; likewise male; null for anything else. */
export function normaliseGender(raw: string): 'female' | 'male' | null {
  return GENDER_SYNONYMS[raw.trim().toLowerCase()] ?? null;
}

/** Where a raw value came from, for problem reports. */
export interface ValueSource {
  file: string;
  line?: number;
}

/**
 * Puts one raw label value on an item: gender is normalised, race checked against the known
 * schemes, other labels kept as written. Empty values are skipped (the label is simply absent).
 */
export function assignLabel(item: LabelledItem, name: string, raw: string, source: ValueSource, problems: LabelProblem[]): void {
  const value = raw.trim();
  if (value === '') return;
  if (name === 'gender') {
    const gender = normaliseGender(value);
    if (gender === null) {
      problems.push({ kind: 'unknown-value', ...source, column: name, message: `Gender "${value}" is not one FaceGap knows (female or male); kept as written, so it forms its own group.` });
    }
    item.labels[name] = gender ?? value;
    return;
  }
  if (name === 'race' && !KNOWN_RACE_VALUES.has(value)) {
    problems.push({ kind: 'unknown-value', ...source, column: name, message: `Race "${value}" is not in the UTKFace, FairFace or LFW schemes; kept as written, so it forms its own group.` });
  }
  // An own property even for a label named "__proto__", which plain assignment would drop.
  Object.defineProperty(item.labels, name, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Reads an age (exact years or a band such as "20-29") and sets `age` and the age_band label.
 * An age outside every band gets no band and a note; an unreadable age is reported.
 */
export function assignAge(item: LabelledItem, raw: string, bands: readonly AgeBand[], source: ValueSource, problems: LabelProblem[]): void {
  const text = raw.trim();
  if (text === '') return;
  const age = parseAge(text);
  if (age === null) {
    problems.push({ kind: 'bad-age', ...source, column: 'age', message: `Age "${text}" is neither a number of years nor a range like 20-29; the photo is kept without an age group.` });
    return;
  }
  const band = age.kind === 'years' ? findAgeBand(age.years, bands) : findAgeBandForRange(age.minYears, age.maxYears, bands);
  if (age.kind === 'years') item.age = age.years;
  if (band !== null) {
    item.labels[AGE_BAND_LABEL] = band;
    return;
  }
  const shown = age.kind === 'years' ? String(age.years) : age.raw;
  item.notes.push(`age-outside-bands:${shown}`);
  problems.push({
    kind: 'age-outside-bands', ...source, column: 'age',
    message: `Age ${shown} does not fall within one age group (${bands.map((b) => b.label).join(', ')}); the photo is kept without an age group.`,
  });
}
