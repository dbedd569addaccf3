import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/browser.mjs';

const port = Number(process.env.PREVIEW_PORT ?? 4322);
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://localhost:${port}${base}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
  },
  webServer: {
    command: `npm run preview -- --port ${port}`,
    url: `http://localhost:${port}${base}`,
    reuseExistingServer: false,
    env: { ASTRO_PREVIEW_BACKGROUND: '0' },
  },
});
