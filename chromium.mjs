// How every tool here starts Debian's Chromium: browser tests (web-test-runner.config.mjs), e2e
// tests, benchmarks, screenshots and the headless pack builder.

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the first six Debian's Chromium stalls on network look-ups in a sandbox without network. */
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
