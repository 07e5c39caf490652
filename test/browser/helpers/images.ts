/** Loads a fixture photo as an ImageBitmap, optionally mirrored or cropped. */
export async function loadFixture(name: string): Promise<ImageBitmap> {
  const response = await fetch(new URL(`/test/fixtures/${name}`, location.href));
  if (!response.ok) throw new Error(`fixture ${name}: HTTP ${response.status}`);
  return createImageBitmap(await response.blob());
}

/** A copy of `source` mirrored left to right. */
export async function flipBitmap(source: ImageBitmap): Promise<ImageBitmap> {
  const canvas = new OffscreenCanvas(source.width, source.height);
  const context = canvas.getContext('2d')!;
  context.translate(source.width, 0);
  context.scale(-1, 1);
  context.drawImage(source, 0, 0);
  return canvas.transferToImageBitmap();
}

/** A crop of `source` around `box` with `margin` of the box size added on each side. */
export async function cropAround(source: ImageBitmap, box: [number, number, number, number], margin: number): Promise<ImageBitmap> {
  const [x, y, w, h] = box;
  const left = Math.max(0, Math.round(x - w * margin));
  const top = Math.max(0, Math.round(y - h * margin));
  const right = Math.min(source.width, Math.round(x + w * (1 + margin)));
  const bottom = Math.min(source.height, Math.round(y + h * (1 + margin)));
  return createImageBitmap(source, left, top, right - left, bottom - top);
}

/** A fresh copy of a bitmap (the engine takes ownership of what it is given). */
export function copyBitmap(source: ImageBitmap): Promise<ImageBitmap> {
  return createImageBitmap(source);
}
