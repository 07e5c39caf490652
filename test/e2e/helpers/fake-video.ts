import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** JPEG markers: start of image, start of scan, and the application segments APP1..APP15. */
const SOI = 0xd8;
const SOS = 0xda;
const APP1 = 0xe1;
const APP15 = 0xef;

/** How many video frames each small head movement is held (about half a second at 30 fps). */
export const MOVE_HOLD_FRAMES = 15;

/**
 * Builds a Motion-JPEG file (JPEG frames back to back) that Chromium's fake camera plays in a loop:
 * `frames` frames cycling through `jpegPaths`. Every JPEG must be baseline and of the same size.
 * A single photo with a `<photo>-moves/` folder beside it (test/fixtures/make-camera-moves.ts)
 * plays as that person moving their head a little instead: each frame of the folder held for
 * MOVE_HOLD_FRAMES frames, whatever `frames` says. Enrolment takes only captures that differ
 * (src/app/capture-diversity.ts), so a still photo can never enrol, as a frozen webcam must not.
 * Exif and other APPn segments are dropped, so no camera metadata rides along and Chromium's
 * frame splitter sees plain frames. Returns the path of the file, in a fresh temp folder.
 */
export function makeFakeVideo(jpegPaths: string[], frames: number): string {
  if (jpegPaths.length === 0 || frames < 1) throw new Error('makeFakeVideo needs at least one JPEG and one frame.');
  const moves = jpegPaths.length === 1 ? listMoves(jpegPaths[0]) : [];
  if (moves.length > 0) return makeFakeVideo(moves.flatMap((path) => Array<string>(MOVE_HOLD_FRAMES).fill(path)), moves.length * MOVE_HOLD_FRAMES);
  const images = jpegPaths.map((path) => stripAppSegments(readFileSync(path), path));
  const sizes = new Set(images.map(readJpegSize));
  if (sizes.size !== 1) throw new Error(`Fake-camera frames differ in size (${[...sizes].join(', ')}); Chromium needs one size.`);
  const sequence = Array.from({ length: frames }, (_, index) => images[index % images.length]);
  const path = join(mkdtempSync(join(tmpdir(), 'facegap-camera-')), 'camera.mjpeg');
  writeFileSync(path, Buffer.concat(sequence));
  return path;
}

/** The frames of `<photo>-moves/` in name order, or none when the photo has no such folder. */
function listMoves(photoPath: string): string[] {
  const folder = photoPath.replace(/\.jpe?g$/i, '-moves');
  if (folder === photoPath || !existsSync(folder)) return [];
  return readdirSync(folder).filter((name) => /\.jpe?g$/i.test(name)).sort().map((name) => join(folder, name));
}

/** Copies a JPEG without its APP1..APP15 segments (Exif, XMP, ICC); the JFIF APP0 header stays. */
export function stripAppSegments(jpeg: Buffer, name = 'JPEG'): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== SOI) throw new Error(`${name} is not a JPEG.`);
  const kept: Buffer[] = [jpeg.subarray(0, 2)];
  let offset = 2;
  while (offset + 4 <= jpeg.length) {
    if (jpeg[offset] !== 0xff) throw new Error(`${name}: no JPEG marker at byte ${offset}.`);
    const marker = jpeg[offset + 1];
    if (marker === SOS) {
      kept.push(jpeg.subarray(offset));
      return Buffer.concat(kept);
    }
    const length = jpeg.readUInt16BE(offset + 2);
    if (marker < APP1 || marker > APP15) kept.push(jpeg.subarray(offset, offset + 2 + length));
    offset += 2 + length;
  }
  throw new Error(`${name} has no image data.`);
}

/** Reads `WIDTHxHEIGHT` from a JPEG's start-of-frame segment. */
export function readJpegSize(jpeg: Buffer): string {
  let offset = 2;
  while (offset + 9 <= jpeg.length) {
    const marker = jpeg[offset + 1];
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return `${jpeg.readUInt16BE(offset + 7)}x${jpeg.readUInt16BE(offset + 5)}`;
    }
    offset += 2 + jpeg.readUInt16BE(offset + 2);
  }
  throw new Error('JPEG without a frame header.');
}
