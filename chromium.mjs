// How every tool here starts a Chromium-family browser: browser tests (web-test-runner.config.mjs),
// e2e tests, benchmarks, screenshots and the headless pack builder.
import { describeMissingBrowser, findBrowser } from './scripts/preflight/find-browser.mjs';

const FOUND = findBrowser();

/**
 * The browser to drive: `CHROMIUM_PATH` when set, else an installed Chrome, Chromium or Edge
 * (scripts/preflight/find-browser.mjs). An empty string when none was found: `npm test` and the
 * other commands stop earlier with a message (scripts/preflight/check.mjs).
 */
export const CHROMIUM_PATH = FOUND?.path ?? '';

/** Without the first six Chromium stalls on network look-ups in a sandbox without network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--enable-unsafe-swiftshader',
  // A hidden headless tab must not have its timers and frames throttled while tests measure.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/** The browser's path, or an Error that says what is missing and what to do (for tools that start one). */
export function requireChromiumPath() {
  if (CHROMIUM_PATH) return CHROMIUM_PATH;
  throw new Error(describeMissingBrowser(FOUND));
}
