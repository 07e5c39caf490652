/**
 * Records keyed by names people typed (groups, labels, subjects). A plain `{}` inherits from
 * Object.prototype: a group called `__proto__` is silently dropped (or, with `??=`, writes into
 * Object.prototype itself), and `constructor` or `toString` read as present before they are set.
 * These records have no prototype, so every name is just a key. They serialise as usual.
 */

/** An empty record with no prototype, safe for any key. */
export function createNameRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A name record holding the given entries (like Object.fromEntries, without a prototype). */
export function nameRecordFromEntries<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = createNameRecord<T>();
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** Sets a key as an own property, also on a plain object (where `obj.__proto__ = v` would not). */
export function setOwnEntry<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
