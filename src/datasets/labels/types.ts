/** Shared result types of the label parsers. */

/** One photo with its labels, as read from file names, folders or a CSV. */
export interface LabelledItem {
  /** Path relative to the imported folder, with "/" separators. */
  file: string;
  /** Identity shown, or null when the source names none (one photo per unnamed person). */
  subject: string | null;
  /** Label name -> value, e.g. { race: "Black", gender: "female", age_band: "18-29" }. */
  labels: Record<string, string>;
  /** Age in years when the source gives an exact one; kept beside age_band for comparison with estimates. */
  age?: number;
  /** Remarks that travel with the item into the pack, e.g. "age-out-of-bands:8". */
  notes: string[];
}

/** Kinds of problem, so a view can group them; every kind also has a readable message. */
export type LabelProblemKind =
  | 'file-without-labels'
  | 'labels-without-file'
  | 'unknown-value'
  | 'duplicate-entry'
  | 'malformed-name'
  | 'malformed-row'
  | 'bad-age'
  | 'age-outside-bands'
  | 'conflicting-labels'
  | 'ambiguous-file'
  | 'not-an-image'
  | 'missing-column';

/** Something a parser noticed. Nothing is dropped without one of these. */
export interface LabelProblem {
  kind: LabelProblemKind;
  /** The photo concerned, relative path. */
  file?: string;
  /** 1-based line in the CSV, counting the header as line 1. */
  line?: number;
  /** Column name in the CSV. */
  column?: string;
  /** What happened and what was kept, in one or two sentences. */
  message: string;
}

/** What every parser returns. */
export interface LabelParseResult {
  items: LabelledItem[];
  problems: LabelProblem[];
}
