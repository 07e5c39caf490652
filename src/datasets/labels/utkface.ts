/**
 * UTKFace labels from file names: `[age]_[gender]_[race]_[date&time].jpg`, often with a
 * `.jpg.chip.jpg` ending. gender 0 = male, 1 = female; race 0 White, 1 Black, 2 Asian, 3 Indian,
 * 4 Others (Zhang, Song, Qi, CVPR 2017; the dataset's own README). A few real UTKFace names lack a
 * field; those become problems, not crashes.
 */
import { DEFAULT_AGE_BANDS, type AgeBand } from './age-bands';
import { selectImages } from './column-mapping';
import { baseName } from './paths';
import { assignAge } from './values';
import type { LabelledItem, LabelParseResult, LabelProblem } from './types';

/** UTKFace race codes, index = code. */
export const UTKFACE_RACES = ['White', 'Black', 'Asian', 'Indian', 'Others'] as const;
/** UTKFace gender codes, index = code. */
export const UTKFACE_GENDERS = ['male', 'female'] as const;
/** The oldest age in UTKFace. */
const MAX_UTKFACE_AGE_YEARS = 116;

const UTKFACE_NAME = /^(\d+)_(\d+)_(\d+)_(\d+)(?:\.[^_]*)?$/;

/** Fields read from one UTKFace file name. */
export interface UtkFaceName {
  ageYears: number;
  gender: (typeof UTKFACE_GENDERS)[number];
  race: (typeof UTKFACE_RACES)[number];
}

/** Reads a UTKFace file name (any folder prefix). Returns a sentence saying what is wrong instead of throwing. */
export function parseUtkFaceName(path: string): UtkFaceName | { error: string } {
  const name = baseName(path);
  const parts = UTKFACE_NAME.exec(name);
  if (!parts) return { error: `${name} does not follow UTKFace's age_gender_race_date.jpg naming` };
  const [ageYears, genderCode, raceCode] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (ageYears > MAX_UTKFACE_AGE_YEARS) return { error: `${name} gives age ${ageYears}, above UTKFace's 0-${MAX_UTKFACE_AGE_YEARS}` };
  const gender = UTKFACE_GENDERS[genderCode];
  if (gender === undefined) return { error: `${name} gives gender code ${genderCode}; UTKFace uses 0 (male) and 1 (female)` };
  const race = UTKFACE_RACES[raceCode];
  if (race === undefined) return { error: `${name} gives race code ${raceCode}; UTKFace uses 0 to 4` };
  return { ageYears, gender, race };
}

/** Whether a path's file name looks like UTKFace's (used by format detection). */
export function isUtkFaceName(path: string): boolean {
  return UTKFACE_NAME.test(baseName(path));
}

/** Options of {@link parseUtkFaceFiles}. */
export interface UtkFaceOptions {
  ageBands?: readonly AgeBand[];
}

/** Labels every UTKFace-named photo; badly named ones are reported and left out. Subjects are null: one photo per person. */
export function parseUtkFaceFiles(files: readonly string[], options: UtkFaceOptions = {}): LabelParseResult {
  const problems: LabelProblem[] = [];
  const items: LabelledItem[] = [];
  const seen = new Set<string>();
  for (const file of selectImages(files, problems)) {
    if (seen.has(file)) {
      problems.push({ kind: 'duplicate-entry', file, message: `${file} was chosen twice; counted once.` });
      continue;
    }
    seen.add(file);
    const parsed = parseUtkFaceName(file);
    if ('error' in parsed) {
      problems.push({ kind: 'malformed-name', file, message: `${parsed.error}; skipped, since its labels cannot be read.` });
      continue;
    }
    const item: LabelledItem = { file, subject: null, labels: { race: parsed.race, gender: parsed.gender }, notes: [] };
    assignAge(item, String(parsed.ageYears), options.ageBands ?? DEFAULT_AGE_BANDS, { file }, problems);
    items.push(item);
  }
  return { items, problems };
}
