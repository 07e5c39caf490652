import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePack, decodePackBytes, isBinaryPack } from '../../src/datasets/pack';
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

  it('writes v2 (float16, what the app ships) unless --out ends in .json, lists it in --index, and the same pack as the JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'facegap-v2-'));
    for (const name of ['ada', 'bo']) {
      mkdirSync(join(dir, name));
      copyFileSync(join(REPO_ROOT, `test/fixtures/camera-person-${name === 'ada' ? 'a' : 'b'}.jpg`), join(dir, name, `${name}_1.jpg`));
    }
    const binary = join(dir, 'two.faceres.fgpack');
    const json = join(dir, 'two.json');
    const index = join(dir, 'index.json');
    const v2 = buildPack(dir, '--out', binary, '--index', index);
    expect(v2.status, v2.stderr).toBe(0);
    expect(v2.stdout).toMatch(/v2 float16: score error over 1 pairs at most \d\.\d+ .*; 0 pairs crossing 0\.6 either way/);
    const v1 = buildPack(dir, '--out', json);
    expect(v1.status, v1.stderr).toBe(0);
    const bytes = readFileSync(binary);
    expect(isBinaryPack(bytes)).toBe(true);
    const text = readFileSync(json, 'utf8');
    const model = (JSON.parse(text) as { model: { sha256: string; dim: number } }).model;
    const expected = { modelSha256: model.sha256, dim: model.dim, scoreId: 'human-similarity-v1' };
    const fromV2 = decodePackBytes(bytes, expected);
    const fromV1 = decodePack(text, expected);
    expect(fromV2.samples.map((sample) => sample.id)).toEqual(fromV1.samples.map((sample) => sample.id));
    for (const [i, sample] of fromV2.samples.entries()) {
      fromV1.samples[i].embedding.forEach((value, k) => expect(Math.abs(sample.embedding[k] - value)).toBeLessThan(1e-3));
    }
    const listed = (JSON.parse(readFileSync(index, 'utf8')) as { version: number; packs: { id: string; file: string; model: string; sha256: string; samples: number }[] });
    expect(listed.version).toBe(2);
    expect(listed.packs).toMatchObject([{ id: 'two', file: 'two.faceres.fgpack', model: 'faceres', samples: 2, sha256: createHash('sha256').update(bytes).digest('hex') }]);
  }, 2 * BUILD_TIMEOUT_MS);
});
