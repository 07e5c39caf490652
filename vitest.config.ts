import { defineConfig } from 'vitest/config';

// Pure code only (metrics, matching, parsers, app state): runs in node, no browser.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
