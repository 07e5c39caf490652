/**
 * Columns of pairs in shared memory, so they reach a worker without a copy on the main thread: a
 * 3,000-face pack's scores and indexes are 72 MB, and cloning them into each worker stalled the page
 * for hundreds of ms. Only where the page is cross-origin isolated (SharedArrayBuffer exists);
 * elsewhere columns are returned as they are and postMessage copies them. Nothing here writes to a
 * column once shared: workers only read them.
 */

/** A typed array column of a pair table or an all-pairs run. */
export type Column = Float32Array | Float64Array | Uint8Array | Uint32Array | Int32Array;

/** Shared copies of columns already shared once, so regrouping or resampling never copies them again. */
const sharedCopies = new WeakMap<Column, Column>();

/** Whether this context can share memory with its workers (cross-origin isolated). */
export function canShareMemory(): boolean {
  return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer !== 'undefined';
}

/** Whether a column's memory is already a SharedArrayBuffer (e.g. an all-pairs run scored into one). */
export function isSharedColumn(column: Column): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && column.buffer instanceof SharedArrayBuffer;
}

/**
 * The column in shared memory: itself when it is there already or memory cannot be shared, else a
 * copy made once per column (later calls return the same copy).
 */
export function shareColumn<T extends Column>(column: T): T {
  if (!canShareMemory() || isSharedColumn(column)) return column;
  const known = sharedCopies.get(column);
  if (known) return known as T;
  const Kind = column.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Kind(new SharedArrayBuffer(column.byteLength));
  copy.set(column as never);
  sharedCopies.set(column, copy);
  return copy;
}
