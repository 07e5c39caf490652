/**
 * Chart export: an SVG with its computed styles written in as presentation attributes (so it looks
 * the same outside the page, and no style attribute is needed), and a PNG drawn from it through a
 * blob: URL on a canvas (the CSP allows blob: and data: images).
 */

/** The SVG namespace name: an identifier in the markup, never fetched. */
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** Styles copied from the live chart into the exported file. */
export const EXPORTED_STYLE_PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity',
  'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility',
] as const;

/** Scale of exported PNGs: sharp on slides and projectors. */
export const PNG_SCALE = 2;

/**
 * Serialises a live SVG with each element's computed style inlined as attributes; `title`
 * is written as the SVG's <title> so the file says what it shows.
 */
export function serializeSvg(svg: SVGSVGElement, title?: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  live.forEach((element, i) => {
    const computed = getComputedStyle(element);
    for (const property of EXPORTED_STYLE_PROPERTIES) {
      const value = computed.getPropertyValue(property);
      if (value) copies[i].setAttribute(property, value);
    }
  });
  const box = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', SVG_NAMESPACE);
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(Math.round(box.width) || 800));
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(Math.round(box.height) || 400));
  const background = document.createElementNS(SVG_NAMESPACE, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  if (title) {
    const titleElement = document.createElementNS(SVG_NAMESPACE, 'title');
    titleElement.textContent = title;
    clone.insertBefore(titleElement, clone.firstChild);
  }
  return new XMLSerializer().serializeToString(clone);
}

/** Renders serialised SVG text to a PNG blob at `scale` times its size. */
export async function renderSvgToPng(svgText: string, width: number, height: number, scale = PNG_SCALE): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser could not draw the chart into an image.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
