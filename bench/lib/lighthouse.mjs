// Runs Lighthouse 13 on one URL with the Debian Chromium, and condenses its report.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumArgs, findChromium } from '../../scripts/browser.mjs';
import { makeTempDir, startDetached } from './process.mjs';
import { median } from './format.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * Flags on top of the repository's `chromiumArgs`. The three `background` flags stop Chromium from
 * throttling timers and rendering of a tab it considers hidden, which headless tabs can be; the
 * Lighthouse team's chrome-launcher sets them for the same reason.
 */
const lighthouseChromiumArgs = [
  '--headless',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--disable-extensions',
  '--mute-audio',
  '--no-default-browser-check',
];

/**
 * Starts a headless Chromium with a throwaway profile and a DevTools port chosen by Chromium
 * itself (`--remote-debugging-port=0`, read back from the profile's DevToolsActivePort file, so
 * no port can be taken by someone else in between). Resolves with `{ port, shutdown }`;
 * `shutdown()` asks Chromium to quit, waits for it, kills whatever is left of its process group
 * and removes the profile.
 */
async function launchDebuggableChromium() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found; see scripts/browser.mjs.');
  const profile = makeTempDir('chromium-profile');
  const chromium = startDetached(
    executablePath,
    [
      ...chromiumArgs,
      ...lighthouseChromiumArgs,
      '--remote-debugging-port=0',
      `--user-data-dir=${profile.dir}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  let port = 0;
  const shutdown = async () => {
    if (await closeThroughDevTools(port)) {
      await Promise.race([chromium.exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
    await chromium.shutdown();
    profile.remove();
  };
  const portFile = join(profile.dir, 'DevToolsActivePort');
  for (let i = 0; i < 300; i++) {
    if (existsSync(portFile)) {
      port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
      if (port > 0) return { port, shutdown };
    }
    if (chromium.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await shutdown();
  throw new Error(`Chromium (${executablePath}) did not open a DevTools port within 30 s.`);
}

/**
 * Asks the Chromium listening on DevTools `port` to quit (CDP `Browser.close`); resolves with true
 * once the request is sent, false when it could not be. Quitting this way, Chromium removes its
 * singleton folder in /tmp, which it leaves behind when ended by a signal, even SIGTERM.
 */
async function closeThroughDevTools(port) {
  if (!port) return false;
  try {
    const version = await fetch(`http://127.0.0.1:${port}/json/version`, {
      signal: AbortSignal.timeout(2000),
    });
    const { webSocketDebuggerUrl } = await version.json();
    const socket = new WebSocket(webSocketDebuggerUrl);
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no DevTools connection')), 2000);
      socket.addEventListener('open', () => {
        clearTimeout(timer);
        socket.send(JSON.stringify({ id: 1, method: 'Browser.close' }));
        resolve();
      });
      socket.addEventListener('error', () => {
        clearTimeout(timer);
        reject(new Error('DevTools connection failed'));
      });
    });
    return true;
  } catch {
    // Chromium is unresponsive or already gone; the caller kills it.
    return false;
  }
}

/**
 * One Lighthouse run of `url` with the `mobile` (Lighthouse's default: Moto G Power emulation,
 * simulated slow 4G and 4x CPU slowdown) or `desktop` preset, in a fresh Chromium. Resolves with
 * the condensed result (see `condense`); a Lighthouse runtime error is reported in `error`.
 */
export async function runLighthouse(url, { formFactor }) {
  const chrome = await launchDebuggableChromium();
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    return condense(result.lhr);
  } finally {
    await chrome.shutdown();
  }
}

/**
 * The parts of a Lighthouse report the benchmarks keep: category scores (0-100), the four
 * metrics, byte counts, and every audit that counts towards a category and scored below 1.
 */
function condense(lhr) {
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => {
      const score = lhr.categories[id]?.score;
      return [id, typeof score === 'number' ? Math.round(score * 100) : null];
    }),
  );
  const numeric = (id) => lhr.audits[id]?.numericValue ?? null;
  const scripts = lhr.audits['resource-summary']?.details?.items?.find(
    (item) => item.resourceType === 'script',
  );
  return {
    lighthouseVersion: lhr.lighthouseVersion,
    finalUrl: lhr.finalDisplayedUrl,
    error: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
    warnings: lhr.runWarnings ?? [],
    // Lighthouse's own CPU speed test of this machine (higher is faster; ~1000+ is a fast desktop).
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    scores,
    metrics: {
      fcpMs: numeric('first-contentful-paint'),
      lcpMs: numeric('largest-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
    },
    jsTransferBytes: scripts?.transferSize ?? 0,
    totalTransferBytes: numeric('total-byte-weight'),
    failingAudits: failingAudits(lhr),
  };
}

/**
 * Audits that count in one of the categories and did not get a full score. Informative, manual and
 * not-applicable audits have no score and never fail; an audit that errored is listed as such.
 */
function failingAudits(lhr) {
  const failing = new Map();
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit) continue;
      const errored = audit.scoreDisplayMode === 'error';
      if (!errored && (audit.score === null || audit.score >= 1)) continue;
      const entry = failing.get(audit.id) ?? {
        id: audit.id,
        title: audit.title,
        categories: [],
        score: audit.score,
        displayValue: audit.displayValue ?? audit.errorMessage ?? '',
        weight: 0,
      };
      entry.categories.push(id);
      entry.weight = Math.max(entry.weight, ref.weight ?? 0);
      failing.set(audit.id, entry);
    }
  }
  return [...failing.values()];
}

/**
 * Combines several condensed runs of the same page and preset: the median of every score, metric
 * and byte count, and the union of failing audits with how many runs each failed in.
 */
export function combineRuns(runs) {
  const ok = runs.filter((run) => !run.error);
  const pick = (read) => median(ok.map(read));
  const audits = new Map();
  for (const run of ok) {
    for (const audit of run.failingAudits) {
      const seen = audits.get(audit.id) ?? { ...audit, failedRuns: 0, scores: [] };
      seen.failedRuns += 1;
      seen.scores.push(audit.score);
      audits.set(audit.id, seen);
    }
  }
  return {
    runs: runs.length,
    okRuns: ok.length,
    errors: runs.map((run) => run.error).filter(Boolean),
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, pick((run) => run.scores[id])])),
    metrics: {
      fcpMs: pick((run) => run.metrics.fcpMs),
      lcpMs: pick((run) => run.metrics.lcpMs),
      tbtMs: pick((run) => run.metrics.tbtMs),
      cls: pick((run) => run.metrics.cls),
    },
    benchmarkIndex: pick((run) => run.benchmarkIndex),
    jsTransferBytes: pick((run) => run.jsTransferBytes),
    totalTransferBytes: pick((run) => run.totalTransferBytes),
    failingAudits: [...audits.values()].sort((a, b) => b.failedRuns - a.failedRuns),
  };
}
