/**
 * `npm run deploy:headers [-- --check]`: writes the static hosts' header files from
 * src/privacy/headers.ts (one source of truth), or with --check exits 1 when one differs.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HOST_HEADER_FILES } from '../src/privacy/host-headers';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } }, strict: true });
if (values.help) {
  console.log('Usage: npm run deploy:headers [-- --check]\n  Writes public/_headers, vercel.json and deploy/nginx.conf from src/privacy/headers.ts.\n  --check  write nothing; exit 1 when a file differs from what it would write.');
  process.exit(0);
}
let stale = 0;
for (const [path, render] of Object.entries(HOST_HEADER_FILES)) {
  const file = resolve(ROOT, path);
  const wanted = render();
  const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (current === wanted) continue;
  if (values.check) {
    console.error(`${path} differs from src/privacy/headers.ts: run npm run deploy:headers`);
    stale += 1;
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, wanted);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
