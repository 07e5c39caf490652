/** Age bands: exact ages and source bands (FairFace's "20-29") to the app's groups. */

/** An inclusive range of whole years with the label it shows as. */
export interface AgeBand {
  label: string;
  minYears: number;
  maxYears: number;
}

/** The bands utkface-600 was balanced on (shared/datasets/README.md). */
export const DEFAULT_AGE_BANDS: readonly AgeBand[] = [
  { label: '18-29', minYears: 18, maxYears: 29 },
  { label: '30-44', minYears: 30, maxYears: 44 },
  { label: '45-70', minYears: 45, maxYears: 70 },
];

/** Label of the band holding `ageYears` (whole years, fractions floored), or null when none does. */
export function findAgeBand(ageYears: number, bands: readonly AgeBand[] = DEFAULT_AGE_BANDS): string | null {
  const years = Math.floor(ageYears);
  return bands.find((band) => years >= band.minYears && years <= band.maxYears)?.label ?? null;
}

/** Label of the band containing the whole range, or null when the range straddles or leaves the bands. */
export function findAgeBandForRange(
  minYears: number,
  maxYears: number,
  bands: readonly AgeBand[] = DEFAULT_AGE_BANDS,
): string | null {
  return bands.find((band) => minYears >= band.minYears && maxYears <= band.maxYears)?.label ?? null;
}

/** An age as written in a label file: exact years or a range. */
export type ParsedAge = { kind: 'years'; years: number } | { kind: 'range'; minYears: number; maxYears: number; raw: string };

/**
 * Reads "34", "34.5", FairFace bands "20-29" and "more than 70" (taken as 70 up to 120).
 * Returns null for anything else, negative ages or ages above 120.
 */
export function parseAge(raw: string): ParsedAge | null {
  const text = raw.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const years = Number(text);
    return years <= 120 ? { kind: 'years', years } : null;
  }
  const range = /^(\d+)\s*[-\u2013]\s*(\d+)$/.exec(text);
  if (range) {
    const minYears = Number(range[1]);
    const maxYears = Number(range[2]);
    return minYears <= maxYears && maxYears <= 120 ? { kind: 'range', minYears, maxYears, raw: raw.trim() } : null;
  }
  const above = /^(?:more than|over|above)\s+(\d+)$/.exec(text) ?? /^(\d+)\s*\+$/.exec(text);
  if (above) return { kind: 'range', minYears: Number(above[1]), maxYears: 120, raw: raw.trim() };
  return null;
}
