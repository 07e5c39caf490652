import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_URL_ALLOWLIST, findAbsoluteUrls, NAMESPACE_URIS } from '../../src/privacy/bundle-urls';
import { REPO_ROOT } from './helpers/preview-server';

const DIST = join(REPO_ROOT, 'dist');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

// No skip when dist/ is missing: a check that silently does not run is no check (global-setup
// already refuses to start without a build; this says which file needs it).
describe('the production bundle (dist/, made by `npm run test:e2e`)', () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No production build in ${DIST}: run npm run test:e2e (it builds first).`);
  const code = listFiles(DIST).filter((path) => /\.(js|mjs|html|css)$/.test(path));

  it('holds exactly the reviewed absolute URLs (BUNDLE_URL_ALLOWLIST, PRIVACY.md), none of them requested', () => {
    const found = new Map<string, string[]>();
    for (const path of code) {
      for (const url of findAbsoluteUrls(readFileSync(path, 'utf8'))) {
        if (NAMESPACE_URIS.includes(url)) continue;
        found.set(url, [...(found.get(url) ?? []), relative(DIST, path)]);
      }
    }
    // A new URL fails here: review it, say why it is never requested, add it to the list and to PRIVACY.md.
    const unreviewed = [...found].filter(([url]) => !BUNDLE_URL_ALLOWLIST.some((entry) => entry.url === url));
    expect(unreviewed, 'absolute URLs in the bundle that nobody reviewed').toEqual([]);
    // A listed URL that is gone: take it off the list, so the table stays true.
    const stale = BUNDLE_URL_ALLOWLIST.filter((entry) => !found.has(entry.url)).map((entry) => entry.url);
    expect(stale, 'allowlisted URLs no longer in the bundle').toEqual([]);
  });

  it('has a service worker whose manifest lists the app, the models, the wasm binaries and the v2 packs, large files with an integrity hash', () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const precached = new Set([...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]));
    const expected = listFiles(DIST)
      .map((path) => relative(DIST, path).split('\\').join('/'))
      .filter((path) => /^(models|packs)\/.*\.(json|bin|wasm|fgpack)$/.test(path) || path === 'index.html' || /^assets\/.*\.js$/.test(path));
    expect(expected.some((path) => path.endsWith('.wasm'))).toBe(true);
    expect([...expected].filter((path) => !precached.has(path))).toEqual([]);
    // Large files are kept once used, never fetched at install (src/sw/files.ts), and carry a sha256.
    expect(sw).toMatch(/"integrity":"sha256-[^"]+","revision":"[0-9a-f]+","url":"models\/faceres\.bin"/);
    // v1 JSON packs are not shipped where the v2 file exists.
    expect(listFiles(join(DIST, 'packs')).filter((path) => path.endsWith('.json')).map((path) => relative(DIST, path))).toEqual(['packs/index.json']);
  });
});
