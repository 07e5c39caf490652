import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBrowser, checkNodeVersion } from '../../../scripts/preflight/check.mjs';
import { describeMissingBrowser, findBrowser } from '../../../scripts/preflight/find-browser.mjs';

const CHECK = resolve(import.meta.dirname, '../../../scripts/preflight/check.mjs');
const nothingInstalled = { exists: () => false, listChromes: () => [] };

describe('findBrowser', () => {
  it.each([
    ['linux', '/usr/bin/chromium'],
    ['darwin', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
    ['win32', join('C:\\Program Files (x86)', 'Microsoft\\Edge\\Application\\msedge.exe')],
  ] as const)('on %s finds a browser at a usual place (%s)', (platform, path) => {
    const env = { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    expect(findBrowser({ env, platform, exists: (p) => p === path, listChromes: () => [] })).toEqual({ path, source: 'known path' });
  });

  it('takes what chrome-launcher knows before the usual places', () => {
    const found = findBrowser({ env: {}, platform: 'linux', exists: () => true, listChromes: () => ['/opt/google/chrome/chrome'] });
    expect(found).toEqual({ path: '/opt/google/chrome/chrome', source: 'chrome-launcher' });
  });

  it('lets CHROMIUM_PATH win, and reports a wrong one instead of silently taking another browser', () => {
    expect(findBrowser({ env: { CHROMIUM_PATH: '/my/chrome' }, exists: () => true, listChromes: () => ['/usr/bin/chromium'] })?.path).toBe('/my/chrome');
    const wrong = findBrowser({ env: { CHROMIUM_PATH: '/nope' }, exists: (p) => p !== '/nope', listChromes: () => ['/usr/bin/chromium'] });
    expect(wrong).toMatchObject({ path: null, source: 'CHROMIUM_PATH' });
    expect(describeMissingBrowser(wrong, 'linux')).toMatch(/^CHROMIUM_PATH is set to \/nope, which is not an executable file\./);
  });

  it('returns null with the usual places hidden, and the message says how to install and how to point at one', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(findBrowser({ env: {}, platform, ...nothingInstalled })).toBeNull();
      expect(checkBrowser({ env: {}, platform, ...nothingInstalled })).toMatch(/No Chrome, Chromium or Edge was found.*Install .*CHROMIUM_PATH=/);
    }
    expect(describeMissingBrowser(null, 'darwin')).toContain('Install Google Chrome');
  });
});

describe('checkNodeVersion', () => {
  it.each([
    ['20.19.0', null],
    ['22.1.0', null],
    ['20.18.1', /needs Node >=20\.19.*this is Node 20\.18\.1/],
    ['18.20.0', /needs Node >=20\.19/],
  ])('Node %s', (version, expected) => {
    const message = checkNodeVersion(version, '>=20.19');
    if (expected === null) expect(message).toBeNull();
    else expect(message).toMatch(expected);
  });
});

describe('the preflight command', () => {
  it('exits 1 with one line, before any suite, when the browser it is pointed at is missing', () => {
    const result = spawnSync(process.execPath, [CHECK, 'browser'], { env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chrome' }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('CHROMIUM_PATH is set to /nonexistent/chrome');
  });

  it('finds a browser at a non-default path that chrome-launcher knows (CHROME_PATH), with CHROMIUM_PATH unset', () => {
    const installed = findBrowser();
    if (!installed?.path) throw new Error('this test needs an installed browser; npm test checks for one first');
    const dir = mkdtempSync(join(tmpdir(), 'facegap-browser-'));
    const link = join(dir, 'my-chrome');
    symlinkSync(installed.path, link);
    const env: Record<string, string> = { ...process.env, CHROME_PATH: link } as Record<string, string>;
    delete env.CHROMIUM_PATH;
    const printed = spawnSync(process.execPath, ['--input-type=module', '-e', `import { CHROMIUM_PATH } from ${JSON.stringify(resolve(import.meta.dirname, '../../../chromium.mjs'))}; console.log(CHROMIUM_PATH);`], { env, encoding: 'utf8' });
    expect(printed.stdout.trim()).toBe(link);
  });

  it('refuses an unknown check name', () => {
    const result = spawnSync(process.execPath, [CHECK, 'browsr'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown check browsr');
  });
});
