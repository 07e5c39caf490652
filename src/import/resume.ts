/**
 * Resume planning: which photos of an import still need work, given what the job already holds.
 * Pure, so it is tested in node.
 */
import { baseName } from '../datasets/labels/paths';
import type { LabelledItem } from '../datasets/labels/types';
import type { ImportRecord } from './types';

/** What a resumed import will do. */
export interface ResumePlan<T extends { labelled: LabelledItem }> {
  /** Items without an outcome yet, in their original order. */
  todo: T[];
  /** Outcomes already kept for chosen items, in item order. */
  kept: ImportRecord[];
  /** Outcomes kept for files no longer chosen: reported, and left out of the pack. */
  orphaned: ImportRecord[];
}

/** Splits items into those already done (by file path) and those to process. */
export function planResume<T extends { labelled: LabelledItem }>(items: readonly T[], recorded: readonly ImportRecord[]): ResumePlan<T> {
  const byFile = new Map(recorded.map((record) => [record.file, record]));
  const todo: T[] = [];
  const kept: ImportRecord[] = [];
  for (const item of items) {
    const record = byFile.get(item.labelled.file);
    if (record) {
      kept.push(record);
      byFile.delete(item.labelled.file);
    } else {
      todo.push(item);
    }
  }
  return { todo, kept, orphaned: [...byFile.values()] };
}

/**
 * Sample ids: the file name, or the whole relative path when two chosen photos share a name
 * (LFW-style folders could). Stable across resumes, since it depends only on the chosen paths.
 */
export function assignSampleIds(files: readonly string[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const file of files) counts.set(baseName(file), (counts.get(baseName(file)) ?? 0) + 1);
  return new Map(files.map((file) => [file, counts.get(baseName(file)) === 1 ? baseName(file) : file]));
}

/** Puts records in the order of `files`; records of other files go last, in their own order. */
export function orderRecords(records: readonly ImportRecord[], files: readonly string[]): ImportRecord[] {
  const position = new Map(files.map((file, index) => [file, index]));
  const rank = (record: ImportRecord) => position.get(record.file) ?? files.length;
  return [...records].sort((a, b) => rank(a) - rank(b));
}
