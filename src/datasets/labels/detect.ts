/**
 * Guesses how a chosen folder is labelled, so the import screen can propose a parser and the
 * user only confirms. CSV labels win over names: they are explicit.
 */
import { applyColumnMapping, suggestColumnMapping, type ColumnMapping, type CsvLabelOptions, type SuggestedColumnMapping } from './column-mapping';
import { parseCsv, type CsvTable } from './csv';
import { isFairFaceHeader, parseFairFaceCsv } from './fairface';
import { parseIdentityFolders, subjectFromPath } from './identity-folders';
import { isImagePath, normalisePath } from './paths';
import { isUtkFaceName, parseUtkFaceFiles } from './utkface';
import type { LabelParseResult } from './types';

/** Label sources FaceGap can read. */
export type LabelFormat = 'utkface' | 'fairface-csv' | 'identity-folders' | 'generic-csv' | 'unknown';

/** What detectLabelFormat concluded, and why. */
export interface LabelFormatDetection {
  format: LabelFormat;
  /** Index in `csvTexts` of the CSV to use, or null when labels come from names or folders. */
  csvIndex: number | null;
  /** One sentence for the import screen, e.g. "labels.csv has file, age, gender and race columns". */
  reason: string;
  /** For generic-csv: the guessed mapping the user should confirm. */
  suggestedMapping?: SuggestedColumnMapping;
}

/** Share of photos that must carry UTKFace-style names before the names are trusted as labels. */
const UTKFACE_NAME_SHARE = 0.8;

function detectFromNames(images: readonly string[]): LabelFormatDetection {
  if (images.length === 0) return { format: 'unknown', csvIndex: null, reason: 'No photos were found among the chosen files.' };
  const utkCount = images.filter(isUtkFaceName).length;
  if (utkCount >= UTKFACE_NAME_SHARE * images.length) {
    return { format: 'utkface', csvIndex: null, reason: `${utkCount} of ${images.length} photos are named like UTKFace (age_gender_race_date.jpg).` };
  }
  const perFolder = new Map<string, number>();
  for (const file of images) {
    const subject = subjectFromPath(file);
    if (subject !== null) perFolder.set(subject, (perFolder.get(subject) ?? 0) + 1);
  }
  const hasRepeats = [...perFolder.values()].some((n) => n >= 2);
  if (perFolder.size >= 2 && hasRepeats) {
    return { format: 'identity-folders', csvIndex: null, reason: `Photos sit in ${perFolder.size} folders, read as one folder per person; there are no labels besides identity.` };
  }
  return { format: 'unknown', csvIndex: null, reason: 'No CSV with a file column was found, and the photo names and folders carry no labels FaceGap knows.' };
}

/**
 * Detects the label format from the chosen paths and the texts of the chosen CSV files.
 * Order: a CSV with file and identity columns (identity folders), a FairFace-style CSV, a CSV
 * with only an identity column (labels per person), any CSV with a file column (generic), then
 * UTKFace names, then folders. Other CSVs (LFW's pairs.csv) are ignored.
 */
export function detectLabelFormat(fileNames: readonly string[], csvTexts: readonly string[]): LabelFormatDetection {
  const images = fileNames.map(normalisePath).filter(isImagePath);
  const headers = csvTexts.map((text) => parseCsv(text.split(/\r?\n/, 1)[0] ?? '').header);
  const suggestions = headers.map(suggestColumnMapping);
  const firstIndex = (test: (i: number) => boolean) => headers.findIndex((_, i) => test(i));

  let i = firstIndex((k) => suggestions[k].file !== null && suggestions[k].subject !== undefined);
  if (i >= 0) return { format: 'identity-folders', csvIndex: i, reason: `A CSV has ${suggestions[i].file} and ${suggestions[i].subject} columns: labels per photo, one identity each.` };
  i = firstIndex((k) => isFairFaceHeader(headers[k]));
  if (i >= 0) return { format: 'fairface-csv', csvIndex: i, reason: 'A CSV has file, age, gender and race columns (FairFace style).' };
  i = firstIndex((k) => suggestions[k].file === null && suggestions[k].subject !== undefined);
  if (i >= 0 && detectFromNames(images).format === 'identity-folders') {
    return { format: 'identity-folders', csvIndex: i, reason: `Photos sit in one folder per person, and a CSV gives labels per ${suggestions[i].subject}.` };
  }
  i = firstIndex((k) => suggestions[k].file !== null);
  if (i >= 0) {
    return { format: 'generic-csv', csvIndex: i, reason: `A CSV has a ${suggestions[i].file} column; check which columns hold which labels.`, suggestedMapping: suggestions[i] };
  }
  return detectFromNames(images);
}

/** Options of {@link parseDetectedLabels}. */
export interface ParseDetectedOptions extends Omit<CsvLabelOptions, 'files'> {
  /** The confirmed mapping, required for generic-csv (the suggestion is used when omitted and complete). */
  mapping?: ColumnMapping;
}

/** Runs the parser a detection points to. An unknown format, or a generic CSV without a file column, gives no items and one problem. */
export function parseDetectedLabels(
  detection: LabelFormatDetection,
  fileNames: readonly string[],
  csvTexts: readonly string[],
  options: ParseDetectedOptions = {},
): LabelParseResult {
  const table: CsvTable | undefined = detection.csvIndex === null ? undefined : parseCsv(csvTexts[detection.csvIndex]);
  const csvOptions: CsvLabelOptions = { ...options, files: fileNames };
  switch (detection.format) {
    case 'utkface':
      return parseUtkFaceFiles(fileNames, options);
    case 'fairface-csv':
      return parseFairFaceCsv(table!, csvOptions);
    case 'identity-folders':
      return parseIdentityFolders(fileNames, table, options);
    case 'generic-csv': {
      const suggested = detection.suggestedMapping;
      const mapping = options.mapping ?? (suggested?.file ? { ...suggested, file: suggested.file } : undefined);
      if (mapping) return applyColumnMapping(table!, mapping, csvOptions);
      break;
    }
    case 'unknown':
      break;
  }
  return { items: [], problems: [{ kind: 'missing-column', message: `${detection.reason} No labels were read; choose a CSV that names each photo, or map its columns.` }] };
}
