import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Fails fast, with what to do, when there is no production build to serve. */
export default function checkBuild(): void {
  if (!existsSync(resolve(import.meta.dirname, '../../dist/index.html'))) {
    throw new Error('No production build in dist/. Run `npm run test:e2e` (it builds first) or `npx vite build`.');
  }
}
