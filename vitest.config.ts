import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'renderer/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Probe and browser tests each start a Chromium: two cores, so keep the pool small.
    maxWorkers: 2,
    // No test ever reaches a public time-stamping authority: the seal tests run their own on 127.0.0.1.
    env: { GUICHETS_TSA_URLS: 'none' },
    // The command line and the tests' child processes run from out/js (scripts/build-js.mjs), built fresh once.
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
