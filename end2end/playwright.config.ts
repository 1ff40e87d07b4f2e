import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);

// Debian's Chromium: Playwright cannot download its own browser here.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  // One browser at a time: with two, hydrating the large debug bundle sometimes starved on two cores.
  workers: 1,
  retries: 0,
  // Several tests sign in three browsers; the debug WASM bundle is slow to compile under load.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    { name: 'no-js', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    // A fresh database for every run, seeded with the demo accounts.
    command:
      `rm -rf .data && mkdir -p .data && ../target/debug/server --demo --dev --listen 127.0.0.1:${port} ` +
      `--database-url 'sqlite://.data/e2e.db?mode=rwc' --secret-key-file .data/secret.key --site-root ../target/site`,
    url: `http://127.0.0.1:${port}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
