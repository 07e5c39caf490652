import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One scene of a fake-camera video: a picture held for a number of frames. */
export interface Y4mScene {
  rgba: Uint8Array | Uint8ClampedArray;
  frames: number;
}

/**
 * Writes an RGBA picture as a Y4M video (a text header, then `FRAME\n` and raw I420 planes per
 * frame) for Chromium's fake camera: no ffmpeg needed. Width and height must be even. BT.601
 * full-range conversion; chroma is the mean of each 2x2 block. Returns the file's path.
 */
export function writeY4m(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, frames: number): string {
  return writeY4mScenes([{ rgba, frames }], width, height);
}

/**
 * Writes scenes one after another as one Y4M video at `fps` frames a second; Chromium plays it in
 * a loop, so the scenes come back in turn (a code held up, taken away, another code...).
 */
export function writeY4mScenes(scenes: Y4mScene[], width: number, height: number, fps = 30): string {
  if (width % 2 || height % 2) throw new Error(`Y4M I420 needs even sizes, got ${width}x${height}.`);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  const parts: Buffer[] = [header];
  for (const scene of scenes) {
    const frame = toI420Frame(scene.rgba, width, height);
    for (let i = 0; i < scene.frames; i++) parts.push(frame);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'facegap-qr-camera-')), 'camera.y4m');
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

/** One `FRAME` of I420 planes from an RGBA picture. */
function toI420Frame(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Buffer {
  const y = Buffer.alloc(width * height);
  const u = Buffer.alloc((width / 2) * (height / 2));
  const v = Buffer.alloc(u.length);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = (row * width + col) * 4;
      y[row * width + col] = clamp(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]);
    }
  }
  for (let row = 0; row < height; row += 2) {
    for (let col = 0; col < width; col += 2) {
      let r = 0, g = 0, b = 0;
      for (const [dr, dc] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
        const i = ((row + dr) * width + col + dc) * 4;
        r += rgba[i]; g += rgba[i + 1]; b += rgba[i + 2];
      }
      r /= 4; g /= 4; b /= 4;
      const k = (row / 2) * (width / 2) + col / 2;
      u[k] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      v[k] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  return Buffer.concat([Buffer.from('FRAME\n'), y, u, v]);
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}
