// End-to-end tests in Debian's Chromium against the browser host, one fresh in-process server per test.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Hang guards, not speed limits: on a loaded 2-core machine one step of a two-window test can take seconds, and a
  // whole test three or four times its idle time. A test waits for what the app shows, never for time to pass.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1100, height: 860 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // A test with a phone window drives two pages at once: neither may have its timers, animation frames (which
        // Playwright's "stable" check waits on) or renderer priority cut for being in the background. Playwright
        // passes these today; spelt out so the suite does not depend on that.
        '--disable-background-timer-throttling',
        '--disable-renderer-backgrounding',
        '--disable-backgrounding-occluded-windows',
      ],
    },
  },
});
