/**
 * Float64 helpers for exact threshold candidates (shared/spec/bias-metrics.md, "Thresholds":
 * "the next float64 above the largest").
 */

const scratch = new DataView(new ArrayBuffer(8));

/**
 * Returns the smallest float64 greater than `x` (IEEE 754 nextUp), by stepping the bit pattern.
 * NaN and +Infinity are returned unchanged; -0 and +0 give the smallest subnormal.
 */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  scratch.setFloat64(0, x);
  const bits = scratch.getBigUint64(0);
  // Positive floats grow with their bit pattern; negative ones shrink in magnitude as it falls.
  scratch.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return scratch.getFloat64(0);
}

/** Index of the first element `>= value` in an ascending array (its length when none). */
export function findLowerBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first element `> value` in an ascending array (its length when none). */
export function findUpperBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
