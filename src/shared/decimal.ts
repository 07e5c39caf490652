/**
 * Reading numbers that people and other programs write in files and on command lines (pure).
 */

/** Plain decimal notation: optional sign, digits with an optional point, optional exponent. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The finite number a decimal text spells, or null. Unlike `Number()`, refuses what a score or a
 * rate never looks like but JavaScript would read anyway: `0x1F` (31), `0b1`, `1_0`, `Infinity`,
 * blank text (0), and decimals too large for a double.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
