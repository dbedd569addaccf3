// Takes screenshots of built pages for a human to look at: desktop and phone width, light and dark.
// Usage: npm run screenshots -- [path ...]   (needs `npm run build`; serves dist/ itself)
// Writes PNGs to test-results/screenshots/.
import { mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from './browser.mjs';

const port = Number(process.env.SCREENSHOT_PORT ?? 4399);
const base = process.env.BASE_PATH ?? '/';
const paths =
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['', 'lessons/flask-session/'];
const outDir = 'test-results/screenshots';
const sliceHeight = 1100;
mkdirSync(outDir, { recursive: true });

const server = spawn('npx', ['astro', 'preview', '--port', String(port)], {
  env: { ...process.env, ASTRO_PREVIEW_BACKGROUND: '0' },
  stdio: 'ignore',
  detached: true,
});
const origin = `http://localhost:${port}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(origin + base)).ok) break;
  } catch {
    // not up yet
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
try {
  for (const path of paths) {
    for (const [label, width] of [
      ['desktop', 1280],
      ['phone', 390],
    ]) {
      for (const scheme of ['light', 'dark']) {
        const page = await browser.newPage({
          viewport: { width, height: 900 },
          colorScheme: scheme,
        });
        await page.goto(origin + base + path, { waitUntil: 'networkidle' });
        const name =
          (path.replace(/[/#?]+/g, '_').replace(/^_|_$/g, '') || 'home') + `-${label}-${scheme}`;
        // Full-page shots of long pages shrink to illegibility in an image viewer: cut them into slices.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let top = 0, part = 0; top < height; top += sliceHeight, part++) {
          const file = `${outDir}/${name}-${part}.png`;
          const clip = { x: 0, y: top, width, height: Math.min(sliceHeight, height - top) };
          await page.screenshot({ path: file, fullPage: true, clip });
          console.log(file);
        }
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  process.kill(-server.pid);
}
