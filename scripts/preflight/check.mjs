// `node scripts/preflight/check.mjs [node] [browser]`: runs before `npm test`, `npm start`, the
// benchmarks and the pack builder, so a wrong Node or a missing browser is one readable line and a
// non-zero exit, not a wall of stack traces from whichever suite starts first.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import semver from 'semver';
import { describeMissingBrowser, findBrowser } from './find-browser.mjs';

const PACKAGE_JSON = resolve(import.meta.dirname, '../../package.json');

/** A sentence when this Node does not satisfy package.json's `engines.node`, else null. */
export function checkNodeVersion(version = process.versions.node, range = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')).engines.node) {
  if (semver.satisfies(version, range)) return null;
  return `FaceGap needs Node ${range} (package.json "engines"); this is Node ${version}. vite 8 fails in obscure ways on older versions: install a current Node 20 or 22 (https://nodejs.org, or nvm install 20) and run the command again.`;
}

/** A sentence when no browser can be driven, else null. */
export function checkBrowser(options) {
  const found = findBrowser(options);
  return found?.path ? null : describeMissingBrowser(found, options?.platform);
}

const CHECKS = { node: () => checkNodeVersion(), browser: () => checkBrowser() };

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { positionals } = parseArgs({ allowPositionals: true, strict: true });
  const unknown = positionals.filter((name) => !(name in CHECKS));
  if (unknown.length > 0) {
    console.error(`preflight: unknown check ${unknown.join(', ')} (known: ${Object.keys(CHECKS).join(', ')})`);
    process.exit(2);
  }
  for (const name of positionals.length > 0 ? positionals : Object.keys(CHECKS)) {
    const problem = CHECKS[name]();
    if (problem) {
      console.error(`facegap: ${problem}`);
      process.exit(1);
    }
  }
}
