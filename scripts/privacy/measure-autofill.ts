/**
 * `npx tsx scripts/privacy/measure-autofill.ts`: does Chromium itself (not the page) ask Google's
 * autofill service about FaceGap's enrol form? Runs the production build under `vite preview`,
 * opens it in headless Chromium started like a user's browser (background networking on), types a
 * name into the enrol form, and reads Chromium's own network log (--log-net-log, what
 * chrome://net-export writes) for every host the browser tried to reach. Twice: the form as it
 * ships, and a control page with the same kind of form and no autocomplete="off".
 * Prints a JSON summary; docs/privacy-measurements.md keeps the last one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_PATH } from '../../chromium.mjs';
import { startPreviewServer } from '../../test/e2e/helpers/preview-server';

// Strict: a mistyped flag is refused, not silently ignored.
const { values: flags } = parseArgs({ options: { write: { type: 'boolean', default: false } }, strict: true, allowPositionals: false });

/** How long the browser is left to talk to its services after the name is typed. */
const SETTLE_MS = 15_000;

/** Control pages on another local server: the same kind of form with and without autocomplete="off", and no form. */
const CONTROLS: Record<string, string> = {
  'form-plain': '<form><label>Name <input type="text" name="name"></label><button>Enrol</button></form>',
  'form-input-autocomplete-off': '<form><label>Name <input type="text" name="name" autocomplete="off"></label><button>Enrol</button></form>',
  'form-autocomplete-off': '<form autocomplete="off"><label>Name <input type="text" name="name" autocomplete="off"></label><button>Enrol</button></form>',
  'no-form': '<label>Name <input type="text" name="name"></label>',
  'no-input': '<p>Nothing to fill in.</p>',
};

/** The shapes of the autofill queries seen (their payload replaced by a placeholder). */
const AUTOFILL_URLS = new Set<string>();

/** Hosts Chromium's network log shows a request (or DNS look-up) for, with how many events each. */
function hostsInNetLog(path: string): Record<string, number> {
  const log = JSON.parse(readFileSync(path, 'utf8').replace(/,\s*$/, ']}')) as { events: { params?: { url?: string; host?: string } }[] };
  const hosts: Record<string, number> = {};
  for (const event of log.events) {
    const raw = event.params?.url ?? event.params?.host;
    if (!raw) continue;
    let host: string;
    try {
      host = new URL(raw.includes('://') ? raw : `https://${raw}`).hostname;
    } catch {
      continue;
    }
    hosts[host] = (hosts[host] ?? 0) + 1;
    if (host.startsWith('content-autofill') && raw.includes('://')) AUTOFILL_URLS.add(raw.replace(/(\/pages\/).*/, '$1<encoded form signature>'));
  }
  return hosts;
}

async function measure(url: string, typeName: (page: import('puppeteer-core').Page) => Promise<void>): Promise<Record<string, number>> {
  const profile = mkdtempSync(join(tmpdir(), 'facegap-autofill-'));
  const netLog = join(profile, 'netlog.json');
  // Like a user's browser: no --disable-background-networking, --disable-sync or --disable-component-update.
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM_PATH, headless: true,
    args: ['--no-sandbox', '--no-first-run', `--user-data-dir=${profile}`, `--log-net-log=${netLog}`, '--net-log-capture-mode=Default', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await typeName(page);
    await new Promise((done) => setTimeout(done, SETTLE_MS));
  } finally {
    await browser.close();
  }
  const hosts = hostsInNetLog(netLog);
  rmSync(profile, { recursive: true, force: true });
  return hosts;
}

const server = await startPreviewServer();
try {
  const app = await measure(server.url, async (page) => {
    const input = await page.waitForSelector('fg-app >>> fg-enrol-panel >>> input[name=name]', { timeout: 60_000 });
    await input?.type('Ada');
  });
  const controls: Record<string, Record<string, number>> = {};
  const pages = createServer((request, response) => {
    const body = CONTROLS[(request.url ?? '').slice(1)] ?? '';
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>control</title>${body}`);
  });
  pages.listen(0, '127.0.0.1');
  await once(pages, 'listening');
  const { port } = pages.address() as AddressInfo;
  for (const name of Object.keys(CONTROLS)) {
    controls[name] = await measure(`http://127.0.0.1:${port}/${name}`, async (page) => {
      if (await page.$('input')) await page.type('input[name=name]', 'Ada');
    });
  }
  pages.close();
  const offOrigin = (hosts: Record<string, number>) => Object.fromEntries(Object.entries(hosts).filter(([host]) => host !== '127.0.0.1'));
  const summary = { chromium: CHROMIUM_PATH, settleMs: SETTLE_MS, autofillQueries: [...AUTOFILL_URLS], app: offOrigin(app), controls: Object.fromEntries(Object.entries(controls).map(([name, hosts]) => [name, offOrigin(hosts)])) };
  console.log(JSON.stringify(summary, null, 2));
  if (flags.write) writeFileSync('bench-results/autofill-netlog.json', `${JSON.stringify(summary, null, 2)}\n`);
} finally {
  await server.close();
}
