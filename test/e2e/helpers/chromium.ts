import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../chromium.mjs';
import { CHROMIUM_ARGS, requireChromiumPath } from '../../../chromium.mjs';

/** Options for `launchChromium`. */
export interface LaunchOptions {
  /** An .mjpeg or .y4m file Chromium plays, looped, as the only camera; permission is granted. */
  fakeVideo?: string;
  /**
   * A profile folder to use and keep, so storage (IndexedDB, caches, permissions) outlives this
   * browser and the next launch sees it; the caller deletes it. Default: a fresh temp profile,
   * deleted when the browser closes.
   */
  userDataDir?: string;
}

/**
 * Starts headless Chromium through puppeteer-core with a fresh profile, which is deleted when the
 * browser closes, or with `options.userDataDir`, which is kept.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const isOwnProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? makeProfileDir();
  const args = [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`];
  if (options.fakeVideo) {
    args.push(
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${options.fakeVideo}`,
    );
  }
  const browser = await puppeteer.launch({ executablePath: requireChromiumPath(), headless: true, args, protocolTimeout: 300_000 });
  if (!isOwnProfile) return browser;
  browser.once('disconnected', () => {
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5 });
    } catch {
      // Chromium may still be flushing its profile; a stray temp folder is harmless.
    }
  });
  return browser;
}

/** Makes an empty profile folder for `launchChromium({ userDataDir })`; the caller deletes it. */
export function makeProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'facegap-e2e-profile-'));
}
