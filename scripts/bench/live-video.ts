/**
 * The live bench's fake camera videos (Y4M, Chromium plays them looped at 30 frames a second):
 * ENTRY_FRAMES of an empty grey picture, then MOVE_FRAMES of faces from the fixture photos moving
 * sideways by MOVE_SWING_PX on a MOVE_PERIOD_FRAMES period, so one loop measures a face entering
 * (time to match) and a face moving (box lag and swing). Every frame carries its index in a strip
 * of black and white blocks at the top left (marker), so the page can tell which frame it shows.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';

export const VIDEO_WIDTH = 640;
export const VIDEO_HEIGHT = 480;
export const VIDEO_FPS = 30;
/** Grey frames before the faces enter: one second. */
export const ENTRY_FRAMES = 30;
/** Frames with faces; the whole loop is a whole number of motion periods, so the motion has one phase across loops. */
export const MOVE_FRAMES = 150;
/** The sideways motion: 80 px from one side to the other, a 2 s period. */
export const MOVE_SWING_PX = 80;
export const MOVE_PERIOD_FRAMES = 60;
export const LOOP_FRAMES = ENTRY_FRAMES + MOVE_FRAMES;
/** The marker: MARKER_BITS blocks of MARKER_BLOCK_PX, frame index in binary, most significant first. */
export const MARKER_BITS = 8;
export const MARKER_BLOCK_PX = 16;
const GREY = 128;

/** How far the faces are shifted right on frame `index` of the loop (the faces enter at shift 0). */
export function computeShiftPx(index: number): number {
  return (MOVE_SWING_PX / 2) * Math.sin((2 * Math.PI * index) / MOVE_PERIOD_FRAMES);
}

/** With three faces, the side photos' scale (the middle one's is 0.55). */
const SIDE_SCALE = 0.3;

/**
 * Where the faces' centres are (x, video pixels) at shift 0: the centres of the photos drawStill
 * places (one filling the frame; three side by side, the middle one largest).
 */
export function computeFaceAnchorsX(faces: 1 | 3): number[] {
  return faces === 1 ? [VIDEO_WIDTH / 2] : [VIDEO_WIDTH * SIDE_SCALE / 2, VIDEO_WIDTH / 2, VIDEO_WIDTH * (1 - SIDE_SCALE / 2)];
}

/** Whether frame `index` of the loop shows faces. */
export function hasFaces(index: number): boolean {
  return index >= ENTRY_FRAMES;
}

/**
 * The still picture of `faces` faces (1 or 3) as RGBA, drawn by the browser: one fixture photo
 * filling the frame, or three photos side by side, the middle one largest (its face box about
 * twice the others' area), so the face the app follows from the start is the middle one.
 */
async function drawStill(browser: Browser, photos: Buffer[], faces: 1 | 3): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    const urls = photos.map((photo) => `data:image/jpeg;base64,${photo.toString('base64')}`);
    const base64 = await page.evaluate(async (sources, count, width, height, grey, SIDE_SCALE) => {
      const images = await Promise.all(sources.map(async (src) => { const image = new Image(); image.src = src; await image.decode(); return image; }));
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d')!;
      context.fillStyle = `rgb(${grey},${grey},${grey})`;
      context.fillRect(0, 0, width, height);
      if (count === 1) context.drawImage(images[0], 0, 0, width, height);
      else {
        // Left, right: 30% scale; middle: 55%, drawn last so it is whole. At 40%, Person B's face
        // (she fills more of her photo) came out as large as the middle one, and the largest face
        // was a coin toss.
        context.drawImage(images[1], 0, 180, width * SIDE_SCALE, height * SIDE_SCALE);
        context.drawImage(images[2 % images.length], width * (1 - SIDE_SCALE), 180, width * SIDE_SCALE, height * SIDE_SCALE);
        context.drawImage(images[0], width * 0.225, 40, width * 0.55, height * 0.55);
      }
      const data = context.getImageData(0, 0, width, height).data;
      let binary = '';
      for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return btoa(binary);
    }, urls, faces, VIDEO_WIDTH, VIDEO_HEIGHT, GREY, SIDE_SCALE);
    return new Uint8Array(Buffer.from(base64, 'base64'));
  } finally {
    await page.close();
  }
}

/** Writes the loop for `faces` faces into `folder` and returns its path. */
export async function writeLiveVideo(browser: Browser, photos: Buffer[], faces: 1 | 3, folder: string): Promise<string> {
  const still = await drawStill(browser, photos, faces);
  const planes: Buffer[] = [Buffer.from(`YUV4MPEG2 W${VIDEO_WIDTH} H${VIDEO_HEIGHT} F${VIDEO_FPS}:1 Ip A1:1 C420jpeg\n`)];
  const rgba = new Uint8Array(VIDEO_WIDTH * VIDEO_HEIGHT * 4);
  for (let index = 0; index < LOOP_FRAMES; index++) {
    drawFrame(rgba, still, index);
    planes.push(Buffer.from('FRAME\n'), toI420(rgba));
  }
  const path = join(folder, `live-${faces}.y4m`);
  writeFileSync(path, Buffer.concat(planes));
  return path;
}

/** Frame `index`: grey, or the still shifted sideways; then the marker. */
function drawFrame(out: Uint8Array, still: Uint8Array, index: number): void {
  const shift = Math.round(computeShiftPx(index));
  for (let y = 0; y < VIDEO_HEIGHT; y++) {
    for (let x = 0; x < VIDEO_WIDTH; x++) {
      const o = (y * VIDEO_WIDTH + x) * 4;
      const sx = x - shift;
      if (!hasFaces(index) || sx < 0 || sx >= VIDEO_WIDTH) {
        out[o] = out[o + 1] = out[o + 2] = GREY;
      } else {
        const s = (y * VIDEO_WIDTH + sx) * 4;
        out[o] = still[s]; out[o + 1] = still[s + 1]; out[o + 2] = still[s + 2];
      }
      out[o + 3] = 255;
    }
  }
  for (let bit = 0; bit < MARKER_BITS; bit++) {
    const value = (index >> (MARKER_BITS - 1 - bit)) & 1 ? 255 : 0;
    for (let y = 0; y < MARKER_BLOCK_PX; y++) {
      for (let x = bit * MARKER_BLOCK_PX; x < (bit + 1) * MARKER_BLOCK_PX; x++) {
        const o = (y * VIDEO_WIDTH + x) * 4;
        out[o] = out[o + 1] = out[o + 2] = value;
      }
    }
  }
}

/** RGBA to I420 (BT.601 full range), chroma the mean of each 2x2 block. */
function toI420(rgba: Uint8Array): Buffer {
  const size = VIDEO_WIDTH * VIDEO_HEIGHT;
  const out = Buffer.alloc(size * 1.5);
  const clamp = (value: number) => Math.max(0, Math.min(255, Math.round(value)));
  for (let i = 0; i < size; i++) out[i] = clamp(0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2]);
  const half = VIDEO_WIDTH / 2;
  for (let row = 0; row < VIDEO_HEIGHT; row += 2) {
    for (let col = 0; col < VIDEO_WIDTH; col += 2) {
      let r = 0, g = 0, b = 0;
      for (const [dr, dc] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
        const i = ((row + dr) * VIDEO_WIDTH + col + dc) * 4;
        r += rgba[i]; g += rgba[i + 1]; b += rgba[i + 2];
      }
      const k = (row / 2) * half + col / 2;
      out[size + k] = clamp(128 + (-0.168736 * r - 0.331264 * g + 0.5 * b) / 4);
      out[size + size / 4 + k] = clamp(128 + (0.5 * r - 0.418688 * g - 0.081312 * b) / 4);
    }
  }
  return out;
}
