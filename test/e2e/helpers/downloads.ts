import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';

/** How long a download of a few hundred kilobytes may take to be written. */
const DOWNLOAD_TIMEOUT_MS = 30_000;

/** One finished download. */
export interface Download {
  /** The name the page suggested (the `download` attribute). */
  fileName: string;
  /** Where the browser wrote it. */
  path: string;
  text(): string;
}

/** What `captureDownloads` hands back. */
export interface DownloadCatcher {
  /** The folder downloads land in. */
  dir: string;
  /** Resolves with the next download to finish; rejects when none finishes in time or one is cancelled. */
  next(): Promise<Download>;
}

/**
 * Makes every download of `browser` land in a fresh temp folder without a prompt, through DevTools'
 * `Browser.setDownloadBehavior`, named by its GUID so two files of the same name never clash.
 * Call before the download starts.
 */
export async function captureDownloads(browser: Browser): Promise<DownloadCatcher> {
  const dir = mkdtempSync(join(tmpdir(), 'facegap-e2e-downloads-'));
  const session = await browser.target().createCDPSession();
  const names = new Map<string, string>();
  const finished: Download[] = [];
  const waiting: { resolve: (download: Download) => void; reject: (error: Error) => void }[] = [];
  session.on('Browser.downloadWillBegin', (event) => void names.set(event.guid, event.suggestedFilename));
  session.on('Browser.downloadProgress', (event) => {
    if (event.state === 'inProgress') return;
    const waiter = waiting.shift();
    if (event.state === 'canceled') {
      waiter?.reject(new Error(`The download ${names.get(event.guid) ?? event.guid} was cancelled.`));
      return;
    }
    const path = join(dir, event.guid);
    const download = { fileName: names.get(event.guid) ?? event.guid, path, text: () => readFileSync(path, 'utf8') };
    if (waiter) waiter.resolve(download);
    else finished.push(download);
  });
  await session.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: dir, eventsEnabled: true });
  return {
    dir,
    next() {
      const ready = finished.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise<Download>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No download finished within ${DOWNLOAD_TIMEOUT_MS / 1000} s.`)), DOWNLOAD_TIMEOUT_MS);
        waiting.push({
          resolve: (download) => { clearTimeout(timer); resolve(download); },
          reject: (error) => { clearTimeout(timer); reject(error); },
        });
      });
    },
  };
}
