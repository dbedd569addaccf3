// `npm run bench:python`: what "Run on real Flask" costs a learner, in Chromium against the built
// site served like a static host (bench/lib/serve.mjs: gzip for text, wasm and zip as they are):
// - bytes: the runtime files as served (raw), and gzip -9 / brotli sizes for a host that
//   compresses everything; what the page actually fetched (headers + body, as transferred);
// - cold start: a fresh browser profile, from the click on "Run on real Flask" to Flask ready;
// - warm start: the same profile after a reload (files from the HTTP cache);
// - per request: "Send request" to the new row, median of 20, through the playground's UI.
// Needs a build (`npm run bench:python` builds first). Writes bench/results/python.{json,md}.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/browser.mjs';
import { kb, markdownTable } from './lib/format.mjs';
import { writeResults } from './lib/results.mjs';
import { SERVER_DESCRIPTION, serveDirectory } from './lib/serve.mjs';

const startedAt = new Date();
const runtimeDir = readdirSync('dist/python').map((name) => join('dist/python', name))[0];
const files = readdirSync(runtimeDir).map((name) => {
  const bytes = readFileSync(join(runtimeDir, name));
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes).length,
  };
});

const server = await serveDirectory('dist');
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
const context = await browser.newContext();
const page = await context.newPage();
const fetched = [];
page.on('requestfinished', async (request) => {
  if (!request.url().includes('/python/')) return;
  const sizes = await request.sizes();
  fetched.push({
    url: request.url(),
    bytes: sizes.responseBodySize + sizes.responseHeadersSize,
  });
});

async function startPython() {
  await page.goto(server.url('/lessons/flask-session/playground/'));
  const playground = page.locator('.playground');
  await playground.getByRole('button', { name: 'Send request' }).waitFor();
  await page.waitForFunction(
    () => !document.querySelector('.playground button[type=submit]')?.hasAttribute('disabled'),
  );
  await playground.getByRole('button', { name: 'Edit and run on real Flask' }).click();
  const run = playground.getByRole('button', { name: 'Run on real Flask', exact: true });
  await run.waitFor();
  const started = performance.now();
  await run.click();
  await playground
    .locator('.pr-status', { hasText: 'Real Flask is running your code' })
    .waitFor({ timeout: 180_000 });
  return { playground, ms: Math.round(performance.now() - started) };
}

const cold = await startPython();
const coldFetched = fetched.splice(0);
const warm = await startPython();
const warmFetched = fetched.splice(0);

const rows = warm.playground.locator('table.pg-rows tbody tr');
const times = [];
for (let visit = 1; visit <= 20; visit++) {
  const started = performance.now();
  await warm.playground.getByRole('button', { name: 'Send request' }).click();
  await rows.nth(visit - 1).waitFor();
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const median = Math.round(times[10]);
const chromiumVersion = browser.version();
await browser.close();
await server.close();

const sum = (list, key) => list.reduce((total, item) => total + item[key], 0);
const total = { raw: sum(files, 'raw'), gzip: sum(files, 'gzip'), brotli: sum(files, 'brotli') };
const coldBytes = sum(coldFetched, 'bytes');
const warmBytes = sum(warmFetched, 'bytes');

const body = `
Served by ${SERVER_DESCRIPTION}; Chromium ${chromiumVersion}. The runtime folder is
\`${runtimeDir.replace('dist/', '<base>/')}/\`; no page loads it until "Run on real Flask".

${markdownTable(
  ['file', 'raw', 'gzip -9', 'brotli'],
  [
    ...files.map((file) => [file.name, kb(file.raw), kb(file.gzip), kb(file.brotli)]),
    ['**total**', kb(total.raw), kb(total.gzip), kb(total.brotli)],
  ],
)}

| measure | value |
| --- | --- |
| bytes fetched on the first run (this server: gzip for text only) | ${kb(coldBytes)} |
| bytes fetched after a reload (HTTP cache) | ${kb(warmBytes)} |
| cold start: click "Run on real Flask" → Flask ready | ${cold.ms} ms |
| warm start, after a reload | ${warm.ms} ms |
| one request through the playground (median of 20, UI included) | ${median} ms |
`;

const { markdownPath } = writeResults('python', {
  title: 'Real Flask in the browser (Pyodide)',
  startedAt,
  data: {
    files,
    total,
    fetched: { cold: coldBytes, warm: warmBytes },
    startMs: { cold: cold.ms, warm: warm.ms },
    requestMs: { median, all: times.map(Math.round) },
  },
  body,
});
console.log(readFileSync(markdownPath, 'utf8'));
