// Measures what a page really downloads, by loading it in Chromium (playwright-core) and adding up
// the responses.
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/browser.mjs';

/**
 * The viewport pages are measured in: Lighthouse's mobile device (Moto G Power), so islands that
 * hydrate when visible behave as they do in the Lighthouse mobile run.
 */
const viewport = { width: 412, height: 823 };

/** Starts the Chromium used for transfer measurements; close it with `browser.close()`. */
export async function launchBrowser() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found; see scripts/browser.mjs.');
  return chromium.launch({ executablePath, args: chromiumArgs });
}

/**
 * Loads `url` in a fresh browser context (empty cache) and returns what was downloaded:
 * - `load`: responses until the network is idle after the load event (what a visitor gets by
 *   opening the page without touching it);
 * - `afterScroll`: the same plus whatever scrolling to the bottom fetched (islands that hydrate
 *   on `client:visible`, lazy images).
 * Each has `requests`, `transferBytes` (bodies as sent, plus response headers), `jsTransferBytes`
 * (script bodies as sent, i.e. gzip), `jsBytes` (script bodies decoded), `jsRequests`, and the
 * list of script files. `inlineScriptBytes` is the size of inline <script> text, which is part of
 * the HTML and not in the JS totals. `status` is the document's HTTP status. `missingTexts` lists
 * the strings of `expectTexts` not found in the page's rendered text (a check that the page
 * measured holds the content it should).
 */
export async function measurePage(browser, url, { expectTexts = [] } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const pending = [];
  let phase = 'load';
  page.on('response', (response) => pending.push(describe(response, phase)));
  try {
    const navigation = await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const status = navigation?.status() ?? 0;
    phase = 'scroll';
    await scrollToBottom(page);
    await page.waitForLoadState('networkidle');
    const inlineScriptBytes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('script:not([src])'))
        .filter((script) => !/json|importmap/.test(script.type))
        .reduce(
          (sum, script) => sum + new TextEncoder().encode(script.textContent ?? '').length,
          0,
        ),
    );
    const text = await page.innerText('body');
    const missingTexts = expectTexts.filter((expected) => !text.includes(expected));
    const responses = await Promise.all(pending);
    return {
      url,
      status,
      missingTexts,
      inlineScriptBytes,
      load: summarise(responses.filter((response) => response.phase === 'load')),
      afterScroll: summarise(responses),
    };
  } finally {
    await context.close();
  }
}

/** Scrolls one viewport at a time so every `client:visible` island enters the viewport once. */
async function scrollToBottom(page) {
  for (let i = 0; i < 200; i++) {
    const atBottom = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    });
    await page.waitForTimeout(50);
    if (atBottom) break;
  }
}

async function describe(response, phase) {
  const request = response.request();
  // `sizes()` needs the body to be complete; `finished()` resolves then (or with an error).
  await response.finished().catch(() => undefined);
  const sizes = await request.sizes().catch(() => undefined);
  const headers = await response.allHeaders().catch(() => ({}));
  const body = await response.body().catch(() => undefined);
  const contentType = headers['content-type'] ?? '';
  return {
    url: response.url(),
    phase,
    status: response.status(),
    resourceType: request.resourceType(),
    contentType,
    encoding: headers['content-encoding'] ?? 'identity',
    // Encoded body size as received: what crossed the network for the body.
    transferBodyBytes: sizes?.responseBodySize ?? 0,
    headerBytes: sizes?.responseHeadersSize ?? 0,
    // Decoded body size: what the browser parsed.
    bytes: body?.length ?? 0,
    isScript: request.resourceType() === 'script' || /javascript|ecmascript/.test(contentType),
  };
}

/**
 * Totals of a page's responses. A URL answered twice (a preloaded script that is then requested
 * again and served from the memory cache, which Chromium reports with a negative body size)
 * counts once, with what crossed the network.
 */
function summarise(all) {
  const byUrl = new Map();
  for (const response of all) {
    const seen = byUrl.get(response.url);
    if (seen === undefined || response.transferBodyBytes > seen.transferBodyBytes) {
      byUrl.set(response.url, response);
    }
  }
  const responses = [...byUrl.values()].map((response) => ({
    ...response,
    transferBodyBytes: Math.max(0, response.transferBodyBytes),
    headerBytes: Math.max(0, response.headerBytes),
  }));
  const scripts = responses.filter((response) => response.isScript);
  const sum = (list, key) => list.reduce((total, item) => total + item[key], 0);
  return {
    requests: responses.length,
    transferBytes: sum(responses, 'transferBodyBytes') + sum(responses, 'headerBytes'),
    bytes: sum(responses, 'bytes'),
    jsRequests: scripts.length,
    jsTransferBytes: sum(scripts, 'transferBodyBytes'),
    jsBytes: sum(scripts, 'bytes'),
    scripts: scripts.map(({ url, transferBodyBytes, bytes, encoding }) => ({
      url,
      transferBytes: transferBodyBytes,
      bytes,
      encoding,
    })),
  };
}
