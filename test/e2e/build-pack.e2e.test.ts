import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/preview-server';

describe('npm run build:pack', () => {
  it('a folder in which no face is found writes no pack and exits 1, saying so', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'facegap-build-pack-noface-'));
    const photos = join(scratch, 'photos');
    mkdirSync(photos);
    // A UTKFace-style name, so the labels parse and the photo reaches the detector.
    copyFileSync(join(REPO_ROOT, 'test/fixtures/import/odd/noface.png'), join(photos, '25_0_0_20170109150557335.jpg.chip.png'));
    const out = join(scratch, 'pack.json');
    const result = await promisify(execFile)(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['scripts/build-pack.ts', '--format', 'utkface', photos, '--out', out], { cwd: REPO_ROOT })
      .then(() => ({ code: 0, stderr: '' }), (error: { code: number; stderr: string }) => error);
    expect(result.stderr).toContain(`build-pack: no face was found in the one photo in ${photos}, so no pack was written`);
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
