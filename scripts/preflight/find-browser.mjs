// Finds a Chromium-family browser (Chrome, Chromium, Edge) for the browser tests, e2e tests,
// benchmarks, screenshots and the headless pack builder, on Linux, macOS and Windows.
// Pure apart from its defaults: tests hand in `env`, `platform`, `exists` and `listChromes`.
import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Launcher } from 'chrome-launcher';

/** Where Edge installs itself, and the Linux paths a `which` may miss (PATH without /usr/bin, snaps). */
export const EXTRA_BROWSER_PATHS = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium', '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/opt/microsoft/msedge/msedge'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: ['Microsoft\\Edge\\Application\\msedge.exe', 'Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe'],
};

/** True when `path` names a file this process may execute. */
export function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** chrome-launcher's list of installed Chrome/Chromium builds (it honours CHROME_PATH); [] when it finds none or fails. */
export function listChromeInstallations() {
  try {
    return Launcher.getInstallations();
  } catch {
    return [];
  }
}

function expandWindowsPaths(suffixes, env) {
  const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
  return roots.flatMap((root) => suffixes.map((suffix) => join(root, suffix)));
}

/**
 * The browser to drive, and how it was found; `null` when there is none.
 * Order: `CHROMIUM_PATH` (wins, even when wrong: a wrong one is reported, not skipped), then
 * what chrome-launcher knows (CHROME_PATH, desktop files, `which`, the macOS and Windows
 * installs of Chrome), then Edge and the usual Linux paths.
 * @returns {{ path: string, source: string } | { path: null, source: string, problem: string } | null}
 */
export function findBrowser({ env = process.env, platform = process.platform, exists = isExecutable, listChromes = listChromeInstallations } = {}) {
  if (env.CHROMIUM_PATH) {
    if (exists(env.CHROMIUM_PATH)) return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
    return { path: null, source: 'CHROMIUM_PATH', problem: `CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which is not an executable file.` };
  }
  const fromLauncher = listChromes().find((path) => exists(path));
  if (fromLauncher) return { path: fromLauncher, source: 'chrome-launcher' };
  const extras = platform === 'win32' ? expandWindowsPaths(EXTRA_BROWSER_PATHS.win32, env) : (EXTRA_BROWSER_PATHS[platform] ?? []);
  const fromExtras = extras.find((path) => exists(path));
  if (fromExtras) return { path: fromExtras, source: 'known path' };
  if (platform === 'linux') {
    for (const name of ['microsoft-edge-stable', 'microsoft-edge']) {
      const path = whichOrNull(name);
      if (path && exists(path)) return { path, source: 'PATH' };
    }
  }
  return null;
}

function whichOrNull(name) {
  try {
    return execFileSync('which', [name], { stdio: 'pipe' }).toString().trim() || null;
  } catch {
    return null;
  }
}

/** The one message for "no browser": what happened, how to install one, how to point at one. */
export function describeMissingBrowser(found, platform = process.platform) {
  const install = {
    darwin: 'Install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge',
    win32: 'Install Google Chrome or Microsoft Edge',
    linux: 'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or Google Chrome',
  }[platform] ?? 'Install Google Chrome, Chromium or Microsoft Edge';
  const what = found?.problem ?? 'No Chrome, Chromium or Edge was found on this machine.';
  return `${what} The browser tests, e2e tests, benchmarks, screenshots and the pack builder drive one headless. ${install}, or point at one with CHROMIUM_PATH=/path/to/chrome.`;
}
