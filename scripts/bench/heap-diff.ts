/**
 * Finds what holds on to the page's memory in the soak (BENCHMARKS.md, "Memory over a long
 * session"): the app with the fake camera and Person A enrolled, one minute of MODE, a heap
 * snapshot, 150 s more of MODE, another snapshot; prints the 25 node kinds that grew most (count,
 * bytes). MODE: `idle` (the live loop alone), `tabs` (fg-app's tabs every 3 s), `threshold` (the
 * slider of "You vs the groups" moved every 3 s), `soak` (the soak's own schedule: a tab or a
 * threshold move every 10 s, snapshots at minutes 2 and 8, the folder imported at minute 4).
 * `MODE=threshold npx tsx scripts/bench/heap-diff.ts` on a fresh .cache/bench-dist
 * (`npm run bench -- build`).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { enrolFromCamera } from '../../test/e2e/helpers/app';
import { launchChromium } from '../../test/e2e/helpers/chromium';
import { makeFakeVideo } from '../../test/e2e/helpers/fake-video';
import { REPO_ROOT, startPreviewServer } from '../../test/e2e/helpers/preview-server';
import { openTab } from '../../test/e2e/helpers/views';
import { importFolder, moveThreshold } from './app-actions';

const MODE = process.env.MODE ?? 'idle';
/** Also writes the snapshot to .cache/heap-MODE-NAME.heapsnapshot (open it in DevTools, Memory tab). */
async function snapshot(session: CDPSession, name: string): Promise<Map<string, [number, number]>> {
  await session.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  writeFileSync(resolve(REPO_ROOT, `.cache/heap-${MODE}-${name}.heapsnapshot`), chunks.join(''));
  const snap = JSON.parse(chunks.join(''));
  const fields: string[] = snap.snapshot.meta.node_fields;
  const types: string[] = snap.snapshot.meta.node_types[0];
  const n = fields.length, iType = fields.indexOf('type'), iName = fields.indexOf('name'), iSize = fields.indexOf('self_size');
  const counts = new Map<string, [number, number]>();
  for (let i = 0; i < snap.nodes.length; i += n) {
    const key = `${types[snap.nodes[i + iType]]}:${String(snap.strings[snap.nodes[i + iName]]).slice(0, 60)}`;
    const c = counts.get(key) ?? [0, 0];
    c[0]++; c[1] += snap.nodes[i + iSize];
    counts.set(key, c);
  }
  return counts;
}
const camera = makeFakeVideo([resolve(REPO_ROOT, 'test/fixtures/camera-person-a.jpg')], 30);
const [server, browser] = await Promise.all([startPreviewServer({ configFile: resolve(REPO_ROOT, 'scripts/bench/vite.bench.config.ts') }), launchChromium({ fakeVideo: camera })]);
try {
  const page: Page = await browser.newPage();
  const session = await page.createCDPSession();
  await page.goto(new URL('/?backend=wasm', server.url).href);
  await enrolFromCamera(page, 'Person A');
  const TABS = ['groups', 'gap', 'live', 'privacy', 'live'] as const;
  const THRESHOLDS = [0.45, 0.6, 0.52, 0.7, 0.5];
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
  let a: Map<string, [number, number]>;
  let b: Map<string, [number, number]>;
  if (MODE === 'soak') {
    await untilMinute(2);
    a = await snapshot(session, 'a');
    await untilMinute(4);
    await importFolder(page);
    await untilMinute(8);
    b = await snapshot(session, 'b');
  } else {
    await act(60_000);
    a = await snapshot(session, 'a');
    await act(150_000);
    b = await snapshot(session, 'b');
  }
  const diffs = [...b].map(([k, [c, s]]) => [k, c - (a.get(k)?.[0] ?? 0), s - (a.get(k)?.[1] ?? 0)] as const).sort((x, y) => y[2] - x[2]).slice(0, 25);
  console.log(MODE, 'total', [...a.values()].reduce((t, [, s]) => t + s, 0), [...b.values()].reduce((t, [, s]) => t + s, 0));
  for (const d of diffs) console.log(d.join('\t'));
} finally {
  await browser.close();
  await server.close();
}
