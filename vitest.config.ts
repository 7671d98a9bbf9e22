import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'renderer/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Probe and browser tests each start a Chromium: two cores, so keep the pool small.
    maxWorkers: 2,
    // No test ever reaches a public time-stamping authority: the seal tests run their own on 127.0.0.1. What the app
    // keeps in the person's config folder (added roots, this PC's memory of its seals) goes to a folder of the run's.
    env: { GUICHETS_TSA_URLS: 'none', XDG_CONFIG_HOME: mkdtempSync(path.join(tmpdir(), 'guichets-test-config-')) },
    // The command line and the tests' child processes run from out/js (scripts/build-js.mjs), built fresh once.
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
