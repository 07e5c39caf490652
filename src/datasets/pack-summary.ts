/**
 * Derived views of a pack: exact duplicate embeddings and counts per group.
 * Pure; nothing here removes a sample.
 */
import { encodeFloat32Base64 } from './base64';
import type { PackFailureReason, ReferencePack } from './pack-types';

/** Prefix of the flag put on a sample whose embedding equals an earlier sample's. */
export const DUPLICATE_FLAG_PREFIX = 'duplicate-of:';
/** Key used in label counts for samples or failures that lack the label. */
export const MISSING_LABEL_VALUE = '(no label)';

/** Samples whose embeddings are bit-for-bit identical (usually one photo filed twice). */
export interface DuplicateGroup {
  /** The first sample in pack order: the one the others are flagged as duplicates of. */
  firstId: string;
  /** The later samples, in pack order. */
  duplicateIds: string[];
}

/**
 * Finds samples with byte-identical embeddings. Identical embeddings mean the same pixels went
 * in, so their pairs would score 1.0 whatever the labels say (see the LFW/UTK notes: one photo is
 * filed under two names). Returns groups in pack order; an empty list when there are none.
 */
export function findExactDuplicates(pack: ReferencePack): DuplicateGroup[] {
  const byBytes = new Map<string, DuplicateGroup>();
  const groups: DuplicateGroup[] = [];
  for (const sample of pack.samples) {
    const key = encodeFloat32Base64(sample.embedding);
    const group = byBytes.get(key);
    if (group) {
      if (group.duplicateIds.length === 0) groups.push(group);
      group.duplicateIds.push(sample.id);
    } else {
      byBytes.set(key, { firstId: sample.id, duplicateIds: [] });
    }
  }
  return groups;
}

/**
 * Returns a copy of the pack in which every later duplicate carries a "duplicate-of:<firstId>"
 * flag. Samples are flagged, never dropped: a view can choose to leave them out, and say so.
 */
export function flagExactDuplicates(pack: ReferencePack): ReferencePack {
  const firstIdOf = new Map<string, string>();
  for (const group of findExactDuplicates(pack)) {
    for (const id of group.duplicateIds) firstIdOf.set(id, group.firstId);
  }
  const samples = pack.samples.map((sample) => {
    const firstId = firstIdOf.get(sample.id);
    const flag = `${DUPLICATE_FLAG_PREFIX}${firstId}`;
    if (firstId === undefined || sample.flags?.includes(flag)) return sample;
    return { ...sample, flags: [...(sample.flags ?? []), flag] };
  });
  return { ...pack, samples };
}

/** Counts for one label value. */
export interface GroupCounts {
  /** Samples (embedded faces) with this value. */
  samples: number;
  /** Photos with this value that yielded no embedding. */
  failures: number;
  /** Distinct named subjects among the samples. */
  subjects: number;
  /** Subjects with at least two samples, so genuine (same-person) pairs exist for them. */
  genuineCapableSubjects: number;
}

/** What a pack holds, for the import screen and the report header. */
export interface PackSummary {
  sampleCount: number;
  failureCount: number;
  /** Distinct named subjects (samples with a null subject are not counted). */
  subjectCount: number;
  /** Subjects with two or more samples. Zero means the pack gives impostor scores only. */
  genuineCapableSubjectCount: number;
  /** Samples flagged as exact duplicates of another. */
  duplicateCount: number;
  /** Failures per reason. */
  failuresByReason: Record<PackFailureReason, number>;
  /** label name -> label value -> counts. Missing labels count under MISSING_LABEL_VALUE. */
  groups: Record<string, Record<string, GroupCounts>>;
}

function emptyCounts(): GroupCounts {
  return { samples: 0, failures: 0, subjects: 0, genuineCapableSubjects: 0 };
}

/** A sample's value of `label`: an own property only, so a label named "constructor" is not Object's. */
function readLabel(labels: Record<string, string>, label: string): string {
  return Object.hasOwn(labels, label) ? labels[label] : MISSING_LABEL_VALUE;
}

/**
 * An object with no prototype: user text ("__proto__", "constructor", "toString") as a key is then
 * an ordinary key, never Object.prototype (which `byValue["__proto__"].samples++` would pollute).
 */
function createKeyedRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function countsFor(summary: PackSummary, label: string, labels: Record<string, string>): GroupCounts {
  const value = readLabel(labels, label);
  const byValue = summary.groups[label];
  return (byValue[value] ??= emptyCounts());
}

/** Counts samples, subjects and failures, overall and per declared label value. */
export function packSummary(pack: ReferencePack): PackSummary {
  const summary: PackSummary = {
    sampleCount: pack.samples.length,
    failureCount: pack.failures.length,
    subjectCount: 0,
    genuineCapableSubjectCount: 0,
    duplicateCount: pack.samples.filter((s) => s.flags?.some((f) => f.startsWith(DUPLICATE_FLAG_PREFIX))).length,
    failuresByReason: { unreadable: 0, 'no-face': 0, 'several-faces': 0 },
    groups: pack.labels.reduce((groups, label) => ((groups[label] = createKeyedRecord<GroupCounts>()), groups), createKeyedRecord<Record<string, GroupCounts>>()),
  };

  // label -> value -> subject -> sample count
  const subjectsPerGroup = new Map<string, Map<string, Map<string, number>>>();
  const samplesPerSubject = new Map<string, number>();
  for (const sample of pack.samples) {
    if (sample.subject !== null) samplesPerSubject.set(sample.subject, (samplesPerSubject.get(sample.subject) ?? 0) + 1);
    for (const label of pack.labels) {
      countsFor(summary, label, sample.labels).samples++;
      if (sample.subject === null) continue;
      const value = readLabel(sample.labels, label);
      const byValue = subjectsPerGroup.get(label) ?? new Map<string, Map<string, number>>();
      subjectsPerGroup.set(label, byValue);
      const bySubject = byValue.get(value) ?? new Map<string, number>();
      byValue.set(value, bySubject);
      bySubject.set(sample.subject, (bySubject.get(sample.subject) ?? 0) + 1);
    }
  }
  for (const failure of pack.failures) {
    summary.failuresByReason[failure.reason]++;
    for (const label of pack.labels) countsFor(summary, label, failure.labels).failures++;
  }
  for (const [label, byValue] of subjectsPerGroup) {
    for (const [value, bySubject] of byValue) {
      const counts = summary.groups[label][value];
      counts.subjects = bySubject.size;
      counts.genuineCapableSubjects = [...bySubject.values()].filter((n) => n >= 2).length;
    }
  }
  summary.subjectCount = samplesPerSubject.size;
  summary.genuineCapableSubjectCount = [...samplesPerSubject.values()].filter((n) => n >= 2).length;
  return summary;
}
