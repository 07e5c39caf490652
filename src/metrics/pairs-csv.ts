/**
 * Reads comparison pairs from CSV: header `score,same,group_a,group_b` plus optional
 * `subject_a,subject_b` and `score_id` (one id for the whole file), in any column order (shared/spec/bias-metrics.md, "Input").
 * Accepts a byte-order mark, CRLF line ends and double-quoted fields. Refuses, never skips:
 * every problem is a {@link PairsCsvError} naming file, line and column.
 */
import type { ComparisonPair } from './types';

/** Columns every pairs CSV must have. */
export const REQUIRED_PAIR_COLUMNS = ['score', 'same', 'group_a', 'group_b'] as const;
/** Columns a pairs CSV may add. */
export const OPTIONAL_PAIR_COLUMNS = ['subject_a', 'subject_b', 'score_id'] as const;

/** A readable refusal of a pairs file: what, where, and what to do. */
export class PairsCsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: ${problem}`);
    this.name = 'PairsCsvError';
  }
}

/** Splits one CSV line into fields, honouring double quotes ("" is a quote inside quotes). */
function splitCsvLine(text: string, file: string, line: number): string[] {
  const fields: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (isQuoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') isQuoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') isQuoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  if (isQuoted) throw new PairsCsvError(file, line, fields.length + 1, 'a quoted field is not closed on this line.');
  fields.push(field);
  return fields;
}

/**
 * Parses a pairs CSV. Throws {@link PairsCsvError} for an empty file, missing or unknown columns,
 * a wrong number of fields, a score that is not a finite number, or `same` other than 0 or 1.
 * Blank lines only at the very end are allowed.
 */
export function parsePairsCsv(text: string, file = '<pairs>'): ComparisonPair[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) throw new PairsCsvError(file, 1, 1, `the file is empty; expected a header "${REQUIRED_PAIR_COLUMNS.join(',')}" and one row per pair.`);
  const header = splitCsvLine(lines[0], file, 1).map((name) => name.trim());
  const known = new Set<string>([...REQUIRED_PAIR_COLUMNS, ...OPTIONAL_PAIR_COLUMNS]);
  const unknown = header.map((name, i) => ({ name, i })).filter(({ name }) => !known.has(name));
  if (unknown.length > 0) {
    throw new PairsCsvError(file, 1, unknown[0].i + 1, `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u.name}"`).join(', ')}; allowed: ${[...known].join(', ')}.`);
  }
  const duplicate = header.findIndex((name, i) => header.indexOf(name) !== i);
  if (duplicate >= 0) throw new PairsCsvError(file, 1, duplicate + 1, `column "${header[duplicate]}" appears twice.`);
  const missing = REQUIRED_PAIR_COLUMNS.filter((name) => !header.includes(name));
  if (missing.length > 0) throw new PairsCsvError(file, 1, header.length + 1, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`);
  const at = (name: string) => header.indexOf(name);
  const [scoreAt, sameAt, groupAAt, groupBAt, subjectAAt, subjectBAt] = ['score', 'same', 'group_a', 'group_b', 'subject_a', 'subject_b'].map(at);
  if (lines.length === 1) throw new PairsCsvError(file, 2, 1, 'the file has a header but no pairs.');
  const scoreIdAt = at('score_id');
  // Scores of two score ids are on different scales: one threshold cannot apply to both.
  let firstScoreId: { id: string; line: number } | null = null;
  const pairs: ComparisonPair[] = [];
  for (let l = 1; l < lines.length; l++) {
    const line = l + 1;
    const fields = splitCsvLine(lines[l], file, line);
    if (fields.length !== header.length) {
      const column = lines[l].trim() === '' ? 1 : Math.min(fields.length, header.length) + 1;
      throw new PairsCsvError(file, line, column, `expected ${header.length} fields, found ${fields.length}${lines[l].trim() === '' ? ' (a blank line)' : ''}.`);
    }
    const scoreText = fields[scoreAt].trim();
    const score = scoreText === '' ? NaN : Number(scoreText);
    if (!Number.isFinite(score)) throw new PairsCsvError(file, line, scoreAt + 1, `score "${fields[scoreAt]}" is not a finite number.`);
    const sameText = fields[sameAt].trim();
    if (sameText !== '0' && sameText !== '1') throw new PairsCsvError(file, line, sameAt + 1, `same must be 0 (impostor) or 1 (genuine), found "${fields[sameAt]}".`);
    for (const [name, index] of [['group_a', groupAAt], ['group_b', groupBAt]] as const) {
      if (fields[index].trim() === '') throw new PairsCsvError(file, line, index + 1, `${name} is empty; every pair needs both group labels.`);
    }
    if (scoreIdAt >= 0) {
      const id = fields[scoreIdAt].trim();
      if (id === '') throw new PairsCsvError(file, line, scoreIdAt + 1, 'score_id is empty; every pair needs the id of the score it was computed with.');
      firstScoreId ??= { id, line };
      if (id !== firstScoreId.id) {
        throw new PairsCsvError(file, line, scoreIdAt + 1, `score_id "${id}" differs from "${firstScoreId.id}" (line ${firstScoreId.line}): ` +
          'scores of two score ids are on different scales and cannot share a threshold. Split the file by score_id.');
      }
    }
    const pair: ComparisonPair = { score, same: sameText === '1' ? 1 : 0, groupA: fields[groupAAt].trim(), groupB: fields[groupBAt].trim() };
    if (subjectAAt >= 0 && fields[subjectAAt].trim() !== '') pair.subjectA = fields[subjectAAt].trim();
    if (subjectBAt >= 0 && fields[subjectBAt].trim() !== '') pair.subjectB = fields[subjectBAt].trim();
    pairs.push(pair);
  }
  return pairs;
}
