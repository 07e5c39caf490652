/**
 * Shallow comparison for element properties that are rebuilt on every render of their owner: the
 * live view renders once per camera frame, and an object or array made afresh each time (the same
 * entries, the same numbers) would make lit update the element it is handed on every frame too.
 * Pure.
 */

/**
 * Whether `a` and `b` hold the same values: the same array entries in order, or the same own
 * enumerable keys with the same values (compared with `Object.is`), one level deep. null and
 * undefined equal only themselves.
 */
export function isShallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  const recordB = b as Record<string, unknown>;
  return keysA.length === keysB.length && keysA.every((key) => Object.hasOwn(recordB, key) && Object.is((a as Record<string, unknown>)[key], recordB[key]));
}

/** A lit `hasChanged` for such properties: an update only when a value differs, not the object. */
export function hasShallowChange(next: unknown, previous: unknown): boolean {
  return !isShallowEqual(next, previous);
}
