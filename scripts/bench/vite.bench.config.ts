import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import app from '../../vite.config';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The app's own vite config plus the bench pages, built into .cache/bench-dist so the shipped
 * dist/ never contains them. Same plugins, so the same headers, CSP and /models/.
 */
export default mergeConfig(app, defineConfig({
  root: ROOT,
  build: {
    // BENCH_DIST lets a second bench build beside a running one (the soak serves its build for 20 minutes).
    outDir: process.env.BENCH_DIST ?? '.cache/bench-dist',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        main: `${ROOT}index.html`,
        'bare-loop': `${ROOT}bench/bare-loop.html`,
      },
    },
  },
}));
