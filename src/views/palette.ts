/**
 * Colour-blind-safe series styles (Okabe & Ito 2008), each with a dash pattern and a marker shape,
 * so groups are told apart by more than colour. Yellow is last: it is faint on white.
 */

/** Okabe-Ito colours, reordered for contrast on white. */
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;
/** Dash patterns, cycled with the colours. */
export const DASHES = ['', '10 5', '3 4', '12 4 3 4', '6 3', '1 3', '16 6', '4 4 1 4'] as const;
/** Marker shapes, cycled with the colours. */
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'circle', 'square'] as const;

/** Colour of impostor (different-person) scores: Okabe-Ito vermillion. */
export const IMPOSTOR_COLOUR = OKABE_ITO[1];
/** Colour of genuine (same-person) scores: Okabe-Ito blue. */
export const GENUINE_COLOUR = OKABE_ITO[0];

/** A series' look. */
export interface SeriesStyle {
  readonly colour: string;
  readonly dash: string;
  readonly marker: (typeof MARKERS)[number];
}

/** Style of the i-th series. */
export function findSeriesStyle(i: number): SeriesStyle {
  const k = ((i % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length;
  return { colour: OKABE_ITO[k], dash: DASHES[k], marker: MARKERS[k] };
}

/** SVG path of a marker of radius r centred on (0, 0). */
export function markerPath(marker: SeriesStyle['marker'], r: number): string {
  switch (marker) {
    case 'square': return `M${-r},${-r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'triangle': return `M0,${-r * 1.2}L${r * 1.1},${r * 0.9}H${-r * 1.1}Z`;
    case 'diamond': return `M0,${-r * 1.3}L${r * 1.3},0L0,${r * 1.3}L${-r * 1.3},0Z`;
    case 'cross': return `M${-r},${-r}L${r},${r}M${r},${-r}L${-r},${r}`;
    case 'star': return `M0,${-r * 1.3}L${r * 0.4},${-r * 0.4}L${r * 1.3},${-r * 0.3}L${r * 0.6},${r * 0.3}L${r * 0.8},${r * 1.2}L0,${r * 0.7}L${-r * 0.8},${r * 1.2}L${-r * 0.6},${r * 0.3}L${-r * 1.3},${-r * 0.3}L${-r * 0.4},${-r * 0.4}Z`;
    default: return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
}
