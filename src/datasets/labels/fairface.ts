/**
 * FairFace-style label CSVs: `file,age,gender,race` (FairFace's own train/val CSVs, and
 * utkface-600's labels.csv). Age may be years ("34") or a FairFace band ("20-29", "more than 70");
 * gender is Male/Female in any case. Extra columns (FairFace's service_test) are ignored.
 */
import { applyColumnMapping, type ColumnMapping, type CsvLabelOptions } from './column-mapping';
import { findColumn, parseCsv, type CsvTable } from './csv';
import type { LabelParseResult } from './types';

/** Columns a FairFace-style CSV must have. */
export const FAIRFACE_COLUMNS = ['file', 'age', 'gender', 'race'] as const;

/** Whether the header has all of FAIRFACE_COLUMNS (any case, any order). */
export function isFairFaceHeader(header: readonly string[]): boolean {
  return FAIRFACE_COLUMNS.every((column) => findColumn(header, column) >= 0);
}

/** The fixed mapping of a FairFace-style CSV. */
export const FAIRFACE_MAPPING: ColumnMapping = { file: 'file', age: 'age', labels: { gender: 'gender', race: 'race' } };

/** Parses a FairFace-style CSV (text or an already parsed table); see applyColumnMapping for options. */
export function parseFairFaceCsv(csv: string | CsvTable, options: CsvLabelOptions = {}): LabelParseResult {
  const table = typeof csv === 'string' ? parseCsv(csv) : csv;
  return applyColumnMapping(table, FAIRFACE_MAPPING, options);
}
