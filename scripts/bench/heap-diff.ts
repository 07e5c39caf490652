/**
 * Finds what holds on to the page's memory in the soak (BENCHMARKS.md, "Memory over a long
 * session"): the app with the fake camera and Person A enrolled, one minute of MODE, a heap
 * snapshot, 150 s more of MODE, another snapshot (each on the Live tab); prints the growth per node
 * kind and the 25 node names that grew most (count, bytes). MODE: `idle` (the live loop alone),
 * `tabs` (fg-app's tabs every 3 s), `threshold` (the slider of "You vs the groups" moved every
 * 3 s), `soak` (the soak's own schedule: a tab or a
 * threshold move every 10 s, snapshots at minutes 2, 4 and 8, the folder imported at minute 4).
 * `MODE=threshold npx tsx scripts/bench/heap-diff.ts` on a fresh .cache/bench-dist
 * (`npm run bench -- build`).
 */
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { enrolFromCamera } from '../../test/e2e/helpers/app';
import { launchChromium } from '../../test/e2e/helpers/chromium';
import { makeFakeVideo } from '../../test/e2e/helpers/fake-video';
import { REPO_ROOT, startPreviewServer } from '../../test/e2e/helpers/preview-server';
import { openTab } from '../../test/e2e/helpers/views';
import { importFolder, moveThreshold, SOAK_TABS as TABS, SOAK_THRESHOLDS as THRESHOLDS } from './app-actions';
import { growthByKind, takeHeapSummary, topGrowth, type HeapSummary } from './heap-snapshot';

const MODE = process.env.MODE ?? 'idle';
const snapshot = (session: CDPSession, name: string) => takeHeapSummary(session, resolve(REPO_ROOT, `.cache/heap-${MODE}-${name}.heapsnapshot`));
const camera = makeFakeVideo([resolve(REPO_ROOT, 'test/fixtures/camera-person-a.jpg')], 30);
const [server, browser] = await Promise.all([startPreviewServer({ configFile: resolve(REPO_ROOT, 'scripts/bench/vite.bench.config.ts') }), launchChromium({ fakeVideo: camera })]);
try {
  const page: Page = await browser.newPage();
  const session = await page.createCDPSession();
  await page.goto(new URL('/?backend=wasm', server.url).href);
  await enrolFromCamera(page, 'Person A');
  const pause = MODE === 'soak' ? 10_000 : 3000;
  let i = 0;
  const act = async (ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (MODE === 'tabs' || (MODE === 'soak' && i % 2 === 0)) await openTab(page, TABS[(MODE === 'soak' ? i / 2 : i) % TABS.length]);
      else if (MODE === 'threshold' || MODE === 'soak') {
        await moveThreshold(page, THRESHOLDS[i % THRESHOLDS.length]);
        await openTab(page, 'live');
      }
      i++;
      await new Promise((d) => setTimeout(d, pause));
    }
  };
  const startedAt = Date.now();
  const untilMinute = (minute: number) => act(startedAt + minute * 60_000 - Date.now());
  const diff = (label: string, before: HeapSummary, after: HeapSummary) => {
    const total = (summary: HeapSummary) => [...summary.values()].reduce((sum, [, bytes]) => sum + bytes, 0);
    console.log(`${MODE} ${label}: V8 nodes ${total(before)} -> ${total(after)} bytes; growth by kind ${JSON.stringify(growthByKind(before, after))}`);
    for (const row of topGrowth(before, after)) console.log(row.join('\t'));
  };
  /** On the Live tab, as the soak's samples mostly are, so no bias view's charts are in the diff. */
  const snapshotOnLive = async (name: string) => {
    await openTab(page, 'live');
    await new Promise((d) => setTimeout(d, 2000));
    await session.send('HeapProfiler.collectGarbage');
    const usage = await session.send('Runtime.getHeapUsage');
    console.log(`${MODE} ${name}: used JS heap ${usage.usedSize} bytes after a collection (as the soak reads it)`);
    return snapshot(session, name);
  };
  if (MODE === 'soak') {
    await untilMinute(2);
    const a = await snapshotOnLive('a');
    await untilMinute(4);
    const b = await snapshotOnLive('b');
    await importFolder(page);
    await untilMinute(8);
    const c = await snapshotOnLive('c');
    diff('minute 2 -> 4 (tabs, thresholds)', a, b);
    diff('minute 4 -> 8 (the import, then tabs, thresholds)', b, c);
  } else {
    await act(60_000);
    const a = await snapshotOnLive('a');
    await act(150_000);
    diff('after 1 min -> after 3.5 min', a, await snapshotOnLive('b'));
  }
} finally {
  await browser.close();
  await server.close();
}
