import { defineConfig } from 'vitest/config';

// End-to-end: the production build under `vite preview`, driven in headless Chromium with a fake
// camera. `npm run test:e2e` builds first. One file at a time: each starts its own browser, and
// two would share this machine's two cores with real inference.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
