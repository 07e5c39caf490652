/**
 * Finds what holds on to the page's memory in the soak (BENCHMARKS.md, "Memory over a long
 * session"): the app with the fake camera and Person A enrolled, one minute of MODE, a heap
 * snapshot, 150 s more of MODE, another snapshot; prints the 25 node kinds that grew most (count,
 * bytes). MODE: `idle` (the live loop alone), `tabs` (fg-app's tabs every 3 s), `threshold` (the
 * slider of "You vs the groups" moved every 3 s). `MODE=threshold npx tsx scripts/bench/heap-diff.ts`
 * on a fresh .cache/bench-dist (`npm run bench -- build`).
 */
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { enrolFromCamera } from '../../test/e2e/helpers/app';
import { launchChromium } from '../../test/e2e/helpers/chromium';
import { makeFakeVideo } from '../../test/e2e/helpers/fake-video';
import { REPO_ROOT, startPreviewServer } from '../../test/e2e/helpers/preview-server';
import { openTab } from '../../test/e2e/helpers/views';

const MODE = process.env.MODE ?? 'idle';
async function snapshot(session: CDPSession): Promise<Map<string, [number, number]>> {
  await session.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
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
  const act = async (ms: number) => {
    const end = Date.now() + ms;
    let i = 0;
    while (Date.now() < end) {
      if (MODE === 'tabs') await openTab(page, (['groups', 'gap', 'live', 'privacy', 'live'] as const)[i++ % 5]);
      if (MODE === 'threshold') {
        await openTab(page, 'groups');
        const range = await page.waitForSelector('fg-app >>> fg-you-vs-groups >>> fg-threshold-slider >>> input#range', { timeout: 10_000 });
        await range!.evaluate((input, next) => { input.value = String(next); input.dispatchEvent(new Event('input', { bubbles: true, composed: true })); }, [0.45, 0.6, 0.52, 0.7, 0.5][i++ % 5]);
        await range!.dispose(); // an undisposed handle keeps the replaced views alive
        await openTab(page, 'live');
      }
      await new Promise((d) => setTimeout(d, 3000));
    }
  };
  await act(60_000);
  const a = await snapshot(session);
  await act(150_000);
  const b = await snapshot(session);
  const diffs = [...b].map(([k, [c, s]]) => [k, c - (a.get(k)?.[0] ?? 0), s - (a.get(k)?.[1] ?? 0)] as const).sort((x, y) => y[2] - x[2]).slice(0, 25);
  console.log(MODE, 'total', [...a.values()].reduce((t, [, s]) => t + s, 0), [...b.values()].reduce((t, [, s]) => t + s, 0));
  for (const d of diffs) console.log(d.join('\t'));
} finally {
  await browser.close();
  await server.close();
}
