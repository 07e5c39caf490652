/** Sizes and counts as the privacy panels show them. Pure. */

const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** A byte count for people: `0 bytes`, `812 bytes`, `4.2 KB`, `10.3 MB` (powers of 1000). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 bytes';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

/** `1 person`, `3 people`: a count with the noun that agrees with it. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
