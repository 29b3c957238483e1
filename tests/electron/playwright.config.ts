// End-to-end tests of the desktop app through Playwright's Electron driver (skipped without Electron's binary).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  // No retries: a flaky test must show up as one.
  retries: 0,
  // One app at a time: each launches a full Electron with its own windows.
  workers: 1,
  fullyParallel: false,
  reporter: [['list']],
});
