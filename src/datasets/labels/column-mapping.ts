/**
 * Generic CSV labels: which column holds the photo path, the identity, the age and each label,
 * then one LabelledItem per row. FairFace and identity-folder CSVs go through the same step.
 */
import { DEFAULT_AGE_BANDS, type AgeBand } from './age-bands';
import { findColumn, type CsvTable } from './csv';
import { createFileMatcher, isImagePath, normalisePath } from './paths';
import { assignAge, assignLabel } from './values';
import type { LabelledItem, LabelParseResult, LabelProblem } from './types';

/** Which CSV column feeds which field. Column names as in the header (matched ignoring case). */
export interface ColumnMapping {
  /** Column with the photo's path or file name. */
  file: string;
  /** Column with the identity, when the set has several photos per person. */
  subject?: string;
  /** Column with the age in years or a range such as "20-29"; becomes the age_band label. */
  age?: string;
  /** Label name -> column, e.g. { gender: "sex", race: "ethnicity" }. */
  labels: Record<string, string>;
}

/** A guessed mapping for the user to confirm; `file` is null when no column looks like a path. */
export interface SuggestedColumnMapping extends Omit<ColumnMapping, 'file'> {
  file: string | null;
  /** Columns the guess did not use, to offer as extra labels. */
  unusedColumns: string[];
}

/** Options shared by the CSV-based parsers. */
export interface CsvLabelOptions {
  /** Photo paths that were chosen; when given, rows and photos are matched and gaps reported. */
  files?: readonly string[];
  /** Age groups; DEFAULT_AGE_BANDS when omitted. */
  ageBands?: readonly AgeBand[];
  /** Photos with no CSV line: left out (default) or kept without labels (when folders name people). */
  unlabelledFiles?: 'skip' | 'keep';
}

const FILE_NAMES = ['file', 'filename', 'file_name', 'image', 'image_name', 'image_path', 'img', 'path', 'photo'];
const SUBJECT_NAMES = ['identity', 'subject', 'subject_id', 'person', 'person_id', 'name'];
const AGE_NAMES = ['age', 'age_years', 'age_group', 'age_band'];
const LABEL_NAMES: Record<string, string[]> = { gender: ['gender', 'sex'], race: ['race', 'ethnicity', 'race_label'] };

function findAny(header: readonly string[], names: readonly string[]): string | null {
  for (const name of names) {
    const index = findColumn(header, name);
    if (index >= 0) return header[index];
  }
  return null;
}

/** Guesses a mapping from common column names (file/image/path, identity/person, age, gender/sex, race/ethnicity). */
export function suggestColumnMapping(header: readonly string[]): SuggestedColumnMapping {
  const file = findAny(header, FILE_NAMES);
  const subject = findAny(header, SUBJECT_NAMES);
  const age = findAny(header, AGE_NAMES);
  const labels: Record<string, string> = {};
  for (const [label, names] of Object.entries(LABEL_NAMES)) {
    const column = findAny(header, names);
    if (column !== null) labels[label] = column;
  }
  const used = new Set([file, subject, age, ...Object.values(labels)]);
  return {
    file,
    ...(subject !== null ? { subject } : {}),
    ...(age !== null ? { age } : {}),
    labels,
    unusedColumns: header.filter((column) => !used.has(column)),
  };
}

/** Reports chosen files that are neither photos nor CSV label files; returns the photos. */
export function selectImages(files: readonly string[], problems: LabelProblem[]): string[] {
  const images: string[] = [];
  for (const raw of files) {
    const file = normalisePath(raw);
    if (isImagePath(file)) images.push(file);
    else if (!/\.csv$/i.test(file)) problems.push({ kind: 'not-an-image', file, message: `${file} is not a photo (jpg, png, webp...); skipped.` });
  }
  return images;
}

/**
 * Turns CSV rows into items using `mapping`. With `options.files`, each row is matched to a chosen
 * photo: rows without a photo and photos without a row are reported and left out. A photo listed
 * twice keeps its first row. Every skipped row or photo yields a problem.
 */
export function applyColumnMapping(table: CsvTable, mapping: ColumnMapping, options: CsvLabelOptions = {}): LabelParseResult {
  const problems: LabelProblem[] = [...table.problems];
  const bands = options.ageBands ?? DEFAULT_AGE_BANDS;
  const indexOf = (column: string): number => {
    const index = findColumn(table.header, column);
    if (index < 0) problems.push({ kind: 'missing-column', column, message: `The CSV has no column "${column}" (it has: ${table.header.join(', ')}); that field was left empty.` });
    return index;
  };
  const fileIndex = indexOf(mapping.file);
  if (fileIndex < 0) return { items: [], problems };
  const subjectIndex = mapping.subject ? indexOf(mapping.subject) : -1;
  const ageIndex = mapping.age ? indexOf(mapping.age) : -1;
  const labelIndexes = Object.entries(mapping.labels).map(([label, column]) => [label, indexOf(column)] as const).filter(([, i]) => i >= 0);

  const images = options.files ? selectImages(options.files, problems) : null;
  const match = images ? createFileMatcher(images) : null;
  const firstLineOf = new Map<string, number>();
  const items: LabelledItem[] = [];
  for (const { line, cells } of table.rows) {
    const entry = normalisePath(cells[fileIndex]);
    if (entry === '') {
      problems.push({ kind: 'malformed-row', line, column: mapping.file, message: `Line ${line} names no photo; skipped.` });
      continue;
    }
    let file = entry;
    if (match) {
      const found = match(entry);
      if (found.kind === 'missing') {
        problems.push({ kind: 'labels-without-file', file: entry, line, message: `Line ${line} labels ${entry}, but no such photo was chosen; skipped.` });
        continue;
      }
      if (found.kind === 'ambiguous') {
        problems.push({ kind: 'ambiguous-file', file: entry, line, message: `Line ${line} names ${entry}, which matches ${found.candidates.length} chosen photos (${found.candidates.join(', ')}); skipped. Use the full path in the CSV.` });
        continue;
      }
      file = found.file;
    }
    const firstLine = firstLineOf.get(file);
    if (firstLine !== undefined) {
      problems.push({ kind: 'duplicate-entry', file, line, message: `Line ${line} labels ${file} again (first on line ${firstLine}); the first line was kept.` });
      continue;
    }
    firstLineOf.set(file, line);
    const subject = subjectIndex >= 0 ? cells[subjectIndex].trim() : '';
    const item: LabelledItem = { file, subject: subject === '' ? null : subject, labels: {}, notes: [] };
    for (const [label, index] of labelIndexes) assignLabel(item, label, cells[index], { file, line }, problems);
    if (ageIndex >= 0) assignAge(item, cells[ageIndex], bands, { file, line }, problems);
    items.push(item);
  }
  const isKeeping = options.unlabelledFiles === 'keep';
  for (const file of images ?? []) {
    if (firstLineOf.has(file)) continue;
    problems.push({ kind: 'file-without-labels', file, message: `${file} has no line in the CSV; ${isKeeping ? 'kept without labels' : 'skipped'}.` });
    if (isKeeping) items.push({ file, subject: null, labels: {}, notes: [] });
  }
  return { items, problems };
}
