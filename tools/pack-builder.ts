// Entry of tools/pack-builder.html; the pipeline logic lives in src/import/headless.ts, beside the
// pipeline it drives. The bare human loop below is the baseline of scripts/bench/import.ts.
import { Human } from '@vladmandic/human';
import { installPackBuilder } from '../src/import/headless';
import { MODEL_BASE_PATH, WASM_PATH } from '../src/vision/client';
import { buildHumanConfig } from '../src/vision/config';

installPackBuilder(window as unknown as Parameters<typeof installPackBuilder>[0]);

/** Detects and embeds each image with human on this page, as a bare loop: no preprocessing, no worker, no store. */
async function runBareHumanLoop(urls: string[], rounds: number): Promise<{ images: number; elapsedMs: number; faces: number }> {
  const human = new Human(buildHumanConfig('wasm', MODEL_BASE_PATH, WASM_PATH));
  await human.init();
  await human.load();
  const blobs = await Promise.all(urls.map(async (url) => (await fetch(url)).blob()));
  // One warm-up pass, as the pipeline's worker is warmed by its own first photo.
  await human.detect(await createImageBitmap(blobs[0]));
  let faces = 0;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const blob of blobs) {
      const bitmap = await createImageBitmap(blob);
      faces += Math.min(1, (await human.detect(bitmap)).face.length);
      bitmap.close();
    }
  }
  return { images: blobs.length * rounds, elapsedMs: performance.now() - started, faces };
}

(window as unknown as Record<string, unknown>).facegapBareHumanLoop = runBareHumanLoop;
