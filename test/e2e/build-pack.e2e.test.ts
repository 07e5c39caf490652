import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/preview-server';

/** Names of Object.prototype's keys, as people, and as label values. */
const NAMES = ['__proto__', 'constructor', 'toString'];
const BUILD_TIMEOUT_MS = 240_000;

function buildPack(dir: string, ...args: string[]) {
  return spawnSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['scripts/build-pack.ts', '--format', 'identity-folders', dir, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS });
}

describe('npm run build:pack on real photos (headless Chromium, real models)', () => {
  it('refuses a folder in which no face is found: exit 1, says so, writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'facegap-noface-'));
    for (const name of ['one', 'two']) {
      mkdirSync(join(dir, name));
      copyFileSync(join(REPO_ROOT, 'test/fixtures/import/odd/noface.png'), join(dir, name, 'a.png'));
    }
    const out = join(dir, 'pack.json');
    const result = buildPack(dir, '--out', out);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/no face was found in any of the 2 photos in .*, so there is no pack to write and .*pack\.json was not written/);
    expect(existsSync(out)).toBe(false);
  }, BUILD_TIMEOUT_MS);

  it('keeps people and label values named __proto__, constructor and toString, and prints them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'facegap-keys-'));
    for (const name of NAMES) {
      mkdirSync(join(dir, name));
      copyFileSync(join(REPO_ROOT, 'test/fixtures/camera-person-a.jpg'), join(dir, name, `${name}_1.jpg`));
    }
    writeFileSync(join(dir, 'labels.csv'), `identity,race\n${NAMES.map((name) => `${name},${name}`).join('\n')}\n`);
    const out = join(dir, 'pack.json');
    const result = buildPack(dir, '--labels', join(dir, 'labels.csv'), '--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/3 faces, 0 failures .*3 subjects/);
    expect(result.stdout).toMatch(/race: (__proto__ 1|constructor 1|toString 1)(, (__proto__ 1|constructor 1|toString 1)){2}/);
  }, BUILD_TIMEOUT_MS);
});
