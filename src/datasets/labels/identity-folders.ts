/**
 * One folder per person (LFW style): `Name/Name_0001.jpg`, subject = the photo's folder.
 * An optional labels.csv alongside gives labels either per photo (LFW-94's
 * `file,identity,gender,race,race_label_source`) or per person (`identity,gender,race`).
 */
import { DEFAULT_AGE_BANDS } from './age-bands';
import { applyColumnMapping, selectImages, suggestColumnMapping, type CsvLabelOptions } from './column-mapping';
import { parseCsv, type CsvTable } from './csv';
import { baseName, folderSegments } from './paths';
import { assignAge, assignLabel } from './values';
import type { LabelledItem, LabelParseResult, LabelProblem } from './types';

/** The identity a path implies: its innermost folder, or null for a photo at the top level. */
export function subjectFromPath(path: string): string | null {
  const folders = folderSegments(path);
  return folders.length === 0 ? null : folders[folders.length - 1];
}

function labelColumns(table: CsvTable, used: ReadonlySet<string | null | undefined>): Record<string, string> {
  const suggested = suggestColumnMapping(table.header);
  // Null prototype: every other column becomes a label under its own name, "__proto__" included.
  const labels = Object.assign(Object.create(null) as Record<string, string>, suggested.labels);
  // Every other column is kept as a label under its own name (e.g. race_label_source), so a view can filter on it.
  for (const column of suggested.unusedColumns) if (!used.has(column) && column !== '') labels[column] = column;
  return labels;
}

function parsePerPhoto(table: CsvTable, files: readonly string[], options: CsvLabelOptions): LabelParseResult {
  const suggested = suggestColumnMapping(table.header);
  const mapping = {
    file: suggested.file ?? 'file',
    ...(suggested.subject ? { subject: suggested.subject } : {}),
    ...(suggested.age ? { age: suggested.age } : {}),
    labels: labelColumns(table, new Set([suggested.file, suggested.subject, suggested.age])),
  };
  const result = applyColumnMapping(table, mapping, { ...options, files, unlabelledFiles: 'keep' });
  for (const item of result.items) {
    const folder = subjectFromPath(item.file);
    if (item.subject === null) item.subject = folder;
    else if (folder !== null && folder !== item.subject) {
      result.problems.push({
        kind: 'conflicting-labels', file: item.file,
        message: `${item.file} sits in folder "${folder}" but the CSV names "${item.subject}"; the CSV's identity was kept.`,
      });
    }
  }
  return result;
}

function parsePerPerson(table: CsvTable, files: readonly string[], options: CsvLabelOptions): LabelParseResult {
  const problems: LabelProblem[] = [...table.problems];
  const suggested = suggestColumnMapping(table.header);
  const subjectColumn = table.header.indexOf(suggested.subject ?? '');
  const ageColumn = table.header.indexOf(suggested.age ?? '');
  const labels = Object.entries(labelColumns(table, new Set([suggested.subject, suggested.age])));
  const rowOf = new Map<string, { line: number; cells: string[] }>();
  for (const row of table.rows) {
    const subject = row.cells[subjectColumn].trim();
    const first = rowOf.get(subject);
    if (first) problems.push({ kind: 'duplicate-entry', line: row.line, message: `Line ${row.line} describes ${subject} again (first on line ${first.line}); the first line was kept.` });
    else rowOf.set(subject, row);
  }
  const items: LabelledItem[] = [];
  const seen = new Set<string>();
  for (const file of selectImages(files, problems)) {
    const subject = subjectFromPath(file);
    const item: LabelledItem = { file, subject, labels: {}, notes: [] };
    const row = subject === null ? undefined : rowOf.get(subject);
    if (row) {
      seen.add(subject!);
      for (const [label, column] of labels) assignLabel(item, label, row.cells[table.header.indexOf(column)], { file, line: row.line }, problems);
      if (ageColumn >= 0) assignAge(item, row.cells[ageColumn], options.ageBands ?? DEFAULT_AGE_BANDS, { file, line: row.line }, problems);
    } else {
      problems.push({ kind: 'file-without-labels', file, message: `${file}: no CSV line describes ${subject ?? 'a person at the top level'}; kept without labels.` });
    }
    items.push(item);
  }
  for (const [subject, row] of rowOf) {
    if (!seen.has(subject)) problems.push({ kind: 'labels-without-file', line: row.line, message: `Line ${row.line} describes ${subject}, but no folder of that name was chosen; skipped.` });
  }
  return { items, problems };
}

/**
 * Labels photos by folder. With a CSV that has a file column, labels are per photo; with only an
 * identity column, per person. Photos without labels are kept (their folder still names the
 * person, which genuine pairs need) and reported.
 */
export function parseIdentityFolders(files: readonly string[], labelsCsv?: string | CsvTable, options: CsvLabelOptions = {}): LabelParseResult {
  if (labelsCsv === undefined) {
    const problems: LabelProblem[] = [];
    const items = selectImages(files, problems).map((file): LabelledItem => ({ file, subject: subjectFromPath(file), labels: {}, notes: [] }));
    for (const item of items) {
      if (item.subject === null) problems.push({ kind: 'file-without-labels', file: item.file, message: `${baseName(item.file)} is not inside a person's folder; kept without an identity.` });
    }
    return { items, problems };
  }
  const table = typeof labelsCsv === 'string' ? parseCsv(labelsCsv) : labelsCsv;
  const suggested = suggestColumnMapping(table.header);
  if (suggested.file !== null) return parsePerPhoto(table, files, options);
  if (suggested.subject !== undefined) return parsePerPerson(table, files, options);
  const problems: LabelProblem[] = [{ kind: 'missing-column', message: `The CSV has neither a file nor an identity column (it has: ${table.header.join(', ')}); labels were not read, folders still name the people.` }];
  const unlabelled = parseIdentityFolders(files);
  return { items: unlabelled.items, problems: [...problems, ...unlabelled.problems] };
}
