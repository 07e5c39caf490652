/**
 * Shared helpers for the command lines: strict `util.parseArgs` (unknown or mistyped flags are
 * refused, not ignored), decimal numbers with a range, and one error type the CLIs print as is.
 */

/** A problem with how the command was called; printed as `<cli>: <message>`, exit 2. */
export class UsageError extends Error {}

/** A plain decimal number: no hex (`0x1F` reads as 31 in JavaScript), no `Infinity`. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Runs `parse` (a strict `util.parseArgs` call) and turns its errors into a {@link UsageError} that names `--help`. */
export function withUsageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '.') : String(error);
    throw new UsageError(`${message} See --help.`);
  }
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
