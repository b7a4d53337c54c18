import { defineConfig } from 'vitest/config';

/** Browser tests: the built app in Debian's Chromium, driven by playwright-core. */
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Chromium at a time: the machine has two cores and SwiftShader is CPU-bound.
    fileParallelism: false,
  },
});
