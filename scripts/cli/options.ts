/**
 * Shared helpers for the command lines: strict `util.parseArgs` (unknown or mistyped flags are
 * refused, not ignored), decimal numbers with a range, and one error type the CLIs print as is.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A problem with how the command was called; printed as `<cli>: <message>`, exit 2. */
export class UsageError extends Error {}

/** Looks like a negative number (`-0.5`, `-.5`, `-2`), which parseArgs would take for a flag. */
const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * `--fmr-target -0.5` becomes `--fmr-target=-0.5` for every flag that takes a value, so a negative
 * number reaches its range check (and a message naming the range) instead of parseArgs' "argument
 * is ambiguous".
 */
export function joinNegativeValues(argv: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    const isValueFlag = arg.startsWith('--') && !arg.includes('=') && options[arg.slice(2)]?.type === 'string';
    if (isValueFlag && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** A plain decimal number: no hex (`0x1F` reads as 31 in JavaScript), no `Infinity`. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Runs `parse` (a strict `util.parseArgs` call) and turns its errors into a {@link UsageError} that names `--help`. */
export function withUsageErrors<T>(parse: () => T, knownFlags: readonly string[] = []): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '.') : String(error);
    const unknown = /^Unknown option '--([^']+)'/.exec(message)?.[1];
    const guess = unknown === undefined ? undefined : findNearestFlag(unknown, knownFlags);
    throw new UsageError(`${message}${guess ? ` Did you mean --${guess}?` : ''} See --help.`);
  }
}

/**
 * Parses argv strictly against `options` (negative numbers may follow their flag), turning every
 * refusal into a {@link UsageError}; a mistyped flag gets a suggestion.
 */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: T) {
  return withUsageErrors(
    () => parseArgs({ args: joinNegativeValues(argv, options), options, allowPositionals: true, strict: true }),
    Object.keys(options),
  );
}

/** The known flag within two edits of a mistyped one (`labls` -> `labels`), if there is one. */
function findNearestFlag(typed: string, knownFlags: readonly string[]): string | undefined {
  let best: { flag: string; distance: number } | undefined;
  for (const flag of knownFlags) {
    const distance = measureEditDistance(typed, flag);
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { flag, distance };
  }
  return best?.flag;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function measureEditDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** A decimal number within [min, max] (`isMinOpen`: above min), or a {@link UsageError} naming the range. */
export function parseDecimal(flag: string, text: string, range: { min: number; max: number; isMinOpen?: boolean }): number {
  const value = DECIMAL.test(text.trim()) ? Number(text) : NaN;
  const isInRange = Number.isFinite(value) && (range.isMinOpen ? value > range.min : value >= range.min) && value <= range.max;
  if (!isInRange) {
    const low = range.isMinOpen ? `above ${range.min}` : `from ${range.min}`;
    const bounds = Number.isFinite(range.max) || Number.isFinite(range.min) ? ` ${low} to ${range.max}` : '';
    throw new UsageError(`${flag} takes a decimal number${bounds}; got "${text}".`);
  }
  return value;
}
