import { defineConfig } from '@playwright/test';

// E2E runs the built extension (.output/) in Debian's Chromium and Firefox ESR; `npm test`
// builds first. One worker: each test starts its own browser, and CI machines have 2 cores.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
});
